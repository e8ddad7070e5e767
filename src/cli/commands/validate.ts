import type { Diagnostic } from '../../core/diagnostics';
import { hasErrors } from '../../core/diagnostics';
import { validateProject } from '../../core/diagram/validate';
import { checkBundleHashes, locateInFile } from '../../core/diagramFile/locate';
import { loadCatalog } from '../../host/catalog/loadCatalog';
import { createParamValidator } from '../../host/validation/paramValidator';
import type { Command } from '../command';
import { formatDiagnostic, readDiagramFile } from './diagramFileInput';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a diagram file: its format, and its diagram against the bundle catalog',
  usage: 'driftless validate FILE [--bundles DIR]... [--file-only] [--json]',
  options: {
    json: { type: 'boolean', description: 'Print the result as JSON' },
    bundles: { type: 'string', multiple: true, description: 'A bundle folder besides the built-in library (repeatable)', valueName: 'DIR' },
    'file-only': { type: 'boolean', description: 'Check only the file format, not against the bundle catalog' },
  },
  details: [
    'Checks the file (JSON syntax, format version, types, ids, names, edges) and then the diagram',
    'against the catalog: bundle versions, params, edge types, required connections, cycles.',
    'Exit codes: 0 valid (warnings allowed), 1 invalid or unreadable.',
  ].join('\n'),
  async run({ values, positionals, stdout, stderr }) {
    if (positionals.length !== 1) {
      stderr('driftless validate takes one FILE. Run "driftless validate --help" for usage.');
      return 1;
    }
    const [file] = positionals as [string];
    const parsed = readDiagramFile(file);
    let diagnostics: Diagnostic[];
    let summary = '';
    if ('diagnostics' in parsed) diagnostics = parsed.diagnostics;
    else {
      const { project } = parsed;
      diagnostics = [];
      if (!values['file-only']) {
        const catalog = await loadCatalog({ dirs: (values.bundles as string[] | undefined) ?? [] });
        diagnostics = [...checkBundleHashes(project, catalog), ...locateInFile(project, validateProject(project, catalog, createParamValidator()), file)];
      }
      summary = `${project.diagram.nodes.length} nodes, ${project.diagram.edges.length} edges, ${project.environments.length} environments`;
    }
    const valid = !hasErrors(diagnostics);
    if (values.json) {
      stdout(JSON.stringify({ file, valid, diagnostics }, null, 2));
    } else {
      for (const diagnostic of diagnostics) (diagnostic.severity === 'error' ? stderr : stdout)(formatDiagnostic(diagnostic));
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      if (valid) stdout(`${file}: valid (${summary})${diagnostics.length > 0 ? `, ${diagnostics.length} warning(s)` : ''}`);
      else stderr(`${file}: ${errors} error(s).`);
    }
    return valid ? 0 : 1;
  },
};
