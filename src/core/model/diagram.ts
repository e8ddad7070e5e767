/** A node on the canvas: one bundle instance, compiled to one `module` block. */
export interface DiagramNode {
  /** Stable id; never changes, survives renames. */
  id: string;
  /** A valid, unique Terraform identifier: the module block's name. */
  name: string;
  /** `name@version` of the bundle. */
  bundle: string;
  position: { x: number; y: number };
  /**
   * Param values (defaults for every environment). A sensitive (writeOnly) param never holds its
   * value here: only the marker `{"$secret": "set"}`; the value lives encrypted in the store.
   */
  params: Record<string, unknown>;
  /** Earlier names, oldest first: the compiler emits `moved` blocks from each to `name`. */
  formerNames?: string[];
}

/** A typed connection: an artifact of one node feeds a connection of another. */
export interface DiagramEdge {
  id: string;
  from: { node: string; artifact: string };
  to: { node: string; connection: string };
  /** Set when the user confirmed wiring an untyped artifact (plain Terraform module output). */
  confirmedUntyped?: boolean;
}

/** Where an environment's state lives. */
export type BackendChoice =
  | { type: 'embedded' }
  | { type: 's3' | 'gcs' | 'azurerm' | 'pg' | 'remote'; config: Record<string, unknown> };

/** One environment of a project: same diagram, its own params, settings and state. */
export interface Environment {
  id: string;
  /** Unique in the project; used in CLI flags (`--env NAME`). */
  name: string;
  /** Provider settings by provider name, for example `{aws: {region: "eu-west-1", profile: "dev"}}`. */
  providers: Record<string, Record<string, unknown>>;
  /** Per-node param overrides: node id → param → value. */
  overrides: Record<string, Record<string, unknown>>;
  backend: BackendChoice;
}

/** The diagram all environments of a project share. */
export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface Project {
  id: string;
  name: string;
  diagram: Diagram;
  environments: Environment[];
  /** Content hash of each bundle ref as a diagram file recorded it (`name@version` → sha256): tells when a bundle changed under the same version. */
  bundleHashes?: Record<string, string>;
}

/** The marker a sensitive param holds in place of its value. */
export const SECRET_SET = { $secret: 'set' } as const;

/** True when a param value is the secret marker. */
export function isSecretMarker(value: unknown): value is typeof SECRET_SET {
  return typeof value === 'object' && value !== null && (value as { $secret?: unknown }).$secret === 'set';
}
