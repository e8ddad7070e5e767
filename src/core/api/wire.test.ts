import { describe, expect, it } from 'vitest';
import { parseClientMessage } from './wire';

describe('parseClientMessage', () => {
  it('reads calls and subscriptions', () => {
    expect(parseClientMessage('{"type":"call","id":3,"method":"app.info","request":{}}')).toEqual({
      type: 'call',
      id: 3,
      method: 'app.info',
      request: {},
    });
    expect(parseClientMessage('{"type":"subscribe","event":"app.heartbeat"}')).toEqual({ type: 'subscribe', event: 'app.heartbeat' });
  });

  it.each(['not json', 'null', '[]', '{"type":"call","id":"x","method":"a"}', '{"type":"call","id":1}', '{"type":"nope"}'])(
    'rejects %s',
    (text) => {
      expect(parseClientMessage(text)).toBeUndefined();
    },
  );
});
