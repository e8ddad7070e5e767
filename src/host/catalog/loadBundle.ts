import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { JsonSchema } from '../../core/api/schema';
import { checkConnectionShapes } from '../../core/bundles/connectionShape';
import { checkTypeReferences, crossCheck } from '../../core/bundles/crossCheck';
import { deriveManifest } from '../../core/bundles/deriveManifest';
import type { ArtifactTypeDef, BundleManifest, BundleOrigin, CatalogBundle } from '../../core/bundles/manifest';
import { mapMassdriverManifest } from '../../core/bundles/massdriver';
import { moduleInfoOf, type ModuleInfo, type ParsedTerraformFile } from '../../core/bundles/moduleInfo';
import { normalizeManifest } from '../../core/bundles/normalizeManifest';
import type { Diagnostic } from '../../core/diagnostics';
import { contentHash, insideBundle, readBundleFiles, terraformFilesIn } from './bundleFiles';
import { parseTerraformFile } from './parseTerraform';
import { checkManifestDocument, compileUserSchema } from './schemaValidation';

/** Parsed modules by bundle content hash: a warm load reads files but parses no HCL. */
export type ModuleCache = Map<string, { module: ModuleInfo; diagnostics: Diagnostic[] }>;

export const MANIFEST_FILE = 'bundle.yaml';
export const MASSDRIVER_FILE = 'massdriver.yaml';

/** Which kind of bundle a folder holds, or undefined when it holds none. */
export function bundleOriginOf(names: readonly string[]): BundleOrigin | undefined {
  if (names.includes(MANIFEST_FILE)) return 'manifest';
  if (names.includes(MASSDRIVER_FILE)) return 'massdriver';
  if (names.some((name) => name.endsWith('.tf'))) return 'plain-terraform';
  return undefined;
}

/** Parses YAML text; a syntax error is a diagnostic with its line and column. */
export function readYaml(text: string, file: string, code: string): { value?: unknown; diagnostics: Diagnostic[] } {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const position = error.linePos?.[0];
    const summary = error.message.split('\n')[0];
    return {
      diagnostics: [{ severity: 'error', code, message: `${file} is not valid YAML: ${summary}. Fix the syntax at that line.`, location: { file, ...(position ? { line: position.line, column: position.col } : {}) } }],
    };
  }
  return { value: document.toJS(), diagnostics: [] };
}

async function parseModule(files: ReadonlyMap<string, string>, paths: string[]): Promise<{ module: ModuleInfo; diagnostics: Diagnostic[] }> {
  const parsed: ParsedTerraformFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const result = await parseTerraformFile(path, files.get(path)!);
    if (result.file) parsed.push(result.file);
    diagnostics.push(...result.diagnostics);
  }
  const info = moduleInfoOf(parsed);
  return { module: info.value, diagnostics: [...diagnostics, ...info.diagnostics] };
}

function presetDiagnostics(manifest: BundleManifest, file: string): Diagnostic[] {
  const validate = compileUserSchema(manifest.params);
  if (typeof validate === 'string') {
    return [{ severity: 'error', code: 'manifest.bad-params-schema', message: `params is not a valid JSON Schema: ${validate}. Fix it (ajv strict mode).`, location: { file, pointer: '/params' } }];
  }
  const { required: _required, ...partial } = manifest.params;
  const validatePartial = compileUserSchema(partial as JsonSchema);
  if (typeof validatePartial === 'string') return [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, preset] of Object.entries(manifest.presets)) {
    if (validatePartial(preset.values)) continue;
    const error = validatePartial.errors?.[0];
    diagnostics.push({
      severity: 'error',
      code: 'manifest.preset-invalid',
      message: `Preset "${name}": ${error?.instancePath || 'values'} ${error?.message ?? 'is invalid'}. Fix the value so it matches the param.`,
      location: { file, pointer: `/presets/${name}/values${error?.instancePath ?? ''}` },
    });
  }
  return diagnostics;
}

/** Loads one bundle folder; every problem becomes a diagnostic of the bundle, nothing throws. */
export async function loadBundle(dir: string, types: readonly ArtifactTypeDef[], cache: ModuleCache): Promise<CatalogBundle> {
  const files = readBundleFiles(dir);
  const diagnostics: Diagnostic[] = [...files.diagnostics];
  const names = [...files.contents.keys()];
  const origin = bundleOriginOf(names.filter((name) => !name.includes('/'))) ?? 'plain-terraform';
  const folder = basename(dir);
  let manifest: BundleManifest;
  let manifestFile = MANIFEST_FILE;
  if (origin === 'manifest') {
    const yaml = readYaml(files.contents.get(MANIFEST_FILE)!, MANIFEST_FILE, 'manifest.yaml-syntax');
    diagnostics.push(...yaml.diagnostics);
    if (yaml.value !== undefined) diagnostics.push(...checkManifestDocument(yaml.value, MANIFEST_FILE));
    const raw = yaml.value && typeof yaml.value === 'object' && !Array.isArray(yaml.value) ? (yaml.value as Record<string, unknown>) : {};
    if (yaml.value !== undefined && raw !== yaml.value) {
      diagnostics.push({ severity: 'error', code: 'manifest.not-an-object', message: 'bundle.yaml must be a mapping of keys (name, version, title, …).', location: { file: MANIFEST_FILE, pointer: '' } });
    }
    manifest = normalizeManifest(raw);
    if (!manifest.name) manifest.name = deriveManifest(folder, { variables: {}, outputs: {}, providers: {} }).name;
    if (!manifest.version) manifest.version = '0.0.0';
  } else if (origin === 'massdriver') {
    manifestFile = MASSDRIVER_FILE;
    const yaml = readYaml(files.contents.get(MASSDRIVER_FILE)!, MASSDRIVER_FILE, 'massdriver.yaml-syntax');
    diagnostics.push(...yaml.diagnostics);
    const mapped = mapMassdriverManifest(yaml.value ?? {}, folder, types);
    manifest = mapped.value;
    diagnostics.push(...mapped.diagnostics);
  } else {
    manifest = deriveManifest(folder, { variables: {}, outputs: {}, providers: {} }, '.');
  }

  const hash = contentHash(files.contents);
  const moduleDir = insideBundle(manifest.module);
  const bundle: CatalogBundle = { ref: `${manifest.name}@${manifest.version}`, manifest, origin, hash, dir, sensitiveOutputs: [], diagnostics };
  if (moduleDir === undefined) {
    diagnostics.push({ severity: 'error', code: 'manifest.module-escapes', message: `The module folder "${manifest.module}" leaves the bundle folder: keep the module inside it (default "module").`, location: { file: manifestFile, pointer: origin === 'massdriver' ? '/steps' : '/module' } });
    return bundle;
  }
  if (manifest.icon !== undefined && (insideBundle(manifest.icon) === undefined || !files.contents.has(insideBundle(manifest.icon)!))) {
    diagnostics.push({ severity: 'warning', code: 'manifest.missing-icon', message: `Icon "${manifest.icon}" is not a file inside the bundle folder: add it or remove "icon".`, location: { file: manifestFile, pointer: '/icon' } });
  }
  const moduleExists = moduleDir === '.' || (existsSync(join(dir, moduleDir)) && statSync(join(dir, moduleDir)).isDirectory());
  if (!moduleExists) {
    diagnostics.push({ severity: 'error', code: 'manifest.missing-module', message: `The module folder "${moduleDir}" does not exist: create it with the Terraform files or set "module" to the right folder.`, location: { file: manifestFile, pointer: origin === 'massdriver' ? '/steps' : '/module' } });
    return bundle;
  }
  const tfFiles = terraformFilesIn(files.contents, moduleDir);
  if (tfFiles.length === 0) {
    diagnostics.push({ severity: 'error', code: 'module.no-terraform-files', message: `The module folder "${moduleDir}" has no .tf files: add the Terraform module.`, location: { file: moduleDir } });
    return bundle;
  }
  let parsed = cache.get(hash);
  if (!parsed) {
    parsed = await parseModule(files.contents, tfFiles);
    cache.set(hash, parsed);
  }
  diagnostics.push(...parsed.diagnostics);
  const module = parsed.module;
  if (origin === 'plain-terraform') {
    bundle.manifest = manifest = deriveManifest(folder, module, '.');
    bundle.ref = `${manifest.name}@${manifest.version}`;
  }
  manifest.providers = { ...module.providers };
  bundle.sensitiveOutputs = Object.values(module.outputs).filter((output) => output.sensitive).map((output) => output.name).sort();
  const checkedModule = origin === 'massdriver' ? withoutMassdriverMetadata(module) : module;
  diagnostics.push(...presetDiagnostics(manifest, manifestFile));
  diagnostics.push(...crossCheck(manifest, checkedModule, { manifestFile, artifactSeverity: origin === 'massdriver' ? 'warning' : 'error' }));
  if (origin === 'manifest') diagnostics.push(...checkTypeReferences(manifest, types, manifestFile));
  diagnostics.push(...checkConnectionShapes(manifest, checkedModule, types));
  return bundle;
}

/** Massdriver injects `md_metadata` at deploy time: it is no param of the bundle. */
function withoutMassdriverMetadata(module: ModuleInfo): ModuleInfo {
  const { md_metadata: _metadata, ...variables } = module.variables;
  return { ...module, variables };
}
