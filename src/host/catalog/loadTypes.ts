import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../../core/api/schema';
import { didYouMean } from '../../core/bundles/didYouMean';
import type { ArtifactTypeDef } from '../../core/bundles/manifest';
import type { Diagnostic } from '../../core/diagnostics';
import { isSymlink } from './bundleFiles';
import { readYaml } from './loadBundle';
import { checkArtifactTypeDocument, compileUserSchema } from './schemaValidation';

/** Reads `<dir>/types/*.yaml` of every catalog folder; bad files are diagnostics and are left out. */
export function loadArtifactTypes(dirs: readonly string[]): { types: ArtifactTypeDef[]; diagnostics: Diagnostic[] } {
  const types: ArtifactTypeDef[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileOf = new Map<string, string>();
  for (const dir of dirs) {
    const typesDir = join(dir, 'types');
    let names: string[];
    try {
      names = readdirSync(typesDir).filter((name) => /\.ya?ml$/.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(typesDir, name);
      if (isSymlink(file)) {
        diagnostics.push({ severity: 'error', code: 'type.symlink', message: `${file} is a symbolic link; artifact types must be plain files in types/.`, location: { file } });
        continue;
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        diagnostics.push({ severity: 'error', code: 'type.unreadable', message: `Cannot read ${file}: ${(error as Error).message}. Make it a readable file.`, location: { file } });
        continue;
      }
      const yaml = readYaml(text, file, 'type.yaml-syntax');
      diagnostics.push(...yaml.diagnostics);
      if (yaml.value === undefined) continue;
      const problems = checkArtifactTypeDocument(yaml.value, file);
      diagnostics.push(...problems);
      if (problems.length > 0) continue;
      const raw = yaml.value as Record<string, unknown>;
      const stem = name.replace(/\.ya?ml$/, '');
      if (raw.name !== stem) {
        diagnostics.push({ severity: 'error', code: 'type.name-mismatch', message: `${name} defines type "${String(raw.name)}": name the file ${String(raw.name)}.yaml or the type "${stem}".`, location: { file, pointer: '/name' } });
        continue;
      }
      const compiled = compileUserSchema(raw.schema as JsonSchema);
      if (typeof compiled === 'string') {
        diagnostics.push({ severity: 'error', code: 'type.bad-schema', message: `The schema of type "${stem}" is not a valid JSON Schema: ${compiled}. Fix it (ajv strict mode).`, location: { file, pointer: '/schema' } });
        continue;
      }
      if (types.some((type) => type.name === stem)) {
        diagnostics.push({ severity: 'error', code: 'type.duplicate', message: `Artifact type "${stem}" is defined twice; this file is ignored. Rename one of them.`, location: { file, pointer: '/name' } });
        continue;
      }
      fileOf.set(stem, file);
      types.push({
        name: stem,
        title: raw.title as string,
        colour: raw.colour as string,
        sensitive: raw.sensitive === true,
        schema: raw.schema as JsonSchema,
        ...(typeof raw.extends === 'string' ? { extends: raw.extends } : {}),
        ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      });
    }
  }
  const known = types.map((type) => type.name);
  for (const type of types) {
    if (type.extends === undefined || known.includes(type.extends)) continue;
    diagnostics.push({ severity: 'error', code: 'type.unknown-parent', message: `Type "${type.name}" extends "${type.extends}", which is not defined.${didYouMean(type.extends, known)} Fix the name or add the type.`, location: { file: fileOf.get(type.name), pointer: '/extends' } });
  }
  return { types, diagnostics };
}
