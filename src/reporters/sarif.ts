// SARIF 2.1.0 for GitHub code scanning and every SARIF viewer.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
// https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
// Pure: the same ScanResult always gives the same bytes (no timestamps, sorted input).
import { pathToFileURL } from 'node:url';
import type { Log, Notification as SarifNotification, ReportingDescriptor, Result, Run } from 'sarif';
import type { AnyRule } from '../rule.js';
import { severityRank } from '../rule.js';
import type { Finding, Notification } from '../engine/types.js';
import type { ReportContext } from './common.js';
import { INFORMATION_URI } from '../version.js';
import { iamDataVersions } from '../iam/data.js';
import { outgoingResult } from './safe-output.js';

/** GitHub code scanning accepts at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'credlint/v1';

/** A relative path as a URI reference: each segment percent-encoded (spaces, non-ASCII). */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/');
}

function cweTag(cwe: string): string {
  return `external/cwe/${cwe.toLowerCase()}`;
}

function ruleDescriptor(rule: AnyRule, level: Finding['severity']): ReportingDescriptor {
  const messages = Object.entries(rule.messages as Record<string, string>)
    .map(([id, text]) => `- \`${id}\`: ${text}`)
    .join('\n');
  const references = (rule.references ?? []).map((r) => `- ${r}`).join('\n');
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.fullDescription },
    help: {
      text: `${rule.description}.\n\n${rule.recommendation}\n\nDocumentation: ${rule.helpUri}`,
      markdown: [
        `**${rule.description}.**`,
        '',
        rule.fullDescription,
        '',
        '## How to fix',
        '',
        rule.recommendation,
        '',
        '## Messages',
        '',
        messages,
        ...(references ? ['', '## References', '', references] : []),
        '',
        `[Rule documentation](${rule.helpUri})`,
      ].join('\n'),
    },
    helpUri: rule.helpUri,
    defaultConfiguration: { level },
    properties: {
      tags: [...new Set(['security', ...(rule.tags ?? []), ...rule.cwe.map(cweTag)])],
      precision: rule.precision,
      'security-severity': rule.securitySeverity.toFixed(1),
      problem: { severity: rule.severity },
    },
  };
}

function toSarifNotification(n: Notification): SarifNotification {
  return {
    level: n.level,
    message: { text: n.message },
    descriptor: { id: n.id },
    ...(n.path
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUri(n.path), uriBaseId: SRCROOT },
                ...(n.line ? { region: { startLine: n.line, ...(n.column ? { startColumn: n.column } : {}) } } : {}),
              },
            },
          ],
        }
      : {}),
  };
}

/** Keeps the most severe unsuppressed results when over the limit, in report order. */
function truncate(findings: readonly Finding[]): { kept: Finding[]; dropped: number } {
  if (findings.length <= MAX_SARIF_RESULTS) return { kept: [...findings], dropped: 0 };
  const ranked = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Number(!!a.f.suppression) - Number(!!b.f.suppression) || severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .slice(0, MAX_SARIF_RESULTS)
    .sort((a, b) => a.i - b.i);
  return { kept: ranked.map((x) => x.f), dropped: findings.length - MAX_SARIF_RESULTS };
}

export function buildSarif({ result: raw, rules, version, showSecrets }: ReportContext): Log {
  const result = outgoingResult(raw, showSecrets);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const { kept, dropped } = truncate(result.findings);

  // One rules[] entry per rule id: every enabled rule, plus any rule that reported.
  const ids = [...new Set([...result.enabledRules, ...kept.map((f) => f.ruleId)])].sort();
  const descriptors: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const id of ids) {
    const rule = byId.get(id);
    if (!rule) continue;
    // The configured level (a finding may still raise or lower its own, e.g. bootstrap context).
    ruleIndex.set(id, descriptors.length);
    descriptors.push(ruleDescriptor(rule, result.ruleSeverities?.[id] ?? rule.severity));
  }

  const results: Result[] = kept.map((f) => {
    const r: Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(f.path), uriBaseId: SRCROOT },
            region: {
              startLine: f.region.startLine,
              startColumn: f.region.startColumn,
              endLine: f.region.endLine,
              endColumn: f.region.endColumn,
            },
            // Whole masked lines around the region (left out when a long line was cropped,
            // since a cropped line is not the artifact's text).
            ...(f.snippetColumn
              ? {}
              : {
                  contextRegion: {
                    startLine: f.region.startLine,
                    endLine: f.region.startLine + f.snippet.split('\n').length - 1,
                    snippet: { text: f.snippet },
                  },
                }),
          },
        },
      ],
      ...(f.related
        ? {
            relatedLocations: f.related.map((rel, i) => ({
              id: i + 1,
              physicalLocation: { artifactLocation: { uri: pathToUri(f.path), uriBaseId: SRCROOT }, region: { ...rel.region } },
              message: { text: rel.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: {
        messageId: f.messageId,
        fileKind: f.kind,
        ...(f.embeddedIn ? { embeddedIn: [...f.embeddedIn] } : {}),
        // --history: where the blob holding the finding entered the repository.
        ...(f.commit ? { commitSha: f.commit.sha, authorDate: f.commit.authorDate } : {}),
      },
    };
    if (f.related) {
      const physical = (region: Finding['region']) => ({ artifactLocation: { uri: pathToUri(f.path), uriBaseId: SRCROOT }, region: { ...region } });
      r.relatedLocations = f.related.map((rel, i) => ({ id: i + 1, physicalLocation: physical(rel.region), message: { text: rel.message } }));
      // An ordered path (exposure → metadata → profile → role → statement): code scanning shows it step by step.
      if (f.flow) {
        r.codeFlows = [{ threadFlows: [{ locations: f.related.map((rel, i) => ({ executionOrder: i + 1, location: { physicalLocation: physical(rel.region), message: { text: rel.message } } })) }] }];
      }
    }
    if (f.properties) r.properties = { ...f.properties, ...r.properties };
    if (f.suppression) {
      r.suppressions = [{ kind: f.suppression.kind, ...(f.suppression.justification ? { justification: f.suppression.justification } : {}) }];
    }
    return r;
  });

  const notifications = result.notifications.map(toSarifNotification);
  if (dropped > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${dropped} results were left out: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} results per run (the most severe were kept)`,
      },
      descriptor: { id: 'results-truncated' },
    });
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'credlint',
        semanticVersion: version,
        version,
        informationUri: INFORMATION_URI,
        // The IAM data snapshots the IAM rules judged with (action catalogue, AWS managed policies).
        properties: { iamData: iamDataVersions() },
        rules: descriptors,
      },
    },
    // GitHub takes the category from the id up to its last `/`: `credlint/shard-2-of-4/`
    // is category `credlint/shard-2-of-4`, so the shards of one matrix do not replace each other.
    automationDetails: { id: result.shard ? `credlint/shard-${result.shard.index}-of-${result.shard.count}/` : 'credlint/' },
    originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(result.baseDir).href.replace(/\/?$/, '/')}` } },
    invocations: [
      {
        executionSuccessful: !result.notifications.some((n) => n.id === 'rule-error'),
        toolExecutionNotifications: notifications,
      },
    ],
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatSarif(context: ReportContext): string {
  return `${JSON.stringify(buildSarif(context), null, 2)}\n`;
}
