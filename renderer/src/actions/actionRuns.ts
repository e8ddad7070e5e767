import { isActive, useRunStore, type StartKind } from '../runs/runStore';
import { runEnvironment } from './runTarget';
import type { Action, ActionContext } from './types';

const idle = () => !isActive(useRunStore.getState().run?.status);

const canStart = (context: ActionContext) => Boolean(context.diagram.project && runEnvironment(context)) && idle();

function startAction(kind: StartKind, name: string, label: string, shortcut: string, key: string): Action {
  return {
    name,
    label,
    shortcut,
    keyTest: (event) => event.altKey && event.shiftKey && event.code === key,
    enabled: canStart,
    perform: (context) => {
      const environment = runEnvironment(context);
      const project = context.diagram.project;
      if (!environment || !project) return;
      context.ui.set({ bottomTab: 'Terminal' });
      return useRunStore.getState().begin(kind, project.id, environment.id);
    },
  };
}

export const actionPlan = startAction('plan', 'plan', 'Plan', 'Alt+Shift+P', 'KeyP');
export const actionDestroy = startAction('destroy', 'destroy', 'Plan destroy', 'Alt+Shift+D', 'KeyD');
export const actionDrift = startAction('drift', 'drift', 'Check drift', 'Alt+Shift+R', 'KeyR');

/** Applies the plan under review (or the shown planned run): never a fresh plan. */
export const actionApply: Action = {
  name: 'apply',
  label: 'Apply reviewed plan',
  shortcut: 'Alt+Shift+A',
  keyTest: (event) => event.altKey && event.shiftKey && event.code === 'KeyA',
  enabled: () => useRunStore.getState().run?.status === 'planned',
  perform: (context) => {
    const run = useRunStore.getState().run;
    if (run?.status !== 'planned') return;
    context.ui.set({ bottomTab: 'Terminal' });
    return useRunStore.getState().apply(run.id);
  },
};

export const actionCancelRun: Action = {
  name: 'cancelRun',
  label: 'Cancel run',
  shortcut: 'Alt+Shift+C',
  keyTest: (event) => event.altKey && event.shiftKey && event.code === 'KeyC',
  enabled: () => !idle(),
  perform: () => useRunStore.getState().cancel(),
};
