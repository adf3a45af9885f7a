// Action sets with a meaning of their own: actions that hand out credentials or secrets
// (no-credential-exposure), and the privilege-escalation paths (no-privilege-escalation).
// Lower-cased `service:action` ids; patterns are expanded against the catalogue.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/

/** Actions that return or create credentials, secrets or keys to decrypt them. */
export const CREDENTIAL_ACTIONS: ReadonlySet<string> = new Set(
  [
    'iam:CreateAccessKey',
    'iam:UpdateAccessKey',
    'iam:CreateLoginProfile',
    'iam:UpdateLoginProfile',
    'iam:CreateServiceSpecificCredential',
    'iam:ResetServiceSpecificCredential',
    'iam:UploadSSHPublicKey',
    'sts:GetFederationToken',
    'sts:AssumeRole',
    'secretsmanager:GetSecretValue',
    'secretsmanager:BatchGetSecretValue',
    'ssm:GetParameter',
    'ssm:GetParameters',
    'ssm:GetParametersByPath',
    'ssm:GetParameterHistory',
    'kms:Decrypt',
    'redshift:GetClusterCredentials',
    'redshift:GetClusterCredentialsWithIAM',
    'redshift-serverless:GetCredentials',
    'rds-db:connect',
    'sso:GetRoleCredentials',
    'lightsail:GetInstanceAccessDetails',
    'lightsail:DownloadDefaultKeyPair',
    'lightsail:GetRelationalDatabaseMasterUserPassword',
    'codeartifact:GetAuthorizationToken',
    'cognito-identity:GetCredentialsForIdentity',
    'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
    'ec2:GetPasswordData',
    'ec2-instance-connect:SendSSHPublicKey',
    'ec2-instance-connect:SendSerialConsoleSSHPublicKey',
    'eks:GetToken',
    'glue:GetConnection',
    'glue:GetConnections',
    'appsync:GetApiKey',
    'ds:ResetUserPassword',
    'cloud9:CreateEnvironmentToken',
  ].map((a) => a.toLowerCase()),
);
