import type { JsonSchema } from '../api/schema';

/** kebab-case: lower-case words joined by single hyphens. */
export const KEBAB_CASE = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

/** Semantic Versioning 2.0.0, as semver.org gives it. */
export const SEMVER =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

/** A Terraform identifier: what a variable or output may be called. */
const IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_-]*$';

const port = (extra: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties: {
    type: { type: 'string', pattern: KEBAB_CASE, description: 'Artifact type name (bundles/types/<name>.yaml).' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    ...extra,
  },
  required: ['type', 'title'],
  additionalProperties: false,
});

/** JSON Schema of `bundle.yaml` (published as schemas/bundle.schema.json). */
export const bundleManifestSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://driftless.dev/schemas/bundle.schema.json',
  title: 'Driftless bundle manifest (bundle.yaml)',
  type: 'object',
  properties: {
    name: { type: 'string', pattern: KEBAB_CASE, maxLength: 64, description: 'kebab-case name, unique with the version.' },
    version: { type: 'string', pattern: SEMVER, description: 'Semantic version, for example 1.2.0.' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    category: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    icon: { type: 'string', description: 'Icon file, relative to the bundle folder.' },
    module: { type: 'string', description: 'Terraform module folder, relative to the bundle folder (default module).' },
    params: {
      type: 'object',
      description: 'JSON Schema object; each property is a module variable. writeOnly = sensitive; x-immutable = may not change after the first apply.',
    },
    presets: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { title: { type: 'string', minLength: 1 }, description: { type: 'string' }, values: { type: 'object' } },
        required: ['title', 'values'],
        additionalProperties: false,
      },
    },
    connections: {
      type: 'object',
      propertyNames: { pattern: IDENTIFIER },
      additionalProperties: port({ required: { type: 'boolean' }, list: { type: 'boolean' } }),
    },
    artifacts: { type: 'object', propertyNames: { pattern: IDENTIFIER }, additionalProperties: port({}) },
    ui: { type: 'object', description: 'rjsf uiSchema.' },
  },
  required: ['name', 'version', 'title'],
  additionalProperties: false,
};

/** JSON Schema of an artifact type file `types/<name>.yaml` (published as schemas/artifact-type.schema.json). */
export const artifactTypeSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://driftless.dev/schemas/artifact-type.schema.json',
  title: 'Driftless artifact type (types/<name>.yaml)',
  type: 'object',
  properties: {
    name: { type: 'string', pattern: KEBAB_CASE },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    colour: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', description: 'CSS hex colour of handles and edges.' },
    sensitive: { type: 'boolean' },
    schema: { type: 'object', description: 'JSON Schema of the artifact value.' },
    extends: { type: 'string', pattern: KEBAB_CASE },
  },
  required: ['name', 'title', 'colour', 'schema'],
  additionalProperties: false,
};
