import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../src/core/bundles/manifest';
import { main } from '../../src/cli/main';
import { createHost } from '../../src/host/createHost';
import { fixtureTypes, validBundle, writeFiles } from './catalogFixtures';

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('catalog through the host API', () => {
  it('catalog.list loads lazily with extra bundle folders, and catalog.changed follows edits on disk', async () => {
    const bundles = temp('driftless-host-bundles-');
    writeFiles(bundles, fixtureTypes);
    writeFiles(join(bundles, 'demo'), validBundle);
    const host = createHost({ version: 'test', dataDir: temp('driftless-host-data-'), shell: 'web', heartbeatMs: 0, bundleDirs: [bundles] });
    try {
      const listed = await host.call('catalog.list', {});
      expect(listed.ok).toBe(true);
      if (!listed.ok) return;
      expect(listed.value.bundles.find((bundle) => bundle.ref === 'demo@1.0.0')?.diagnostics).toEqual([]);
      expect(listed.value.bundles.some((bundle) => bundle.ref === 'local-service@1.0.0')).toBe(true);

      const changed = new Promise<CatalogSnapshot>((resolve) => {
        const unsubscribe = host.events.subscribe('catalog.changed', (snapshot) => {
          if (!snapshot.bundles.some((bundle) => bundle.ref === 'demo@1.1.0')) return;
          unsubscribe();
          resolve(snapshot);
        });
      });
      writeFileSync(join(bundles, 'demo/bundle.yaml'), validBundle['bundle.yaml']!.replace('version: 1.0.0', 'version: 1.1.0'));
      const snapshot = await changed;
      expect(snapshot.bundles.some((bundle) => bundle.ref === 'demo@1.0.0')).toBe(false);
      const again = await host.call('catalog.list', {});
      expect(again.ok && again.value.bundles.some((bundle) => bundle.ref === 'demo@1.1.0')).toBe(true);

      const invalid = await host.dispatcher.call('catalog.list', { extra: true });
      expect(invalid.ok).toBe(false);
    } finally {
      await host.close();
    }
  }, 30000);
});

describe('driftless bundles', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...args, '--data-dir', temp('driftless-cli-data-')], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  it('lists the library as JSON with zero diagnostics and exits 0', async () => {
    const result = await run(['bundles', '--json']);
    expect(result.code).toBe(0);
    const snapshot = JSON.parse(result.stdout) as CatalogSnapshot;
    expect(snapshot.bundles.length).toBeGreaterThanOrEqual(14);
    expect([...snapshot.diagnostics, ...snapshot.bundles.flatMap((bundle) => bundle.diagnostics)]).toEqual([]);
  });

  it('prints every diagnostic of a --dir bundle with its location and exits 1 on errors', async () => {
    const bundles = temp('driftless-cli-bundles-');
    writeFiles(bundles, fixtureTypes);
    writeFiles(join(bundles, 'demo'), { ...validBundle, 'bundle.yaml': validBundle['bundle.yaml']!.replace('type: aws-vpc', 'type: aws-vcp') });
    writeFiles(join(bundles, 'plain'), { 'main.tf': 'variable "x" {\n  type = string\n}\n' });
    const result = await run(['bundles', '--dir', bundles]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error manifest.unknown-artifact-type bundle.yaml#/connections/vpc/type');
    expect(result.stdout).toContain('Did you mean "aws-vpc"?');
    expect(result.stdout).toMatch(/plain@0\.0\.0\s+plain-terraform\s+ok/);
  });

  it('has --help', async () => {
    const result = await run(['bundles', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('driftless bundles [--dir DIR]... [--json]');
  });
});

describe('driftless bundles --manifest', () => {
  it('prints the derived manifest of a plain folder as bundle.yaml, and a clear message for an unknown ref', async () => {
    const plain = temp('driftless-cli-plain-');
    writeFiles(join(plain, 'net'), { 'main.tf': 'variable "cidr" {\n  type = string\n  sensitive = true\n}\n\noutput "id" {\n  value = var.cidr\n  sensitive = true\n}\n' });
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) };
    expect(await main(['bundles', '--dir', plain, '--manifest', 'net@0.0.0', '--data-dir', temp('driftless-cli-data-')], io)).toBe(0);
    expect(out.join('\n')).toContain('name: net\nversion: 0.0.0\n');
    expect(out.join('\n')).toMatch(/cidr:\n\s+title: Cidr\n\s+type: string\n\s+writeOnly: true/);
    expect(await main(['bundles', '--manifest', 'nope@1.0.0', '--data-dir', temp('driftless-cli-data-')], io)).toBe(1);
    expect(err.join('\n')).toContain('No bundle nope@1.0.0 in the catalog');
  });
});
