import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DriftReport } from '../../core/api/areas/drift';
import { createHost, type Host } from '../createHost';
import { importDiagram, runBundlesDir, taskDiagram } from '../../../test/support/runProjects';

describe('drift and batch API (no terraform needed)', () => {
  let host: Host;
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'driftless-drift-api-'));
    host = createHost({ version: '0.0.0-test', dataDir, shell: 'cli', heartbeatMs: 0, bundleDirs: [runBundlesDir], terraformBinary: '/nonexistent/terraform' });
  });
  afterAll(async () => {
    await host.close();
  });

  it('schedules are off by default, kept per environment, turned off with null; bad intervals and unknown environments are refused', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('schedule', { one: { command: 'true' } }, ['dev', 'prod']));
    const dev = environments.dev!;
    expect(await host.call('drift.schedule.get', { projectId, environmentId: dev })).toEqual({ ok: true, value: { projectId, environmentId: dev, intervalMinutes: null } });
    expect(await host.call('drift.schedule.set', { projectId, environmentId: dev, intervalMinutes: 30 })).toEqual({ ok: true, value: { projectId, environmentId: dev, intervalMinutes: 30 } });
    expect(await host.call('drift.schedule.get', { projectId, environmentId: environments.prod! })).toMatchObject({ ok: true, value: { intervalMinutes: null } });
    expect(await host.call('drift.schedule.set', { projectId, environmentId: dev, intervalMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await host.call('drift.schedule.set', { projectId, environmentId: 'nope', intervalMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Kept across a restart of the host (same database).
    const again = createHost({ version: '0.0.0-test', dataDir, shell: 'cli', heartbeatMs: 0, bundleDirs: [runBundlesDir], terraformBinary: '/nonexistent/terraform' });
    try {
      expect(await again.call('drift.schedule.get', { projectId, environmentId: dev })).toMatchObject({ ok: true, value: { intervalMinutes: 30 } });
    } finally {
      await again.close();
    }
    expect(await host.call('drift.schedule.set', { projectId, environmentId: dev, intervalMinutes: null })).toMatchObject({ ok: true, value: { intervalMinutes: null } });
    expect(await host.call('drift.schedule.get', { projectId, environmentId: dev })).toMatchObject({ ok: true, value: { intervalMinutes: null } });
  });

  it('a scheduled check runs on its interval and reports as drift.checked; off stops it', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('scheduled', { one: { command: 'true', url: 'file:///x' } }));
    const environmentId = environments.dev!;
    const checked: DriftReport[] = [];
    const unsubscribe = host.events.subscribe('drift.checked', (report) => checked.push(report));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await host.call('drift.schedule.set', { projectId, environmentId, intervalMinutes: 2 });
      vi.advanceTimersByTime(60_000);
      await host.runs.idle();
      expect(checked).toEqual([]);
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(() => expect(checked).toHaveLength(1), { timeout: 10_000 });
      expect(checked[0]).toMatchObject({ projectId, environmentId, ok: false });
      await host.call('drift.schedule.set', { projectId, environmentId, intervalMinutes: null });
      vi.advanceTimersByTime(10 * 60_000);
      await host.runs.idle();
      expect(checked).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      unsubscribe();
    }
  });

  it('a drift check whose runs fail reports what to do; Accept and Revert refuse runs of the wrong kind', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('failing-check', { one: { command: 'true', url: 'file:///x' } }));
    const report = await host.call('drift.check', { projectId, environmentId: environments.dev! });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ ok: false, drifted: false });
    expect(report.value.message).toMatch(/ended failed.*Read its output/);
    expect(await host.call('drift.accept', { driftRunId: report.value.planRunId, planRunId: report.value.planRunId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await host.call('drift.revert', { planRunId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.call('drift.check', { projectId, environmentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.call('batch.plan', { projectId, changes: [] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
