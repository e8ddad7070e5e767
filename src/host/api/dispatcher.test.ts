import { describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../core/api/errors';
import { createDispatcher, type Handlers } from './dispatcher';

function dispatcherWith(overrides: Partial<Handlers> = {}) {
  const handlers: Handlers = {
    'app.info': vi.fn(),
    'app.echo': (request) => ({ text: request.text.repeat(request.repeat ?? 1) }),
    ...overrides,
  } as Handlers;
  const internal = vi.fn();
  return { dispatcher: createDispatcher(handlers, internal), handlers, internal };
}

describe('dispatcher', () => {
  it('runs a valid request', async () => {
    const { dispatcher } = dispatcherWith();
    await expect(dispatcher.call('app.echo', { text: 'ab', repeat: 2 })).resolves.toEqual({ ok: true, value: { text: 'abab' } });
  });

  it('refuses a wrong shape before the service sees it, naming the field', async () => {
    const echo = vi.fn();
    const { dispatcher } = dispatcherWith({ 'app.echo': echo });
    const wrongType = await dispatcher.call('app.echo', { text: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!wrongType.ok && wrongType.error.message).toContain('/text');
    const missing = await dispatcher.call('app.echo', {});
    expect(!missing.ok && missing.error.message).toContain('missing required field "text"');
    const extra = await dispatcher.call('app.echo', { text: 'a', sneaky: true });
    expect(!extra.ok && extra.error.message).toContain('unknown field "sneaky"');
    const notObject = await dispatcher.call('app.info', 'hello');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(echo).not.toHaveBeenCalled();
  });

  it('answers unknown methods, including prototype keys', async () => {
    const { dispatcher } = dispatcherWith();
    for (const method of ['app.nope', '__proto__', 'constructor', 42, undefined]) {
      await expect(dispatcher.call(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('turns service failures into results and never throws', async () => {
    const { dispatcher, internal } = dispatcherWith({
      'app.info': () => {
        throw new ApiFailure('unavailable', 'terraform is busy');
      },
      'app.echo': () => {
        throw new TypeError('boom');
      },
    });
    await expect(dispatcher.call('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'terraform is busy' },
    });
    await expect(dispatcher.call('app.echo', { text: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal).toHaveBeenCalledTimes(1);
  });
});
