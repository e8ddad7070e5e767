import { describe, expect, it } from 'vitest';
import { identifierProblem } from './identifiers';

describe('identifierProblem', () => {
  it.each(['web', '_private', 'db-1', 'a_b_c'])('accepts the Terraform identifier %s', (name) => {
    expect(identifierProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['1web', 'not a Terraform identifier'],
    ['web app', 'not a Terraform identifier'],
    ['module', 'reserves'],
    ['for_each', 'reserves'],
    ['__proto__', 'cannot name a node'],
  ])('refuses %j with a message saying why', (name, why) => {
    expect(identifierProblem(name)).toContain(why);
  });
});
