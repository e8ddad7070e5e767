import type { JsonSchema } from '../api/schema';
import type { Diagnostic } from '../diagnostics';
import { bundleNameOf, titleOf } from './deriveManifest';
import { didYouMean } from './didYouMean';
import type { ArtifactTypeDef, BundleManifest, Preset } from './manifest';
import { KEBAB_CASE, SEMVER } from './manifestSchema';

type Raw = Record<string, unknown>;

const FILE = 'massdriver.yaml';
const record = (value: unknown): Raw => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});

/** `massdriver/aws-vpc` → `aws-vpc`; local file refs (`./x.json`, `#/…`) have no artifact type name. */
export function artifactTypeOfRef(ref: string): string | undefined {
  if (ref.startsWith('.') || ref.startsWith('#') || ref.includes('.json') || ref.includes('://')) return undefined;
  const name = ref.split('/').pop() ?? '';
  return new RegExp(KEBAB_CASE).test(name) ? name : undefined;
}

/** Massdriver's `$md.*` schema keywords: `$md.immutable` becomes `x-immutable`; others are dropped with a warning. */
function mapKeywords(schema: unknown, pointer: string, report: (keyword: string, pointer: string) => void): unknown {
  if (Array.isArray(schema)) return schema.map((item, index) => mapKeywords(item, `${pointer}/${index}`, report));
  if (!schema || typeof schema !== 'object') return schema;
  const mapped: Raw = {};
  for (const [key, value] of Object.entries(schema as Raw)) {
    if (key === '$md.immutable') mapped['x-immutable'] = value === true;
    else if (key.startsWith('$md.')) report(key, `${pointer}/${key}`);
    else mapped[key] = mapKeywords(value, `${pointer}/${key}`, report);
  }
  return mapped;
}

/** Maps a massdriver.yaml document to a manifest; what cannot be mapped becomes a diagnostic. */
export function mapMassdriverManifest(raw: unknown, folder: string, types: readonly ArtifactTypeDef[]): { value: BundleManifest; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const doc = record(raw);
  const name = typeof doc.name === 'string' && new RegExp(KEBAB_CASE).test(doc.name) ? doc.name : bundleNameOf(folder);
  const bundle = name;
  if (doc.name !== name) {
    diagnostics.push({ severity: 'warning', code: 'massdriver.bad-name', message: `massdriver.yaml has no kebab-case "name"; the bundle is called "${name}" after its folder. Set name: ${name}.`, location: { file: FILE, pointer: '/name', bundle } });
  }
  const version = typeof doc.version === 'string' && new RegExp(SEMVER).test(doc.version) ? doc.version : '0.0.0';
  const known = types.map((type) => type.name);

  const steps = Array.isArray(doc.steps) ? (doc.steps as unknown[]).map(record) : [];
  const step = steps.find((candidate) => ['terraform', 'opentofu'].includes(String(candidate.provisioner ?? 'terraform')));
  if (!step) {
    diagnostics.push({ severity: 'error', code: 'massdriver.no-terraform-step', message: 'massdriver.yaml has no step with provisioner terraform or opentofu: add one under "steps" with the module "path".', location: { file: FILE, pointer: '/steps', bundle } });
  }
  const module = typeof step?.path === 'string' ? step.path.replace(/\/+$/, '') : 'src';

  const ports = (kind: 'connections' | 'artifacts') => {
    const section = record(doc[kind]);
    const required = new Set(Array.isArray(section.required) ? (section.required as string[]) : []);
    const mapped: Record<string, { type: string; title: string; required: boolean; description?: string }> = {};
    for (const [port, spec] of Object.entries(record(section.properties))) {
      const ref = record(spec).$ref;
      const pointer = `/${kind}/properties/${port}/$ref`;
      const type = typeof ref === 'string' ? artifactTypeOfRef(ref) : undefined;
      if (!type || !known.includes(type)) {
        diagnostics.push({
          severity: 'error',
          code: 'massdriver.unresolved-ref',
          message: `${kind === 'connections' ? 'Connection' : 'Artifact'} "${port}" refers to ${typeof ref === 'string' ? `"${ref}"` : 'nothing (no $ref)'}, which is no known artifact type.${type ? didYouMean(type, known) : ''} Add bundles/types/${type ?? '<name>'}.yaml or fix the $ref.`,
          location: { file: FILE, pointer, bundle },
        });
        continue;
      }
      const title = record(spec).title;
      mapped[port] = { type, title: typeof title === 'string' ? title : titleOf(port), required: required.has(port) };
    }
    return mapped;
  };

  const params = mapKeywords(record(doc.params), '/params', (keyword, pointer) =>
    diagnostics.push({ severity: 'warning', code: 'massdriver.unmapped-keyword', message: `"${keyword}" has no Driftless equivalent and is ignored; remove it or keep it for Massdriver only.`, location: { file: FILE, pointer, bundle } }),
  ) as JsonSchema;
  const presets: Record<string, Preset> = {};
  const examples = Array.isArray(params.examples) ? (params.examples as unknown[]).map(record) : [];
  for (const example of examples) {
    const { __name, ...values } = example;
    const title = typeof __name === 'string' ? __name : `Example ${Object.keys(presets).length + 1}`;
    presets[bundleNameOf(title)] = { title, values };
  }
  const { examples: _examples, ...paramSchema } = params;
  const connections = ports('connections');
  const artifacts = Object.fromEntries(Object.entries(ports('artifacts')).map(([port, { type, title }]) => [port, { type, title }]));
  return {
    value: {
      name,
      version,
      title: typeof doc.title === 'string' ? doc.title : titleOf(name),
      description: typeof doc.description === 'string' ? doc.description : '',
      category: typeof doc.type === 'string' ? doc.type : 'Massdriver',
      tags: ['massdriver'],
      module,
      params: Object.keys(paramSchema).length > 0 ? { type: 'object', ...paramSchema } : { type: 'object', properties: {} },
      presets,
      connections,
      artifacts,
      ui: record(doc.ui),
      providers: {},
    },
    diagnostics,
  };
}
