import { actionAutoLayout } from './actionAutoLayout';
import { actionCommandPalette } from './actionCommandPalette';
import { actionCompareWithFile } from './actionCompareWithFile';
import { actionCopy } from './actionCopy';
import { actionDeleteSelection } from './actionDeleteSelection';
import { actionDuplicate } from './actionDuplicate';
import { actionEnvironmentSettings } from './actionEnvironmentSettings';
import { actionExportDiagram, actionExportPng, actionExportSvg, actionImportDiagram } from './actionFiles';
import { actionFitView } from './actionFitView';
import { actionHelp } from './actionHelp';
import { actionOperations } from './actionOperations';
import { actionPaste } from './actionPaste';
import { actionRedo } from './actionRedo';
import { actionRename } from './actionRename';
import { actionApply, actionCancelRun, actionDestroy, actionDrift, actionPlan } from './actionRuns';
import { actionSelectAll } from './actionSelectAll';
import { actionTerraformSetup } from './actionTerraformSetup';
import { actionShowProblems } from './actionShowProblems';
import { actionUndo } from './actionUndo';
import type { Action, ActionContext } from './types';

/** Every user command, in menu order. Menus, shortcuts, the command palette and the help overlay read this list. */
export const actions: readonly Action[] = [
  actionUndo,
  actionRedo,
  actionCopy,
  actionPaste,
  actionDuplicate,
  actionDeleteSelection,
  actionSelectAll,
  actionRename,
  actionAutoLayout,
  actionFitView,
  actionShowProblems,
  actionOperations,
  actionEnvironmentSettings,
  actionPlan,
  actionApply,
  actionDestroy,
  actionDrift,
  actionCancelRun,
  actionImportDiagram,
  actionExportDiagram,
  actionExportSvg,
  actionExportPng,
  actionCompareWithFile,
  actionTerraformSetup,
  actionCommandPalette,
  actionHelp,
];

/** Runs an action when it is enabled; true when it ran. */
export function runAction(action: Action, context: ActionContext): boolean {
  if (action.enabled && !action.enabled(context)) return false;
  void action.perform(context);
  return true;
}
