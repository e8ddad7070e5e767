import { mergeProjects } from '../../core/diagramFile/merge';
import { serializeDiagramFile } from '../../core/diagramFile/serialize';
import type { Command } from '../command';
import { formatDiagnostic, readDiagramFile, writeFileAtomically } from './diagramFileInput';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Three-way merge of diagram files by node id and param, listing real conflicts',
  usage: 'driftless merge BASE OURS THEIRS -o OUT [--json]',
  options: {
    output: { type: 'string', short: 'o', description: 'Where to write the merged file (may be OURS)', valueName: 'OUT' },
    json: { type: 'boolean', description: 'Print the conflicts as JSON' },
  },
  details: [
    'The merged file is always complete and valid: where both sides changed the same thing',
    'differently, it holds OURS and the conflict is listed with its JSON pointer.',
    'As a git merge driver: driver = driftless merge %O %A %B -o %A',
    'Exit codes: 0 merged cleanly, 1 conflicts (the file is still written) or unreadable input.',
  ].join('\n'),
  async run({ values, positionals, stdout, stderr }) {
    const output = values.output as string | undefined;
    if (positionals.length !== 3 || output === undefined) {
      stderr('driftless merge takes BASE OURS THEIRS and -o OUT. Run "driftless merge --help" for usage.');
      return 1;
    }
    const inputs = positionals.map(readDiagramFile);
    const failed = inputs.flatMap((result) => ('diagnostics' in result ? result.diagnostics : []));
    if (failed.length > 0) {
      for (const diagnostic of failed) stderr(formatDiagnostic(diagnostic));
      stderr(`Nothing was written to ${output}.`);
      return 1;
    }
    const [base, ours, theirs] = inputs.map((result) => ('project' in result ? result.project : undefined)) as [never, never, never];
    const { project, conflicts } = mergeProjects(base, ours, theirs);
    writeFileAtomically(output, serializeDiagramFile(project));
    if (values.json) stdout(JSON.stringify({ output, conflicts }, null, 2));
    else if (conflicts.length === 0) stdout(`Merged cleanly into ${output}.`);
    else {
      for (const conflict of conflicts) stdout(`conflict ${conflict.side === undefined ? output : conflict.side.toUpperCase()}#${conflict.pointer}: ${conflict.message}`);
      stdout(`${conflicts.length} conflict(s); ${output} holds OURS for each. Resolve them, then validate the file.`);
    }
    return conflicts.length === 0 ? 0 : 1;
  },
};
