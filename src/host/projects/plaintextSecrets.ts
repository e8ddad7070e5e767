import type { Diagnostic } from '../../core/diagnostics';
import { checkEnvironmentCredentials } from '../../core/diagram/credentials';
import { isSecretMarker, type Project } from '../../core/model/diagram';

/** The sensitive (`writeOnly`) params of a bundle `name@version`, or undefined when it is unknown here. */
export type SensitiveParams = (bundle: string) => ReadonlySet<string> | undefined;

/**
 * Diagnostics for every sensitive param (or override) that an edit would store as plain text, and
 * every credential it would add to an environment's provider or backend settings. Sensitive values
 * go through `secret.set`, encrypted; credentials come from the environment terraform runs in.
 */
export function plaintextSecrets(before: Project, after: Project, sensitive: SensitiveParams): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const oldNodes = new Map(before.diagram.nodes.map((node) => [node.id, node]));
  const bundleOf = new Map<string, string>();
  for (const node of after.diagram.nodes) {
    bundleOf.set(node.id, node.bundle);
    const old = oldNodes.get(node.id);
    if (old === node) continue;
    const secret = sensitive(node.bundle);
    if (!secret) continue;
    for (const [param, value] of Object.entries(node.params)) {
      if (!secret.has(param) || isSecretMarker(value) || (old && old.params[param] === value)) continue;
      diagnostics.push(refusal(node.id, param));
    }
  }
  const oldEnvironments = new Map(before.environments.map((environment) => [environment.id, environment]));
  for (const environment of after.environments) {
    const old = oldEnvironments.get(environment.id);
    if (old === environment) continue;
    // Only credentials this change adds: one stored before this rule must not block fixing it.
    const before = new Set(old ? checkEnvironmentCredentials(old).map((diagnostic) => diagnostic.location?.field) : []);
    diagnostics.push(...checkEnvironmentCredentials(environment).filter((diagnostic) => !before.has(diagnostic.location?.field)));
    for (const [nodeId, values] of Object.entries(environment.overrides)) {
      const bundle = bundleOf.get(nodeId);
      const secret = bundle === undefined ? undefined : sensitive(bundle);
      if (!secret || old?.overrides[nodeId] === values) continue;
      for (const [param, value] of Object.entries(values)) {
        if (!secret.has(param) || isSecretMarker(value) || old?.overrides[nodeId]?.[param] === value) continue;
        diagnostics.push({ ...refusal(nodeId, param), location: { nodeId, field: param, environment: environment.name } });
      }
    }
  }
  return diagnostics;
}

function refusal(nodeId: string, param: string): Diagnostic {
  return {
    severity: 'error',
    code: 'secret.plaintext',
    message: `"${param}" is sensitive, so its value is not stored in the diagram. Set it as a secret instead (it is kept encrypted).`,
    location: { nodeId, field: param },
  };
}
