import { describe, expect, it } from 'vitest';
import { generateProject, generatedCatalog } from '../../../src/core/diagram/generateProject';
import { deriveEdges, deriveNodes } from './deriveFlow';

describe('deriveEdges', () => {
  const project = generateProject(20, 30);
  const catalog = generatedCatalog();

  it('gives each edge its artifact type and that type’s colour from the catalog', () => {
    const edges = deriveEdges(project, catalog, []);
    const network = edges.find((edge) => edge.data?.artifactType === 'network')!;
    const endpoint = edges.find((edge) => edge.data?.artifactType === 'endpoint')!;
    expect(network.data?.colour).toBe('#36c');
    expect(endpoint.data?.colour).toBe('#c63');
  });

  it('falls back to grey for a type the catalog has no colour for', () => {
    const edges = deriveEdges(project, { ...catalog, types: catalog.types.filter((type) => type.name !== 'endpoint') }, []);
    expect(edges.find((edge) => edge.data?.artifactType === 'endpoint')?.data?.colour).toBe('#6b7280');
  });

  it('reuses unchanged edges, and replaces those whose colour changed', () => {
    const first = deriveEdges(project, catalog, []);
    expect(deriveEdges(project, catalog, first).every((edge, index) => edge === first[index])).toBe(true);
    const recoloured = { ...catalog, types: catalog.types.map((type) => (type.name === 'network' ? { ...type, colour: '#000' } : type)) };
    const next = deriveEdges(project, recoloured, first);
    next.forEach((edge, index) => expect(edge === first[index]).toBe(edge.data?.artifactType !== 'network'));
    expect(next.find((edge) => edge.data?.artifactType === 'network')?.data?.colour).toBe('#000');
  });

  it('keeps the previous arrays when an edit touched no node or edge, so React Flow rebuilds no lookup', () => {
    const nodes = deriveNodes(project, catalog, []);
    const edges = deriveEdges(project, catalog, []);
    expect(deriveNodes(project, catalog, nodes)).toBe(nodes);
    expect(deriveEdges(project, catalog, edges)).toBe(edges);
    const moved = { ...project, diagram: { ...project.diagram, nodes: project.diagram.nodes.map((node, index) => (index === 3 ? { ...node, position: { x: 1, y: 2 } } : node)) } };
    const next = deriveNodes(moved, catalog, nodes);
    expect(next).not.toBe(nodes);
    expect(next[3]?.position).toEqual({ x: 1, y: 2 });
    expect(deriveEdges(moved, catalog, edges)).toBe(edges);
  });
});
