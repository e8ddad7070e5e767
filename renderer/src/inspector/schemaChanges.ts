import type { BundleManifest } from '../../../src/core/bundles/manifest';

type Properties = Record<string, { type?: unknown; writeOnly?: unknown }>;

/** What changes for a node moving from one version of a bundle to another, in plain sentences. */
export function schemaChanges(from: BundleManifest, to: BundleManifest): string[] {
  const changes: string[] = [];
  const before = (from.params.properties ?? {}) as Properties;
  const after = (to.params.properties ?? {}) as Properties;
  const requiredBefore = new Set((from.params.required ?? []) as string[]);
  const requiredAfter = new Set((to.params.required ?? []) as string[]);
  for (const name of Object.keys(after)) {
    if (!(name in before)) changes.push(`New param "${name}"${requiredAfter.has(name) ? ' (required)' : ''}.`);
    else if (JSON.stringify(before[name]!.type) !== JSON.stringify(after[name]!.type)) changes.push(`Param "${name}" changes type from ${JSON.stringify(before[name]!.type)} to ${JSON.stringify(after[name]!.type)}.`);
    else if (!requiredBefore.has(name) && requiredAfter.has(name)) changes.push(`Param "${name}" becomes required.`);
  }
  for (const name of Object.keys(before)) if (!(name in after)) changes.push(`Param "${name}" is removed; its value will be dropped.`);
  const ports = (kind: string, a: Record<string, { type: string }>, b: Record<string, { type: string }>) => {
    for (const name of Object.keys(b)) {
      if (!(name in a)) changes.push(`New ${kind} "${name}" (${b[name]!.type}).`);
      else if (a[name]!.type !== b[name]!.type) changes.push(`The ${kind} "${name}" changes type from ${a[name]!.type} to ${b[name]!.type}.`);
    }
    for (const name of Object.keys(a)) if (!(name in b)) changes.push(`The ${kind} "${name}" is removed; its edges will be invalid.`);
  };
  ports('connection', from.connections, to.connections);
  ports('artifact', from.artifacts, to.artifacts);
  return changes;
}
