// Every hostile case ends, keeps the neighbour's key reported, raises the right notifications,
// exits as expected, and no output — stylish, JSON, SARIF, GitHub annotations, --debug on
// stderr — holds a planted secret or any 12-character piece of one.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { NEIGHBOUR_KEY, NEIGHBOUR_PATH, adversarialCases, leakedPiecesOfAny, writeCase } from './corpus.js';

const root = tempDir('credlint-adv-');

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

describe('adversarial corpus', () => {
  adversarialCases().forEach((c, i) => {
    it(c.name, async () => {
      const dir = join(root.dir, `case-${i}`, 'scan');
      mkdirSync(dir, { recursive: true });
      writeCase(dir, c);
      const base = ['--no-git', '--concurrency', 'off', '--debug', ...(c.args ?? [])];
      const outputs: string[] = [];
      let json: { findings: Array<{ path: string; ruleId: string; line: number; column: number }>; notifications: Array<{ id: string }> } | undefined;
      for (const format of ['json', 'stylish', 'sarif', 'github']) {
        const r = await cli([...base, '--format', format, '.'], dir);
        expect(r.code, `${format}: ${r.stderr}`).toBe(c.exitCode ?? 1);
        outputs.push(r.stdout, r.stderr);
        if (format === 'json') json = JSON.parse(r.stdout);
        // Only the github format may start a line with `::` (the runner executes such lines).
        if (format !== 'github') expect(r.stdout.split('\n').filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
        // Colours are off (not a TTY): any ESC would have come from a scanned file.
        expect(r.stdout.includes('\u001b') || r.stderr.includes('\u001b')).toBe(false);
      }
      const findings = json?.findings ?? [];
      expect(findings.some((f) => f.path === NEIGHBOUR_PATH && ['no-committed-credentials-file', 'no-hardcoded-access-key-id'].includes(f.ruleId) && f.line === 2 && f.column === 19)).toBe(true);
      for (const [path, line, column] of c.findings ?? []) {
        expect(findings.some((f) => f.path === path && f.line === line && f.column === column), `${path}:${line}:${column}`).toBe(true);
      }
      const ids = new Set(json?.notifications.map((n) => n.id));
      for (const id of c.notifications ?? []) expect([...ids]).toContain(id);
      const all = outputs.join('\n');
      expect(leakedPiecesOfAny(all, [...c.secrets, NEIGHBOUR_KEY]).map((p) => `${p.slice(0, 4)}…`)).toEqual([]);
    });
  });
});
