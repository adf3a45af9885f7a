// Environment variable names that carry AWS credentials, as read by the AWS CLI and SDKs.
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html
// `AWS_ACCESS_KEY` / `AWS_SECRET_KEY` are the aliases the Java SDK v1 and older tools accept;
// `AWS_SECURITY_TOKEN` is boto's legacy name for the session token.
import type { SecretKind } from '../rule.js';

const AWS_CREDENTIAL_VARIABLES: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ['AWS_ACCESS_KEY_ID', 'access-key-id'],
  ['AWS_ACCESS_KEY', 'access-key-id'],
  ['AWS_SECRET_ACCESS_KEY', 'secret-access-key'],
  ['AWS_SECRET_KEY', 'secret-access-key'],
  ['AWS_SESSION_TOKEN', 'session-token'],
  ['AWS_SECURITY_TOKEN', 'session-token'],
]);

/** The secret kind an AWS credential environment variable holds; undefined for other names. Case-sensitive, as environments are on Linux. */
export function awsCredentialVariable(name: string): SecretKind | undefined {
  return AWS_CREDENTIAL_VARIABLES.get(name);
}

/** Same, ignoring case (Windows environments and PowerShell `$env:` are case-insensitive). */
export function awsCredentialVariableIgnoreCase(name: string): SecretKind | undefined {
  return AWS_CREDENTIAL_VARIABLES.get(name.toUpperCase());
}

/** Regex source matching any of the names (for keyword pre-filters and token scans). */
export const AWS_CREDENTIAL_VARIABLE_SOURCE = 'AWS_(?:ACCESS_KEY(?:_ID)?|SECRET(?:_ACCESS)?_KEY|SESSION_TOKEN|SECURITY_TOKEN)';

/** `aws configure set` keys that store credentials: `aws_secret_access_key`, `default.aws_access_key_id`, `profile.x.aws_session_token`. */
export function configureCredentialKey(key: string): SecretKind | undefined {
  const m = /(?:^|\.)(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)$/i.exec(key);
  if (!m) return undefined;
  const name = (m[1] as string).toLowerCase();
  return name === 'aws_access_key_id' ? 'access-key-id' : name === 'aws_secret_access_key' ? 'secret-access-key' : 'session-token';
}
