import { isRecord, maskSensitiveEchoes, maskSensitivePaths, SENSITIVE } from './sensitivePaths';

/** One resource instance of a state, as the inventory keeps it. */
export interface InventoryEntry {
  address: string;
  module: string;
  /** The diagram node: the name of the top-level module (`module.<node>`), or null at the root. */
  node: string | null;
  mode: string;
  type: string;
  name: string;
  /** JSON of the count/for_each key, or null. */
  indexKey: string | null;
  deposed: string | null;
  status: string | null;
  provider: string;
  resourceId: string | null;
  /** Scalar attributes (and string maps such as tags), sensitive paths masked. */
  attributes: Record<string, unknown>;
  /** Every attribute, sensitive paths masked: what the diff shows. */
  allAttributes: Record<string, unknown>;
  /** Every attribute as stored, sensitive values included: what the diff compares. Never shown. */
  rawAttributes: Record<string, unknown>;
}

const longestString = 512;
/** Attribute names masked in the inventory even when the state does not mark them (older states, providers that forget). */
const secretName = /password|secret|token|private_key|credential/i;
const topModule = /^module\.([^.[]+)/;

function instanceKey(indexKey: unknown): string {
  if (indexKey === undefined || indexKey === null) return '';
  return `[${JSON.stringify(indexKey)}]`;
}

function selectAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const selected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (secretName.test(key) && value !== null && value !== SENSITIVE) selected[key] = SENSITIVE;
    else if (typeof value === 'string') selected[key] = value.length > longestString ? `${value.slice(0, longestString)}…` : value;
    else if (typeof value === 'number' || typeof value === 'boolean') selected[key] = value;
    else if (isRecord(value) && Object.values(value).every((item) => typeof item === 'string') && Object.keys(value).length <= 64) {
      selected[key] = value; // tags, labels
    }
  }
  return selected;
}

/** Every resource instance of a parsed state v4, addressed like terraform and with sensitive paths masked. */
export function inventoryOf(state: unknown): InventoryEntry[] {
  if (!isRecord(state) || !Array.isArray(state.resources)) return [];
  const entries: InventoryEntry[] = [];
  for (const resource of state.resources) {
    if (!isRecord(resource) || typeof resource.type !== 'string' || typeof resource.name !== 'string') continue;
    const module = typeof resource.module === 'string' ? resource.module : '';
    const mode = resource.mode === 'data' ? 'data' : 'managed';
    const base = `${module ? `${module}.` : ''}${mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
    for (const instance of Array.isArray(resource.instances) ? resource.instances : []) {
      if (!isRecord(instance)) continue;
      const raw = isRecord(instance.attributes) ? instance.attributes : {};
      const masked = maskSensitiveEchoes(maskSensitivePaths(raw, instance.sensitive_attributes), raw);
      const deposed = typeof instance.deposed === 'string' ? instance.deposed : null;
      entries.push({
        address: `${base}${instanceKey(instance.index_key)}${deposed ? ` (deposed ${deposed})` : ''}`,
        module,
        node: topModule.exec(module)?.[1] ?? null,
        mode,
        type: resource.type,
        name: resource.name,
        indexKey: instance.index_key === undefined || instance.index_key === null ? null : JSON.stringify(instance.index_key),
        deposed,
        status: typeof instance.status === 'string' ? instance.status : null,
        provider: typeof resource.provider === 'string' ? resource.provider : '',
        resourceId: typeof masked.id === 'string' ? masked.id : typeof masked.id === 'number' ? String(masked.id) : null,
        attributes: selectAttributes(masked),
        allAttributes: masked,
        rawAttributes: raw,
      });
    }
  }
  return entries;
}
