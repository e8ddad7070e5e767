import { describe, expect, it } from 'vitest';
import { emptyLiveRun, reduceLiveRun } from '../terraform/applyStatus';
import { HumanProgressDecoder } from './humanProgress';

describe('human apply output → live per-node status', () => {
  it('reads Creating/complete/Destroying lines split across chunks and in colour; errors name the failed resource', () => {
    const decoder = new HumanProgressDecoder();
    const live = emptyLiveRun();
    const feed = (chunk: string) => decoder.push(chunk).forEach((message) => reduceLiveRun(live, message));
    feed('\x1b[0m\x1b[1mmodule.net.terraform_data.network: Creating...\x1b[0m\r\nmodule.db.terraform_data.d');
    expect(live.nodes).toEqual({ net: 'creating' });
    feed('b: Destroying... [id=1]\r\n');
    expect(live.nodes).toEqual({ net: 'creating', db: 'destroying' });
    feed('module.net.terraform_data.network: Creation complete after 0s [id=abc]\r\nmodule.db.terraform_data.db: Destruction complete after 1s\r\n');
    expect(live.nodes).toEqual({ net: 'done', db: 'done' });
    feed('module.job.terraform_data.task: Still creating... [10s elapsed]\r\n');
    expect(live.nodes.job).toBe('creating');
    feed('\x1b[31m│\x1b[0m \x1b[0m\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1mlocal-exec provisioner error\x1b[0m\r\n\x1b[31m│\x1b[0m \r\n\x1b[31m│\x1b[0m \x1b[0m  with module.job.terraform_data.task,\r\n');
    expect(live.nodes.job).toBe('failed');
    expect(live.diagnostics).toEqual([{ severity: 'error', summary: 'local-exec provisioner error', address: 'module.job.terraform_data.task' }]);
  });

  it('ignores other lines (plan output, variables named in errors)', () => {
    const decoder = new HumanProgressDecoder();
    expect(decoder.push('  # module.a.terraform_data.x will be created\n│ Error: No value for required variable\n│   with var.password,\n')).toEqual([]);
  });
});
