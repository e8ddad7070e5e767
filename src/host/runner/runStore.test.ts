import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../store/openDatabase';
import { RunStore } from './runStore';

const open = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-runs-')), 'driftless.db'));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('run store', () => {
  it('appends chunks and replays them exactly, in order', () => {
    const db = open();
    const store = new RunStore(db);
    const run = store.create({ environmentId: 'dev', kind: 'plan', command: ['terraform', 'plan'], moduleHash: 'abc' });
    const chunks = ['\x1b[1mPlan:\x1b[0m 1 to add\r\n', '', 'ünïcødé ✓ 🚀', 'x'.repeat(70000)];
    chunks.forEach((chunk) => store.append(run.id, chunk));
    expect([...store.chunks(run.id)].map((chunk) => chunk.data)).toEqual(chunks);
    expect([...store.chunks(run.id, 2)].map((chunk) => chunk.seq)).toEqual([2, 3]);
    // A second store (a restarted host) continues the sequence.
    expect(new RunStore(db).append(run.id, 'more')).toBe(4);
    db.close();
  });

  it('never writes a secret of a saved plan into the database file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-runs-')), 'driftless.db');
    const db = openDatabase(path);
    const store = new RunStore(db);
    const run = store.create({ environmentId: 'dev', kind: 'plan', command: ['terraform', 'plan'] });
    const canary = 'plan-canary-7d1e';
    const plan = {
      variables: { db__password: { value: canary } },
      configuration: { root_module: { variables: { db__password: { sensitive: true } } } },
      resource_changes: [{ change: { actions: ['create'], before: null, after: { output: canary }, after_sensitive: {} } }],
    };
    store.savePlan(run.id, JSON.stringify(plan));
    expect(store.planOf(run.id)).not.toContain(canary);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(path).includes(canary)).toBe(false);
  });

  it('records the end, the plan and lists per environment with filters', () => {
    const db = open();
    const store = new RunStore(db);
    const plan = store.create({ environmentId: 'dev', kind: 'plan', command: ['terraform', 'plan'] });
    const apply = store.create({ environmentId: 'dev', kind: 'apply', command: ['terraform', 'apply'] });
    store.create({ environmentId: 'prod', kind: 'plan', command: ['terraform', 'plan'] });
    store.savePlan(plan.id, '{"format_version":"1.2"}');
    store.finish(plan.id, { status: 'succeeded', exitCode: 0, summary: { totals: { create: 1 } } });
    store.finish(apply.id, { status: 'failed', exitCode: 1 });
    expect(store.get(plan.id)).toMatchObject({ status: 'succeeded', exitCode: 0, summary: { totals: { create: 1 } }, command: ['terraform', 'plan'] });
    expect(store.get(plan.id)!.endedAt).toBeDefined();
    expect(store.planOf(plan.id)).toBe('{"format_version":"1.2"}');
    expect(store.list('dev').map((run) => run.id).sort()).toEqual([plan.id, apply.id].sort());
    expect(store.list('dev', { status: 'failed' }).map((run) => run.id)).toEqual([apply.id]);
    expect(store.list('dev', { kind: 'plan' }).map((run) => run.id)).toEqual([plan.id]);
    db.close();
  });

  it('marks runs a crashed host left running as interrupted', () => {
    const db = open();
    const store = new RunStore(db);
    const run = store.create({ environmentId: 'dev', kind: 'apply', command: ['terraform', 'apply'] });
    const done = store.create({ environmentId: 'dev', kind: 'plan', command: ['terraform', 'plan'] });
    store.finish(done.id, { status: 'succeeded', exitCode: 0 });
    expect(new RunStore(db).markInterrupted().map((record) => record.id)).toEqual([run.id]);
    expect(store.get(run.id)!.status).toBe('interrupted');
    expect(store.get(done.id)!.status).toBe('succeeded');
    db.close();
  });

  it('writes output chunks together: within ~50 ms, at once past 1M characters, and before any read or finish', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-runs-')), 'driftless.db');
    const db = openDatabase(path);
    const other = new Database(path, { readonly: true }); // another reader (the query console) sees committed rows only
    const stored = (id: string) => (other.prepare('SELECT count(*) AS n FROM run_output WHERE run_id = ?').get(id) as { n: number }).n;
    const store = new RunStore(db);
    const run = store.create({ environmentId: 'dev', kind: 'apply', command: ['flood'] });
    expect([store.append(run.id, 'a'), store.append(run.id, 'b'), store.append(run.id, 'c')]).toEqual([0, 1, 2]);
    expect(stored(run.id)).toBe(0);
    await wait(150);
    expect(stored(run.id)).toBe(3);

    store.append(run.id, 'x'.repeat(1_000_000));
    expect(stored(run.id)).toBe(4);

    store.append(run.id, 'd');
    expect([...store.chunks(run.id, 4)].map((chunk) => chunk.data)).toEqual(['d']);
    store.append(run.id, 'e');
    expect(store.outputLength(run.id)).toBe(3 + 1_000_000 + 2);
    store.append(run.id, 'f');
    store.finish(run.id, { status: 'succeeded', exitCode: 0 });
    expect(stored(run.id)).toBe(7);
    other.close();
    db.close();
  });
});
