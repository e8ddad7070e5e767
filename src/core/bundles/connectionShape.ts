import type { JsonSchema } from '../api/schema';
import type { Diagnostic } from '../diagnostics';
import type { ArtifactTypeDef, BundleManifest } from './manifest';
import type { ModuleInfo } from './moduleInfo';
import { formatTerraformType, type TerraformType } from './terraformType';
import { checkTypeAgreement } from './typeAgreement';

/** The object type a connection variable expects of each artifact (the element type for list connections). */
function expectedObject(type: TerraformType, list: boolean): TerraformType | undefined {
  const element = list && (type.kind === 'list' || type.kind === 'set') ? type.element : type;
  return element.kind === 'object' ? element : undefined;
}

/**
 * Checks that what a connection's variable requires is in its artifact type's schema: every
 * required attribute exists there with an agreeing type, so wiring any artifact of that type works.
 */
export function checkConnectionShapes(manifest: BundleManifest, module: ModuleInfo, types: readonly ArtifactTypeDef[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, connection] of Object.entries(manifest.connections)) {
    const variable = module.variables[name];
    const artifactType = types.find((type) => type.name === connection.type);
    if (!variable || !artifactType) continue;
    const expected = expectedObject(variable.type, connection.list === true);
    if (!expected || expected.kind !== 'object') continue;
    const properties = (artifactType.schema.properties ?? {}) as Record<string, JsonSchema>;
    if (Object.keys(properties).length === 0) continue;
    const required = new Set(Array.isArray(artifactType.schema.required) ? (artifactType.schema.required as string[]) : []);
    for (const [attribute, spec] of Object.entries(expected.attributes)) {
      const property = properties[attribute];
      if (!property) {
        if (spec.optional) continue;
        diagnostics.push({
          severity: 'error',
          code: 'crosscheck.connection-shape',
          message: `Variable "${name}" requires attribute "${attribute}", which artifact type "${connection.type}" does not have (it has ${Object.keys(properties).join(', ')}). Make it optional(...) or remove it.`,
          location: { file: variable.file, line: variable.line, port: name, bundle: manifest.name },
        });
        continue;
      }
      if (!spec.optional && !required.has(attribute)) {
        diagnostics.push({
          severity: 'warning',
          code: 'crosscheck.connection-optional-attribute',
          message: `Variable "${name}" requires attribute "${attribute}", which artifact type "${connection.type}" does not always provide: declare it optional(${formatTerraformType(spec.type)}).`,
          location: { file: variable.file, line: variable.line, port: name, bundle: manifest.name },
        });
      }
      for (const mismatch of checkTypeAgreement(property, spec.type)) {
        diagnostics.push({
          severity: 'error',
          code: 'crosscheck.connection-shape',
          message: `Attribute "${attribute}" of variable "${name}" is ${formatTerraformType(spec.type)}, but in artifact type "${connection.type}" it ${mismatch.message}.`,
          location: { file: variable.file, line: variable.line, port: name, bundle: manifest.name },
        });
      }
    }
  }
  return diagnostics;
}
