import { useDeferredValue, useMemo, useState } from 'react';
import { groupByCategory, matchesQuery } from '../palette/searchCatalog';
import { PaletteItem } from '../palette/PaletteItem';
import { useDiagramStore } from '../state/diagramStore';

/** Left: the bundle catalog by category, searchable; drag or press Enter to add. */
export function Palette() {
  const bundles = useDiagramStore((state) => state.catalog.bundles);
  const catalogProblems = useDiagramStore((state) => state.catalog.diagnostics.length);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => groupByCategory(bundles.filter((bundle) => matchesQuery(bundle, deferred))), [bundles, deferred]);
  return (
    <aside className="palette" aria-label="Bundle palette">
      <h2>Bundles</h2>
      <input type="search" placeholder="Search bundles" aria-label="Search bundles" value={query} onChange={(event) => setQuery(event.target.value)} />
      {catalogProblems > 0 && <p className="palette-problem">⚠ The catalog has {catalogProblems} problem(s): see Problems.</p>}
      {bundles.length === 0 && <p className="empty">No bundle catalog loaded yet.</p>}
      {bundles.length > 0 && groups.length === 0 && <p className="empty">No bundle matches “{query}”.</p>}
      {groups.map(([category, members]) => (
        <section key={category} aria-label={`Category ${category}`}>
          <h3 className="palette-category">{category}</h3>
          <ul className="palette-list">
            {members.map((bundle) => (
              <PaletteItem key={bundle.ref} bundle={bundle} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
