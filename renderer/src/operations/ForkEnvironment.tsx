import { useState, type FormEvent } from 'react';
import type { Project } from '../../../src/core/model/diagram';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';
import { EnvironmentOptions } from '../environments/EnvironmentOptions';

/** A new environment with a copy of one's settings and overrides — never its state; secrets only when asked. */
export function ForkEnvironment({ project }: { project: Project }) {
  const api = useApi();
  const [from, setFrom] = useState(project.environments[0]?.id ?? '');
  const [name, setName] = useState('');
  const [copySecrets, setCopySecrets] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const fork = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMessage({ text: 'Name the new environment.', error: true });
    const answer = await api.call('environment.fork', { projectId: project.id, environmentId: from || project.environments[0]!.id, name: name.trim(), copySecrets });
    if (!answer.ok) return setMessage({ text: answer.error.message, error: true });
    if (!answer.value.applied) return setMessage({ text: answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' '), error: true });
    await useDiagramStore.getState().open(project.id);
    setMessage({ text: `Forked "${name.trim()}"${answer.value.secretsCopied ? ` with ${answer.value.secretsCopied} secret(s)` : ''}. It has no state yet.`, error: false });
    setName('');
  };
  return (
    <section aria-label="Fork an environment">
      <h3>Fork</h3>
      <form onSubmit={(event) => void fork(event)}>
        <label>
          Fork from
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            <EnvironmentOptions environments={project.environments} />
          </select>
        </label>
        <label>
          New environment name
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          <span>
            <input type="checkbox" checked={copySecrets} onChange={(event) => setCopySecrets(event.target.checked)} /> Copy secrets too
          </span>
        </label>
        <button type="submit">Fork environment</button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'operations-message' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
