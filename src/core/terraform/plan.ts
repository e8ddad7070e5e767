import type { Diagnostic } from '../diagnostics';
import { changeKindOf, emptyCounts, type ChangeCounts, type ChangeKind } from './actions';
import { nodeOfModuleAddress } from './address';
import { collectSecrets, markedPaths, maskSensitive } from './mask';

/** One resource change as shown to the user: values masked where terraform marks them sensitive. */
export interface ResourceChangeView {
  address: string;
  moduleAddress?: string;
  previousAddress?: string;
  mode: string;
  type: string;
  name: string;
  index?: unknown;
  providerName?: string;
  actions: string[];
  kind: ChangeKind;
  actionReason?: string;
  /** Values before and after, sensitive paths replaced by SENSITIVE (computed on first read). */
  readonly before: unknown;
  readonly after: unknown;
  /** Paths of `after` that are known only after apply. */
  readonly unknownPaths: (string | number)[][];
  replacePaths?: unknown[];
}

/** Everything one node (top-level module call) plans to do. */
export interface NodeChanges {
  counts: ChangeCounts;
  resources: ResourceChangeView[];
  /** Resources changed outside terraform since the last apply (`resource_drift`). */
  drift: ResourceChangeView[];
}

export interface OutputChangeView {
  name: string;
  actions: string[];
  kind: ChangeKind;
  sensitive: boolean;
  readonly before: unknown;
  readonly after: unknown;
  afterUnknown: boolean;
}

/** A saved plan (`terraform show -json PLANFILE`) summarised per node. */
export interface PlanSummary {
  formatVersion: string;
  terraformVersion: string;
  /** Keyed by node id (the top-level module name). */
  nodes: Record<string, NodeChanges>;
  /** Resources of the root module itself (no node). */
  root: NodeChanges;
  totals: ChangeCounts;
  outputs: OutputChangeView[];
  errored?: boolean;
  /** From terraform 1.8; OpenTofu omits them. */
  applyable?: boolean;
  complete?: boolean;
}

interface RawChange {
  actions?: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown[];
}

interface RawResourceChange {
  address?: string;
  module_address?: string;
  previous_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  index?: unknown;
  provider_name?: string;
  action_reason?: string;
  change?: RawChange;
}

/**
 * A resource change whose values are masked on first read (badges never pay for masking). The
 * raw values stay in a private field: JSON.stringify and spreading see only masked ones.
 */
class MaskedResourceChange implements ResourceChangeView {
  address: string;
  moduleAddress?: string;
  previousAddress?: string;
  mode: string;
  type: string;
  name: string;
  index?: unknown;
  providerName?: string;
  actions: string[];
  kind: ChangeKind;
  actionReason?: string;
  replacePaths?: unknown[];
  readonly #change: RawChange;
  readonly #secrets: () => ReadonlySet<string>;
  #masked?: { before: unknown; after: unknown };

  constructor(raw: RawResourceChange, secrets: () => ReadonlySet<string>) {
    const change = raw.change ?? {};
    this.#change = change;
    this.#secrets = secrets;
    this.address = raw.address ?? '';
    this.mode = raw.mode ?? 'managed';
    this.type = raw.type ?? '';
    this.name = raw.name ?? '';
    this.actions = change.actions ?? ['no-op'];
    this.kind = changeKindOf(this.actions);
    if (raw.module_address !== undefined) this.moduleAddress = raw.module_address;
    if (raw.previous_address !== undefined) this.previousAddress = raw.previous_address;
    if (raw.index !== undefined) this.index = raw.index;
    if (raw.provider_name !== undefined) this.providerName = raw.provider_name;
    if (raw.action_reason !== undefined) this.actionReason = raw.action_reason;
    if (change.replace_paths !== undefined) this.replacePaths = change.replace_paths;
  }

  #values(): { before: unknown; after: unknown } {
    const change = this.#change;
    return (this.#masked ??= {
      before: maskSensitive(change.before ?? null, change.before_sensitive, this.#secrets()),
      after: maskSensitive(change.after ?? null, change.after_sensitive, this.#secrets()),
    });
  }

  get before(): unknown {
    return this.#values().before;
  }

  get after(): unknown {
    return this.#values().after;
  }

  get unknownPaths(): (string | number)[][] {
    return markedPaths(this.#change.after_unknown);
  }

  toJSON(): object {
    return { ...this, before: this.before, after: this.after, unknownPaths: this.unknownPaths };
  }
}

class MaskedOutputChange implements OutputChangeView {
  actions: string[];
  kind: ChangeKind;
  sensitive: boolean;
  afterUnknown: boolean;
  readonly #change: RawChange;
  readonly #secrets: () => ReadonlySet<string>;

  constructor(
    readonly name: string,
    change: RawChange,
    secrets: () => ReadonlySet<string>,
  ) {
    this.#change = change;
    this.#secrets = secrets;
    this.actions = change.actions ?? ['no-op'];
    this.kind = changeKindOf(this.actions);
    this.sensitive = change.after_sensitive === true || change.before_sensitive === true;
    this.afterUnknown = change.after_unknown === true;
  }

  get before(): unknown {
    return maskSensitive(this.#change.before ?? null, this.#change.before_sensitive, this.#secrets());
  }

  get after(): unknown {
    return maskSensitive(this.#change.after ?? null, this.#change.after_sensitive, this.#secrets());
  }

  toJSON(): object {
    return { ...this, before: this.before, after: this.after };
  }
}

interface RawPlan {
  format_version: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  configuration?: { root_module?: { variables?: Record<string, { sensitive?: boolean }> } };
  resource_changes?: RawResourceChange[];
  resource_drift?: RawResourceChange[];
  output_changes?: Record<string, RawChange>;
  errored?: boolean;
  applyable?: boolean;
  complete?: boolean;
}

function secretsOf(plan: RawPlan): Set<string> {
  const secrets = new Set<string>();
  const changes = [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])].map((resource) => resource.change ?? {});
  for (const change of [...changes, ...Object.values(plan.output_changes ?? {})]) {
    collectSecrets(change.before, change.before_sensitive, secrets);
    collectSecrets(change.after, change.after_sensitive, secrets);
  }
  for (const [name, variable] of Object.entries(plan.configuration?.root_module?.variables ?? {})) {
    if (variable.sensitive) collectSecrets(plan.variables?.[name]?.value, true, secrets);
  }
  return secrets;
}

function emptyNode(): NodeChanges {
  return { counts: emptyCounts(), resources: [], drift: [] };
}

function invalid(message: string): Diagnostic {
  return { severity: 'error', code: 'plan.invalid', message };
}

/**
 * Summarises `terraform show -json` of a saved plan per node: counts, resources, drift, outputs.
 * Accepts the text or the already parsed value. Values stay unmasked only inside; every value the
 * summary exposes is masked. Returns a diagnostic instead of a summary when the input is no plan.
 */
export function summarizePlan(input: string | unknown): { value?: PlanSummary; diagnostics: Diagnostic[] } {
  let plan: unknown = input;
  if (typeof input === 'string') {
    try {
      plan = JSON.parse(input);
    } catch (error) {
      return { diagnostics: [invalid(`The plan is not JSON (${(error as Error).message}). Re-run the plan.`)] };
    }
  }
  if (typeof plan !== 'object' || plan === null || typeof (plan as { format_version?: unknown }).format_version !== 'string') {
    return { diagnostics: [invalid('This is not the output of "terraform show -json PLANFILE" (no format_version). Re-run the plan.')] };
  }
  const raw = plan as RawPlan;
  const diagnostics: Diagnostic[] = [];
  if (!raw.format_version.startsWith('1.')) {
    diagnostics.push({
      severity: 'warning',
      code: 'plan.format-version',
      message: `Plan format ${raw.format_version} is newer than this Driftless knows (1.x); the summary may be incomplete. Update Driftless.`,
    });
  }
  const nodes: Record<string, NodeChanges> = {};
  const root = emptyNode();
  const totals = emptyCounts();
  const nodeFor = (change: RawResourceChange): NodeChanges => {
    const node = nodeOfModuleAddress(change.module_address ?? change.address);
    if (node === undefined) return root;
    return (nodes[node] ??= emptyNode());
  };
  // Every sensitive string of the plan, gathered on the first masked read (never for badges only).
  let secretSet: Set<string> | undefined;
  const secrets = (): ReadonlySet<string> => (secretSet ??= secretsOf(raw));
  for (const change of raw.resource_changes ?? []) {
    const view = new MaskedResourceChange(change, secrets);
    const node = nodeFor(change);
    node.counts[view.kind]++;
    totals[view.kind]++;
    node.resources.push(view);
  }
  for (const change of raw.resource_drift ?? []) nodeFor(change).drift.push(new MaskedResourceChange(change, secrets));

  const outputs: OutputChangeView[] = Object.entries(raw.output_changes ?? {}).map(([name, change]) => new MaskedOutputChange(name, change, secrets));

  const value: PlanSummary = {
    formatVersion: raw.format_version,
    terraformVersion: raw.terraform_version ?? 'unknown',
    nodes,
    root,
    totals,
    outputs,
  };
  if (typeof raw.errored === 'boolean') value.errored = raw.errored;
  if (typeof raw.applyable === 'boolean') value.applyable = raw.applyable;
  if (typeof raw.complete === 'boolean') value.complete = raw.complete;
  return { value, diagnostics };
}

/** True when the plan changes anything (a no-op or read-only plan has nothing to apply). */
export function planHasChanges(summary: PlanSummary): boolean {
  const { create, update, replace, delete: remove, forget } = summary.totals;
  return create + update + replace + remove + forget > 0 || summary.outputs.some((output) => output.kind !== 'no-op');
}
