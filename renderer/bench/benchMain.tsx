// The canvas benchmark page (bench/canvas.bench.ts): ?mode=driftless renders our Canvas from the
// store, ?mode=bare a plain React Flow of default nodes with the same graph; &nodes=N&edges=M, and
// &columns=C nodes to a row (40 unless given).
import '@xyflow/react/dist/style.css';
import '../src/styles.css';
import { ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { createRoot } from 'react-dom/client';
import { generateProject, generatedCatalog } from '../../src/core/diagram/generateProject';
import { Canvas } from '../src/components/Canvas';
import { deriveEdges, deriveNodes } from '../src/state/deriveFlow';
import { useDiagramStore } from '../src/state/diagramStore';

declare global {
  interface Window {
    benchRendered?: number;
  }
}

const query = new URLSearchParams(location.search);
const mode = query.get('mode') ?? 'driftless';
const nodeCount = Number(query.get('nodes') ?? 1000);
const edgeCount = Number(query.get('edges') ?? 1500);
const project = generateProject(nodeCount, edgeCount, Number(query.get('columns') ?? 40));
localStorage.setItem('driftless.viewport', JSON.stringify({ x: 0, y: 0, zoom: 1 }));

function Bare() {
  const [nodes, , onNodesChange] = useNodesState<Node>(project.diagram.nodes.map((node) => ({ id: node.id, position: node.position, data: { label: node.name } })));
  const [edges, , onEdgesChange] = useEdgesState<Edge>(project.diagram.edges.map((edge) => ({ id: edge.id, source: edge.from.node, target: edge.to.node })));
  return (
    <div className="canvas">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} defaultViewport={{ x: 0, y: 0, zoom: 1 }} />
    </div>
  );
}

if (mode === 'driftless') {
  const catalog = generatedCatalog();
  useDiagramStore.setState({ project, catalog, nodes: deriveNodes(project, catalog, []), edges: deriveEdges(project, catalog, []) });
}

const root = document.getElementById('root')!;
createRoot(root).render(<ReactFlowProvider>{mode === 'bare' ? <Bare /> : <Canvas />}</ReactFlowProvider>);

// The bare page renders every node; ours only those in view (onlyRenderVisibleElements): rendered once they are all measured.
const expected = mode === 'bare' ? nodeCount : 1;
const waitRendered = () => {
  const drawn = document.querySelectorAll<HTMLElement>('.react-flow__node');
  if (drawn.length >= expected && [...drawn].every((node) => node.style.visibility !== 'hidden')) window.benchRendered = performance.now();
  else requestAnimationFrame(waitRendered);
};
requestAnimationFrame(waitRendered);
