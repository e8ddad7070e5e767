import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';

/** Centre: the diagram. */
export function Canvas() {
  return (
    <main className="canvas" aria-label="Canvas">
      <ReactFlow nodes={[]} edges={[]} fitView snapToGrid snapGrid={[16, 16]} proOptions={{ hideAttribution: true }}>
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </main>
  );
}
