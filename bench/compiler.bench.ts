import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../src/core/compiler/compile';
import { mainDocument, outputsDocument } from '../src/core/compiler/emitPass';
import { orderPass } from '../src/core/compiler/orderPass';
import { resolvePass } from '../src/core/compiler/resolvePass';
import { validatePass } from '../src/core/compiler/validatePass';
import type { DiagramEdge, DiagramNode, Project } from '../src/core/model/diagram';
import { compileProject, nodeSha256 } from '../src/host/compiler/compileProject';
import { compilerCatalog } from '../test/support/compilerCatalog';
import { planOf, synthesize, verifySynth } from './cdktfPeer';
import { medianMs, type Benchmark } from './harness';

const FLOOR = 'JSON.stringify of the emitted objects (floor)';

/** 100 networks, 300 databases, 600 services: 1,000 nodes and 1,500 edges. */
function generatedProject(): Project {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const add = (id: string, bundle: string, params: Record<string, unknown>) => nodes.push({ id, name: id, bundle, position: { x: 0, y: 0 }, params });
  const wire = (from: string, artifact: string, to: string, connection: string) =>
    edges.push({ id: `${from}-${to}-${connection}`, from: { node: from, artifact }, to: { node: to, connection } });
  for (let i = 0; i < 100; i++) add(`net_${i}`, 'local-network@1.0.0', { name: `net-${i}`, cidr: `10.${i}.0.0/16` });
  for (let i = 0; i < 300; i++) {
    add(`db_${i}`, 'local-database@1.0.0', { size: 10 + i, engine: 'postgres' });
    wire(`net_${i % 100}`, 'network', `db_${i}`, 'network');
  }
  for (let i = 0; i < 600; i++) {
    add(`svc_${i}`, 'local-service@1.0.0', { image: `app-${i}:1.0`, replicas: 1 + (i % 3), env: { MODE: 'bench', INDEX: String(i) } });
    wire(`net_${i % 100}`, 'network', `svc_${i}`, 'network');
    wire(`db_${i % 300}`, 'database', `svc_${i}`, 'databases');
  }
  return { id: 'bench', name: 'bench', diagram: { nodes, edges }, environments: [{ id: 'dev', name: 'dev', providers: {}, overrides: {}, backend: { type: 'embedded' } }] };
}

const benchmark: Benchmark = {
  name: 'Compiler',
  async run() {
    const catalog = compilerCatalog();
    const project = generatedProject();
    const check = compile(project, 'dev', catalog);
    if (check.diagnostics.length > 0) throw new Error(`bench diagram does not compile: ${check.diagnostics[0]!.message}`);
    const validated = validatePass(project, 'dev', catalog).value!;
    const resolved = resolvePass(validated).value;
    const ordered = orderPass(resolved).value;
    const [main, outputs] = [mainDocument(resolved, ordered), outputsDocument(ordered)];
    const floor = await medianMs(() => [main, outputs].map((document) => JSON.stringify(document, null, 2)), 30, 5);
    const pure = await medianMs(() => compile(project, 'dev', catalog), 30, 5);
    const hosted = await medianMs(() => compile(project, 'dev', catalog, { sha256: nodeSha256 }), 30, 5);
    const hostRun = await medianMs(() => compileProject(project, 'dev', catalog), 30, 5);
    // Repeated compiles of one project reuse the per-node canonical texts memoized on its objects (as
    // after an edit, which shares unchanged nodes); a fresh copy per call measures a first compile.
    const copies = Array.from({ length: 35 }, () => structuredClone(project));
    const cold = await medianMs(() => compile(copies.pop()!, 'dev', catalog, { sha256: nodeSha256 }), 30, 5);
    const bytes = Object.values(check.files).reduce((total, text) => total + text.length, 0);

    // The peer: the same stack through CDKTF, checked equal to ours before it is timed. Slow, so few runs.
    const cdktf = await import('cdktf');
    const plan = planOf(main, outputs);
    const outdir = mkdtempSync(join(tmpdir(), 'driftless-bench-cdktf-'));
    try {
      const counts = verifySynth(synthesize(cdktf, plan, outdir), main, outputs);
      if (counts.modules !== project.diagram.nodes.length || counts.references !== project.diagram.edges.length) {
        throw new Error(`cdktf stack is not the bench diagram: ${JSON.stringify(counts)}`);
      }
      const synth = await medianMs(() => synthesize(cdktf, plan, outdir), 5, 1);
      const stack = `${counts.modules} modules, ${counts.references} references, ${counts.outputs} outputs`;
      const compileCase = `compile 1,000 nodes / 1,500 edges (${Math.round(bytes / 1024)} KiB), host (node:crypto hash)`;
      return [
        { case: FLOOR, value: floor, unit: 'ms' },
        { case: compileCase, value: hosted, unit: 'ms', baseline: FLOOR, target: '≤ 2×' },
        { case: 'same, pure-TS hash (as in the renderer)', value: pure, unit: 'ms', baseline: FLOOR, target: '≤ 2×' },
        { case: 'same, as the host runs it (ajv params + node:crypto)', value: hostRun, unit: 'ms', baseline: FLOOR, target: '≤ 2×' },
        { case: 'same, first compile of a fresh copy (nothing memoized)', value: cold, unit: 'ms', baseline: FLOOR, target: '≤ 2×' },
        { case: `CDKTF app.synth() of the same stack (${stack})`, value: synth, unit: 'ms', baseline: FLOOR },
        // The same figure against our compile: the target is that CDKTF takes at least 20× as long.
        { case: 'CDKTF app.synth(), against our compile', value: synth, unit: 'ms', baseline: compileCase, target: '≥ 20×' },
        { case: 'CDKTF app.synth(), against our first compile', value: synth, unit: 'ms', baseline: 'same, first compile of a fresh copy (nothing memoized)', target: '≥ 20×' },
      ];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
