import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts: no eval, no inline, no remote origin', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((value) => /^(https?|wss?):/.test(value))).toEqual([]);
  });

  it('never allows eval, even in development', () => {
    expect(contentSecurityPolicy({ development: true })).not.toContain('unsafe-eval');
  });
});
