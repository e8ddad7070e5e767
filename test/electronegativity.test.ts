import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  severity: { name: string };
  location: { line: number };
}

// Electronegativity's CLI breaks with the hoisted commander 11 (options are read as properties);
// its programmatic entry point works and returns the findings.
const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ errors: unknown[]; issues: Finding[] }>;

const root = new URL('..', import.meta.url).pathname;

describe('Electron security scan of main/ (Electronegativity)', () => {
  it('leaves no HIGH or MEDIUM finding unexplained, and no explanation stale', async () => {
    const report = await runElectronegativity(
      {
        input: join(root, 'main'),
        output: join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv'),
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: '41.10.0',
        parserPlugins: [],
      },
      false,
    );
    expect(report.errors).toEqual([]);
    const serious = report.issues.filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM');
    const keys = new Set(serious.map((issue) => `${issue.id} ${issue.file}`));
    const review = JSON.parse(readFileSync(join(root, 'main/security-review.json'), 'utf8')) as { findings: Record<string, string> };
    const unexplained = [...keys].filter((key) => !review.findings[key]);
    expect(unexplained, 'explain these in main/security-review.json, or fix them').toEqual([]);
    const stale = Object.keys(review.findings).filter((key) => !keys.has(key));
    expect(stale, 'these explanations no longer match a finding: remove them').toEqual([]);
  });
});
