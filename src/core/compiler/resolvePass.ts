import type { CatalogBundle } from '../bundles/manifest';
import type { Diagnostic, WithDiagnostics } from '../diagnostics';
import { isSecretMarker, type DiagramEdge, type DiagramNode, type Environment } from '../model/diagram';
import { escapeTemplate, escapeValue, sortKeysDeep } from './escape';
import { effectiveParams, paramSpecs, type ParamSpec } from './params';
import type { ModuleSource, ResolvedNode, ResolvedOutput, ResolvedProject, ValidatedInput } from './types';
import { constraintsCompatible } from './versionConstraints';

/** `modules/<name>@<version>-<first 12 hex of the bundle hash>`: a bundle version's content-addressed copy. */
export function moduleFolderOf(bundle: CatalogBundle): string {
  const hex = bundle.hash.replace(/^sha256:/, '').slice(0, 12);
  return `modules/${bundle.manifest.name}@${bundle.manifest.version}-${hex}`;
}

const reference = (node: string, artifact: string) => `\${module.${node}.${artifact}}`;

interface Shared {
  sensitiveTypes: Set<string>;
  /** Per bundle, what every node of it shares; built on first use. */
  plans: Map<CatalogBundle, BundlePlan>;
}

/** What resolving a node needs from its bundle, worked out once per bundle rather than per node. */
interface BundlePlan {
  source: ModuleSource;
  /** The module block's `source`: `./` and the folder inside the workdir. */
  path: string;
  /** Params and connections are both module variables: one list, in the sorted order of the emitted arguments. */
  /** `spec` is absent for a connection that is not also a param. */
  arguments: { kind: 'param' | 'connection'; name: string; list: boolean; spec?: ParamSpec }[];
  artifacts: { artifact: string; sensitive: boolean }[];
}

function planOf(bundle: CatalogBundle, shared: Shared): BundlePlan {
  let plan = shared.plans.get(bundle);
  if (plan) return plan;
  const specs = paramSpecs(bundle);
  const connections = bundle.manifest.connections;
  const names = [...new Set([...Object.keys(specs), ...Object.keys(connections)])].sort();
  const to = moduleFolderOf(bundle);
  plan = {
    source: { bundleRef: bundle.ref, hash: bundle.hash, from: bundle.dir, module: bundle.manifest.module, to },
    path: `./${to}`,
    // a name that is both a param and a connection: the connection's value wins, as it was assigned last
    arguments: names.map((name) =>
      Object.hasOwn(connections, name)
        ? { kind: 'connection' as const, name, list: connections[name]!.list === true, spec: Object.hasOwn(specs, name) ? specs[name] : undefined }
        : { kind: 'param' as const, name, list: false, spec: specs[name] }),
    artifacts: Object.keys(bundle.manifest.artifacts)
      .sort()
      .map((artifact) => ({ artifact, sensitive: shared.sensitiveTypes.has(bundle.manifest.artifacts[artifact]!.type) || bundle.sensitiveOutputs.includes(artifact) })),
  };
  shared.plans.set(bundle, plan);
  return plan;
}

/** The references into one connection, ordered by producing node name, then artifact. */
function feedingReferences(input: ValidatedInput, edges: DiagramEdge[]): string[] {
  const named = edges.map((edge) => ({ node: input.nodes.get(edge.from.node)!.name, artifact: edge.from.artifact }));
  named.sort((a, b) => (a.node === b.node ? (a.artifact < b.artifact ? -1 : 1) : a.node < b.node ? -1 : 1));
  return named.map((edge) => reference(edge.node, edge.artifact));
}

function resolveNode(input: ValidatedInput, node: DiagramNode, incoming: DiagramEdge[] | undefined, shared: Shared): ResolvedNode {
  const id = node.id;
  const bundle = input.bundles.get(id)!;
  const plan = planOf(bundle, shared);
  // read-only: without overrides, the node's own params object
  const values = input.environment.overrides[id] === undefined ? node.params : effectiveParams(node, input.environment);
  // the module block: comment and source first, then the arguments in their sorted order (no sort pass afterwards)
  const block: Record<string, unknown> = { '//': `${bundle.ref} · node ${id}`, source: plan.path };
  let secrets: ResolvedNode['secrets'] | undefined;
  for (const argument of plan.arguments) {
    const name = argument.name;
    if (argument.kind === 'connection' && incoming !== undefined) {
      let first: DiagramEdge | undefined;
      let feeding: DiagramEdge[] | undefined;
      for (const edge of incoming) {
        if (edge.to.connection !== name) continue;
        if (first === undefined) first = edge;
        else (feeding ??= [first]).push(edge);
      }
      if (first !== undefined) {
        if (feeding !== undefined) {
          // several: the first in order for a single connection (validation refuses that), all for a list
          const references = feedingReferences(input, feeding);
          block[name] = argument.list ? references : references[0];
        } else {
          const single = reference(input.nodes.get(first.from.node)!.name, first.from.artifact);
          block[name] = argument.list ? [single] : single;
        }
        continue;
      }
    }
    const spec = argument.spec;
    if (spec === undefined) continue;
    const value = Object.hasOwn(values, name) && values[name] !== undefined ? values[name] : spec.default;
    if (value === undefined) continue;
    if (spec.writeOnly) {
      if (!isSecretMarker(value)) continue;
      const variable = `${node.name}__${name}`;
      (secrets ??= []).push({ variable, nodeId: id, node: node.name, param: name });
      block[name] = `\${var.${variable}}`;
    } else {
      block[name] = typeof value === 'string' ? escapeTemplate(value) : escapeValue(value);
    }
  }
  const outputs: ResolvedOutput[] = new Array(plan.artifacts.length);
  for (let index = 0; index < outputs.length; index++) {
    const { artifact, sensitive } = plan.artifacts[index]!;
    outputs[index] = { name: `${node.name}__${artifact}`, artifact, sensitive };
  }
  return { node, bundle, source: plan.source, block, secrets: secrets ?? [], outputs };
}

function mergeProviders(input: ValidatedInput, diagnostics: Diagnostic[]): ResolvedProject['requiredProviders'] {
  const merged = new Map<string, { source: string; owner: string; constraints: { text: string; owner: string }[] }>();
  const normalize = (source: string) => source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
  const bundles = [...new Map([...input.bundles.values()].map((bundle) => [bundle.ref, bundle])).values()].sort((a, b) => (a.ref < b.ref ? -1 : 1));
  for (const bundle of bundles) {
    for (const [name, requirement] of Object.entries(bundle.manifest.providers)) {
      const entry = merged.get(name) ?? { source: requirement.source, owner: bundle.ref, constraints: [] };
      merged.set(name, entry);
      if (normalize(entry.source) !== normalize(requirement.source)) {
        diagnostics.push({ severity: 'error', code: 'compile.provider-source-conflict', message: `Bundles ${entry.owner} and ${bundle.ref} both call a provider "${name}" but mean different ones (${entry.source} and ${requirement.source}). Use one of these bundles, or a version of it that agrees.`, location: { bundle: bundle.ref, environment: input.environment.name } });
        continue;
      }
      if (!requirement.version) continue;
      const clash = entry.constraints.find((other) => !constraintsCompatible([other.text, requirement.version!]));
      if (clash || !constraintsCompatible([...entry.constraints.map((other) => other.text), requirement.version])) {
        const other = clash?.owner ?? entry.constraints.map((constraint) => constraint.owner).join(', ');
        diagnostics.push({ severity: 'error', code: 'compile.provider-version-conflict', message: `Bundles ${other} and ${bundle.ref} need versions of provider "${name}" that no single version satisfies (${clash?.text ?? 'together'} vs ${requirement.version}). Move one of these nodes to a bundle version with a compatible constraint.`, location: { bundle: bundle.ref, environment: input.environment.name } });
      }
      entry.constraints.push({ text: requirement.version, owner: bundle.ref });
    }
  }
  const result: ResolvedProject['requiredProviders'] = {};
  for (const name of [...merged.keys()].sort()) {
    const entry = merged.get(name)!;
    const texts = [...new Set(entry.constraints.map((constraint) => constraint.text.trim()))].sort();
    result[name] = { source: entry.source, ...(texts.length > 0 ? { version: texts.join(', ') } : {}) };
  }
  return result;
}

function providerBlocks(environment: Environment, required: ResolvedProject['requiredProviders'], diagnostics: Diagnostic[]): ResolvedProject['providers'] {
  const grouped = new Map<string, { alias?: string; settings: Record<string, unknown> }[]>();
  for (const key of Object.keys(environment.providers).sort()) {
    // `aws` is the default configuration; `aws.replica` one with alias "replica".
    const [name, alias] = key.split('.', 2) as [string, string | undefined];
    if (!required[name]) {
      diagnostics.push({ severity: 'warning', code: 'compile.provider-unused', message: `Environment "${environment.name}" configures provider "${name}", which no bundle in the diagram uses; the settings are left out. Remove them if they are stale.`, location: { environment: environment.name, field: key } });
      continue;
    }
    const list = grouped.get(name) ?? [];
    list.push({ alias, settings: environment.providers[key]! });
    grouped.set(name, list);
  }
  const blocks: ResolvedProject['providers'] = {};
  for (const [name, list] of [...grouped].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const configs = list
      .sort((a, b) => (a.alias === undefined ? -1 : b.alias === undefined ? 1 : a.alias < b.alias ? -1 : 1))
      .map(({ alias, settings }) => escapeValue({ ...settings, ...(alias ? { alias } : {}) }) as Record<string, unknown>);
    blocks[name] = configs.length === 1 ? configs[0]! : configs;
  }
  return blocks;
}

function movedBlocks(input: ValidatedInput, diagnostics: Diagnostic[]): ResolvedProject['moved'] {
  const current = new Set(input.project.diagram.nodes.map((node) => node.name));
  const claimed = new Set<string>();
  const moved: ResolvedProject['moved'] = [];
  // nodes without former names move nothing and claim nothing
  const renamed = input.project.diagram.nodes.filter((node) => node.formerNames !== undefined && node.formerNames.length > 0);
  for (const node of renamed.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const chain: string[] = [];
    for (const former of node.formerNames!) {
      if (former === node.name || current.has(former) || chain.includes(former)) continue;
      if (claimed.has(former)) {
        diagnostics.push({ severity: 'warning', code: 'compile.former-name-ambiguous', message: `More than one node was once named "${former}"; no moved block is written from it for node "${node.name}". Check that no infrastructure is still recorded under module.${former}.`, location: { nodeId: node.id, environment: input.environment.name } });
        continue;
      }
      claimed.add(former);
      chain.push(former);
    }
    // Terraform allows one move into each address, so renames chain: oldest → … → current.
    chain.push(node.name);
    for (let index = 0; index + 1 < chain.length; index++) moved.push({ from: `module.${chain[index]}`, to: `module.${chain[index + 1]}` });
  }
  return moved;
}

/** Pass 2: params, overrides, secrets and connections become module inputs; providers, backend and moves are settled. */
export function resolvePass(input: ValidatedInput): WithDiagnostics<ResolvedProject> {
  const diagnostics: Diagnostic[] = [];
  const shared: Shared = { sensitiveTypes: new Set(input.catalog.types.filter((type) => type.sensitive).map((type) => type.name)), plans: new Map() };
  const nodes = new Map<string, ResolvedNode>();
  const rootNames = new Map<string, string>();
  const claim = (name: string, node: DiagramNode) => {
    const holder = rootNames.get(name);
    if (holder !== undefined && holder !== node.name) {
      diagnostics.push({ severity: 'error', code: 'compile.name-collision', message: `Nodes "${holder}" and "${node.name}" both produce the root name "${name}" (node__artifact or node__param). Rename one of the nodes.`, location: { nodeId: node.id, environment: input.environment.name } });
    }
    rootNames.set(name, node.name);
  };
  for (const node of input.project.diagram.nodes) {
    const resolved = resolveNode(input, node, input.incoming.get(node.id), shared);
    for (const output of resolved.outputs) claim(output.name, node);
    for (const secret of resolved.secrets) claim(secret.variable, node);
    nodes.set(node.id, resolved);
  }
  const requiredProviders = mergeProviders(input, diagnostics);
  const providers = providerBlocks(input.environment, requiredProviders, diagnostics);
  const backendChoice = input.environment.backend;
  const backend = backendChoice.type === 'embedded' ? { http: {} } : { [backendChoice.type]: sortKeysDeep(backendChoice.config) as Record<string, unknown> };
  const moved = movedBlocks(input, diagnostics);
  return { value: { input, nodes, requiredProviders, providers, backend, moved }, diagnostics };
}
