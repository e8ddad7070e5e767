import { readFileSync, statSync } from 'node:fs';
import { MAX_DIAGRAM_FILE_CHARS } from '../../core/api/areas/project';
import type { Diagnostic } from '../../core/diagnostics';
import { createHost, type Host } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import type { Command, CommandContext } from '../command';
import { packageVersion } from '../packageRoot';

/** A host for one CLI command over the data dir the flags name; closed when `use` settles. */
export async function withHost<T>(values: CommandContext['values'], use: (host: Host) => Promise<T>): Promise<T> {
  const host = createHost({
    version: packageVersion(),
    dataDir: resolveDataDir(values['data-dir'] as string | undefined),
    shell: 'cli',
    heartbeatMs: 0,
  });
  try {
    return await use(host);
  } finally {
    await host.close();
  }
}

/** One line per diagnostic: where, then what. */
export function formatDiagnostic(diagnostic: Diagnostic, file: string): string {
  const location = diagnostic.location;
  const where = location?.pointer !== undefined ? `${file}#${location.pointer}` : file;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a *.driftless.json diagram file as a new project (all or nothing)',
  usage: 'driftless import FILE [--name NAME] [--json]',
  options: {
    name: { type: 'string', description: 'Name of the new project (default: the name in the file)', valueName: 'NAME' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  details: 'Every problem of the file is listed with its JSON pointer; nothing is imported unless there are none.\nExit codes: 0 imported, 1 not imported.',
  async run({ values, positionals, stdout, stderr }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      stderr('Name exactly one diagram file to import, for example: driftless import shop.driftless.json');
      return 1;
    }
    let text: string;
    try {
      if (statSync(file).size > MAX_DIAGRAM_FILE_CHARS) {
        stderr(`${file} is larger than ${MAX_DIAGRAM_FILE_CHARS / 1_000_000} MB, too large for a diagram file. Is it the right file?`);
        return 1;
      }
      text = readFileSync(file, 'utf8');
    } catch (error) {
      stderr(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
      return 1;
    }
    const name = values.name as string | undefined;
    return withHost(values, async (host) => {
      const result = await host.call('project.import', name === undefined ? { text } : { text, name });
      if (!result.ok) {
        stderr(result.error.message);
        return 1;
      }
      const outcome = result.value;
      if (values.json) stdout(JSON.stringify(outcome, null, 2));
      else if (outcome.imported) stdout(`Imported project "${outcome.name}" (id ${outcome.projectId}).`);
      if (!values.json) for (const diagnostic of outcome.diagnostics) stderr(formatDiagnostic(diagnostic, file));
      if (!outcome.imported && !values.json) stderr(`Nothing was imported: fix the ${outcome.diagnostics.length} problem(s) above and try again.`);
      return outcome.imported ? 0 : 1;
    });
  },
};
