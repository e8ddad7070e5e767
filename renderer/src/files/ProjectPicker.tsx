import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../src/core/api/areas/project';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';

/** Top bar: which project is open; choosing another opens it. */
export function ProjectPicker() {
  const api = useRunStore((state) => state.api);
  const current = useDiagramStore((state) => state.project?.id);
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.call('project.list', {}).then((result) => live && result.ok && setProjects(result.value.projects));
    return () => {
      live = false;
    };
  }, [api, current]);
  return (
    <label className="project-picker">
      Project{' '}
      <select value={current ?? ''} onChange={(event) => void useDiagramStore.getState().open(event.target.value)}>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </select>
    </label>
  );
}
