import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Command } from '../command';
import { withHost } from './import';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a project as a *.driftless.json diagram file (secrets only as "set")',
  usage: 'driftless export PROJECT [-o FILE]',
  options: {
    output: { type: 'string', short: 'o', description: 'File to write (default: standard output)', valueName: 'FILE' },
  },
  details: 'PROJECT is a project name or id. The file is written whole or not at all.\nExit codes: 0 written, 1 failure.',
  async run({ values, positionals, stdout, stderr }) {
    const [reference, ...extra] = positionals;
    if (reference === undefined || extra.length > 0) {
      stderr('Name exactly one project (its name or id), for example: driftless export shop -o shop.driftless.json');
      return 1;
    }
    return withHost(values, async (host) => {
      const list = await host.call('project.list', {});
      if (!list.ok) {
        stderr(list.error.message);
        return 1;
      }
      const project = list.value.projects.find((candidate) => candidate.id === reference) ?? list.value.projects.find((candidate) => candidate.name === reference);
      if (!project) {
        const names = list.value.projects.map((candidate) => candidate.name);
        stderr(`There is no project "${reference}". ${names.length > 0 ? `Projects: ${names.join(', ')}.` : 'There are no projects yet: import or create one.'}`);
        return 1;
      }
      const exported = await host.call('project.export', { id: project.id });
      if (!exported.ok) {
        stderr(exported.error.message);
        return 1;
      }
      const output = values.output as string | undefined;
      if (output === undefined || output === '-') {
        stdout(exported.value.text.replace(/\n$/, ''));
        return 0;
      }
      // Write beside the target, then rename: a reader never sees half a file.
      const partial = `${output}.partial-${process.pid}`;
      try {
        writeFileSync(partial, exported.value.text);
        renameSync(partial, output);
      } catch (error) {
        rmSync(partial, { force: true });
        stderr(`Cannot write ${output}: ${(error as Error).message}.`);
        return 1;
      }
      stderr(`Wrote ${output} (project "${project.name}").`);
      return 0;
    });
  },
};
