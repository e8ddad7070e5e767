import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import boundaries (DESIGN.md)', () => {
  it.each([
    ['src/core/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['src/core/model/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;"],
    ['src/core/model/x.ts', "import { createHost } from '../../host/createHost';\nexport const x = createHost;"],
    ['src/core/model/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['renderer/src/x.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/x.ts', "import { createHost } from '../../src/host/createHost';\nexport const x = createHost;"],
    ['src/host/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src/host/x.ts', "import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;"],
    ['main/preload.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it('refuses Node globals in src/core', async () => {
    expect(await boundaryErrors('src/core/model/x.ts', 'export const home = process.env.HOME;')).not.toEqual([]);
  });

  it.each([
    ['src/host/x.ts', "import { readFileSync } from 'node:fs';\nimport { ok } from '../core/api/result';\nexport const x = [readFileSync, ok];"],
    ['renderer/src/x.ts', "import { ok } from '../../src/core/api/result';\nexport const x = ok;"],
    ['src/core/model/x.ts', "import { ok } from '../api/result';\nexport const x = ok;"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
