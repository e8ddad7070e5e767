import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { writeCliConfig } from '../../support/terraform';
import { launchChromium } from './browser';
import { startServe, type RunningWebShell } from './webShellProcess';

/** The local-only example every run-related spec imports. */
export const localStackExample = new URL('../../../examples/local-stack.driftless.json', import.meta.url).pathname;

export interface AppSession<P> {
  server: RunningWebShell;
  browser: Browser;
  /** The page object of the current test, on a fresh browser context with the diagram open. */
  app: P;
}

/**
 * Registers the hooks every app spec needs, inside its describe: one `driftless serve` (with a
 * terraform CLI config of our own, so runs use the provider mirror and never the network) and one
 * Chromium for the file; a fresh context and page object per test; no uncaught page error allowed.
 */
export function useAppSession<P extends { openDiagram(url: string): Promise<void> }>(
  makePage: (page: Page) => P,
  options: {
    viewport?: { width: number; height: number };
    /** Browser permissions for the app's origin, for example clipboard access. */
    permissions?: string[];
    /** Extra environment of `driftless serve`. */
    env?: Record<string, string>;
    /** Extra arguments of `driftless serve`, for example `--bundles DIR`. */
    args?: string[];
    afterOpen?: (app: P) => Promise<void>;
  } = {},
): AppSession<P> {
  const session = {} as AppSession<P>;
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    const config = mkdtempSync(join(tmpdir(), 'driftless-e2e-tf-'));
    session.server = await startServe({
      TF_CLI_CONFIG_FILE: writeCliConfig(config),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      ...options.env,
    }, options.args);
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  beforeEach(async () => {
    context = await session.browser.newContext({ viewport: options.viewport ?? { width: 1600, height: 1000 }, acceptDownloads: true });
    if (options.permissions) await context.grantPermissions(options.permissions, { origin: session.server.origin });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    session.app = makePage(page);
    await session.app.openDiagram(session.server.url);
    await options.afterOpen?.(session.app);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });
  return session;
}
