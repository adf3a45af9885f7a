// Scale checks for the shell and Dockerfile paths: a 5 MB user-data script and a Dockerfile
// with 2,000 instructions must scan completely with the right counts. Timings are logged in a
// benchmark-style line for humans, never asserted (the machine is shared).
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { loadRules } from '../../src/index.js';

const RULES = ['no-aws-configure-in-bootstrap', 'no-static-credentials-in-bootstrap', 'no-imdsv1-calls', 'no-credentials-in-image'];

function bench<T>(label: string, bytes: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  console.log(`[bench] ${label}: ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s)`);
  return result;
}

describe('bootstrap scanning at scale', () => {
  it('scans a 5 MB shell script and finds every planted finding', () => {
    const block = [
      'if [ -d /opt/app ]; then',
      '  cp -r /opt/app /opt/app.bak && chown -R app:app /opt/app',
      'fi',
      'for f in /etc/app/*.conf; do sed -i "s/OLD/NEW/g" "$f"; done',
      'echo "$(date) step done" >> /var/log/bootstrap.log',
      'yum install -y jq curl unzip >/dev/null 2>&1 || true',
      '',
    ].join('\n');
    const planted = [
      'aws configure set aws_access_key_id "$K"',
      'export AWS_SECRET_ACCESS_KEY=literalvalue',
      'curl -s http://169.254.169.254/latest/meta-data/instance-id',
    ];
    const parts: string[] = ['#!/bin/bash\n'];
    let size = 0;
    let blocks = 0;
    while (size < 5 * 1024 * 1024) {
      parts.push(block);
      size += block.length;
      blocks++;
      if (blocks % 2000 === 0) {
        parts.push(`${planted.join('\n')}\n`);
        size += planted.join('\n').length + 1;
      }
    }
    const text = parts.join('');
    const plantedCount = Math.floor(blocks / 2000);
    const { findings, notifications } = bench('shell user-data (4 rules)', text.length, () => lintText('user-data.sh', text, { rules: RULES }));
    expect(notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
    const count = (id: string) => findings.filter((f) => f.ruleId === id).length;
    expect(count('no-aws-configure-in-bootstrap')).toBe(plantedCount);
    expect(count('no-static-credentials-in-bootstrap')).toBe(plantedCount);
    expect(count('no-imdsv1-calls')).toBe(plantedCount);
  });

  it('scans a Dockerfile with 2,000 instructions', () => {
    const lines: string[] = ['FROM amazonlinux:2023 AS build'];
    let expected = 0;
    for (let i = 0; lines.length < 2000; i++) {
      if (i % 100 === 0) {
        lines.push(`RUN aws configure set aws_secret_access_key "$S${i}" && \\\n    echo done`);
        expected++;
      } else if (i % 3 === 0) lines.push(`ENV APP_${i}=value${i}`);
      else if (i % 3 === 1) lines.push(`RUN dnf install -y pkg${i} && \\\n    dnf clean all`);
      else lines.push(`COPY src/file${i}.txt /opt/app/file${i}.txt`);
    }
    lines.push('ARG AWS_ACCESS_KEY_ID');
    expected++;
    const text = `${lines.join('\n')}\n`;
    const { findings, notifications } = bench('Dockerfile, 2,001 instructions', text.length, () => lintText('Dockerfile', text, { rules: RULES }));
    expect(notifications.filter((n) => n.level === 'error')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'no-credentials-in-image')).toHaveLength(expected);
    expect(findings.filter((f) => f.ruleId === 'no-aws-configure-in-bootstrap')).toHaveLength(0);
  });

  it('never parses a build script none of the bootstrap rules can report on (keyword pre-filters)', () => {
    // `./configure`, `pip install boto3` and `credentials` in prose used to pass the filters and
    // cost a full shell parse of every autoconf build or Python setup script.
    const block = [
      'cd /usr/src/app && ./configure --prefix=/usr --enable-shared && make -j"$(nproc)" && make install',
      'pip install --no-cache-dir boto3 botocore awscli  # the app reads credentials from its role',
      'aws s3 cp s3://bucket/app.tar.gz /opt/ && tar -xzf /opt/app.tar.gz -C /opt',
      'zip "$ZIP" -r Dockerrun.aws.json .ebextensions',
      '',
    ].join('\n');
    const text = `#!/bin/bash\n${block.repeat(Math.ceil((5 * 1024 * 1024) / block.length))}`;
    const rules = loadRules().filter((r) => RULES.includes(r.id) && r.id !== 'no-credentials-in-image');
    expect(rules.map((r) => [r.id, r.keywords?.test(text)])).toEqual(rules.map((r) => [r.id, false]));
    const { findings } = bench('build script without keywords (4 rules)', text.length, () => lintText('install.sh', text, { rules: RULES }));
    expect(findings).toEqual([]);
  });
});

