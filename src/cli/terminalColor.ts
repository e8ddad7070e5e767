/**
 * Whether terraform's output should carry colour codes where the CLI prints it: not when NO_COLOR
 * is set (no-color.org), yes when FORCE_COLOR is (and not "0"), else only on a terminal. A log
 * file or a pull-request comment would otherwise show the raw escape sequences.
 */
export function terminalColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  return isTerminal;
}
