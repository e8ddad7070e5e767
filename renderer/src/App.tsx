import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useShortcuts } from './actions/useShortcuts';
import { useApi } from './api/ApiContext';
import { createDiagramHost } from './api/diagramHost';
import { ActionDropdown } from './components/ActionDropdown';
import { ActionMenu } from './components/ActionMenu';
import { BottomPanel } from './components/BottomPanel';
import { Canvas } from './components/Canvas';
import { CommandPalette } from './components/CommandPalette';
import { DeleteConfirm } from './components/DeleteConfirm';
import { EnvironmentSwitcher } from './components/EnvironmentSwitcher';
import { HelpOverlay } from './components/HelpOverlay';
import { TerraformSetup } from './settings/TerraformSetup';
import { Inspector } from './components/Inspector';
import { Palette } from './components/Palette';
import { StatusBar } from './components/StatusBar';
import { TOP_BAR_MENUS } from './components/topBarLayout';
import { EnvironmentSettings } from './environments/EnvironmentSettings';
import { PlanCompareBar } from './environments/PlanCompareBar';
import { OperationsToggle } from './operations/OperationsToggle';
import { ProjectPicker } from './files/ProjectPicker';
import { PlanReview } from './runs/PlanReview';
import { RunBar } from './runs/RunBar';
import { useRunStore } from './runs/runStore';
import { useAppStore } from './state/appStore';
import { useDiagramStore } from './state/diagramStore';
import './components/topBar.css';

/** The app shell: top bar (menus, project, environment with its runs, quick buttons; the name and version are in the status bar), palette, canvas, inspector, bottom panel, status bar. */
export function App() {
  const api = useApi();
  const start = useAppStore((state) => state.start);
  const startDiagram = useDiagramStore((state) => state.start);
  const startRuns = useRunStore((state) => state.start);
  const host = useMemo(() => createDiagramHost(api), [api]);
  useEffect(() => start(api), [api, start]);
  useEffect(() => startDiagram(host), [host, startDiagram]);
  useEffect(() => startRuns(api), [api, startRuns]);
  return (
    <ReactFlowProvider>
      <Shell />
    </ReactFlowProvider>
  );
}

function Shell() {
  useShortcuts();
  return (
    <div className="app">
      <header className="top-bar">
        <nav className="top-menus" aria-label="Menus">
          {TOP_BAR_MENUS.map((menu) => (
            <ActionDropdown key={menu.label} label={menu.label} names={menu.actions} className={`${menu.label.toLowerCase()}-menu`} />
          ))}
        </nav>
        <ProjectPicker />
        <div className="environment-runs" role="group" aria-label="Environment and runs">
          <EnvironmentSwitcher />
          <RunBar />
          <PlanCompareBar />
        </div>
        <div className="top-bar-end">
          <ActionMenu />
          <OperationsToggle />
        </div>
      </header>
      <Palette />
      <Canvas />
      <PlanReview />
      <Inspector />
      <BottomPanel />
      <StatusBar />
      <CommandPalette />
      <HelpOverlay />
      <TerraformSetup />
      <EnvironmentSettings />
      <DeleteConfirm />
    </div>
  );
}
