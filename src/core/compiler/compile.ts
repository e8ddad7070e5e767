import type { CatalogSnapshot } from '../bundles/manifest';
import { hasErrors, type Diagnostic } from '../diagnostics';
import type { Environment, Project } from '../model/diagram';
import { emitPass } from './emitPass';
import { canonicalJsonChunks } from './canonicalJson';
import { orderPass } from './orderPass';
import { resolvePass } from './resolvePass';
import { sha256Hex } from './sha256';
import type { CompileOptions, CompileResult, ModuleSource, Sha256 } from './types';
import { validatePass } from './validatePass';

/** The pure SHA-256 of chunked text (the renderer's; the host passes node:crypto's). */
const pureSha256 = (chunks: readonly string[]) => sha256Hex(chunks.join(''));

/** sha256 of the canonical JSON of the project's diagram and one environment: what the README cites. */
export function diagramHash(project: Project, environment: Environment | undefined, sha256: Sha256 = pureSha256): string {
  return sha256(canonicalJsonChunks({ project: { id: project.id, name: project.name, diagram: project.diagram }, environment: environment ?? null }));
}

/**
 * Compiles one environment of a project into an ephemeral Terraform root module: validate →
 * resolve → order → emit. Pure and deterministic; with any error diagnostic, no files.
 */
export function compile(project: Project, environmentId: string, catalog: CatalogSnapshot, options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const environment = project.environments.find((candidate) => candidate.id === environmentId || candidate.name === environmentId);
  const hash = diagramHash(project, environment, options.sha256);
  const failed = (): CompileResult => ({ files: {}, diagnostics, moduleSources: [], secretInputs: [], diagramHash: hash });

  const validated = validatePass(project, environmentId, catalog, options.validateParams);
  diagnostics.push(...validated.diagnostics);
  if (!validated.value || hasErrors(diagnostics)) return failed();

  const resolved = resolvePass(validated.value);
  diagnostics.push(...resolved.diagnostics);
  if (hasErrors(diagnostics)) return failed();

  const ordered = orderPass(resolved.value);
  diagnostics.push(...ordered.diagnostics);
  if (hasErrors(diagnostics)) return failed();

  const emitted = emitPass(resolved.value, ordered.value, hash, options.generatedBy ?? 'Driftless');
  diagnostics.push(...emitted.diagnostics);
  // one source per bundle version: nodes of the same bundle share theirs
  const sources = new Map<string, ModuleSource>();
  for (const entry of ordered.value) sources.set(entry.source.to, entry.source);
  return {
    files: emitted.value,
    diagnostics,
    moduleSources: [...sources.values()].sort((a, b) => (a.to < b.to ? -1 : 1)),
    secretInputs: ordered.value.flatMap((entry) => entry.secrets),
    diagramHash: hash,
  };
}
