import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { CatalogBundle } from '../../core/bundles/manifest';
import type { Diagnostic } from '../../core/diagnostics';
import type { ParamContext, ValidateParams } from '../../core/diagram/validate';
import { isSecretMarker } from '../../core/model/diagram';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Compiled = { validate: ValidateFunction } | { problem: string };

/** The field an ajv error is about: the missing or unknown property, else the first path segment. */
function fieldOf(error: ErrorObject): string | undefined {
  if (error.keyword === 'required') return String(error.params.missingProperty);
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  const segment = error.instancePath.split('/')[1];
  return segment === undefined ? undefined : segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required but not set';
  if (error.keyword === 'additionalProperties') return 'is not a param of this bundle';
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
    return `must be one of ${allowed}`;
  }
  return error.message ?? 'is invalid';
}

/**
 * The host's ValidateParams: ajv (allErrors, formats; strict off since bundle authors write the
 * schemas) compiled once per bundle content hash. Secret markers count as set values.
 */
export function createParamValidator(): ValidateParams {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const compiled = new Map<string, Compiled>();
  // a compile asks once per node: look the bundle object up before building its key
  const byBundle = new WeakMap<CatalogBundle, Compiled>();

  const compiledOf = (bundle: CatalogBundle): Compiled => {
    const known = byBundle.get(bundle);
    if (known !== undefined) return known;
    const key = `${bundle.ref}#${bundle.hash}`;
    let found = compiled.get(key);
    if (found === undefined) {
      try {
        found = { validate: ajv.compile(bundle.manifest.params) };
      } catch (error) {
        found = { problem: (error as Error).message };
      }
      compiled.set(key, found);
    }
    byBundle.set(bundle, found);
    return found;
  };

  return (bundle: CatalogBundle, params: Record<string, unknown>, context: ParamContext): Diagnostic[] => {
    const found = compiledOf(bundle);
    if (!('problem' in found) && !Object.values(params).some(isSecretMarker) && found.validate(params)) return [];
    const where = { nodeId: context.nodeId, bundle: bundle.ref, ...(context.environment === undefined ? {} : { environment: context.environment }) };
    if ('problem' in found) {
      return [{
        severity: 'error',
        code: 'params.schema-invalid',
        message: `The param schema of ${bundle.ref} cannot be used: ${found.problem}. Fix the bundle's params schema.`,
        location: where,
      }];
    }
    // Secret values live encrypted in the store; here they are markers that count as "set".
    const secrets = Object.keys(params).filter((key) => isSecretMarker(params[key]));
    const plain = secrets.length === 0 ? params : Object.fromEntries(Object.entries(params).filter(([key]) => !secrets.includes(key)));
    if (found.validate(plain)) return [];
    const fix = context.environment === undefined ? 'Change it in the node\'s params.' : `Change the override in environment "${context.environment}" or the node's params.`;
    return (found.validate.errors ?? [])
      .filter((error) => !(error.keyword === 'required' && secrets.includes(String(error.params.missingProperty))))
      .map((error) => {
        const field = fieldOf(error);
        const pointer = field === undefined ? '/params' : error.keyword === 'required' || error.keyword === 'additionalProperties' ? `/params/${field}` : `/params${error.instancePath}`;
        return {
          severity: 'error' as const,
          code: 'params.invalid',
          message: `${pointer}: ${describe(error)}. ${fix}`,
          location: { ...where, pointer, ...(field === undefined ? {} : { field }) },
        };
      });
  };
}
