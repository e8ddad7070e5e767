import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../createHost';
import { requireBinary } from '../../../test/support/binaries';
import { importDiagram, runHost, taskDiagram } from '../../../test/support/runProjects';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`switching an environment's state backend with real terraform ${tf.reason}`, () => {
  let host: Host;
  beforeAll(() => {
    host = runHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  const plan = async (projectId: string, environmentId: string) => {
    const started = await host.runs.plan({ projectId, environmentId });
    await host.runs.idle();
    const run = host.runs.get(started.run!.id);
    return { run, output: host.runs.output(run.id).chunks.map((chunk) => chunk.data).join('') };
  };
  const setBackend = async (projectId: string, environmentId: string, backend: unknown) => {
    const applied = await host.call('diagram.apply', { projectId, edit: { kind: 'setEnvironmentBackend', environmentId, backend } as never });
    expect(applied.ok).toBe(true);
  };

  it('the next run initialises the new backend instead of stopping at "Backend configuration changed", and back again', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('switch', { one: { command: 'true', url: 'file:///one' } }));
    const dev = environments.dev!;
    expect((await plan(projectId, dev)).run.status).toBe('planned');

    // An S3 backend nobody answers for (a closed local port): init must try it, not refuse the change.
    await setBackend(projectId, dev, {
      type: 's3',
      config: {
        bucket: 'driftless-test', key: 'dev.tfstate', region: 'us-east-1', endpoints: { s3: 'http://127.0.0.1:9' },
        use_path_style: true, max_retries: 1, skip_credentials_validation: true, skip_requesting_account_id: true,
        skip_metadata_api_check: true, skip_region_validation: true,
      },
    });
    const remote = await plan(projectId, dev);
    expect(remote.run.status).toBe('failed');
    expect(remote.output).not.toMatch(/Backend configuration changed/);
    expect(remote.output).toMatch(/127\.0\.0\.1:9/);

    await setBackend(projectId, dev, { type: 'embedded' });
    const back = await plan(projectId, dev);
    expect(back.output).not.toMatch(/Backend configuration changed/);
    expect(back.run.status).toBe('planned');
  }, 180000);
});
