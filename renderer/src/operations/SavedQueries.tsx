import type { ExampleQuery, SavedQuery } from '../../../src/core/api/areas/query';

interface SavedQueriesProps {
  saved: SavedQuery[];
  examples: ExampleQuery[];
  onLoad(sql: string): void;
  onDelete(name: string): void;
}

/** The saved queries (load, delete) and the examples shipped with Driftless (load). */
export function SavedQueries({ saved, examples, onLoad, onDelete }: SavedQueriesProps) {
  return (
    <aside className="query-side" aria-label="Saved and example queries">
      <h3>Saved queries</h3>
      {saved.length === 0 && <p className="operations-note">None yet: name a query and save it.</p>}
      <ul aria-label="Saved queries">
        {saved.map((query) => (
          <li key={query.name}>
            <button type="button" title={query.description || query.sql} aria-label={`Load saved query ${query.name}`} onClick={() => onLoad(query.sql)}>
              {query.name}
            </button>
            <button type="button" aria-label={`Delete saved query ${query.name}`} onClick={() => onDelete(query.name)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <h3>Examples</h3>
      <ul aria-label="Example queries">
        {examples.map((example) => (
          <li key={example.title}>
            <button type="button" title={example.description} aria-label={`Load example ${example.title}`} onClick={() => onLoad(example.sql)}>
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
