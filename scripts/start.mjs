// `npm start`: the desktop app where Electron's binary can be had; otherwise the web shell.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary; throws when it was never downloaded
  } catch {
    return undefined;
  }
}

if (!electronBinary()) {
  // npm install skips Electron's download (allowScripts in package.json): fetch it now, once.
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore', timeout: 300000 });
}

const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (electronBinary()) {
  run(process.execPath, [require.resolve('@electron-forge/cli/dist/electron-forge.js'), 'start']);
} else {
  console.log("Electron's binary could not be downloaded on this machine, so Driftless starts in your browser instead (the web shell).");
  run(process.execPath, ['bin/driftless.mjs', 'serve', ...process.argv.slice(2)]);
}
