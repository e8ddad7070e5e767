/** The top bar's menus, by action name: every action of the registry that is not a run command has one place here. */
export const TOP_BAR_MENUS = [
  { label: 'File', actions: ['importDiagram', 'exportDiagram', 'exportSvg', 'exportPng', 'compareWithFile', 'terraformSetup'] },
  { label: 'Edit', actions: ['undo', 'redo', 'copy', 'paste', 'duplicate', 'deleteSelection', 'selectAll', 'rename'] },
  { label: 'View', actions: ['autoLayout', 'fitView', 'showProblems', 'operations', 'environmentSettings', 'commandPalette', 'help'] },
] as const;

/** Always in view as small symbol buttons at the top bar's end (also in their menus; the command palette is Ctrl+K and in View). */
export const TOP_BAR_BUTTONS = { undo: '↶', redo: '↷' } as const;

/** Run commands live beside the environment switcher (the run bar) and in the plan review, not in a menu. */
export const RUN_ACTIONS = ['plan', 'apply', 'destroy', 'drift', 'cancelRun'] as const;
