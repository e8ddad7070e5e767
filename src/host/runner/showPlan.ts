import { spawn } from 'node:child_process';
import { summarizePlan, type PlanSummary } from '../../core/terraform/plan';
import type { Diagnostic } from '../../core/diagnostics';

export interface ShownPlan {
  /** The raw `show -json` text: it may hold secrets in clear; store it, never send it as is. */
  json: string;
  summary?: PlanSummary;
  diagnostics: Diagnostic[];
}

/**
 * Runs `show -json PLANFILE` (no pty: the output is data, possibly many MB) and summarises it
 * per node. A failed show is a diagnostic carrying terraform's stderr.
 */
export function showPlan(binary: string, planFile: string, options: { cwd: string; env: Record<string, string> }): Promise<ShownPlan> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['show', '-json', planFile], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const json = Buffer.concat(out).toString('utf8');
      if (code !== 0) {
        resolve({ json, diagnostics: [{ severity: 'error', code: 'plan.show-failed', message: `terraform show -json ${planFile} failed (exit ${code}): ${stderr.trim() || 'no message'}. Plan again.` }] });
        return;
      }
      const { value, diagnostics } = summarizePlan(json);
      resolve(value ? { json, summary: value, diagnostics } : { json, diagnostics });
    });
  });
}
