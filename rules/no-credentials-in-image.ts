// https://docs.docker.com/build/building/secrets/
// https://docs.docker.com/reference/dockerfile/#arg (build arguments are visible in `docker history`)
import { defineRule, type SecretRange, type Severity } from '../src/rule.js';
import { awsCredentialVariable } from '../src/detect/aws-env-vars.js';
import { CONFIGURE_KEYWORDS, findConfigureCredentialUses } from '../src/detect/aws-configure.js';
import { AnyOf } from '../src/detect/line-keywords.js';
import { dockerfile, enclosingDockerfile, jsonStrings, type DockerfileModel, type DockerInstruction, type DockerToken } from '../src/parsers/dockerfile.js';

/**
 * Stages whose layers and configuration end up in the final image: the last stage and every
 * stage it is built `FROM` (by alias or index), transitively.
 */
function stagesInFinalImage(model: DockerfileModel): Set<number> {
  const froms = model.instructions.filter((i) => i.keyword === 'FROM' && !i.onbuild);
  const aliases = new Map<string, number>();
  froms.forEach((ins, index) => {
    const as = ins.args.findIndex((a) => a.value.toLowerCase() === 'as');
    const alias = as >= 0 ? ins.args[as + 1]?.value : undefined;
    if (alias) aliases.set(alias.toLowerCase(), index);
  });
  const out = new Set<number>();
  let current: number | undefined = froms.length - 1;
  while (current !== undefined && current >= 0 && !out.has(current)) {
    out.add(current);
    const base: string = froms[current]?.args[0]?.value.toLowerCase() ?? '';
    current = aliases.get(base) ?? (/^\d+$/.test(base) ? Number(base) : undefined);
  }
  return out;
}

/** `.aws`, `~/.aws`, `./.aws/credentials`, `credentials`, `*_accessKeys.csv`, `.boto`, `.s3cfg`. */
function isCredentialSource(path: string, destination: string): boolean {
  const clean = path.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
  const segments = clean.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  const base = (segments.at(-1) ?? '').toLowerCase();
  if (segments.some((s) => s.toLowerCase() === '.aws')) return true;
  if (/(?:^|_)accesskeys\.csv$/.test(base) || base === 'credentials.csv' || base === 'new_user_credentials.csv') return true;
  if (base === '.boto' || base === 'boto.cfg' || base === '.s3cfg') return true;
  if (base === 'credentials' || base === 'aws_credentials' || base === 'aws-credentials') {
    // A bare `credentials` file, or one copied into `.aws/`: an application directory
    // called `src/credentials/` copied elsewhere is not reported.
    return segments.length === 1 || isCredentialDestination(destination);
  }
  return false;
}

function isCredentialDestination(path: string): boolean {
  return /(?:^|[\\/])\.aws(?:[\\/](?:credentials)?)?["']?$/i.test(path) || /(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)["']?$/i.test(path);
}

function literalValue(token: DockerToken | undefined): boolean {
  return token !== undefined && token.value !== '' && !token.value.includes('$');
}

export default defineRule({
  id: 'no-credentials-in-image',
  description: 'Disallow AWS credentials baked into container images through ENV, ARG, COPY or `aws configure` in RUN',
  fullDescription:
    'Everything a Dockerfile puts into an image can be read by anyone who can pull it: ENV values are stored in the ' +
    'image configuration, build arguments are recorded in `docker history` even without a default, files copied in ' +
    'stay in their layer even if a later step deletes them, and `RUN aws configure set aws_secret_access_key …` ' +
    'writes ~/.aws/credentials into a layer. BuildKit secret mounts give a build step credentials without storing ' +
    'them, and running containers should get credentials from their task, pod or instance role.',
  severity: 'error',
  securitySeverity: 8.5,
  precision: 'high',
  cwe: ['CWE-798', 'CWE-538'],
  tags: ['security', 'aws', 'docker', 'secrets'],
  kinds: ['dockerfile', 'shell', 'user-data'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  // `aws … configure` (RUN), credential variables (ENV/ARG) and credential files (COPY/ADD); not
  // a bare `configure`, which every image built from source runs.
  keywords: new AnyOf([/AWS_|\.aws|credentials|\.boto\b|boto\.cfg|s3cfg|accessKeys/i, CONFIGURE_KEYWORDS]),
  messages: {
    envCredential:
      '`ENV {{name}}` stores an AWS credential in the image configuration, readable by anyone who can pull the image; give the container a task/pod/instance role instead',
    argCredential:
      '`ARG {{name}}` records the credential passed at build time in the image history; use `RUN --mount=type=secret,id=aws` for build steps that need AWS access',
    copyCredentials:
      '`{{instruction}}` copies AWS credentials ({{path}}) into an image layer, where they stay even if a later step deletes them; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials`',
    runConfigure:
      '`RUN aws configure` writes an access key to ~/.aws/credentials inside an image layer; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials` for the build step and a role at run time',
    builderStage:
      '`{{instruction}} {{name}}` puts an AWS credential into build stage {{stage}}: it is not in the final image but stays in the build cache and in any image built with `--target`; use `RUN --mount=type=secret,id=aws`',
  },
  recommendation: [
    'Never pass AWS keys into an image. For build steps that need AWS access, use a BuildKit secret mount: ',
    '`RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp …` with ',
    '`docker build --secret id=aws,src=$HOME/.aws/credentials .` — the file exists only while that step runs. ',
    'At run time, let the container get credentials from its environment: an ECS task role, EKS Pod Identity or IRSA, ',
    'or the EC2 instance profile. Rotate any key that was ever built into an image: every pushed tag still holds it.',
  ].join(''),
  references: [
    'https://docs.docker.com/build/building/secrets/',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (doc.kind !== 'dockerfile') {
      // RUN bodies (virtual shell or PowerShell documents of a Dockerfile).
      if (!enclosingDockerfile(doc)) return;
      // Only build steps (RUN) write into a layer; a shell-form CMD/ENTRYPOINT runs in the container.
      if (!doc.bootstrap) return;
      for (const use of findConfigureCredentialUses(doc)) {
        context.report({
          messageId: 'runConfigure',
          start: use.start,
          end: use.end,
          ...(use.secret ? { secrets: [use.secret] } : {}),
          identity: `run-configure:${use.form}:${use.key ?? ''}`,
        });
      }
      return;
    }
    const model = dockerfile(doc);
    if (!model) return;
    const finalStages = stagesInFinalImage(model);
    for (const ins of model.instructions) {
      if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
        // A global ARG (before the first FROM) is only visible to FROM lines; a stage that
        // uses it must redeclare it, and that redeclaration is what gets reported.
        if (ins.keyword === 'ARG' && ins.stage < 0 && !ins.onbuild) continue;
        for (const property of ins.properties) {
          const kind = awsCredentialVariable(property.name.value);
          if (!kind) continue;
          // `ENV AWS_ACCESS_KEY_ID=""` clears the variable: nothing is stored.
          if (ins.keyword === 'ENV' && (property.value === undefined || property.value.value === '')) continue;
          const secrets: SecretRange[] = literalValue(property.value) && property.value
            ? [{ start: property.value.start, end: property.value.end, kind }]
            : [];
          const inFinal = ins.onbuild || finalStages.has(ins.stage);
          const severity: Severity | undefined = inFinal ? undefined : 'warning';
          context.report({
            messageId: inFinal ? (ins.keyword === 'ENV' ? 'envCredential' : 'argCredential') : 'builderStage',
            data: { name: property.name.value, instruction: ins.keyword, stage: String(ins.stage) },
            start: property.name.start,
            end: property.name.end,
            secrets,
            identity: `${ins.keyword}:${property.name.value}`,
            ...(severity ? { severity } : {}),
          });
        }
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        reportCopy(ins, doc.text, (start, end, path) =>
          context.report({
            messageId: 'copyCredentials',
            data: { instruction: ins.keyword, path },
            start,
            end,
            identity: `${ins.keyword}:${path}`,
            ...(ins.onbuild || finalStages.has(ins.stage) ? {} : { severity: 'warning' as const }),
          }),
        );
      }
    }
  },
});

function reportCopy(ins: DockerInstruction, text: string, report: (start: number, end: number, path: string) => void): void {
  const json = jsonStrings(text.slice(ins.argsStart, ins.end), ins.argsStart);
  let operands: DockerToken[];
  if (json) operands = json;
  else {
    // With heredocs (`COPY <<EOF /root/.aws/credentials`) the operands are on the first line;
    // the lines after it are heredoc bodies, not paths.
    const firstLineEnd = text.indexOf('\n', ins.argsStart);
    const limit = ins.heredocs.length === 0 || firstLineEnd === -1 ? ins.end : firstLineEnd;
    operands = ins.args.filter((a) => a.start < limit);
  }
  if (operands.length < 2) return;
  const destination = operands.at(-1) as DockerToken;
  const sources = operands.slice(0, -1);
  for (const source of sources) {
    if (source.value.startsWith('<<')) {
      if (isCredentialDestination(destination.value)) report(destination.start, destination.end, destination.value);
      continue;
    }
    if (isCredentialSource(source.value, destination.value)) report(source.start, source.end, source.value);
  }
}
