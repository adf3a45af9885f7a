// `--profile real-iac`: public infrastructure repositories at pinned commits, the kind of tree
// credlint is judged on — Terraform modules and examples, CloudFormation and SAM templates,
// Kubernetes manifests, intentionally vulnerable training stacks. Materialised once under the
// temp directory (a marker written last: a half-made tree is made again), from local bare
// mirrors when `--mirror <dir>` names a directory holding them, else from GitHub with git.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RealRepo {
  readonly repo: string;
  readonly commit: string;
}

/** The corpus: 17 repositories, 4,500 files, 48 MB (913 .tf, 740 YAML, 244 JSON, 42 .template). */
export const REAL_IAC_REPOS: readonly RealRepo[] = [
  { repo: 'RhinoSecurityLabs/cloudgoat', commit: 'abf1ba8f5e47d7ced750fdfa025d51c99f1a43ed' },
  { repo: 'bridgecrewio/terragoat', commit: '729f8da62c6a85ce4af5ad3d123de97776d954c4' },
  { repo: 'bridgecrewio/cfngoat', commit: '0c09b69cfc3dbc6cb3ef01883415c35c588ced48' },
  { repo: 'aws-cloudformation/aws-cloudformation-templates', commit: '142ce6f283d285fa370adb7f9d332d7f46dac5fc' },
  { repo: 'awslabs/aws-cloudformation-templates', commit: '3ac5e031cc2340dee710f769bacdd78c1f39f187' },
  { repo: 'aws-quickstart/quickstart-linux-bastion', commit: 'b0284b7e4580e415ede5a280f591adbb414f3373' },
  { repo: 'zgovani/quickstart-amazon-eks', commit: '7a4a4439c455eb82e3a26f32fa17c3be01701c8c' },
  { repo: 'kubernetes/examples', commit: '279e8e4fe314f6cb7bc55fa3fbc21bbeaa48c0ea' },
  { repo: 'terraform-aws-modules/terraform-aws-ec2-instance', commit: '56b7f8aac0acf2c6c4cfc28d5aa12e08a8ebb843' },
  { repo: 'terraform-aws-modules/terraform-aws-eks', commit: 'bef29c4d9523523e57fe898643fde2895106b339' },
  { repo: 'terraform-aws-modules/terraform-aws-iam', commit: '981121bcd17618b8ed032223c0d9e647b9277ef9' },
  { repo: 'terraform-aws-modules/terraform-aws-vpc', commit: '82d1929e669efef4e2ad00611b8a68e7a56e049c' },
  { repo: 'terraform-aws-modules/terraform-aws-rds', commit: 'fa183b6b36204913fac1219d09b4979c1e60443a' },
  { repo: 'aws-ia/terraform-aws-eks-blueprints', commit: '98d0eb4069e787210848eeefcb2b9ba8e52706e7' },
  { repo: 'cloudposse/terraform-aws-components', commit: 'a10df84fcd6e3456938f2b95c6283118f0607e5d' },
  { repo: 'hashicorp/learn-terraform-provision-eks-cluster', commit: 'c5c4d54a59b10779efd05b5a2c42af54c3ca57cf' },
  { repo: 'futurice/terraform-examples', commit: 'c191f7bcb0fa786b68c7b3904b6f3bbb90881fc6' },
];

const VERSION = 1;

function git(args: readonly string[], cwd?: string): { ok: boolean; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, err: (r.stderr ?? '').trim().split('\n').pop() ?? '' };
}

/** A git directory for `owner/name` under `mirrors`: `owner+name`, `owner/name` or `name`, bare (`.git`) or not. */
function mirrorOf(mirrors: string, repo: string): string | undefined {
  const [owner, name] = repo.split('/') as [string, string];
  for (const base of [`${owner}+${name}`, join(owner, name), name]) {
    for (const candidate of [join(mirrors, base), join(mirrors, `${base}.git`)]) {
      if (!existsSync(candidate)) continue;
      if (existsSync(join(candidate, 'HEAD'))) return candidate;
      if (existsSync(join(candidate, '.git'))) return join(candidate, '.git');
      // One level down (a mirror tool's layout: owner+name/repo/).
      for (const sub of readdirSync(candidate)) if (existsSync(join(candidate, sub, 'HEAD'))) return join(candidate, sub);
    }
  }
  return undefined;
}

/**
 * Writes the tree of `commit` from git directory `gitDir` into `dest`, file by file, so that a
 * mirror that left its largest blobs out (a snapshot) still gives every file it has; returns the
 * number of files left out, or undefined when the commit is not there.
 */
function writeTree(gitDir: string, commit: string, dest: string): number | undefined {
  const ls = spawnSync('git', [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', commit], { maxBuffer: 256 * 1024 * 1024 });
  if (ls.status !== 0) return undefined;
  const entries = ls.stdout
    .toString('utf8')
    .split('\0')
    .filter((e) => e.length > 0)
    .map((e) => {
      const tab = e.indexOf('\t');
      const [mode, type, sha] = e.slice(0, tab).split(' ') as [string, string, string];
      return { mode, type, sha, path: e.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  const batch = spawnSync('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], { input: entries.map((e) => e.sha).join('\n') + '\n', maxBuffer: 2 * 1024 * 1024 * 1024 });
  if (batch.status !== 0) return undefined;
  const out = batch.stdout;
  let at = 0;
  let missing = 0;
  for (const entry of entries) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    at = nl + 1;
    if (header[1] === 'missing') {
      missing++;
      continue;
    }
    const size = Number(header[2]);
    const file = join(dest, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, out.subarray(at, at + size));
    at += size + 1;
  }
  return missing;
}
/** The materialised corpus directory; throws with one line when a repository cannot be had. */
export function prepareRealIac(mirrors: string | undefined): string {
  const base = join(tmpdir(), 'credlint-bench', `real-iac-v${VERSION}`);
  const tree = join(base, 'tree');
  const marker = join(base, 'complete');
  if (existsSync(marker)) return tree;
  rmSync(base, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const { repo, commit } of REAL_IAC_REPOS) {
    const dest = join(tree, repo.replace('/', '+'));
    const local = mirrors ? mirrorOf(mirrors, repo) : undefined;
    if (local) {
      const missing = writeTree(local, commit, dest);
      if (missing === undefined) throw new Error(`--profile real-iac: ${repo}@${commit.slice(0, 12)} is not in the mirror ${local}`);
      if (missing > 0) console.log(`real-iac: ${repo}: ${missing} file(s) absent from the mirror, left out`);
      continue;
    }
    // Shallow fetch of the pinned commit (GitHub serves any reachable commit by id).
    const work = join(base, 'git', repo.replace('/', '+'));
    mkdirSync(work, { recursive: true });
    const steps: string[][] = [['init', '-q', '--bare', '.'], ['fetch', '-q', '--depth', '1', `https://github.com/${repo}.git`, commit]];
    for (const step of steps) {
      const r = git(step, work);
      if (!r.ok) throw new Error(`--profile real-iac: cannot fetch ${repo} (${r.err || 'git failed'}); pass --mirror <dir> with local clones, or --dir`);
    }
    if (writeTree(work, commit, dest) === undefined) throw new Error(`--profile real-iac: cannot unpack ${repo}@${commit.slice(0, 12)}`);
  }
  rmSync(join(base, 'git'), { recursive: true, force: true });
  writeFileSync(marker, `${REAL_IAC_REPOS.length} repositories\n`);
  return tree;
}
