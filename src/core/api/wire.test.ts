import { describe, expect, it } from 'vitest';
import { outputFrameHeader, parseClientMessage, readOutputFrame } from './wire';

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

describe('run.output frames', () => {
  it('carry run id and seq in a header the reader gets back, with the data starting after it', () => {
    const header = outputFrameHeader('3f2a-run', 70000)!;
    const data = [...'plan ✓ \u001b[32m+\u001b[0m'].map((character) => character.charCodeAt(0) & 0x7f);
    const frame = new Uint8Array([...header, ...data]);
    expect(readOutputFrame(frame)).toEqual({ runId: '3f2a-run', seq: 70000, dataOffset: header.length });
    expect([...frame.subarray(header.length)]).toEqual(data);
  });

  it('read from the middle of a larger buffer (as a socket hands them over)', () => {
    const header = outputFrameHeader('r1', 4)!;
    const buffer = new Uint8Array(header.length + 10);
    buffer.set(header, 7);
    expect(readOutputFrame(buffer.subarray(7))).toEqual({ runId: 'r1', seq: 4, dataOffset: header.length });
  });

  it('leave ids and sequence numbers the header cannot hold to JSON', () => {
    expect(outputFrameHeader('ü-run', 1)).toBeUndefined();
    expect(outputFrameHeader('x'.repeat(256), 1)).toBeUndefined();
    expect(outputFrameHeader('run', -1)).toBeUndefined();
    expect(outputFrameHeader('run', 2 ** 32)).toBeUndefined();
  });

  it('are refused when they are not one', () => {
    expect(readOutputFrame(new Uint8Array([2, 0, 0, 0, 1, 0]))).toBeUndefined();
    expect(readOutputFrame(new Uint8Array([1, 0, 0]))).toBeUndefined();
    expect(readOutputFrame(new Uint8Array([1, 0, 0, 0, 1, 5, 65]))).toBeUndefined();
  });
});
