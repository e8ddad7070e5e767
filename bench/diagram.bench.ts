import { applyEdit } from '../src/core/diagram/edits';
import { generateProject, generatedCatalog } from '../src/core/diagram/generateProject';
import { createProjectValidator, validateProject } from '../src/core/diagram/validate';
import { parseDiagramFile } from '../src/core/diagramFile/parse';
import { serializeDiagramFile } from '../src/core/diagramFile/serialize';
import type { Project } from '../src/core/model/diagram';
import { createParamValidator } from '../src/host/validation/paramValidator';
import { medianMs, type Benchmark } from './harness';

const benchmark: Benchmark = {
  name: 'Diagram (1,000 nodes / 1,500 edges)',
  async run() {
    const catalog = generatedCatalog();
    const validateParams = createParamValidator();
    const large = generateProject(1000, 1500);
    const text = serializeDiagramFile(large, catalog);

    // One edit, then validation: the canvas's per-edit path.
    const validator = createProjectValidator(catalog, validateParams);
    validator(large);
    let project: Project = large;
    let step = 0;
    const editOnly = () => {
      const result = applyEdit(project, { kind: 'setParam', id: `n${100 + (step++ % 800)}`, param: 'replicas', value: step });
      if (result.ok) project = result.project;
    };
    const edit = await medianMs(editOnly, 200);
    const incremental = await medianMs(() => {
      editOnly();
      return validator(project);
    }, 200);
    const full = await medianMs(() => validateProject(project, catalog, validateParams), 30);
    const stringify = await medianMs(() => JSON.stringify(project), 50);
    const serialize = await medianMs(() => serializeDiagramFile(large, catalog), 30);
    const parse = await medianMs(() => parseDiagramFile(text), 30);
    const jsonParse = await medianMs(() => JSON.parse(text), 30);
    return [
      { case: 'JSON.stringify(project)', value: stringify, unit: 'ms' },
      { case: 'applyEdit (setParam)', value: edit, unit: 'ms' },
      { case: 'edit + incremental validate', value: incremental, unit: 'ms', baseline: 'full validate', target: '≪ 16 ms' },
      { case: 'full validate', value: full, unit: 'ms', baseline: 'JSON.stringify(project)' },
      { case: 'serialize file', value: serialize, unit: 'ms', baseline: 'JSON.stringify(project)' },
      { case: 'JSON.parse(file)', value: jsonParse, unit: 'ms' },
      { case: 'parse file', value: parse, unit: 'ms', baseline: 'JSON.parse(file)' },
      { case: 'file size', value: text.length / 1024, unit: 'KiB' },
    ];
  },
};

export default benchmark;
