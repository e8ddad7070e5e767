import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireBinary } from '../support/binaries';
import { terraformEnv } from '../support/terraform';

const tf = requireBinary('terraform');
const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/ci.md'), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The GitHub Actions workflow docs/ci.md shows (its yaml block, fenced with four backticks: the script holds three). */
function workflow(): { on: { pull_request: unknown }; jobs: { plan: { steps: Step[] } } } {
  const block = /````yaml\n([\s\S]*?)\n````\n/.exec(doc);
  expect(block, 'docs/ci.md has a yaml block').not.toBeNull();
  return parse(block![1]!) as ReturnType<typeof workflow>;
}

const step = (id: string): Step => workflow().jobs.plan.steps.find((candidate) => candidate.id === id)!;

/** Runs a step's script with bash -e like GitHub does, `npx driftless` being this checkout's CLI. */
function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const local = script.replaceAll('npx driftless', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin/driftless.mjs'))}`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', local], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('docs/ci.md workflow', () => {
  it('runs on pull requests, installs terraform, validates and plans as Markdown, and comments the summary', () => {
    const flow = workflow();
    expect(flow.on.pull_request).toBeDefined();
    const steps = flow.jobs.plan.steps;
    expect(steps.some((candidate) => candidate.uses?.startsWith('hashicorp/setup-terraform@'))).toBe(true);
    expect(step('validate').run).toContain('npx driftless validate "$DIAGRAM"');
    expect(step('plan').run).toContain('npx driftless plan "$DIAGRAM" --env "$ENVIRONMENT" --format markdown > plan.md');
    const comment = steps.find((candidate) => candidate.uses?.startsWith('actions/github-script@'))!;
    expect(String(comment.with!.script)).toContain("readFileSync('plan.md'");
    expect(String(comment.with!.script)).toContain('createComment');
  });
});

describe('docs/ci.md S3 backend example', () => {
  it('the environment shown compiles to exactly the backend block shown', async () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
    const environment = blocks.find((block) => (block.backend as { type?: string } | undefined)?.type === 's3')!;
    const compiled = blocks.find((block) => 'terraform' in block)!;
    const work = mkdtempSync(join(tmpdir(), 'driftless-ci-s3-'));
    const document = JSON.parse(readFileSync(join(root, 'examples/local-stack.driftless.json'), 'utf8')) as { environments: Record<string, unknown>[] };
    document.environments = document.environments.map((candidate) => (candidate.name === environment.name ? environment : candidate));
    writeFileSync(join(work, 'stack.driftless.json'), JSON.stringify(document));
    const result = await runStep(`npx driftless compile stack.driftless.json --env prod -o out --data-dir data`, work, { ...process.env });
    expect(result.code, result.stderr).toBe(0);
    const main = JSON.parse(readFileSync(join(work, 'out/main.tf.json'), 'utf8')) as { terraform: { backend: unknown } };
    expect(main.terraform.backend).toEqual((compiled.terraform as { backend: unknown }).backend);
  }, 60_000);
});

describe.skipIf(!tf.available)(`docs/ci.md workflow steps with real terraform ${tf.reason}`, () => {
  it('Validate and Plan on examples/local-stack produce the per-node Markdown summary for the comment (exit code 2 = changes)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'driftless-ci-'));
    const outputs = join(work, 'github-output');
    const env = terraformEnv(join(work, 'terraform-config'), {
      DIAGRAM: join(root, 'examples/local-stack.driftless.json'),
      ENVIRONMENT: 'dev',
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: outputs,
      DRIFTLESS_SECRET_DATABASE_PASSWORD: 'example-password-1',
    });
    const validated = await runStep(step('validate').run!, work, env);
    expect(validated.code, validated.stderr).toBe(0);
    const planned = await runStep(step('plan').run!, work, env);
    expect(planned.code, planned.stderr).toBe(0);
    expect(readFileSync(outputs, 'utf8')).toContain('exitcode=2');
    const comment = readFileSync(join(work, 'plan.md'), 'utf8');
    expect(comment).toMatch(/^### Driftless plan of local-stack \(dev\)/);
    for (const node of ['network', 'database', 'jobs', 'api_key', 'api', 'config']) expect(comment).toMatch(new RegExp(`\\| \`${node}\` \\| \\d`));
    expect(comment).toContain('- create `module.jobs.terraform_data.queue`');
    expect(comment).toContain('<!-- driftless-plan:dev -->');
    expect(comment).not.toContain('example-password-1');
    // Terraform's own output went to the log, not into the comment.
    const log = readFileSync(join(work, 'terraform.log'), 'utf8');
    expect(log).toContain('Plan:');
    // a log file (and the failure comment made from its tail) gets no terminal colour codes
    expect(log).not.toContain('\u001b[');
    expect(comment).not.toContain('Terraform will perform');
  }, 180_000);
});
