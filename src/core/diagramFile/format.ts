/** The diagram file format this Driftless writes. Older ones are migrated when read (see migrations.ts). */
export const CURRENT_FORMAT = 1;

/** A node as the file holds it. */
export interface FileNode {
  id: string;
  name: string;
  bundle: string;
  position: { x: number; y: number };
  params: Record<string, unknown>;
  formerNames?: string[];
}

export interface FileEdge {
  id: string;
  from: { node: string; artifact: string };
  to: { node: string; connection: string };
  confirmedUntyped?: boolean;
}

export interface FileEnvironment {
  id: string;
  name: string;
  providers: Record<string, Record<string, unknown>>;
  backend: { type: string; config?: Record<string, unknown> };
  overrides: Record<string, Record<string, unknown>>;
}

/** `*.driftless.json`, format 1 (schemas/diagram-file.schema.json publishes it). */
export interface DiagramFileV1 {
  $schema?: string;
  format: 1;
  project: { id: string; name: string };
  /** Every bundle ref the nodes use, `name@version` → its content hash when known. */
  bundles: Record<string, { hash?: string }>;
  nodes: FileNode[];
  edges: FileEdge[];
  environments: FileEnvironment[];
}

/** How a secret param appears in a file: whether it is set, never its value. */
export const SECRET_STATES = ['set', 'unset'] as const;

/** Backend types a file may name besides `embedded`. */
export const REMOTE_BACKENDS = ['s3', 'gcs', 'azurerm', 'pg', 'remote'] as const;
