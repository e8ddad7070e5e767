import { exportDiagram, exportPng, exportSvg, importDiagram, pickFile } from '../files/fileTransfer';
import { isMod, type Action } from './types';

export const actionExportDiagram: Action = {
  name: 'exportDiagram',
  label: 'Export diagram file',
  shortcut: 'Ctrl+S',
  keyTest: (event) => isMod(event) && !event.shiftKey && event.key.toLowerCase() === 's',
  enabled: ({ diagram }) => Boolean(diagram.project),
  perform: () => exportDiagram(),
};

export const actionImportDiagram: Action = {
  name: 'importDiagram',
  label: 'Import diagram file',
  shortcut: 'Ctrl+O',
  keyTest: (event) => isMod(event) && event.key.toLowerCase() === 'o',
  perform: async () => {
    const file = await pickFile('.json,application/json');
    if (file) await importDiagram(file.text);
  },
};

export const actionExportSvg: Action = {
  name: 'exportSvg',
  label: 'Export canvas as SVG',
  enabled: ({ diagram }) => diagram.nodes.length > 0,
  perform: () => exportSvg(),
};

export const actionExportPng: Action = {
  name: 'exportPng',
  label: 'Export canvas as PNG',
  enabled: ({ diagram }) => diagram.nodes.length > 0,
  perform: () => exportPng(),
};
