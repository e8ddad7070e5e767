import { spawn } from 'node:child_process';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ArtifactValue } from '../../core/api/areas/run';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import type { Diagnostic } from '../../core/diagnostics';
import type { Project } from '../../core/model/diagram';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: object): ValidateFunction | undefined {
  let validate = validators.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch {
      return undefined; // a broken type schema is the catalog's diagnostic, not the run's
    }
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * Reads `terraform output -json` of the compiled root module (`<node>__<artifact>` per artifact)
 * into artifact values per node, each checked against its artifact type's JSON Schema. Sensitive
 * values are checked, then dropped: they are never returned or stored.
 */
export function artifactValues(outputJson: string, project: Project, catalog: CatalogSnapshot): { values: ArtifactValue[]; diagnostics: Diagnostic[] } {
  const outputs = JSON.parse(outputJson) as Record<string, { value: unknown; sensitive?: boolean }>;
  const values: ArtifactValue[] = [];
  const diagnostics: Diagnostic[] = [];
  const types = new Map(catalog.types.map((type) => [type.name, type]));
  const bundles = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  for (const node of project.diagram.nodes) {
    const bundle = bundles.get(node.bundle);
    for (const [artifact, spec] of Object.entries(bundle?.manifest.artifacts ?? {})) {
      const name = `${node.name}__${artifact}`;
      const output = outputs[name];
      if (!output) continue; // not applied (targeted run) or not compiled
      const type = types.get(spec.type);
      const sensitive = output.sensitive === true || type?.sensitive === true;
      const validate = type ? validatorOf(type.schema) : undefined;
      if (validate && !validate(output.value)) {
        const problems = (validate.errors ?? []).slice(0, 3).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
        diagnostics.push({
          severity: 'error',
          code: 'run.artifact-mismatch',
          message: `Artifact "${artifact}" of node "${node.name}" does not match artifact type "${spec.type}": ${problems.join('; ')}. Fix the bundle's output "${artifact}" so it produces that shape.`,
          location: { nodeId: node.id },
        });
      }
      const entry: ArtifactValue = { nodeId: node.id, artifact, output: name, sensitive };
      if (!sensitive) entry.value = output.value;
      values.push(entry);
    }
  }
  return { values, diagnostics };
}

/** `terraform output -json` in the workdir; undefined when it fails (no state yet, for example). */
export function readOutputs(binary: string, cwd: string, env: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['output', '-json'], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(out).toString('utf8') : undefined));
  });
}
