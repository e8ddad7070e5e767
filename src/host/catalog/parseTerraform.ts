import { parse } from '@cdktf/hcl2json';
import type { ParsedTerraformFile } from '../../core/bundles/moduleInfo';
import type { Diagnostic } from '../../core/diagnostics';

/** Parses one .tf file with the real HCL parser (WebAssembly, offline); a syntax error is a diagnostic with its line. */
export async function parseTerraformFile(path: string, text: string): Promise<{ file?: ParsedTerraformFile; diagnostics: Diagnostic[] }> {
  try {
    const json = (await parse(path, text)) as Record<string, unknown>;
    return { file: { path, text, json }, diagnostics: [] };
  } catch (error) {
    const raw = String((error as Error).message ?? error);
    // hcl2json reports "parse config: [file.tf:12,3-4: Summary; Detail]".
    const match = /:(\d+),(\d+)(?:-\d+)?: ([^\]]*)/.exec(raw);
    const detail = (match?.[3] ?? raw).trim();
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'module.hcl-syntax',
          message: `${path} does not parse as HCL: ${detail} Fix the syntax (terraform validate shows the same error).`,
          location: { file: path, ...(match ? { line: Number(match[1]), column: Number(match[2]) } : {}) },
        },
      ],
    };
  }
}
