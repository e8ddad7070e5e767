import type { Diagnostic } from '../diagnostics';
import type { Environment } from '../model/diagram';

/**
 * Provider and backend setting keys that hold credentials, matched on their last words so that
 * `skip_credentials_validation` or `shared_credentials_files` stay allowed.
 */
const CREDENTIAL_KEY = /(^|_)(access_key|secret_key|secret|password|passwd|token|access_token|sas_token|private_key|client_secret|client_certificate_password|master_key)$|^credentials$/i;
/** A connection string with a password in it: `scheme://user:password@host`. */
const PASSWORD_IN_URL = /:\/\/[^/\s:@]+:[^/\s@]+@/;

/** Why a provider or backend setting must not be stored (it is a credential), or undefined when it may. */
export function credentialProblem(key: string, value: unknown): string | undefined {
  if (CREDENTIAL_KEY.test(key)) {
    return `"${key}" is a credential: it would be stored in plain text in the diagram and the compiled main.tf.json. Remove it and set it in the environment Driftless is started from instead (for example AWS_SECRET_ACCESS_KEY, ARM_CLIENT_SECRET, GOOGLE_APPLICATION_CREDENTIALS, TF_TOKEN_app_terraform_io).`;
  }
  if (typeof value === 'string' && PASSWORD_IN_URL.test(value)) {
    return `"${key}" holds a password inside a URL: it would be stored in plain text. Remove the password (use PGPASSWORD or PG_CONN_STR in the environment Driftless is started from).`;
  }
  return undefined;
}

/** Every credential in an environment's provider settings and backend config, nested values included. */
export function checkEnvironmentCredentials(environment: Environment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (value: unknown, key: string, field: string) => {
    const problem = credentialProblem(key, value);
    if (problem !== undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'environment.credential-in-settings',
        message: `Environment "${environment.name}", ${field}: ${problem}`,
        location: { environment: environment.name, field },
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [child, inner] of Object.entries(value)) visit(inner, child, `${field}.${child}`);
    }
  };
  for (const [provider, settings] of Object.entries(environment.providers)) {
    for (const [key, value] of Object.entries(settings)) visit(value, key, `providers.${provider}.${key}`);
  }
  if (environment.backend.type !== 'embedded') {
    for (const [key, value] of Object.entries(environment.backend.config)) visit(value, key, `backend.${environment.backend.type}.${key}`);
  }
  return diagnostics;
}
