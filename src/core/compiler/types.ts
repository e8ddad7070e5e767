import type { CatalogBundle, CatalogSnapshot } from '../bundles/manifest';
import type { Diagnostic } from '../diagnostics';
import type { ValidateParams } from '../diagram/validateNodes';
import type { DependencyGraph } from '../graph/dependencyGraph';
import type { DiagramEdge, DiagramNode, Environment, Project } from '../model/diagram';

/** A bundle module the host copies into the workdir: `from` (+ `module`) on this machine → `to` inside it. */
export interface ModuleSource {
  bundleRef: string;
  hash: string;
  /** The bundle folder (absolute, host-side only: never written into a compiled file). */
  from: string;
  /** The module folder inside `from` (`module`, or `.` for a plain Terraform folder). */
  module: string;
  /** `modules/<name>@<version>-<hash12>`, relative to the workdir. */
  to: string;
}

/** A sensitive param: the runner sets `TF_VAR_<variable>` from the secret store; no file holds it. */
export interface SecretInput {
  variable: string;
  nodeId: string;
  node: string;
  param: string;
}

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of the chunks' concatenation (hashed chunk by chunk: no
 * large string). Chunks must not split a surrogate pair; canonicalJsonChunks cuts only between JSON tokens.
 */
export type Sha256 = (chunks: readonly string[]) => string;

export interface CompileOptions {
  /** Who generated the files, for the README (for example `driftless 0.1.0`). */
  generatedBy?: string;
  /** SHA-256 to hash with; the host passes node:crypto's, faster than the pure default. */
  sha256?: Sha256;
  /** Checks param values against each bundle's JSON Schema (the host passes its ajv validator). */
  validateParams?: ValidateParams;
}

export interface CompileResult {
  /** File name → content. Empty when there are errors: nothing half-written. */
  files: Record<string, string>;
  diagnostics: Diagnostic[];
  moduleSources: ModuleSource[];
  secretInputs: SecretInput[];
  /** sha256 of the canonical project + environment JSON. */
  diagramHash: string;
}

/** What validation hands on: the environment and each node's bundle, all known to exist. */
export interface ValidatedInput {
  project: Project;
  environment: Environment;
  catalog: CatalogSnapshot;
  bundles: Map<string, CatalogBundle>;
  /** The diagram's dependency graph, built once for the cycle check and the order. */
  graph: DependencyGraph;
  /** Node ids in dependency order (ties by name), found by the cycle check; empty when there is a cycle. */
  order: string[];
  /** Node id → node. */
  nodes: Map<string, DiagramNode>;
  /** Node id → the edges into it, in diagram order (all of them when validation found no error). */
  incoming: Map<string, DiagramEdge[]>;
}

/** An output of the root module for one artifact of one node. */
export interface ResolvedOutput {
  name: string;
  artifact: string;
  sensitive: boolean;
}

/** One node ready to emit. */
export interface ResolvedNode {
  node: DiagramNode;
  bundle: CatalogBundle;
  source: ModuleSource;
  /** The module block: comment, source, then every input (an escaped literal or a reference) in sorted order. */
  block: Record<string, unknown>;
  secrets: SecretInput[];
  outputs: ResolvedOutput[];
}

export interface ResolvedProject {
  input: ValidatedInput;
  nodes: Map<string, ResolvedNode>;
  requiredProviders: Record<string, { source: string; version?: string }>;
  /** Provider name → one configuration, or several when aliases are configured. */
  providers: Record<string, Record<string, unknown> | Record<string, unknown>[]>;
  backend: Record<string, Record<string, unknown>>;
  moved: { from: string; to: string }[];
}
