// The parts of the GitHub Actions runner protocol the action uses: inputs from INPUT_*
// variables, outputs and the job summary through the files the runner names, and workflow
// commands on stdout. Written out here (a few lines) rather than bundling @actions/core.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
// https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type Env = Readonly<Record<string, string | undefined>>;

/** A user mistake in the action's inputs: reported as one error line, the step fails. */
export class InputError extends Error {}

/** The runner sets `INPUT_<NAME>`: upper-cased, spaces as `_`, hyphens kept (`INPUT_FAIL-ON`). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
export function getBooleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name}: expected true or false, got "${value}"`);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type CommandLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** `::error file=…,line=…::message` (one line; properties and data escaped). */
export function workflowCommand(level: CommandLevel, message: string, props: AnnotationProperties = {}): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level}${parts.length ? ` ${parts.join(',')}` : ''}::${escapeData(message)}\n`;
}

/** Appends `name=value` to $GITHUB_OUTPUT with a random heredoc delimiter (values may hold newlines). */
export function setOutput(env: Env, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function appendSummary(env: Env, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown);
}
