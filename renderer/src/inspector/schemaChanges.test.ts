import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../src/core/bundles/manifest';
import { schemaChanges } from './schemaChanges';

const manifest = (patch: Partial<BundleManifest>): BundleManifest => ({
  name: 'db', version: '1.0.0', title: 'DB', description: '', category: 'Local', tags: [], module: 'module',
  params: { type: 'object', properties: {} }, presets: {}, connections: {}, artifacts: {}, ui: {}, providers: {}, ...patch,
});

describe('schemaChanges', () => {
  it('names added, retyped, newly required and removed params and ports', () => {
    const from = manifest({
      params: { type: 'object', properties: { size: { type: 'string' }, port: { type: 'number' }, old: { type: 'string' } } },
      connections: { network: { type: 'local-network', title: 'Network', required: true } },
      artifacts: { database: { type: 'postgres-connection', title: 'DB' } },
    });
    const to = manifest({
      version: '2.0.0',
      params: { type: 'object', properties: { size: { type: 'integer' }, port: { type: 'number' }, tier: { type: 'string' } }, required: ['port', 'tier'] },
      connections: {},
      artifacts: { database: { type: 'postgres-vector-connection', title: 'DB' } },
    });
    expect(schemaChanges(from, to)).toEqual([
      'Param "size" changes type from "string" to "integer".',
      'Param "port" becomes required.',
      'New param "tier" (required).',
      'Param "old" is removed; its value will be dropped.',
      'The connection "network" is removed; its edges will be invalid.',
      'The artifact "database" changes type from postgres-connection to postgres-vector-connection.',
    ]);
    expect(schemaChanges(from, from)).toEqual([]);
  });
});
