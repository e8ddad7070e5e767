/** How bad a diagnostic is: errors block compile and run; warnings are shown; info explains. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a diagnostic points. Every field that applies is set, so the UI can focus the node, port or field. */
export interface DiagnosticLocation {
  /** A file, relative to its bundle or as the user named it. */
  file?: string;
  /** A JSON pointer inside that file or document (RFC 6901). */
  pointer?: string;
  line?: number;
  column?: number;
  bundle?: string;
  nodeId?: string;
  port?: string;
  field?: string;
  environment?: string;
}

/** A user mistake, as data: returned and accumulated, never thrown (Terraform's tfdiags). */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, for example `manifest.unknown-key`. Tests assert it. */
  code: string;
  /** What is wrong and what to do about it. */
  message: string;
  location?: DiagnosticLocation;
}

/** A value with the diagnostics met while producing it (one compiler or loader pass). */
export interface WithDiagnostics<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
