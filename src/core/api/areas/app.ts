import { emptyRequest, event, method } from '../schema';

/** What the status bar shows: who we are, where data lives, which terraform we would run. */
export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  /** 'electron' in the desktop app, 'web' in the loopback web shell, 'cli' headless. */
  shell: 'electron' | 'web' | 'cli';
  terraform: TerraformInfo;
}

/** Where the binary came from: the launch (DRIFTLESS_TERRAFORM or a flag), the saved setting, or PATH. */
export type TerraformSource = 'launch' | 'setting' | 'path';

export type TerraformInfo =
  | { found: true; binary: string; source: TerraformSource; path: string; version: string; platform: string }
  | { found: false; binary: string; source: TerraformSource; reason: 'not_found' | 'too_old' | 'not_answering'; message: string };

export interface Heartbeat {
  sequence: number;
  at: string;
}

export const appMethods = {
  'app.info': method<Record<string, never>, AppInfo>('Version, data dir and the terraform binary found.', emptyRequest),
  'app.chooseTerraform': method<{ path: string | null }, TerraformInfo>(
    'Checks the terraform or tofu at path and saves it for runs when it answers (null: back to PATH). Answers what was found either way.',
    {
      type: 'object',
      properties: { path: { anyOf: [{ type: 'string', minLength: 1, maxLength: 4096 }, { type: 'null' }] } },
      required: ['path'],
      additionalProperties: false,
    },
  ),
  'app.echo': method<{ text: string; repeat?: number }, { text: string }>(
    'Echoes text back; proves request validation end to end.',
    {
      type: 'object',
      properties: { text: { type: 'string', maxLength: 10000 }, repeat: { type: 'integer', minimum: 1, maximum: 10 } },
      required: ['text'],
      additionalProperties: false,
    },
  ),
};

export const appEvents = {
  'app.heartbeat': event<Heartbeat>('Sent periodically while the host runs; proves the event direction.'),
};
