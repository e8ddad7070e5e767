import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { apiMethods, type MethodName } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<MethodName, ValidateFunction>();

function validatorOf(method: MethodName): ValidateFunction {
  let validate = validators.get(method);
  if (!validate) {
    validate = ajv.compile(apiMethods[method].request);
    validators.set(method, validate);
  }
  return validate;
}

/** Says where in the payload an ajv error is, in words a developer reads. */
export function describeAjvError(error: ErrorObject): string {
  const at = error.instancePath || '(the request)';
  if (error.keyword === 'required') return `${at}: missing required field "${String(error.params.missingProperty)}"`;
  if (error.keyword === 'additionalProperties') {
    return `${at}: unknown field "${String(error.params.additionalProperty)}"`;
  }
  return `${at}: ${error.message ?? 'is invalid'}`;
}

/** Checks a request payload against its method's schema; `undefined` when it is valid. */
export function validateRequest(method: MethodName, payload: unknown): ApiError | undefined {
  const validate = validatorOf(method);
  if (validate(payload)) return undefined;
  const problems = (validate.errors ?? []).map(describeAjvError);
  return { code: 'invalid_request', message: `Invalid request for ${method}: ${problems.join('; ')}` };
}
