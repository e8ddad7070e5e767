import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string };

export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `driftless` subcommand. Exit codes: 0 success, 1 failure or conflict, 2 only where documented. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Extra lines for --help: exit codes, examples. */
  details?: string;
  run(context: CommandContext): Promise<number>;
}

/** Options every command takes. */
export const globalOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', description: 'Data directory (default: $DRIFTLESS_DATA_DIR or ~/.driftless)', valueName: 'DIR' },
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
};

/** The --help text of a command. */
export function helpOf(command: Command): string {
  const options = { ...command.options, ...globalOptions };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    return `  ${(spec.short ? `-${spec.short}, ` : '    ') + flag}`.padEnd(34) + spec.description;
  });
  return [`driftless ${command.name} — ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:', ...rows]
    .concat(command.details ? ['', command.details] : [])
    .join('\n');
}
