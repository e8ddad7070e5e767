import type { Diagnostic } from '../diagnostics';
import { nodeOfModuleAddress } from './address';
import { SENSITIVE } from './mask';

export interface StateInstance {
  /** Full address, for example `module.a.terraform_data.x["k"]`. */
  address: string;
  indexKey?: string | number;
  status?: string;
  deposed?: string;
}

export interface StateResource {
  /** Address without instance key. */
  address: string;
  module?: string;
  node?: string;
  mode: string;
  type: string;
  name: string;
  provider: string;
  instances: StateInstance[];
}

export interface StateOutput {
  type: unknown;
  sensitive: boolean;
  /** SENSITIVE when the output is sensitive. */
  value: unknown;
}

/** A state v4 snapshot as Driftless shows it: resources per node, outputs masked. */
export interface StateSummary {
  serial: number;
  lineage: string;
  terraformVersion: string;
  resources: StateResource[];
  /** Keyed by node id; root resources are under none. */
  nodes: Record<string, StateResource[]>;
  outputs: Record<string, StateOutput>;
}

interface RawInstance {
  index_key?: string | number;
  status?: string;
  deposed?: string;
}

interface RawResource {
  module?: string;
  mode?: string;
  type?: string;
  name?: string;
  provider?: string;
  instances?: RawInstance[];
}

function instanceAddress(base: string, key: string | number | undefined): string {
  if (key === undefined) return base;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/** Summarises a state v4 document (text or parsed); a diagnostic when it is not one. */
export function summarizeState(input: string | unknown): { value?: StateSummary; diagnostics: Diagnostic[] } {
  let state: unknown = input;
  if (typeof input === 'string') {
    try {
      state = JSON.parse(input);
    } catch (error) {
      return { diagnostics: [{ severity: 'error', code: 'state.invalid', message: `The state is not JSON (${(error as Error).message}).` }] };
    }
  }
  const raw = state as { version?: unknown; serial?: number; lineage?: string; terraform_version?: string; resources?: RawResource[]; outputs?: Record<string, { value?: unknown; type?: unknown; sensitive?: boolean }> };
  if (typeof raw !== 'object' || raw === null || raw.version !== 4) {
    return {
      diagnostics: [{
        severity: 'error',
        code: 'state.version',
        message: `This is not a state version 4 document (version ${String(raw?.version)}). Driftless reads states written by Terraform 0.12 or newer and OpenTofu.`,
      }],
    };
  }
  const nodes: Record<string, StateResource[]> = {};
  const resources = (raw.resources ?? []).map((resource): StateResource => {
    const mode = resource.mode ?? 'managed';
    const local = `${mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
    const address = resource.module ? `${resource.module}.${local}` : local;
    const node = nodeOfModuleAddress(resource.module);
    const result: StateResource = {
      address,
      mode,
      type: resource.type ?? '',
      name: resource.name ?? '',
      provider: resource.provider ?? '',
      instances: (resource.instances ?? []).map((instance) => {
        const view: StateInstance = { address: instanceAddress(address, instance.index_key) };
        if (instance.index_key !== undefined) view.indexKey = instance.index_key;
        if (instance.status !== undefined) view.status = instance.status;
        if (instance.deposed !== undefined) view.deposed = instance.deposed;
        return view;
      }),
    };
    if (resource.module) result.module = resource.module;
    if (node !== undefined) {
      result.node = node;
      (nodes[node] ??= []).push(result);
    }
    return result;
  });
  const outputs: Record<string, StateOutput> = {};
  for (const [name, output] of Object.entries(raw.outputs ?? {})) {
    const sensitive = output.sensitive === true;
    outputs[name] = { type: output.type, sensitive, value: sensitive ? SENSITIVE : output.value };
  }
  return {
    value: {
      serial: raw.serial ?? 0,
      lineage: raw.lineage ?? '',
      terraformVersion: raw.terraform_version ?? 'unknown',
      resources,
      nodes,
      outputs,
    },
    diagnostics: [],
  };
}
