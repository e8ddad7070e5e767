import { describe, expect, it } from 'vitest';
import { captureSources, readCapture } from '../../../test/support/captures';
import { emptyLiveRun, reduceLiveRun } from './applyStatus';
import { classifyFailure } from './classify';
import { parseStream } from './stream';

describe('failure classifier', () => {
  it('is silent on success and on plan exit code 2 (changes present)', () => {
    expect(classifyFailure({ exitCode: 0 })).toBeUndefined();
    expect(classifyFailure({ exitCode: 2 })).toBeUndefined();
  });

  it.each([
    ['stale_plan', 'Error: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed'],
    ['lock_held', 'Error: Error acquiring the state lock\n\nLock Info:\n  ID: 1234'],
    ['init_required', 'Error: Backend initialization required, please run "terraform init"'],
    ['init_required', 'Error: Module not installed'],
    ['provider_missing', 'Error: Failed to query available provider packages\n\nCould not retrieve the list of available versions for provider hashicorp/aws'],
    ['auth', 'Error: No valid credential sources found'],
    ['auth', 'api error InvalidClientTokenId: The security token included in the request is invalid'],
    ['unknown', 'something odd happened'],
  ])('classifies %s from terminal output', (code, output) => {
    expect(classifyFailure({ exitCode: 1, output })!.code).toBe(code);
  });

  it('a cancelled run is cancelled whatever the output says', () => {
    expect(classifyFailure({ exitCode: 1, cancelled: true, output: 'Saved plan is stale' })!.code).toBe('cancelled');
    expect(classifyFailure({ exitCode: null, signal: 'SIGKILL' })!.code).toBe('cancelled');
  });

  it('a configuration error points at its file and line', () => {
    const failure = classifyFailure({
      exitCode: 1,
      diagnostics: [{ severity: 'error', summary: 'Unsupported argument', detail: 'An argument named "x" is not expected here.', range: { filename: 'main.tf.json', start: { line: 3, column: 5 } } }],
    });
    expect(failure).toMatchObject({ code: 'config_invalid', detail: 'Unsupported argument: An argument named "x" is not expected here.' });
    expect(failure!.message).toContain('main.tf.json:3');
  });

  it.each(captureSources)('a failing local-exec in the %s apply capture is resource_failed, naming the resource', (source) => {
    const text = readCapture(source, 'apply-error', 'apply.stdout');
    const run = parseStream(text).reduce(reduceLiveRun, emptyLiveRun());
    const failure = classifyFailure({ exitCode: 1, diagnostics: run.diagnostics, output: text })!;
    expect(failure.code).toBe('resource_failed');
    expect(failure.address).toBe(source === 'terraform-1.11.4' ? 'module.app.terraform_data.migrate' : 'null_resource.will_fail');
    expect(failure.detail).toContain('local-exec provisioner error');
  });
});
