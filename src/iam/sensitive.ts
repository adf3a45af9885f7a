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

/** A known privilege-escalation path: every action must be allowed; `passTo` needs iam:PassRole to that service. */
export interface EscalationPath {
  readonly name: string;
  readonly actions: readonly string[];
  /** The service principal the passed role goes to (checked against `iam:PassedToService`). */
  readonly passTo?: string;
  /** Alternatives: any one of these is enough (e.g. a way to trigger a function). */
  readonly anyOf?: readonly string[];
}

/**
 * The escalation paths published by Rhino Security Labs and used by cloudsplaining/pmapper,
 * plus the compute paths of the issue (EC2 user data, launch-template versions, instance
 * connect, SSM on instances with stronger roles).
 */
export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { name: 'create a new default version of a managed policy', actions: ['iam:CreatePolicyVersion'] },
  { name: 'switch a managed policy to another version', actions: ['iam:SetDefaultPolicyVersion'] },
  { name: 'create access keys for another user', actions: ['iam:CreateAccessKey'] },
  { name: 'set a console password for another user', actions: ['iam:CreateLoginProfile'] },
  { name: "change another user's console password", actions: ['iam:UpdateLoginProfile'] },
  { name: 'attach any policy to a user', actions: ['iam:AttachUserPolicy'] },
  { name: 'attach any policy to a group', actions: ['iam:AttachGroupPolicy'] },
  { name: 'attach any policy to a role and assume it', actions: ['iam:AttachRolePolicy', 'sts:AssumeRole'] },
  { name: 'write an inline policy on a user', actions: ['iam:PutUserPolicy'] },
  { name: 'write an inline policy on a group', actions: ['iam:PutGroupPolicy'] },
  { name: 'write an inline policy on a role and assume it', actions: ['iam:PutRolePolicy', 'sts:AssumeRole'] },
  { name: 'add a user to any group', actions: ['iam:AddUserToGroup'] },
  { name: "rewrite a role's trust policy and assume it", actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'] },
  { name: 'pass a role to a new EC2 instance', actions: ['iam:PassRole', 'ec2:RunInstances'], passTo: 'ec2.amazonaws.com' },
  { name: 'pass a role to a new Lambda function and invoke it', actions: ['iam:PassRole', 'lambda:CreateFunction'], passTo: 'lambda.amazonaws.com', anyOf: ['lambda:InvokeFunction', 'lambda:CreateEventSourceMapping', 'lambda:AddPermission'] },
  { name: 'pass a role to a Glue development endpoint', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], passTo: 'glue.amazonaws.com' },
  { name: 'pass a role to a Glue job', actions: ['iam:PassRole', 'glue:CreateJob'], passTo: 'glue.amazonaws.com', anyOf: ['glue:StartJobRun', 'glue:CreateTrigger'] },
  { name: 'pass a role to a CloudFormation stack', actions: ['iam:PassRole', 'cloudformation:CreateStack'], passTo: 'cloudformation.amazonaws.com' },
  { name: 'pass a role to a Data Pipeline', actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'], passTo: 'datapipeline.amazonaws.com' },
  { name: 'pass a role to a SageMaker notebook', actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'], passTo: 'sagemaker.amazonaws.com' },
  { name: 'pass a role to a CodeBuild project', actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'], passTo: 'codebuild.amazonaws.com' },
  { name: "replace a Lambda function's code", actions: ['lambda:UpdateFunctionCode'] },
  { name: "rewrite an instance's user data and restart it", actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'] },
  { name: 'publish a launch template version with new user data', actions: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'] },
  { name: 'push an SSH key to any instance (EC2 Instance Connect)', actions: ['ec2-instance-connect:SendSSHPublicKey'] },
  { name: 'run commands on instances with their roles (SSM)', actions: ['ssm:SendCommand'] },
  { name: 'open a shell on instances with their roles (SSM)', actions: ['ssm:StartSession'] },
];
