import { resolve } from 'node:path';
import { hasErrors } from '../../core/diagnostics';
import { checkBundleHashes, locateInFile } from '../../core/diagramFile/locate';
import { loadCatalog } from '../../host/catalog/loadCatalog';
import { compileProject } from '../../host/compiler/compileProject';
import { WorkdirError, writeWorkdir } from '../../host/compiler/writeWorkdir';
import type { Command } from '../command';
import { packageVersion } from '../packageRoot';
import { bundleFolders, bundlesOption } from './bundleFolders';
import { formatDiagnostic, readDiagramFile } from './diagramFileInput';

export const compileCommand: Command = {
  name: 'compile',
  summary: 'Compile one environment of a diagram file into a Terraform root module folder',
  usage: 'driftless compile FILE --env ENV -o DIR [--bundles DIR]... [--json]',
  options: {
    env: { type: 'string', description: 'Environment to compile (name or id)', valueName: 'ENV' },
    output: { type: 'string', short: 'o', description: 'Folder to write (new, empty, or written by an earlier compile)', valueName: 'DIR' },
    bundles: bundlesOption,
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  details: [
    'Writes main.tf.json, outputs.tf.json, README.md and modules/ (a copy of each bundle module).',
    'The folder runs with plain terraform: see docs/eject.md for choosing a backend.',
    'Sensitive params are not written: set TF_VAR_<node>__<param> for each one listed.',
    'Exit codes: 0 compiled (warnings allowed), 1 errors or the folder is not ours to write.',
  ].join('\n'),
  async run({ values, positionals, stdout, stderr }) {
    const environment = values.env as string | undefined;
    const output = values.output as string | undefined;
    if (positionals.length !== 1 || !environment || !output) {
      stderr('driftless compile takes one FILE, --env ENV and -o DIR. Run "driftless compile --help" for usage.');
      return 1;
    }
    const [file] = positionals as [string];
    const parsed = readDiagramFile(file);
    if ('diagnostics' in parsed) {
      for (const diagnostic of parsed.diagnostics) stderr(formatDiagnostic(diagnostic));
      return 1;
    }
    const catalog = await loadCatalog({ dirs: bundleFolders(values) });
    const result = compileProject(parsed.project, environment, catalog, { generatedBy: `driftless ${packageVersion()}` });
    const diagnostics = [...checkBundleHashes(parsed.project, catalog), ...locateInFile(parsed.project, result.diagnostics, file)];
    const dir = resolve(output);
    let written = false;
    if (!hasErrors(diagnostics)) {
      try {
        writeWorkdir(dir, result);
        written = true;
      } catch (error) {
        if (!(error instanceof WorkdirError)) throw error;
        stderr(error.message);
        return 1;
      }
    }
    if (values.json) {
      const { files, moduleSources, secretInputs, diagramHash } = result;
      stdout(JSON.stringify({ file, environment, dir: written ? dir : null, diagramHash, files: Object.keys(files), modules: moduleSources.map((source) => source.to), secretInputs, diagnostics }, null, 2));
    } else {
      for (const diagnostic of diagnostics) (diagnostic.severity === 'error' ? stderr : stdout)(formatDiagnostic(diagnostic));
      if (written) {
        stdout(`Compiled ${parsed.project.diagram.nodes.length} node(s) of environment "${environment}" into ${dir}`);
        for (const secret of result.secretInputs) stdout(`  set TF_VAR_${secret.variable} (param "${secret.param}" of node "${secret.node}")`);
      } else {
        stderr(`${file}: not compiled, ${diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length} error(s).`);
      }
    }
    return written ? 0 : 1;
  },
};
