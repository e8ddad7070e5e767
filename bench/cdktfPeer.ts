// The CDKTF peer of the compiler benchmark: the same root module (one module per node with the same
// source and inputs, a reference per edge, the same outputs, the empty http backend) built as a CDKTF
// stack and written by `app.synth()`. cdktf is loaded here only, dynamically: the app never loads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as CdktfModule from 'cdktf';

/** The module the benchmark loads with `await import('cdktf')` (a type import: erased at run time). */
type Cdktf = typeof CdktfModule;

/** A module input as data: a literal, or a reference to another module's output. */
type Input = { reference: { module: string; output: string } } | { list: Input[] } | { map: Record<string, Input> } | { literal: unknown };

interface Plan {
  modules: { name: string; source: string; inputs: Record<string, Input> }[];
  outputs: { name: string; module: string; output: string; sensitive: boolean }[];
}

const referencePattern = /^\$\{module\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\}$/;

function inputOf(value: unknown): Input {
  if (typeof value === 'string') {
    const match = referencePattern.exec(value);
    return match ? { reference: { module: match[1]!, output: match[2]! } } : { literal: value };
  }
  if (Array.isArray(value)) return { list: value.map(inputOf) };
  if (value !== null && typeof value === 'object') return { map: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inputOf(item)])) };
  return { literal: value };
}

/** The stack as data, read off our emitted main.tf.json / outputs.tf.json objects (not timed). */
export function planOf(main: Record<string, unknown>, outputs: Record<string, unknown>): Plan {
  const modules = Object.entries(main.module as Record<string, Record<string, unknown>>).map(([name, block]) => {
    const { '//': _comment, source, ...inputs } = block;
    return { name, source: source as string, inputs: Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, inputOf(value)])) };
  });
  const outputList = Object.entries(outputs.output as Record<string, { value: string; sensitive?: boolean }>).map(([name, block]) => {
    const match = referencePattern.exec(block.value)!;
    return { name, module: match[1]!, output: match[2]!, sensitive: block.sensitive === true };
  });
  return { modules, outputs: outputList };
}

/** Builds the stack with CDKTF and synthesizes it into `outdir`; returns the path of cdk.tf.json. */
export function synthesize(cdktf: Cdktf, plan: Plan, outdir: string): string {
  // stackTraces: false only spares traces on annotations (none here): measured, it changes nothing.
  const app = new cdktf.App({ outdir, stackTraces: false });
  const stack = new cdktf.TerraformStack(app, 'bench');
  // Ours is `http {}` (Driftless sets TF_HTTP_* at run time); HttpBackend requires an address, so drop it.
  new cdktf.HttpBackend(stack, { address: 'http://127.0.0.1/state' });
  stack.addOverride('terraform.backend.http.address', undefined);
  const modules = new Map<string, InstanceType<Cdktf['TerraformHclModule']>>();
  const resolve = (input: Input): unknown => {
    if ('reference' in input) return modules.get(input.reference.module)!.get(input.reference.output);
    if ('list' in input) return input.list.map(resolve);
    if ('map' in input) return Object.fromEntries(Object.entries(input.map).map(([key, item]) => [key, resolve(item)]));
    return input.literal;
  };
  for (const module of plan.modules) {
    const variables = Object.fromEntries(Object.entries(module.inputs).map(([key, input]) => [key, resolve(input)]));
    // Local sources would otherwise be copied as assets on every synth.
    modules.set(module.name, new cdktf.TerraformHclModule(stack, module.name, { source: module.source, variables, skipAssetCreationFromLocalModules: true }));
  }
  for (const output of plan.outputs) {
    new cdktf.TerraformOutput(stack, output.name, { value: modules.get(output.module)!.get(output.output), ...(output.sensitive ? { sensitive: true } : {}) });
  }
  app.synth();
  return join(outdir, 'stacks', 'bench', 'cdk.tf.json');
}

const withoutComments = (block: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(block).filter(([key]) => key !== '//').sort(([a], [b]) => a.localeCompare(b))));

/**
 * Throws unless the synthesized file holds the same modules (source and inputs), references, outputs
 * and backend as ours: the timed synth does the same work. Returns the counts it checked.
 */
export function verifySynth(file: string, main: Record<string, unknown>, outputs: Record<string, unknown>): { modules: number; references: number; outputs: number } {
  const synthesized = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const count = (document: unknown) => (JSON.stringify(document).match(/\$\{module\./g) ?? []).length;
  const ours = main.module as Record<string, Record<string, unknown>>;
  const theirs = synthesized.module ?? {};
  if (Object.keys(theirs).length !== Object.keys(ours).length) throw new Error(`cdktf synthesized ${Object.keys(theirs).length} modules, ours ${Object.keys(ours).length}`);
  for (const [name, block] of Object.entries(ours)) {
    if (theirs[name] === undefined || withoutComments(theirs[name]) !== withoutComments(block)) throw new Error(`cdktf module ${name} differs: ${JSON.stringify(theirs[name])}`);
  }
  const ourOutputs = outputs.output as Record<string, Record<string, unknown>>;
  const theirOutputs = synthesized.output ?? {};
  if (Object.keys(theirOutputs).length !== Object.keys(ourOutputs).length) throw new Error(`cdktf synthesized ${Object.keys(theirOutputs).length} outputs, ours ${Object.keys(ourOutputs).length}`);
  for (const [name, block] of Object.entries(ourOutputs)) {
    if (theirOutputs[name] === undefined || withoutComments(theirOutputs[name]) !== withoutComments(block)) throw new Error(`cdktf output ${name} differs: ${JSON.stringify(theirOutputs[name])}`);
  }
  if (JSON.stringify(synthesized.terraform?.backend) !== JSON.stringify({ http: {} })) throw new Error(`cdktf backend differs: ${JSON.stringify(synthesized.terraform?.backend)}`);
  return { modules: Object.keys(theirs).length, references: count(theirs), outputs: Object.keys(theirOutputs).length };
}
