import type { ArtifactTypeDef, ConnectionSpec } from './manifest';
import { UNTYPED_ARTIFACT } from './manifest';

export type Compatibility = { ok: true; needsConfirmation?: boolean } | { ok: false; reason: string };

/** The chain of types an artifact type is: itself, then each declared ancestor (`extends`). */
export function ancestry(typeName: string, types: readonly ArtifactTypeDef[]): string[] {
  const byName = new Map(types.map((type) => [type.name, type]));
  const chain: string[] = [];
  let current: string | undefined = typeName;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = byName.get(current)?.extends;
  }
  return chain;
}

/**
 * The one rule for wiring an artifact into a connection, used by the canvas (isValidConnection)
 * and by validation and the compiler: same type, or a type that declares the connection's type
 * as an ancestor. Untyped artifacts (plain Terraform outputs) connect only after the user confirms.
 */
export function canConnect(artifactType: string, connection: ConnectionSpec, types: readonly ArtifactTypeDef[]): Compatibility {
  if (artifactType === UNTYPED_ARTIFACT || connection.type === UNTYPED_ARTIFACT) {
    return { ok: true, needsConfirmation: true };
  }
  if (ancestry(artifactType, types).includes(connection.type)) return { ok: true };
  const title = (name: string) => types.find((type) => type.name === name)?.title ?? name;
  return {
    ok: false,
    reason: `"${connection.title}" takes ${title(connection.type)} (${connection.type}); this artifact is ${title(artifactType)} (${artifactType}).`,
  };
}
