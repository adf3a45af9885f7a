import type { SecretKind } from '../rule.js';
/** The secret kind an AWS credential environment variable holds; undefined for other names. Case-sensitive, as environments are on Linux. */
export declare function awsCredentialVariable(name: string): SecretKind | undefined;
/** Same, ignoring case (Windows environments and PowerShell `$env:` are case-insensitive). */
export declare function awsCredentialVariableIgnoreCase(name: string): SecretKind | undefined;
/** Regex source matching any of the names (for keyword pre-filters and token scans). */
export declare const AWS_CREDENTIAL_VARIABLE_SOURCE = "AWS_(?:ACCESS_KEY(?:_ID)?|SECRET(?:_ACCESS)?_KEY|SESSION_TOKEN|SECURITY_TOKEN)";
/** `aws configure set` keys that store credentials: `aws_secret_access_key`, `default.aws_access_key_id`, `profile.x.aws_session_token`. */
export declare function configureCredentialKey(key: string): SecretKind | undefined;
