import { useCallback, useEffect, useState } from 'react';
import type { ExampleQuery, QueryResult, SavedQuery } from '../../../src/core/api/areas/query';
import { toCsv } from '../../../src/core/query/csv';
import { useApi } from '../api/ApiContext';
import { downloadText } from './downloadText';
import { ResultTable } from './ResultTable';
import { SavedQueries } from './SavedQueries';

const FIRST_QUERY = 'SELECT * FROM resources LIMIT 50';

/** Read-only SQL over the documented views: run with Ctrl+Enter, results as a table, CSV export, saved queries. */
export function QueryConsole() {
  const api = useApi();
  const [sql, setSql] = useState(FIRST_QUERY);
  const [name, setName] = useState('');
  const [result, setResult] = useState<QueryResult>();
  const [refusal, setRefusal] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState<SavedQuery[]>([]);
  const [examples, setExamples] = useState<ExampleQuery[]>([]);

  const reloadSaved = useCallback(async () => {
    const answer = await api.call('query.saved.list', {});
    if (answer.ok) setSaved(answer.value);
  }, [api]);
  useEffect(() => {
    void api.call('query.saved.list', {}).then((answer) => answer.ok && setSaved(answer.value));
    void api.call('query.examples', {}).then((answer) => answer.ok && setExamples(answer.value));
  }, [api]);

  const run = async () => {
    if (!sql.trim()) return setRefusal('Write a SELECT statement first.');
    setRunning(true);
    const answer = await api.call('query.run', { sql });
    setRunning(false);
    setNotice(undefined);
    if (answer.ok) {
      setResult(answer.value);
      setRefusal(undefined);
    } else {
      setResult(undefined);
      setRefusal(answer.error.message);
    }
  };
  const save = async () => {
    if (!name.trim()) return setNotice('Name the query to save it.');
    const answer = await api.call('query.saved.save', { name: name.trim(), sql });
    if (!answer.ok) return setRefusal(answer.error.message);
    setNotice(`Saved "${answer.value.name}".`);
    await reloadSaved();
  };
  const remove = async (queryName: string) => {
    const answer = await api.call('query.saved.delete', { name: queryName });
    if (!answer.ok) return setRefusal(answer.error.message);
    setNotice(`Deleted "${queryName}".`);
    await reloadSaved();
  };
  const exportCsv = () => result && downloadText('query.csv', toCsv(result.columns, result.rows), 'text/csv');

  return (
    <div className="query-layout">
      <div>
        <label>
          SQL (read-only; Ctrl+Enter runs it)
          <textarea
            className="query-editor"
            aria-label="SQL"
            spellCheck={false}
            value={sql}
            onChange={(event) => setSql(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void run();
              }
            }}
          />
        </label>
        <div className="operations-row">
          <button type="button" onClick={() => void run()} disabled={running} aria-keyshortcuts="Control+Enter">
            {running ? 'Running…' : 'Run query'}
          </button>
          <button type="button" onClick={exportCsv} disabled={!result}>
            Export CSV
          </button>
          <label>
            Query name
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="button" onClick={() => void save()}>
            Save query
          </button>
          {notice && <span role="status">{notice}</span>}
        </div>
        {refusal && (
          <p role="alert" aria-label="Query refused" className="operations-message">
            {refusal}
          </p>
        )}
        {result && <ResultTable result={result} />}
      </div>
      <SavedQueries saved={saved} examples={examples} onLoad={(text) => setSql(text)} onDelete={(queryName) => void remove(queryName)} />
    </div>
  );
}
