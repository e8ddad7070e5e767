import { randomUUID } from 'node:crypto';
import type { ForkResponse, PromoteResponse } from '../../core/api/areas/environment';
import { ApiFailure } from '../../core/api/errors';
import { destroyTargets } from '../../core/destroy/destroyTargets';
import { compareEnvironments } from '../../core/environments/compare';
import { forkEnvironment } from '../../core/environments/fork';
import { promoteNodeParams } from '../../core/environments/promote';
import type { Environment, Project } from '../../core/model/diagram';
import type { ProjectService } from '../projects/projectService';
import { secretKey } from '../secrets/secretStore';
import type { HostDatabase } from '../store/hostDatabase';

/** Environment operations over the project service: fork, compare, promote, and what a destroy takes. */
export function createEnvironmentService(options: { projects: ProjectService; database: HostDatabase }) {
  const { projects } = options;

  async function load(projectId: string): Promise<Project> {
    return (await projects.get(projectId)).project;
  }

  function environmentOf(project: Project, environmentId: string): Environment {
    const environment = project.environments.find((candidate) => candidate.id === environmentId);
    if (!environment) {
      const names = project.environments.map((candidate) => `${candidate.name} (${candidate.id})`).join(', ');
      throw new ApiFailure('not_found', `There is no environment "${environmentId}" in project "${project.name}". Its environments: ${names || 'none'}.`);
    }
    return environment;
  }

  return {
    async fork(request: { projectId: string; environmentId: string; name: string; copySecrets?: boolean; baseRevision?: number }): Promise<ForkResponse> {
      const project = await load(request.projectId);
      const source = environmentOf(project, request.environmentId);
      const fork = forkEnvironment(project, source, { id: randomUUID(), name: request.name });
      if (!fork.edit) return { applied: false, revision: projects.repository().revision(project.id), secretsCopied: 0, diagnostics: fork.diagnostics };
      // Decrypt first: a secret that cannot be read refuses the fork before anything is written.
      const secrets: { nodeId: string; param: string; value: string }[] = [];
      if (request.copySecrets) {
        const values = projects.secrets().resolveSecrets(project.id, source.id);
        const slots = options.database.get().prepare('SELECT node_id, key FROM secrets WHERE project_id = ? AND environment_id = ?').all(project.id, source.id) as { node_id: string; key: string }[];
        for (const slot of slots) {
          const value = values.get(secretKey(slot.node_id, slot.key));
          if (value !== undefined) secrets.push({ nodeId: slot.node_id, param: slot.key, value });
        }
      }
      const outcome = await projects.apply(project.id, fork.edit, request.baseRevision);
      if (!outcome.applied) return { applied: false, revision: outcome.revision, secretsCopied: 0, diagnostics: [...fork.diagnostics, ...outcome.diagnostics] };
      const environmentId = fork.environment!.id;
      try {
        for (const secret of secrets) projects.secrets().set({ projectId: project.id, environmentId, nodeId: secret.nodeId, param: secret.param }, secret.value);
      } catch (error) {
        await projects.apply(project.id, { kind: 'removeEnvironment', environmentId }); // all or nothing: its secrets go with it
        throw error;
      }
      const view = await projects.get(project.id);
      return { applied: true, environmentId, revision: view.revision, secretsCopied: secrets.length, diagnostics: [...fork.diagnostics, ...view.diagnostics] };
    },

    async compare(request: { projectId: string; environmentIds?: string[]; hideIdentical?: boolean }) {
      const project = await load(request.projectId);
      const environments = request.environmentIds ? request.environmentIds.map((id) => environmentOf(project, id)) : project.environments;
      return compareEnvironments(project, environments, { hideIdentical: request.hideIdentical });
    },

    async promote(request: { projectId: string; nodeId: string; from: string; to: string; confirm?: boolean; baseRevision?: number }): Promise<PromoteResponse> {
      const project = await load(request.projectId);
      const from = environmentOf(project, request.from);
      const to = environmentOf(project, request.to);
      if (from.id === to.id) throw new ApiFailure('invalid_request', 'Promote from one environment to another: "from" and "to" are the same.');
      const promotion = promoteNodeParams(project, request.nodeId, from, to);
      if (!request.confirm || promotion.edits.length === 0) return { edits: promotion.edits, applied: false, diagnostics: promotion.diagnostics };
      const outcome = await projects.apply(project.id, { kind: 'batch', edits: promotion.edits }, request.baseRevision);
      return { edits: promotion.edits, applied: outcome.applied, revision: outcome.revision, diagnostics: [...promotion.diagnostics, ...outcome.diagnostics] };
    },

    async destroyTargets(projectId: string, nodeId: string) {
      const project = await load(projectId);
      if (!project.diagram.nodes.some((node) => node.id === nodeId)) throw new ApiFailure('not_found', `There is no node "${nodeId}" in project "${project.name}".`);
      const targets = destroyTargets(project, nodeId);
      const names = new Map(project.diagram.nodes.map((node) => [node.id, node.name]));
      return { ...targets, nodes: targets.nodeIds.map((id) => names.get(id)!) };
    },
  };
}

export type EnvironmentService = ReturnType<typeof createEnvironmentService>;
