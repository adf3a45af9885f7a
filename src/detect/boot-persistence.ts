// Boot persistence: AWS credentials written where every later shell, service or process of the
// machine picks them up — shell start-up files, /etc/environment, systemd `Environment=`, a
// Windows machine/user environment variable. A bootstrap script that does so is the
// anti-pattern whatever the value: a placeholder (`CHANGEME`, `${var.secret}`, `$SECRET`) only
// means the template is built to carry a real key. Values read at run time from a role-based
// source (STS, `aws configure export-credentials`, the instance metadata service) are
// short-lived and not reported.
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
// https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Environment=
import { AWS_CREDENTIAL_VARIABLE_SOURCE } from './aws-env-vars.js';
import { isPlaceholder } from './placeholders.js';

/** Files read by every login shell, by PAM, or by a service manager at start. */
export const PERSISTENCE_PATH =
  /(?:^|[\\/])(?:\.bashrc|\.bash_profile|\.bash_login|\.profile|\.zshrc|\.zshenv|\.zprofile|\.kshrc|\.cshrc|\.tcshrc)$|^\/etc\/(?:environment|profile|bashrc|bash\.bashrc|zshenv|zsh\/zshenv|csh\.cshrc|login\.defs)$|^\/etc\/profile\.d\/[^/]+$|^\/etc\/(?:default|sysconfig)\/[^/]+$|\/systemd\/(?:system|user)\/(?:[^/]+\/)?[^/]+\.(?:service|conf)$|\/etc\/systemd\/system\.conf\.d\/[^/]+\.conf$|(?:^|[\\/])\.config\/environment\.d\/[^/]+\.conf$|(?:^|[\\/])\.pam_environment$/i;

/** Role-based sources: the value is a short-lived credential of a role, fetched at run time. */
const ROLE_SOURCE =
  /\baws\s+(?:[^|;\n]*\s)?sts\b|\bassume-role|\bexport-credentials\b|169\.254\.169\.254|fd00:ec2::254|\/meta-data\/iam\/security-credentials|\bcredential[_-]process\b|\bUse-STSRole\b|\bGet-STSSessionToken\b|\bAssumeRole\b|ECS_CONTAINER_METADATA|AWS_CONTAINER_CREDENTIALS/i;

export type PersistedValue = 'literal' | 'placeholder' | 'role';

/** How a persisted value counts: a literal key, a stand-in for one, or a role's short-lived credential. */
export function judgePersistedValue(value: string, context = ''): PersistedValue {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (ROLE_SOURCE.test(v) || (/\$/.test(v) && ROLE_SOURCE.test(context))) return 'role';
  if (v === '' || isPlaceholder(v) || /[$%]|\{\{|<%/.test(v)) return 'placeholder';
  return 'literal';
}

export interface PersistedAssignment {
  readonly name: string;
  /** Offsets in the searched text. */
  readonly nameStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly value: string;
}

const ASSIGNMENT = new RegExp(
  String.raw`(?:^|[\s"';])(?:export\s+|setenv\s+|set\s+|Environment=\s*["']?|\$env:)?(${AWS_CREDENTIAL_VARIABLE_SOURCE})(?:\s*=\s*|\s+(?=[^\s=]))((?:"[^"\n]*"|'[^'\n]*'|[^\s"';]+)?)`,
  'g',
);

/** AWS credential variable assignments in written text (`export X=…`, `X=…`, `Environment="X=…"`, `setenv X …`). */
export function credentialAssignmentsIn(text: string): PersistedAssignment[] {
  const out: PersistedAssignment[] = [];
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1] as string;
    // The prefix (`export `, `Environment="`) cannot contain the name: its first occurrence is it.
    const nameStart = (m.index as number) + m[0].indexOf(name);
    const value = m[2] as string;
    const valueEnd = (m.index as number) + m[0].length;
    out.push({ name, nameStart, valueStart: valueEnd - value.length, valueEnd, value });
  }
  return out;
}
