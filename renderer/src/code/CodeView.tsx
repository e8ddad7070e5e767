import { useEffect, useMemo, useState } from 'react';
import type { CodePreview } from '../../../src/core/api/areas/code';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';
import { highlightJson } from './highlightJson';
import { useRunEnvironment } from '../state/useRunEnvironment';

/** The compiled root module of the current environment, read-only, JSON highlighted. Recompiled after edits settle. */
export function CodeView() {
  const api = useRunStore((state) => state.api);
  const project = useDiagramStore((state) => state.project);
  const environment = useRunEnvironment();
  const [preview, setPreview] = useState<CodePreview>();
  const [error, setError] = useState<string>();
  const [file, setFile] = useState<string>();

  useEffect(() => {
    if (!api || !project || !environment) return;
    let live = true;
    // Wait until the edit reached the host (it persists within a second).
    const timer = setTimeout(() => {
      void api.call('code.preview', { projectId: project.id, environmentId: environment.id }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setPreview(result.value);
          setError(undefined);
        } else setError(result.error.message);
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, project, environment]);

  const files = preview?.files;
  // main.tf.json first: the root module is what people come here for.
  const names = useMemo(() => Object.keys(files ?? {}).sort((a, b) => Number(b === 'main.tf.json') - Number(a === 'main.tf.json') || a.localeCompare(b)), [files]);
  const shown = file && names.includes(file) ? file : names[0];
  const tokens = useMemo(() => {
    const text = shown && files ? (files[shown] ?? '') : '';
    return shown?.endsWith('.json') ? highlightJson(text) : [{ kind: 'punctuation' as const, text }];
  }, [files, shown]);

  if (!environment) return <p className="empty">No environment to compile for.</p>;
  if (error) return <p className="field-error">{error}</p>;
  if (!preview) return <p className="empty">Compiling…</p>;
  if (names.length === 0)
    return (
      <div>
        <p className="field-error">Nothing compiled: fix these problems first.</p>
        <ul>{preview.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic, index) => <li key={index}>{diagnostic.message}</li>)}</ul>
      </div>
    );
  return (
    <div className="code-view">
      <label>
        File{' '}
        <select value={shown} onChange={(event) => setFile(event.target.value)}>
          {names.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">compiled for {environment.name}, read-only</span>
      <pre className="code" aria-label={`Compiled ${shown}`} tabIndex={0}>
        {tokens.map((token, index) => (token.kind === 'punctuation' ? token.text : <span key={index} className={`json-${token.kind}`}>{token.text}</span>))}
      </pre>
    </div>
  );
}
