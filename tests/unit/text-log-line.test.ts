import { describe, expect, it } from 'vitest';
import { textLogLine } from '@/lib/log/text-line';

describe('a log line at a terminal', () => {
  it('says the message after the app name, with the level only from warnings up', () => {
    const link = 'http://127.0.0.1:3000/setup?token=abc';
    expect(
      textLogLine(JSON.stringify({ level: 40, time: '2026-12-03T10:21:25.796Z', app: 'blo-atlas', msg: `no accounts yet: ${link}` })),
    ).toBe(`blo-atlas: warning: no accounts yet: ${link}\n`);
    expect(
      textLogLine(JSON.stringify({ level: 30, time: 't', pid: 7, hostname: 'h', app: 'blo-atlas', msg: 'ready: http://127.0.0.1:3000' })),
    ).toBe('blo-atlas: ready: http://127.0.0.1:3000\n');
  });

  it("keeps a request's own fields as key=value, in the order logged", () => {
    const line = {
      level: 30,
      time: 't',
      app: 'blo-atlas',
      id: 'r1',
      method: 'GET',
      route: '/api/tiles/{z}/{x}/{y}',
      status: 200,
      ms: 12.5,
      cache: 'hit',
      msg: 'request',
    };
    expect(textLogLine(JSON.stringify(line))).toBe(
      'blo-atlas: request id=r1 method=GET route=/api/tiles/{z}/{x}/{y} status=200 ms=12.5 cache=hit\n',
    );
    expect(textLogLine(JSON.stringify({ level: 50, app: 'blo-atlas', msg: 'failed', err: { message: 'boom' } }))).toBe(
      'blo-atlas: error: failed err={"message":"boom"}\n',
    );
  });

  it('passes a line that is not JSON through unchanged, ending it with a newline', () => {
    expect(textLogLine('plain words')).toBe('plain words\n');
    expect(textLogLine('plain words\n')).toBe('plain words\n');
  });
});
