import type { JsonSchema } from '../api/schema';
import { UNTYPED_ARTIFACT, type BundleManifest } from './manifest';
import type { ModuleInfo, ModuleVariable } from './moduleInfo';
import { terraformTypeToJsonSchema } from './terraformType';

/** "db_instance_class" → "Db instance class". */
export function titleOf(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The param schema a module variable implies: type, default, description, enum, writeOnly. */
export function paramSchemaOf(variable: ModuleVariable): JsonSchema {
  const schema: JsonSchema = { title: titleOf(variable.name), ...terraformTypeToJsonSchema(variable.type) };
  if (variable.description) schema.description = variable.description;
  if (variable.allowed) schema.enum = variable.allowed;
  if (variable.hasDefault && variable.default !== null) schema.default = variable.default;
  if (variable.sensitive) schema.writeOnly = true;
  return schema;
}

/** A folder name made into a valid bundle name. */
export function bundleNameOf(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, 'm$1');
  return name || 'module';
}

/**
 * The manifest of a plain Terraform module: its variables become params (required when they have
 * no default), its outputs untyped artifacts. Shown to users so they can save it as bundle.yaml.
 */
export function deriveManifest(folder: string, module: ModuleInfo, moduleDir = '.'): BundleManifest {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const variable of Object.values(module.variables).sort((a, b) => a.name.localeCompare(b.name))) {
    properties[variable.name] = paramSchemaOf(variable);
    if (!variable.hasDefault) required.push(variable.name);
  }
  const artifacts: BundleManifest['artifacts'] = {};
  for (const output of Object.values(module.outputs).sort((a, b) => a.name.localeCompare(b.name))) {
    artifacts[output.name] = {
      type: UNTYPED_ARTIFACT,
      title: titleOf(output.name),
      ...(output.description ? { description: output.description } : {}),
    };
  }
  const name = bundleNameOf(folder);
  return {
    name,
    version: '0.0.0',
    title: titleOf(name),
    description: `Terraform module in ${folder}/ (manifest derived from its variables and outputs).`,
    category: 'Terraform modules',
    tags: [],
    module: moduleDir,
    params: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
    presets: {},
    connections: {},
    artifacts,
    ui: {},
    providers: { ...module.providers },
  };
}

/** A manifest as a bundle.yaml document (what `driftless bundles --manifest` prints for users to save and refine). */
export function manifestDocument(manifest: BundleManifest): Record<string, unknown> {
  const { providers: _providers, icon, presets, connections, ui, ...rest } = manifest;
  return {
    ...rest,
    ...(icon !== undefined ? { icon } : {}),
    ...(Object.keys(presets).length > 0 ? { presets } : {}),
    ...(Object.keys(connections).length > 0 ? { connections } : {}),
    ...(Object.keys(ui).length > 0 ? { ui } : {}),
  };
}
