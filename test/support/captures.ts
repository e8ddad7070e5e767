import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where captured terraform output lives: ours (made here with 1.11.4) and the shared real ones beside the clone. */
const sources = {
  'terraform-1.11.4': new URL('../fixtures/captures/terraform-1.11.4/', import.meta.url),
  'terraform-1.14.6': new URL('../../../shared/fixtures/terraform-captures/terraform/', import.meta.url),
  'tofu-1.11.5': new URL('../../../shared/fixtures/terraform-captures/tofu/', import.meta.url),
} as const;

export type CaptureSource = keyof typeof sources;
export const captureSources = Object.keys(sources) as CaptureSource[];
export type CaptureFile = 'plan.stdout' | 'show-plan.stdout' | 'apply.stdout' | 'state.stdout';

/** The text of one captured file. Throws with the path when it is missing (CI puts shared/ beside the clone). */
export function readCapture(source: CaptureSource, scenario: string, file: CaptureFile): string {
  const url = new URL(`${scenario}/${file}`, sources[source]);
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new Error(`Capture ${path} is missing: the shared fixtures belong beside the repository (../shared).`);
  return readFileSync(path, 'utf8');
}
