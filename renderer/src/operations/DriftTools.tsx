import { useEffect, useState } from 'react';
import type { DriftReport } from '../../../src/core/api/areas/drift';
import { useApi } from '../api/ApiContext';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { DriftAccept } from './DriftAccept';
import { DriftResources } from './DriftResources';
import { DriftRevert } from './DriftRevert';
import { DriftSchedule } from './DriftSchedule';
import { EnvironmentOptions } from '../environments/EnvironmentOptions';

/** Waits until every diagram edit has reached the host, so a check plans what the user sees. */
const saved = () =>
  new Promise<void>((resolve) => {
    if (useDiagramStore.getState().pending === 0) return resolve();
    const stop = useDiagramStore.subscribe((state) => state.pending === 0 && (stop(), resolve()));
  });

/** Drift per environment: check (now or on a schedule), the drifted resources, then Accept or Revert. */
export function DriftTools() {
  const api = useApi();
  const project = useDiagramStore((state) => state.project);
  const current = useUiStore((state) => state.environmentId);
  const [environmentId, setEnvironmentId] = useState<string>();
  const [report, setReport] = useState<DriftReport>();
  const [checking, setChecking] = useState(false);
  const [acted, setActed] = useState(false);
  const [message, setMessage] = useState<string>();
  const chosen = environmentId ?? current ?? project?.environments[0]?.id;

  // Scheduled checks (and checks from elsewhere) of the chosen environment show up too — but never
  // over an Accept or Revert in progress, whose outcome the user is waiting to read.
  useEffect(
    () =>
      api.subscribe('drift.checked', (checked) => {
        if (checked.environmentId !== chosen || acted) return;
        setReport((shown) => (shown?.driftRunId === checked.driftRunId ? shown : checked));
      }),
    [api, chosen, acted],
  );

  if (!project) return <p className="operations-note">No project is open.</p>;
  const environment = project.environments.find((candidate) => candidate.id === chosen);
  if (!environment) return <p className="operations-note">This project has no environment.</p>;
  const name = environment.name;

  const check = async () => {
    setChecking(true);
    setMessage(undefined);
    setReport(undefined);
    setActed(false);
    await saved();
    const answer = await api.call('drift.check', { projectId: project.id, environmentId: environment.id });
    setChecking(false);
    if (!answer.ok) return setMessage(answer.error.message);
    setReport(answer.value);
    // Badges on the canvas: the run that shows the drift (refresh-only for changes outside, the plan for a changed state).
    if (answer.value.drifted && environment.id === useUiStore.getState().environmentId) {
      const outside = Object.values(answer.value.nodes).some((resources) => resources.some((resource) => resource.source === 'outside'));
      void useRunStore.getState().show(outside ? answer.value.driftRunId : answer.value.planRunId);
    }
  };

  const drifted = report ? Object.values(report.nodes).reduce((sum, resources) => sum + resources.length, 0) : 0;
  const summary = checking
    ? `Checking ${name} for drift: a refresh-only plan, then a normal plan…`
    : !report
      ? `Not checked yet in this session.`
      : !report.ok
        ? `The check of ${name} did not finish: ${report.message ?? 'see the runs'}`
        : !report.drifted
          ? `No drift in ${name}: reality matches the last apply.`
          : `${name} has drifted: ${drifted} resource${drifted === 1 ? '' : 's'} on ${Object.keys(report.nodes).length} node${Object.keys(report.nodes).length === 1 ? '' : 's'}. Choose Accept or Revert.`;
  return (
    <div className="drift-tools">
      <div className="operations-row">
        <label>
          Environment
          <select
            value={environment.id}
            onChange={(event) => {
              setEnvironmentId(event.target.value);
              setReport(undefined);
              setMessage(undefined);
            }}
          >
            <EnvironmentOptions environments={project.environments} />
          </select>
        </label>
        <button type="button" onClick={() => void check()} disabled={checking}>
          {report ? 'Check again' : 'Check for drift'}
        </button>
      </div>
      <p role="status" aria-label="Drift status" className={report?.drifted ? 'drift-summary drifted' : 'drift-summary'}>
        {summary}
        {report && !checking && <small> Checked {new Date(report.checkedAt).toLocaleTimeString()}.</small>}
      </p>
      {message && <p className="operations-message">{message}</p>}
      {report?.drifted && (
        <>
          <DriftResources report={report} project={project} />
          <div className="plans-side-by-side" key={report.driftRunId}>
            <DriftAccept report={report} project={project} environment={name} disabled={acted} onStarted={() => setActed(true)} />
            <DriftRevert report={report} environment={name} disabled={acted} onStarted={() => setActed(true)} />
          </div>
        </>
      )}
      <DriftSchedule key={environment.id} projectId={project.id} environmentId={environment.id} environment={name} />
    </div>
  );
}
