import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { exampleText, importDiagram, runHost } from '../../../test/support/runProjects';
import { backendRequest } from '../../../test/support/stateClient';
import type { Host } from '../createHost';

const tf = requireBinary('terraform');
const CANARY = 'canary-9b7c-applied-state-do-not-leak';

const holds = (path: string) => existsSync(path) && readFileSync(path).includes(Buffer.from(CANARY));

describe.skipIf(!tf.available)(`state at rest with real terraform ${tf.reason}`, () => {
  let host: Host | undefined;
  afterAll(async () => {
    await host?.close();
  });

  it("after an apply, a writeOnly param's value is in the state terraform reads back, yet in neither the database file nor its WAL", async () => {
    host = runHost();
    const { projectId, environments } = await importDiagram(host, exampleText('local-stack'));
    const environmentId = environments.dev!;
    // the database node's password (writeOnly) reaches the state through its sensitive "database" output
    expect((await host.call('secret.set', { projectId, nodeId: 'database', param: 'password', value: CANARY, environmentId })).ok).toBe(true);
    const planned = (await host.runs.plan({ projectId, environmentId })).run!;
    await host.runs.idle();
    expect(host.runs.get(planned.id).status).toBe('planned');
    const applied = host.runs.apply(planned.id).run!;
    await host.runs.idle();
    expect(host.runs.get(applied.id)).toMatchObject({ status: 'succeeded', exitCode: 0 });

    const backend = await host.state.backend();
    await backend.indexer.whenIdle();
    const reply = await backendRequest(backend.addressOf(environmentId), 'GET', { auth: backend });
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain(CANARY); // terraform gets its state back whole

    const database = join(host.dataDir, 'driftless.db');
    expect(existsSync(`${database}-wal`)).toBe(true);
    expect(holds(database)).toBe(false);
    expect(holds(`${database}-wal`)).toBe(false);
    await host.close();
    host = undefined;
    expect(holds(database)).toBe(false); // after the final checkpoint too
  });
});
