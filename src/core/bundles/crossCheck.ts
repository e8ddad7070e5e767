import type { JsonSchema } from '../api/schema';
import type { Diagnostic, Severity } from '../diagnostics';
import { didYouMean } from './didYouMean';
import { UNTYPED_ARTIFACT, type ArtifactTypeDef, type BundleManifest } from './manifest';
import type { ModuleInfo } from './moduleInfo';
import { formatTerraformType } from './terraformType';
import { checkTypeAgreement } from './typeAgreement';

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export interface CrossCheckOptions {
  /** The manifest file, relative to the bundle folder (bundle.yaml, massdriver.yaml). */
  manifestFile: string;
  /** Where manifest fields live in that file: `/params` for bundle.yaml. */
  paramsPointer?: string;
  /** Severity of an artifact that is not a module output (Massdriver publishes artifacts by resource, not output). */
  artifactSeverity?: Severity;
}

/** Checks a manifest against its Terraform module: names, coverage, types and sensitivity. */
export function crossCheck(manifest: BundleManifest, module: ModuleInfo, options: CrossCheckOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const file = options.manifestFile;
  const paramsPointer = options.paramsPointer ?? '/params';
  const report = (code: string, message: string, pointer: string, severity: Severity = 'error') =>
    diagnostics.push({ severity, code, message, location: { file, pointer, bundle: manifest.name } });
  const variableNames = Object.keys(module.variables);
  const properties = (manifest.params.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(manifest.params.required) ? (manifest.params.required as string[]) : []);

  for (const [name, schema] of Object.entries(properties)) {
    const pointer = `${paramsPointer}/properties/${escape(name)}`;
    const variable = module.variables[name];
    if (!schema || typeof schema !== 'object') continue;
    if (!variable) {
      report('crosscheck.param-not-variable', `Param "${name}" is not a variable of the module.${didYouMean(name, variableNames)} Rename it or add variable "${name}" to the module.`, pointer);
      continue;
    }
    for (const mismatch of checkTypeAgreement(schema, variable.type)) {
      report('crosscheck.type-mismatch', `Param "${name}"${mismatch.pointer ? ` at ${mismatch.pointer}` : ''} ${mismatch.message} (variable type: ${formatTerraformType(variable.type)}).`, pointer + mismatch.pointer);
    }
    if (variable.allowed && Array.isArray(schema.enum)) {
      const outside = (schema.enum as unknown[]).filter((value) => !variable.allowed!.includes(value));
      if (outside.length > 0) {
        report('crosscheck.enum-mismatch', `Param "${name}" allows ${outside.map((value) => JSON.stringify(value)).join(', ')}, which the variable's validation refuses (it allows ${variable.allowed.map((value) => JSON.stringify(value)).join(', ')}): make the two lists agree.`, `${pointer}/enum`);
      }
    }
    if (variable.sensitive && schema.writeOnly !== true) {
      report('crosscheck.sensitive-not-writeonly', `Variable "${name}" is sensitive but its param is not write-only: add "writeOnly: true" so its value is kept out of files.`, pointer);
    }
  }
  for (const [name, connection] of Object.entries(manifest.connections)) {
    const pointer = `/connections/${escape(name)}`;
    const variable = module.variables[name];
    if (!variable) {
      const unused = variableNames.filter((candidate) => !properties[candidate] && !manifest.connections[candidate]);
      const hint = didYouMean(name, variableNames) || (unused.length > 0 ? ` Variables no param or connection uses: ${unused.join(', ')}.` : '');
      report('crosscheck.connection-not-variable', `Connection "${name}" is not a variable of the module.${hint} Rename it or add variable "${name}" (an object) to the module.`, pointer);
      continue;
    }
    if (properties[name]) report('crosscheck.param-and-connection', `"${name}" is both a param and a connection: keep one.`, pointer);
    const kind = connection.list ? (variable.type.kind === 'list' || variable.type.kind === 'set' ? variable.type.element.kind : variable.type.kind) : variable.type.kind;
    const accepted = ['object', 'map', 'any'];
    if (connection.list && !['list', 'set', 'any'].includes(variable.type.kind)) {
      report('crosscheck.connection-type-mismatch', `Connection "${name}" takes a list of artifacts but variable "${name}" is ${formatTerraformType(variable.type)}: make it list(object({...})).`, pointer);
    } else if (!accepted.includes(kind)) {
      report('crosscheck.connection-type-mismatch', `Connection "${name}" receives an artifact object but variable "${name}" is ${formatTerraformType(variable.type)}: make it object({...}) or any.`, pointer);
    }
  }
  for (const variable of Object.values(module.variables)) {
    if (variable.hasDefault) continue;
    const covered = required.has(variable.name) || manifest.connections[variable.name]?.required === true;
    if (covered) continue;
    const how = properties[variable.name] || manifest.connections[variable.name] ? 'mark it required' : 'add a required param or a connection for it';
    diagnostics.push({
      severity: 'error',
      code: 'crosscheck.variable-not-covered',
      message: `Variable "${variable.name}" has no default and nothing always sets it: ${how}, or give the variable a default.`,
      location: { file: variable.file, line: variable.line, bundle: manifest.name },
    });
  }
  const outputNames = Object.keys(module.outputs);
  for (const name of Object.keys(manifest.artifacts)) {
    if (module.outputs[name]) continue;
    report('crosscheck.artifact-not-output', `Artifact "${name}" is not an output of the module.${didYouMean(name, outputNames)} Rename it or add output "${name}".`, `/artifacts/${escape(name)}`, options.artifactSeverity ?? 'error');
  }
  for (const [name, values] of Object.entries(manifest.presets)) {
    for (const key of Object.keys(values.values)) {
      if (properties[key]?.writeOnly === true) {
        report('manifest.preset-sets-secret', `Preset "${name}" sets "${key}", a write-only (secret) param: presets are shared in files, so remove it and let each environment supply the secret.`, `/presets/${escape(name)}/values/${escape(key)}`);
        continue;
      }
      if (properties[key]) continue;
      report('manifest.preset-unknown-param', `Preset "${name}" sets "${key}", which is not a param.${didYouMean(key, Object.keys(properties))} Remove it or add the param.`, `/presets/${escape(name)}/values/${escape(key)}`);
    }
  }
  return diagnostics;
}

/** Diagnoses connections and artifacts whose artifact type is not in the catalog ("did you mean"). */
export function checkTypeReferences(manifest: BundleManifest, types: readonly ArtifactTypeDef[], manifestFile: string): Diagnostic[] {
  const known = types.map((type) => type.name);
  const diagnostics: Diagnostic[] = [];
  const check = (kind: 'connections' | 'artifacts', name: string, type: string) => {
    if (type === UNTYPED_ARTIFACT || known.includes(type)) return;
    diagnostics.push({
      severity: 'error',
      code: 'manifest.unknown-artifact-type',
      message: `${kind === 'connections' ? 'Connection' : 'Artifact'} "${name}" has artifact type "${type}", which no types/<name>.yaml defines.${didYouMean(type, known)} Fix the name or add the type.`,
      location: { file: manifestFile, pointer: `/${kind}/${escape(name)}/type`, bundle: manifest.name },
    });
  };
  for (const [name, spec] of Object.entries(manifest.connections)) check('connections', name, spec.type);
  for (const [name, spec] of Object.entries(manifest.artifacts)) check('artifacts', name, spec.type);
  return diagnostics;
}
