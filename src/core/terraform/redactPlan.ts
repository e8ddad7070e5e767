import { collectSecrets, SENSITIVE } from './mask';

type Json = unknown;

function objectOf(value: Json): Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Json>) : {};
}

function listOf(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

/** Every resource of a `planned_values`/`prior_state` module tree, with its `values` and `sensitive_values`. */
function moduleResources(module: Json): Record<string, Json>[] {
  const here = listOf(objectOf(module).resources).map(objectOf);
  return here.concat(listOf(objectOf(module).child_modules).flatMap(moduleResources));
}

/** The secret strings of a `show -json` plan: sensitive variables and every value at a sensitive path. */
function secretsOf(plan: Record<string, Json>): Set<string> {
  const secrets = new Set<string>();
  const declared = objectOf(objectOf(objectOf(plan.configuration).root_module).variables);
  for (const [name, variable] of Object.entries(objectOf(plan.variables))) {
    if (objectOf(declared[name]).sensitive === true) collectSecrets(objectOf(variable).value, true, secrets);
  }
  for (const change of listOf(plan.resource_changes).concat(listOf(plan.resource_drift))) {
    const { before, after, before_sensitive, after_sensitive } = objectOf(objectOf(change).change);
    collectSecrets(before, before_sensitive, secrets);
    collectSecrets(after, after_sensitive, secrets);
  }
  for (const output of Object.values(objectOf(plan.output_changes))) {
    const { before, after, before_sensitive, after_sensitive } = objectOf(output);
    collectSecrets(before, before_sensitive, secrets);
    collectSecrets(after, after_sensitive, secrets);
  }
  const trees = [objectOf(plan.planned_values).root_module, objectOf(objectOf(plan.prior_state).values).root_module];
  for (const resource of trees.flatMap(moduleResources)) collectSecrets(resource.values, resource.sensitive_values, secrets);
  return secrets;
}

function redact(value: Json, secrets: ReadonlySet<string>): Json {
  if (typeof value === 'string') return secrets.has(value) ? SENSITIVE : value;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redact(item, secrets);
    return copy;
  }
  return value;
}

/**
 * The `show -json` text of a saved plan with every secret replaced by SENSITIVE, wherever it
 * appears: terraform writes sensitive variable values and sensitive attributes in clear, and
 * copies of them unmarked (terraform_data's `output`), so secrets are matched by value too.
 * This is what Driftless stores: plan JSON never reaches the disk with a secret in it.
 */
export function redactPlanJson(text: string): string {
  const plan = objectOf(JSON.parse(text) as Json);
  return JSON.stringify(redact(plan, secretsOf(plan)));
}
