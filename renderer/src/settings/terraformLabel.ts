import type { TerraformInfo } from '../../../src/core/api/areas/app';

/** The status bar's short words for the binary runs use: its version, or why it cannot be used. */
export function terraformLabel(info: TerraformInfo): string {
  const name = info.binary.split(/[/\\]/).pop() ?? info.binary;
  if (info.found) return `${name} ${info.version}`;
  switch (info.reason) {
    case 'too_old': return `${name} too old`;
    case 'not_answering': return `${name} not answering`;
    default: return `${name} not found`;
  }
}
