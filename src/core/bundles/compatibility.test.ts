import { describe, expect, it } from 'vitest';
import { ancestry, canConnect } from './compatibility';
import type { ArtifactTypeDef, ConnectionSpec } from './manifest';

const type = (name: string, parent?: string): ArtifactTypeDef => ({
  name,
  title: name.toUpperCase(),
  colour: '#000',
  sensitive: false,
  schema: {},
  extends: parent,
});
const types = [type('postgres-connection'), type('aurora-postgres-connection', 'postgres-connection'), type('aws-vpc'), type('loop-a', 'loop-b'), type('loop-b', 'loop-a')];
const takes = (name: string): ConnectionSpec => ({ type: name, title: 'Database', required: true });

describe('canConnect', () => {
  it('accepts the same type and a declared descendant', () => {
    expect(canConnect('postgres-connection', takes('postgres-connection'), types)).toEqual({ ok: true });
    expect(canConnect('aurora-postgres-connection', takes('postgres-connection'), types)).toEqual({ ok: true });
  });

  it('refuses an ancestor where the descendant is required, and unrelated types, saying why', () => {
    const result = canConnect('postgres-connection', takes('aurora-postgres-connection'), types);
    expect(result.ok).toBe(false);
    const unrelated = canConnect('aws-vpc', takes('postgres-connection'), types);
    expect(unrelated).toEqual({ ok: false, reason: '"Database" takes POSTGRES-CONNECTION (postgres-connection); this artifact is AWS-VPC (aws-vpc).' });
  });

  it('asks for confirmation for untyped artifacts', () => {
    expect(canConnect('untyped', takes('aws-vpc'), types)).toEqual({ ok: true, needsConfirmation: true });
  });

  it('survives an extends cycle', () => {
    expect(ancestry('loop-a', types)).toEqual(['loop-a', 'loop-b']);
  });
});
