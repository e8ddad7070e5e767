import { describe, expect, it } from 'vitest';
import { captureSources, readCapture } from '../../../test/support/captures';
import { emptyLiveRun, reduceLiveRun } from './applyStatus';
import { StreamDecoder, parseStream } from './stream';

describe('stream decoder', () => {
  it('parses pty output: \\r\\n endings, merged stderr, colour prefixes, lines split across chunks', () => {
    const line = '{"@level":"info","@message":"Terraform 1.11.4","@module":"terraform.ui","terraform":"1.11.4","type":"version","ui":"1.2"}';
    const text = `\x1b[0m${line}\r\nWarning: something on stderr\r\n{"type":"brand_new_type","@message":"x"}\r\n${line}\r\n`;
    const decoder = new StreamDecoder();
    const messages = [];
    for (let i = 0; i < text.length; i += 7) messages.push(...decoder.push(text.slice(i, i + 7)));
    messages.push(...decoder.end());
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ type: 'version', terraform: '1.11.4' });
  });

  it('parses a last line that has no newline at the end', () => {
    const decoder = new StreamDecoder();
    expect(decoder.push('{"type":"log","@message":"a","@level":"info","@module":"terraform.ui"}')).toEqual([]);
    expect(decoder.end()).toHaveLength(1);
  });
});

describe.each(captureSources)('stream captures of %s', (source) => {
  it('plan stream: version, planned changes and a change summary', () => {
    const messages = parseStream(readCapture(source, 'modules', 'plan.stdout'));
    const version = messages.find((message) => message.type === 'version')!;
    // OpenTofu names the product in a `tofu` key and its module `tofu.ui`.
    if (source.startsWith('tofu')) expect(version).toMatchObject({ tofu: '1.11.5', '@module': 'tofu.ui' });
    else expect(version).toMatchObject({ '@module': 'terraform.ui' });
    expect(messages.some((message) => message.type === 'planned_change')).toBe(true);
    expect(messages.find((message) => message.type === 'change_summary')).toMatchObject({ changes: { operation: 'plan' } });
  });

  it('successful apply: every changed node ends done', () => {
    const run = parseStream(readCapture(source, 'modules', 'apply.stdout')).reduce(reduceLiveRun, emptyLiveRun());
    expect(Object.keys(run.nodes).length).toBeGreaterThan(0);
    for (const status of Object.values(run.nodes)) expect(status).toBe('done');
    for (const resource of Object.values(run.resources)) expect(resource.status).toBe('done');
    expect(run.summary?.operation).toBe('apply');
    expect(run.version?.product).toBe(source.startsWith('tofu') ? 'tofu' : 'terraform');
  });

  it('failed apply: the failing resource is failed, with its diagnostic', () => {
    const run = parseStream(readCapture(source, 'apply-error', 'apply.stdout')).reduce(reduceLiveRun, emptyLiveRun());
    const failed = Object.values(run.resources).filter((resource) => resource.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(run.diagnostics.find((diagnostic) => diagnostic.severity === 'error')).toMatchObject({
      summary: 'local-exec provisioner error',
      address: failed[0]!.address,
    });
    if (source === 'terraform-1.11.4') {
      expect(failed[0]!.address).toBe('module.app.terraform_data.migrate');
      expect(run.nodes.app).toBe('failed');
      expect(run.nodes.network).toBe('done');
    }
  });
});

describe('live status', () => {
  const hook = (type: string, addr: string, action: string) => ({
    '@level': 'info', '@message': '', '@module': 'terraform.ui', type,
    hook: { resource: { addr, module: addr.startsWith('module.') ? addr.split('.').slice(0, 2).join('.') : '' }, action },
  }) as never;
  const planned = (addr: string, action: string) => ({
    '@level': 'info', '@message': '', '@module': 'terraform.ui', type: 'planned_change',
    change: { resource: { addr, module: addr.split('.').slice(0, 2).join('.') }, action },
  }) as never;

  it('goes waiting → creating → done, and a replace is done only after both halves in either order', () => {
    const run = emptyLiveRun();
    reduceLiveRun(run, planned('module.a.x.one', 'replace'));
    reduceLiveRun(run, planned('module.b.x.two', 'create'));
    expect(run.nodes).toEqual({ a: 'waiting', b: 'waiting' });
    reduceLiveRun(run, hook('apply_start', 'module.a.x.one', 'create'));
    expect(run.nodes.a).toBe('creating');
    reduceLiveRun(run, hook('apply_complete', 'module.a.x.one', 'create'));
    expect(run.nodes.a).toBe('waiting');
    reduceLiveRun(run, hook('apply_start', 'module.a.x.one', 'delete'));
    expect(run.nodes.a).toBe('destroying');
    reduceLiveRun(run, hook('apply_complete', 'module.a.x.one', 'delete'));
    expect(run.nodes.a).toBe('done');
    reduceLiveRun(run, hook('apply_start', 'module.b.x.two', 'create'));
    reduceLiveRun(run, hook('apply_errored', 'module.b.x.two', 'create'));
    expect(run.nodes.b).toBe('failed');
  });
});

describe('stream decoder memory', () => {
  it('drops an over-long line without newline and resumes at the next line', () => {
    const decoder = new StreamDecoder(100);
    expect(decoder.push('x'.repeat(80))).toEqual([]);
    expect(decoder.push('x'.repeat(80))).toEqual([]);
    expect(decoder.push('x'.repeat(500))).toEqual([]);
    const messages = decoder.push('xx\n{"type":"log","@message":"a","@level":"info","@module":"terraform.ui"}\n');
    expect(messages).toHaveLength(1);
  });
});
