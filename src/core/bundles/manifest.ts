import type { JsonSchema } from '../api/schema';
import type { Diagnostic } from '../diagnostics';

/** The artifact type of outputs of plain Terraform modules: connects only where the user confirms it. */
export const UNTYPED_ARTIFACT = 'untyped';

/** A typed input of a bundle: a module variable that receives an upstream artifact object. */
export interface ConnectionSpec {
  /** Artifact type name (bundles/types/<name>.yaml). */
  type: string;
  title: string;
  description?: string;
  required: boolean;
  /** Takes several artifacts (a Terraform list); otherwise exactly one edge. */
  list?: boolean;
}

/** A typed output of a bundle: a module output of the same name. */
export interface ArtifactSpec {
  type: string;
  title: string;
  description?: string;
}

export interface Preset {
  title: string;
  description?: string;
  values: Record<string, unknown>;
}

/** A provider a bundle's module needs, as in `required_providers`. */
export interface ProviderRequirement {
  source: string;
  version?: string;
}

/** A bundle's manifest, normalized whatever it was read from (bundle.yaml, plain .tf, massdriver.yaml). */
export interface BundleManifest {
  name: string;
  version: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  icon?: string;
  /** Module folder relative to the bundle folder (default `module`). */
  module: string;
  /** JSON Schema object; each property is a module variable. `writeOnly` = sensitive; `x-immutable` = may not change after the first apply. */
  params: JsonSchema;
  presets: Record<string, Preset>;
  connections: Record<string, ConnectionSpec>;
  artifacts: Record<string, ArtifactSpec>;
  /** rjsf uiSchema. */
  ui: Record<string, unknown>;
  /** From the module's `required_providers`. */
  providers: Record<string, ProviderRequirement>;
}

export type BundleOrigin = 'manifest' | 'plain-terraform' | 'massdriver';

/** One bundle version in the catalog. */
export interface CatalogBundle {
  /** `name@version`. */
  ref: string;
  manifest: BundleManifest;
  origin: BundleOrigin;
  /** sha256 of manifest and module files: a bundle version's identity. */
  hash: string;
  /** Absolute folder of the bundle on this machine (host-side only; never written into compiled files). */
  dir: string;
  /** Sensitive module outputs (the compiler marks their root outputs sensitive). */
  sensitiveOutputs: string[];
  diagnostics: Diagnostic[];
}

/** An artifact type: bundles/types/<name>.yaml. */
export interface ArtifactTypeDef {
  name: string;
  title: string;
  description?: string;
  /** CSS colour for handles and edges. */
  colour: string;
  sensitive: boolean;
  schema: JsonSchema;
  /** The type this one specializes: an artifact of this type also connects where the parent is accepted. */
  extends?: string;
}

/** The catalog as every layer sees it. */
export interface CatalogSnapshot {
  bundles: CatalogBundle[];
  types: ArtifactTypeDef[];
  /** Problems not tied to one bundle (duplicate name@version, bad type files, unreadable folders). */
  diagnostics: Diagnostic[];
}
