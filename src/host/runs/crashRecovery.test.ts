import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../createHost';
import { RunStore } from '../runner/runStore';
import { createStateRepository } from '../state/stateRepository';
import { RunRecords } from './runRecords';

const hostAt = (dataDir: string, shell: 'cli' | 'web' = 'cli') => createHost({ version: '0.0.0-test', dataDir, shell, heartbeatMs: 0 });

describe('run crash recovery', () => {
  it('runs a dead host left running or queued become interrupted, with the lock they left; a live host\'s runs are left alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-recovery-'));
    const deadPid = spawnSync('true').pid!;
    const first = hostAt(dataDir);
    const db = first.database.get();
    const records = new RunRecords(db, new RunStore(db));
    const running = records.store.create({ environmentId: 'env-a', kind: 'apply', command: ['terraform', 'apply'] });
    records.update(running.id, { meta: { hostPid: deadPid } });
    const queued = records.store.create({ environmentId: 'env-b', kind: 'plan', command: ['terraform', 'plan'], status: 'queued' });
    records.update(queued.id, { meta: { hostPid: deadPid } });
    const elsewhere = records.store.create({ environmentId: 'env-c', kind: 'plan', command: ['terraform', 'plan'] });
    records.update(elsewhere.id, { meta: { hostPid: process.ppid } }); // another process that is alive
    expect(createStateRepository(db).tryLock('env-a', 'lock-1', JSON.stringify({ ID: 'lock-1', Operation: 'OperationTypeApply', Who: 'me@here' }))).toBe(true);
    await first.close();

    const second = hostAt(dataDir);
    try {
      const [recovered] = second.runs.list('env-a').runs;
      expect(recovered).toMatchObject({ id: running.id, status: 'interrupted', lockLeft: { lockId: 'lock-1', operation: 'OperationTypeApply', who: 'me@here' } });
      expect(recovered!.message).toMatch(/interrupted.*state lock lock-1.*force-unlock/);
      expect(recovered!.endedAt).toBeDefined();
      expect(second.runs.get(queued.id).status).toBe('interrupted');
      expect(second.runs.get(queued.id).lockLeft).toBeUndefined();
      expect(second.runs.get(elsewhere.id).status).toBe('running');
    } finally {
      await second.close();
    }
  });

  it('at launch, before any run call: orphans are interrupted with the lock they left, and saved plans no run can use are deleted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-launch-'));
    const deadPid = spawnSync('true').pid!;
    const first = hostAt(dataDir);
    const db = first.database.get();
    const records = new RunRecords(db, new RunStore(db));
    const orphan = records.store.create({ environmentId: 'env-a', kind: 'plan', command: ['terraform', 'plan'] });
    records.update(orphan.id, { meta: { hostPid: deadPid } });
    const planned = records.store.create({ environmentId: 'env-a', kind: 'plan', command: ['terraform', 'plan'] });
    records.update(planned.id, { status: 'planned', meta: { hostPid: deadPid } });
    expect(createStateRepository(db).tryLock('env-a', 'lock-9', JSON.stringify({ ID: 'lock-9', Operation: 'OperationTypePlan', Who: 'ci@box' }))).toBe(true);
    await first.close();
    const plans = join(dataDir, 'plans');
    const cache = join(dataDir, 'workspaces', 'env-a', '.terraform');
    mkdirSync(plans, { recursive: true });
    mkdirSync(cache, { recursive: true });
    for (const name of [`${planned.id}.tfplan.sealed`, `${orphan.id}.tfplan.sealed`, `${orphan.id}.tfplan`]) writeFileSync(join(plans, name), 'x');
    writeFileSync(join(cache, `driftless-${orphan.id}.tfplan`), 'left by a crash between plan -out and sealing');

    const second = hostAt(dataDir, 'web');
    try {
      // Read straight from the database: the run service has not been called.
      const stored = new RunStore(second.database.get()).get(orphan.id)!;
      expect(stored.status).toBe('interrupted');
      expect(stored.summary).toMatchObject({ lockLeft: { lockId: 'lock-9', who: 'ci@box' }, message: expect.stringMatching(/state lock lock-9: release it \(force-unlock\)/) });
      expect(readdirSync(plans)).toEqual([`${planned.id}.tfplan.sealed`]);
      expect(existsSync(join(cache, `driftless-${orphan.id}.tfplan`))).toBe(false);
    } finally {
      await second.close();
    }
  });
});
