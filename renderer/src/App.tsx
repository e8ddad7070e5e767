import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useShortcuts } from './actions/useShortcuts';
import { useApi } from './api/ApiContext';
import { createDiagramHost } from './api/diagramHost';
import { ActionMenu } from './components/ActionMenu';
import { BottomPanel } from './components/BottomPanel';
import { Canvas } from './components/Canvas';
import { CommandPalette } from './components/CommandPalette';
import { DeleteConfirm } from './components/DeleteConfirm';
import { EnvironmentSwitcher } from './components/EnvironmentSwitcher';
import { HelpOverlay } from './components/HelpOverlay';
import { Inspector } from './components/Inspector';
import { Palette } from './components/Palette';
import { StatusBar } from './components/StatusBar';
import { FileMenu } from './files/FileMenu';
import { PlanCompareBar } from './environments/PlanCompareBar';
import { OperationsToggle } from './operations/OperationsToggle';
import { ProjectPicker } from './files/ProjectPicker';
import { PlanReview } from './runs/PlanReview';
import { RunBar } from './runs/RunBar';
import { useRunStore } from './runs/runStore';
import { useAppStore } from './state/appStore';
import { useDiagramStore } from './state/diagramStore';

/** The app shell: palette, canvas, inspector, bottom panel, status bar. */
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
        <strong>Driftless</strong>
        <ProjectPicker />
        <EnvironmentSwitcher />
        <RunBar />
        <PlanCompareBar />
        <ActionMenu />
        <FileMenu />
        <OperationsToggle />
      </header>
      <Palette />
      <Canvas />
      <PlanReview />
      <Inspector />
      <BottomPanel />
      <StatusBar />
      <CommandPalette />
      <HelpOverlay />
      <DeleteConfirm />
    </div>
  );
}
