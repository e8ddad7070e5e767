import { useEffect, useState } from 'react';
import type { NodeInventory } from '../../../src/core/api/areas/inventory';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';

/** The reverse trace: the resources of the node selected on the canvas, per environment. */
export function NodeResources() {
  const api = useApi();
  const projectId = useDiagramStore((state) => state.project?.id);
  const selected = useDiagramStore((state) => {
    const chosen = state.nodes.filter((node) => node.selected);
    return chosen.length === 1 ? chosen[0]!.id : undefined;
  });
  const [inventory, setInventory] = useState<{ nodeId: string; value?: NodeInventory; message?: string }>();
  useEffect(() => {
    if (!projectId || !selected) return;
    let live = true;
    void api.call('inventory.forNode', { projectId, nodeId: selected }).then((answer) => {
      if (live) setInventory(answer.ok ? { nodeId: selected, value: answer.value } : { nodeId: selected, message: answer.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, projectId, selected]);
  if (!selected) return <p className="operations-note">Select one node on the canvas to list its resources per environment.</p>;
  if (inventory?.nodeId !== selected) return null;
  if (inventory.message) return <p role="alert" className="operations-message">{inventory.message}</p>;
  const value = inventory.value!;
  return (
    <section aria-label={`Resources of ${value.node.name}`}>
      <h3>
        Resources of {value.node.name} <small className="operations-note">{value.node.bundle}</small>
      </h3>
      {value.environments.map((environment) => (
        <div key={environment.environmentId}>
          <h4>{environment.name}</h4>
          {environment.resources.length === 0 ? (
            <p className="operations-note">No resources in {environment.name}'s latest state.</p>
          ) : (
            <ul aria-label={`Resources of ${value.node.name} in ${environment.name}`}>
              {environment.resources.map((resource) => (
                <li key={resource.address}>
                  {resource.address} <small className="operations-note">{resource.resourceId ?? ''}</small>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
