import { createHash } from 'node:crypto';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { compile } from '../../core/compiler/compile';
import type { CompileOptions, CompileResult } from '../../core/compiler/types';
import type { Project } from '../../core/model/diagram';
import { createParamValidator } from '../validation/paramValidator';

/** node:crypto's SHA-256 of the chunks' concatenation: the same digest as the core's pure one, about 20× faster. */
export function nodeSha256(chunks: readonly string[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk, 'utf8');
  return hash.digest('hex');
}

const sharedValidator = createParamValidator();

/** The compiler as the host runs it: the pure passes, params checked by ajv, hashing with node:crypto. */
export function compileProject(project: Project, environmentId: string, catalog: CatalogSnapshot, options: CompileOptions = {}): CompileResult {
  return compile(project, environmentId, catalog, { sha256: nodeSha256, validateParams: sharedValidator, ...options });
}
