// Type-checks each layer with its own tsconfig (its own lib and types), so a stray Node import in
// src/core or the renderer, or React in src/host, fails here.
import { execFileSync } from 'node:child_process';

const projects = ['tsconfig.json', 'src/core', 'src/host', 'src/cli', 'src/web', 'main', 'renderer', 'test'];
let failed = false;
for (const project of projects) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  } catch {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
