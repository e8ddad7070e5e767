import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { runEnvironment } from '../actions/runTarget';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { openShell, type ShellSession } from './shellSession';
import { xtermSink } from './terminalSink';

/**
 * The escape hatch: the user's shell in the current environment's workdir, with the environment
 * terraform runs with. Output goes straight to xterm, acknowledged as terminalSink explains.
 */
export function ShellView({ visible }: { visible: boolean }) {
  const api = useApi();
  const container = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<{ terminal: Terminal; fit: FitAddon } | null>(null);
  const session = useRef<ShellSession | null>(null);
  const [state, setState] = useState<{ open: boolean; opening?: boolean; environment?: string; message?: string }>({ open: false });
  const projectId = useDiagramStore((store) => store.project?.id);
  const environment = useDiagramStore((store) => runEnvironment({ diagram: store, ui: useUiStore.getState() }));
  useUiStore((store) => store.environmentId);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const terminal = new Terminal({ fontSize: 12, scrollback: 10000, theme: { background: '#111827' } });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    terminalRef.current = { terminal, fit };
    const input = terminal.onData((data) => session.current?.write(data));
    const observer = new ResizeObserver(() => {
      if (element.offsetParent === null) return;
      fit.fit();
      session.current?.resize(terminal.cols, terminal.rows);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      input.dispose();
      void session.current?.close();
      session.current = null;
      terminal.dispose();
      terminalRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (visible) terminalRef.current?.fit.fit();
  }, [visible]);

  const open = async () => {
    const parts = terminalRef.current;
    if (!parts || !projectId || !environment || session.current) return;
    const { terminal } = parts;
    terminal.reset();
    const sink = xtermSink(terminal);
    setState({ open: false, opening: true });
    let over = false;
    const opened = await openShell(
      api,
      projectId,
      environment.id,
      {
        write: sink,
        ended(message) {
          over = true;
          if (message) terminal.write(`\r\n${message}\r\n`);
          session.current = null;
          setState((current) => ({ ...current, open: false }));
        },
      },
      { cols: terminal.cols, rows: terminal.rows },
    );
    if ('error' in opened) return setState({ open: false, message: opened.error });
    if (over) return setState({ open: false });
    session.current = opened;
    setState({ open: true, environment: environment.name });
    terminal.focus();
  };

  return (
    <div className="shell-view" style={{ display: visible ? 'flex' : 'none', flexDirection: 'column', height: '100%', gap: 4 }}>
      <div className="shell-bar" role="toolbar" aria-label="Shell" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        {state.open ? (
          <>
            <span>
              Shell in {state.environment}&apos;s workdir (backend and secrets in its environment)
            </span>
            <button type="button" onClick={() => void session.current?.close()}>
              End shell
            </button>
          </>
        ) : (
          <button type="button" disabled={!projectId || !environment || state.opening} onClick={() => void open()}>
            Open shell in {environment?.name ?? 'no environment'}
          </button>
        )}
        {state.message && <span role="alert">{state.message}</span>}
      </div>
      <div ref={container} className="terminal" role="application" aria-label="Shell terminal" style={{ flex: 1, minHeight: 120 }} />
    </div>
  );
}
