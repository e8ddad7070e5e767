import { describe, expect, it } from 'vitest';
import type { Environment } from '../model/diagram';
import { checkEnvironmentCredentials, credentialProblem } from './credentials';

const environment = (patch: Partial<Environment>): Environment => ({ id: 'env-prod', name: 'prod', providers: {}, overrides: {}, backend: { type: 'embedded' }, ...patch });

describe('credentials in provider and backend settings', () => {
  it.each(['access_key', 'secret_key', 'password', 'token', 'client_secret', 'sas_token', 'client_certificate_password', 'credentials', 'access_token', 'oidc_token'])(
    'refuses the credential key %s, saying where to put it instead',
    (key) => {
      expect(credentialProblem(key, 'x')).toMatch(/is a credential.*environment Driftless is started from/);
    },
  );

  it.each(['skip_credentials_validation', 'shared_credentials_files', 'region', 'profile', 'bucket', 'key', 'token_file_path_hint'])('allows the ordinary setting %s', (key) => {
    expect(credentialProblem(key, 'value')).toBeUndefined();
  });

  it('refuses a password inside a connection URL, not a URL without one', () => {
    expect(credentialProblem('conn_str', 'postgres://app:hunter2@db/state')).toMatch(/password inside a URL/);
    expect(credentialProblem('conn_str', 'postgres://app@db/state')).toBeUndefined();
  });

  it('names the environment and the exact field, nested values included; the embedded backend has none', () => {
    const diagnostics = checkEnvironmentCredentials(
      environment({
        providers: { aws: { region: 'eu-west-1', assume_role: { role_arn: 'arn:aws:iam::1:role/x', external_id: 'e' }, secret_key: 'k' } },
        backend: { type: 's3', config: { bucket: 'b', endpoints: { s3: 'http://x' }, assume_role: { session_token: 't' } } },
      }),
    );
    expect(diagnostics.map((diagnostic) => diagnostic.location?.field)).toEqual(['providers.aws.secret_key', 'backend.s3.assume_role.session_token']);
    expect(diagnostics.every((diagnostic) => diagnostic.severity === 'error' && diagnostic.location?.environment === 'prod')).toBe(true);
    expect(diagnostics[0]!.message).toMatch(/^Environment "prod", providers\.aws\.secret_key: "secret_key" is a credential/);
    expect(checkEnvironmentCredentials(environment({ providers: { aws: { region: 'us-east-1', skip_credentials_validation: true } } }))).toEqual([]);
  });
});
