import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useApi } from './api/ApiContext';
import { BottomPanel } from './components/BottomPanel';
import { Canvas } from './components/Canvas';
import { Inspector } from './components/Inspector';
import { Palette } from './components/Palette';
import { StatusBar } from './components/StatusBar';
import { useAppStore } from './state/appStore';

/** The app shell: palette, canvas, inspector, bottom panel, status bar. */
export function App() {
  const api = useApi();
  const start = useAppStore((state) => state.start);
  useEffect(() => start(api), [api, start]);
  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="top-bar">
          <strong>Driftless</strong>
        </header>
        <Palette />
        <Canvas />
        <Inspector />
        <BottomPanel />
        <StatusBar />
      </div>
    </ReactFlowProvider>
  );
}
