import { describeChange, diffProjects } from '../../core/diagramFile/diff';
import type { Command } from '../command';
import { formatDiagnostic, readDiagramFile } from './diagramFileInput';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what changed between two diagram files, in words a reviewer reads',
  usage: 'driftless diff A B [--json]',
  options: { json: { type: 'boolean', description: 'Print the changes as JSON' } },
  details: [
    'Nodes are matched by their stable id, so a rename shows as a rename; edges by the ports they join.',
    'Lines: "+" added, "-" removed, "~" changed.',
    'Exit codes: 0 success (with or without changes), 1 a file is unreadable or invalid.',
  ].join('\n'),
  async run({ values, positionals, stdout, stderr }) {
    if (positionals.length !== 2) {
      stderr('driftless diff takes two files, A and B. Run "driftless diff --help" for usage.');
      return 1;
    }
    const [before, after] = positionals.map(readDiagramFile);
    const failed = [before!, after!].flatMap((result) => ('diagnostics' in result ? result.diagnostics : []));
    if (failed.length > 0 || !('project' in before!) || !('project' in after!)) {
      for (const diagnostic of failed) stderr(formatDiagnostic(diagnostic));
      return 1;
    }
    const changes = diffProjects(before.project, after.project);
    if (values.json) stdout(JSON.stringify({ changes: changes.map((change) => ({ ...change, text: describeChange(change) })) }, null, 2));
    else stdout(changes.length === 0 ? 'No differences.' : changes.map(describeChange).join('\n'));
    return 0;
  },
};
