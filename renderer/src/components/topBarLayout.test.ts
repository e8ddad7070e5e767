import { describe, expect, it } from 'vitest';
import { actions } from '../actions/registry';
import { RUN_ACTIONS, TOP_BAR_BUTTONS, TOP_BAR_MENUS } from './topBarLayout';

const registered = actions.map((action) => action.name);
const inMenus = TOP_BAR_MENUS.flatMap((menu) => [...menu.actions] as string[]);

describe('top bar layout', () => {
  it('gives every registered action one place: a menu, or the run bar for run commands', () => {
    const placed = [...inMenus, ...RUN_ACTIONS];
    expect([...placed].sort()).toEqual([...registered].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('names only registered actions in its buttons', () => {
    for (const name of Object.keys(TOP_BAR_BUTTONS)) expect(registered).toContain(name);
  });

  it('keeps file commands together in the File menu', () => {
    const file = TOP_BAR_MENUS.find((menu) => menu.label === 'File')!;
    expect([...file.actions].sort()).toEqual(['compareWithFile', 'exportDiagram', 'exportPng', 'exportSvg', 'importDiagram', 'terraformSetup']);
  });
});
