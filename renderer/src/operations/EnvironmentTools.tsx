import { useDiagramStore } from '../state/diagramStore';
import { CompareEnvironments } from './CompareEnvironments';
import { ForkEnvironment } from './ForkEnvironment';
import { PromoteNode } from './PromoteNode';

/** Fork, compare and promote between the open project's environments. */
export function EnvironmentTools() {
  const project = useDiagramStore((state) => state.project);
  if (!project) return <p className="operations-note">No project is open.</p>;
  return (
    <div className="environment-tools">
      <ForkEnvironment project={project} />
      <PromoteNode project={project} />
      <CompareEnvironments project={project} />
    </div>
  );
}
