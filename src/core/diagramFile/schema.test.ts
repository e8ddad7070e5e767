import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { generateProject, generatedCatalog } from '../diagram/generateProject';
import { serializeDiagramFile } from './serialize';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/diagram-file.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('schemas/diagram-file.schema.json', () => {
  it('accepts every file Driftless writes', () => {
    const project = generateProject(30, 40);
    const withSecret = { ...project, diagram: { ...project.diagram, nodes: project.diagram.nodes.map((node, index) => (index === 4 ? { ...node, params: { ...node.params, password: 'x' }, formerNames: ['old'] } : node)) } };
    for (const text of [serializeDiagramFile(project), serializeDiagramFile(withSecret, generatedCatalog())]) {
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('refuses a secret value, a newer format and an invalid name', () => {
    const document = JSON.parse(serializeDiagramFile(generateProject(3, 2))) as { format: number; nodes: { name: string; params: Record<string, unknown> }[] };
    document.nodes[0]!.params.password = { $secret: 'hunter2' };
    document.nodes[1]!.name = '1st';
    document.format = 2;
    expect(validate(document)).toBe(false);
    const paths = validate.errors!.map((error) => error.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/format', '/nodes/0/params/password/$secret', '/nodes/1/name']));
  });
});
