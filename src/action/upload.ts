// Uploads SARIF to GitHub code scanning through the REST API (no second action, no npm):
// POST /repos/{owner}/{repo}/code-scanning/sarifs with the report gzipped and base64-encoded.
// https://docs.github.com/en/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Env } from './runner.js';

/** GitHub rejects gzipped SARIF over 10 MB. */
export const MAX_GZIPPED_BYTES = 10 * 1024 * 1024;

export interface UploadRequest {
  readonly apiUrl: string;
  readonly repository: string;
  readonly token: string;
  readonly commitSha: string;
  readonly ref: string;
  readonly workspace: string;
  readonly sarif: string;
}

export type UploadOutcome = { ok: true; id?: string; url?: string } | { ok: false; message: string };

export async function uploadSarif(req: UploadRequest): Promise<UploadOutcome> {
  const gz = gzipSync(Buffer.from(req.sarif, 'utf8'));
  if (gz.length > MAX_GZIPPED_BYTES) {
    return { ok: false, message: `SARIF upload skipped: the gzipped report is ${(gz.length / 1048576).toFixed(1)} MB, over GitHub's 10 MB limit (split the scan with the shard input)` };
  }
  const body = {
    commit_sha: req.commitSha,
    ref: req.ref,
    sarif: gz.toString('base64'),
    checkout_uri: pathToFileURL(req.workspace).href,
    tool_name: 'credlint',
  };
  const url = `${req.apiUrl.replace(/\/+$/, '')}/repos/${req.repository}/code-scanning/sarifs`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${req.token}`,
        'content-type': 'application/json',
        'user-agent': 'credlint-action',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, message: `SARIF upload failed: cannot reach ${req.apiUrl} (${(error as Error).cause ?? (error as Error).message})` };
  }
  const text = await response.text();
  let json: { id?: string; url?: string; message?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // not JSON: keep the status line only
  }
  if (response.ok) return { ok: true, id: json.id, url: json.url };
  const hint =
    response.status === 403 || response.status === 404
      ? ' — the job needs `permissions: security-events: write`, and code scanning must be enabled for the repository (GitHub Advanced Security on private repositories)'
      : response.status === 413
        ? ' — the report is too large; split the scan with the shard input'
        : '';
  // The API's message names the problem; it never echoes the SARIF back.
  const detail = json.message ? `: ${json.message.slice(0, 300)}` : '';
  return { ok: false, message: `SARIF upload failed: HTTP ${response.status}${detail}${hint}` };
}

export interface GithubEvent {
  readonly pull_request?: {
    readonly number?: number;
    readonly commits?: number;
    readonly head?: { readonly sha?: string; readonly ref?: string; readonly repo?: { readonly full_name?: string; readonly fork?: boolean } | null };
    readonly base?: { readonly sha?: string; readonly ref?: string; readonly repo?: { readonly full_name?: string } };
  };
  readonly repository?: { readonly full_name?: string };
  readonly before?: string;
  readonly after?: string;
}

/**
 * Why the token cannot upload, when we know it cannot: a pull request from a fork, or one
 * opened by Dependabot, gets a read-only GITHUB_TOKEN on `pull_request` events.
 */
export function readOnlyTokenReason(env: Env, event: GithubEvent): string | undefined {
  const pr = event.pull_request;
  if (!pr || env.GITHUB_EVENT_NAME === 'pull_request_target') return undefined;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
  if (pr.head?.repo === null || (head && base && head !== base)) return 'this pull request comes from a fork, and its token is read-only';
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return 'Dependabot pull requests get a read-only token';
  return undefined;
}
