import type { StreamDiagnostic } from './stream';

/** Why a terraform command failed, in Driftless's terms (Pulumi's automation errors, as data). */
export type RunFailureCode =
  | 'stale_plan'
  | 'lock_held'
  | 'init_required'
  | 'provider_missing'
  | 'auth'
  | 'config_invalid'
  | 'resource_failed'
  | 'cancelled'
  | 'binary_missing'
  | 'unknown';

export interface RunFailure {
  code: RunFailureCode;
  /** What went wrong and what to do. */
  message: string;
  /** The first error diagnostic's summary/detail, when terraform gave one. */
  detail?: string;
  address?: string;
}

export interface FailureEvidence {
  exitCode: number | null;
  /** Set when the process ended by a signal (or the run was cancelled). */
  signal?: string | number | null;
  cancelled?: boolean;
  diagnostics?: readonly StreamDiagnostic[];
  /** Terminal output (tail is enough); used when diagnostics are missing. */
  output?: string;
}

interface Rule {
  code: RunFailureCode;
  pattern: RegExp;
  message: string;
}

// Ordered: the first rule whose pattern matches the evidence wins.
const rules: Rule[] = [
  { code: 'stale_plan', pattern: /Saved plan is stale/i, message: 'The state changed since this plan was made, so it can no longer be applied. Plan again, review it, then apply.' },
  { code: 'lock_held', pattern: /Error acquiring the state lock|state (?:is )?locked|Lock Info:/i, message: 'Another run holds the state lock. Wait for it to finish, or force-unlock if that run is gone.' },
  { code: 'init_required', pattern: /terraform init|tofu init|Backend initialization required|Module not installed|Required plugins are not installed|Inconsistent dependency lock file|backend configuration changed/i, message: 'The working directory needs init (providers, modules or backend changed). Run init, then retry.' },
  { code: 'provider_missing', pattern: /Failed to (?:query available provider packages|install provider|resolve provider packages)|provider .* (?:is not available|could not be found)|Incompatible provider version/i, message: 'A provider could not be installed. Check the provider source and version, your network or provider mirror (TF_CLI_CONFIG_FILE).' },
  { code: 'auth', pattern: /No valid credential sources|InvalidClientTokenId|ExpiredToken|UnrecognizedClientException|AccessDenied|SignatureDoesNotMatch|could not find default credentials|(?:status(?: ?code)?:? ?|HTTP )40[13]\b|\bUnauthorized\b|\bForbidden\b|authentication failed/i, message: 'The cloud or backend refused the credentials. Check the credentials in your environment (for example AWS_PROFILE) and try again.' },
];

function evidenceText(evidence: FailureEvidence): string {
  const fromDiagnostics = (evidence.diagnostics ?? [])
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.summary}\n${diagnostic.detail ?? ''}`)
    .join('\n');
  // Only the tail of huge outputs matters (errors come last); keeps the regexes cheap.
  const output = evidence.output ? evidence.output.slice(-65536) : '';
  return `${fromDiagnostics}\n${output}`;
}

/**
 * Classifies a failed terraform command from its exit code, signal, `-json` diagnostics and
 * output. Returns undefined when the command succeeded (exit 0, or 2 from -detailed-exitcode).
 */
export function classifyFailure(evidence: FailureEvidence): RunFailure | undefined {
  if (evidence.cancelled || evidence.signal) {
    return { code: 'cancelled', message: 'The run was cancelled. Terraform was asked to stop safely; check the state lock before the next run.' };
  }
  if (evidence.exitCode === 0 || evidence.exitCode === 2) return undefined;
  const firstError = (evidence.diagnostics ?? []).find((diagnostic) => diagnostic.severity === 'error');
  const detail = firstError ? [firstError.summary, firstError.detail].filter(Boolean).join(': ') : undefined;
  const base = (failure: RunFailure): RunFailure => {
    if (detail) failure.detail = detail;
    if (firstError?.address) failure.address = firstError.address;
    return failure;
  };
  const text = evidenceText(evidence);
  for (const rule of rules) if (rule.pattern.test(text)) return base({ code: rule.code, message: rule.message });
  if (firstError?.address) {
    return base({ code: 'resource_failed', message: `${firstError.address} failed: ${firstError.summary}. Fix the cause, plan again and apply.` });
  }
  if (firstError?.range) {
    return base({ code: 'config_invalid', message: `The configuration is invalid (${firstError.range.filename}:${firstError.range.start.line}): ${firstError.summary}.` });
  }
  return base({ code: 'unknown', message: `Terraform failed (exit code ${String(evidence.exitCode)}). See the run output for details.` });
}
