import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import { useRunStore } from './runStore';
import { attachSink } from './runOutput';

/** The live run in a real terminal: output batched per animation frame, acknowledged once xterm parsed it. */
export function TerminalView({ visible }: { visible: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const terminal = new Terminal({ convertEol: true, fontSize: 12, scrollback: 20000, disableStdin: true, theme: { background: '#111827' } });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    fitRef.current = fit;
    let pending: string[] = [];
    let callbacks: (() => void)[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const data = pending.join('');
      const done = callbacks;
      pending = [];
      callbacks = [];
      terminal.write(data, () => done.forEach((callback) => callback()));
    };
    const detach = attachSink({
      write(data, done) {
        pending.push(data);
        callbacks.push(done);
        frame ||= requestAnimationFrame(flush);
      },
      reset() {
        pending = [];
        callbacks.forEach((callback) => callback());
        callbacks = [];
        terminal.reset();
      },
    });
    const observer = new ResizeObserver(() => {
      if (element.offsetParent === null) return;
      fit.fit();
      const run = useRunStore.getState().run;
      if (run?.status === 'running') void useRunStore.getState().api?.call('run.resize', { runId: run.id, cols: terminal.cols, rows: terminal.rows });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      detach();
      terminal.dispose();
      fitRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (visible) fitRef.current?.fit();
  }, [visible]);

  return <div ref={container} className="terminal" role="log" aria-label="Terminal output" hidden={!visible} />;
}
