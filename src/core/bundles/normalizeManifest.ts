import type { JsonSchema } from '../api/schema';
import type { BundleManifest, ConnectionSpec, Preset } from './manifest';

type Raw = Record<string, unknown>;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const record = <T>(value: unknown): Record<string, T> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};

/** A bundle.yaml document (already checked against its JSON Schema) with every default filled in. */
export function normalizeManifest(raw: Raw): BundleManifest {
  const connections: Record<string, ConnectionSpec> = {};
  for (const [name, value] of Object.entries(record<unknown>(raw.connections))) {
    const spec = record<unknown>(value);
    connections[name] = {
      type: text(spec.type),
      title: text(spec.title, name),
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      required: spec.required !== false,
      ...(spec.list === true ? { list: true } : {}),
    };
  }
  const artifacts: BundleManifest['artifacts'] = {};
  for (const [name, value] of Object.entries(record<unknown>(raw.artifacts))) {
    const spec = record<unknown>(value);
    artifacts[name] = {
      type: text(spec.type),
      title: text(spec.title, name),
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    };
  }
  const presets: Record<string, Preset> = {};
  for (const [name, value] of Object.entries(record<unknown>(raw.presets))) {
    const spec = record<unknown>(value);
    presets[name] = {
      title: text(spec.title, name),
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      values: record<unknown>(spec.values),
    };
  }
  const params = { ...record<unknown>(raw.params) } as JsonSchema;
  if (params.properties !== undefined) params.properties = record<unknown>(params.properties);
  if (params.required !== undefined && !Array.isArray(params.required)) delete params.required;
  return {
    name: text(raw.name),
    version: text(raw.version),
    title: text(raw.title),
    description: text(raw.description),
    category: text(raw.category, 'Other'),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    ...(typeof raw.icon === 'string' ? { icon: raw.icon } : {}),
    module: text(raw.module, 'module').replace(/\/+$/, '') || '.',
    params: Object.keys(params).length > 0 ? params : { type: 'object', properties: {} },
    presets,
    connections,
    artifacts,
    ui: record<unknown>(raw.ui),
    providers: {},
  };
}
