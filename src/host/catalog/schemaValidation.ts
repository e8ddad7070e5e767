import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../../core/api/schema';
import { didYouMean } from '../../core/bundles/didYouMean';
import { artifactTypeSchema, bundleManifestSchema } from '../../core/bundles/manifestSchema';
import type { Diagnostic } from '../../core/diagnostics';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  // The immutable-after-apply marker of params; rjsf ignores it, the compiler reads it.
  ajv.addKeyword({ keyword: 'x-immutable', schemaType: 'boolean' });
  return ajv;
}

const manifestAjv = strictAjv();
const paramsAjv = strictAjv();
const validateManifest = manifestAjv.compile(bundleManifestSchema);
const validateType = manifestAjv.compile(artifactTypeSchema);

function toDiagnostic(error: ErrorObject, prefix: 'manifest' | 'type', file: string): Diagnostic {
  const at = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const allowed = Object.keys(((error.parentSchema as JsonSchema | undefined)?.properties ?? {}) as object);
    const hint = allowed.length > 0 ? `${didYouMean(key, allowed)} Allowed here: ${allowed.join(', ')}.` : '';
    return { severity: 'error', code: `${prefix}.unknown-key`, message: `Unknown key "${key}" at ${at}.${hint} Remove or rename it.`, location: { file, pointer: `${error.instancePath}/${key}` } };
  }
  if (error.keyword === 'required') {
    const key = String(error.params.missingProperty);
    return { severity: 'error', code: `${prefix}.missing-key`, message: `"${key}" is required at ${at}: add it.`, location: { file, pointer: `${error.instancePath}/${key}` } };
  }
  if (error.keyword === 'pattern' && error.instancePath === '/version') {
    return { severity: 'error', code: `${prefix}.bad-version`, message: `Version "${String(error.data)}" is not a semantic version: write MAJOR.MINOR.PATCH, for example 1.0.0.`, location: { file, pointer: '/version' } };
  }
  if (error.keyword === 'pattern' && (error.instancePath === '/name' || error.instancePath === '/extends' || error.instancePath.endsWith('/type'))) {
    return { severity: 'error', code: `${prefix}.bad-name`, message: `"${String(error.data)}" at ${at} is not kebab-case: use lower-case words joined by hyphens, like aws-vpc.`, location: { file, pointer: error.instancePath } };
  }
  return { severity: 'error', code: `${prefix}.invalid`, message: `${at} ${error.message ?? 'is invalid'}: fix the value.`, location: { file, pointer: error.instancePath } };
}

function check(validate: ValidateFunction, value: unknown, prefix: 'manifest' | 'type', file: string): Diagnostic[] {
  if (validate(value)) return [];
  // `propertyNames` reports once for the name and once more without a path: keep the informative one.
  return (validate.errors ?? []).filter((error) => error.keyword !== 'propertyNames').map((error) => toDiagnostic(error, prefix, file));
}

/** Checks a bundle.yaml document against schemas/bundle.schema.json. */
export function checkManifestDocument(value: unknown, file: string): Diagnostic[] {
  return check(validateManifest, value, 'manifest', file);
}

/** Checks an artifact type document against schemas/artifact-type.schema.json. */
export function checkArtifactTypeDocument(value: unknown, file: string): Diagnostic[] {
  return check(validateType, value, 'type', file);
}

const compiled = new Map<string, ValidateFunction | string>();

/** Compiles a JSON Schema written by a user (params, artifact values) with ajv in strict mode; a string is the reason it is invalid. */
export function compileUserSchema(schema: JsonSchema): ValidateFunction | string {
  const key = JSON.stringify(schema);
  let result = compiled.get(key);
  if (result === undefined) {
    try {
      result = paramsAjv.compile(schema);
    } catch (error) {
      result = (error as Error).message;
    }
    compiled.set(key, result);
  }
  return result;
}
