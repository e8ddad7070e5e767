import type { CatalogBundle } from '../../../src/core/bundles/manifest';

/** True when every word of the query is in the bundle's name, title, description, tags or artifact types. */
export function matchesQuery(bundle: CatalogBundle, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { manifest } = bundle;
  const haystack = [
    manifest.name,
    manifest.title,
    manifest.description,
    manifest.category,
    ...manifest.tags,
    ...Object.values(manifest.connections).map((spec) => spec.type),
    ...Object.values(manifest.artifacts).map((spec) => spec.type),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Bundles grouped by category (sorted), each group sorted by title. */
export function groupByCategory(bundles: readonly CatalogBundle[]): [string, CatalogBundle[]][] {
  const groups = new Map<string, CatalogBundle[]>();
  for (const bundle of bundles) {
    const category = bundle.manifest.category || 'Other';
    groups.set(category, [...(groups.get(category) ?? []), bundle]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, members]) => [category, members.sort((a, b) => a.manifest.title.localeCompare(b.manifest.title) || a.ref.localeCompare(b.ref))]);
}
