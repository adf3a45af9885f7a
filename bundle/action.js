import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-XNVTZYRX.js";
import "./chunk-CLUR5C64.js";
import "./chunk-UZZK2OTL.js";
import "./chunk-VALTK4J7.js";
import "./chunk-ORZ2ZCPG.js";
import {
  maskLine
} from "./chunk-I4XBVQCL.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";

// src/action/main.ts
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { execFileSync } from "node:child_process";

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
var InputError = class extends Error {
};
function getInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getBooleanInput(env, name, fallback) {
  const value = getInput(env, name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name}: expected true or false, got "${value}"`);
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(level2, message, props = {}) {
  const parts = Object.entries(props).filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level2}${parts.length ? ` ${parts.join(",")}` : ""}::${escapeData(message)}
`;
}
function setOutput(env, name, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}
${value}
${delimiter}
`);
}
function appendSummary(env, markdown) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown);
}

// src/action/annotations.ts
var ANNOTATIONS_PER_LEVEL = 10;
var LEVEL = { error: "error", warning: "warning", note: "notice" };
function buildAnnotations(findings) {
  const used = { error: 0, warning: 0, notice: 0 };
  let text = "";
  let omitted = 0;
  for (const f of findings) {
    const level2 = LEVEL[f.level];
    if (used[level2] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    used[level2]++;
    text += workflowCommand(level2, f.message, {
      file: f.path,
      line: f.startLine,
      col: f.startColumn,
      endLine: f.endLine,
      endColumn: f.endColumn,
      title: `credlint ${f.ruleId}`
    });
  }
  const shown = used.error + used.warning + used.notice;
  if (omitted > 0) {
    const note = `credlint: ${omitted} more finding${omitted === 1 ? "" : "s"} not annotated (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} error, ${ANNOTATIONS_PER_LEVEL} warning and ${ANNOTATIONS_PER_LEVEL} notice annotations per step); see the job summary or code scanning for all of them`;
    text += used.notice < ANNOTATIONS_PER_LEVEL ? workflowCommand("notice", note) : `${note}
`;
  }
  return { text, shown, omitted };
}

// src/action/sarif-findings.ts
var RANK = { error: 0, warning: 1, note: 2 };
function level(r) {
  return r.level === "warning" || r.level === "note" ? r.level : "error";
}
function sarifFindings(log) {
  const out = [];
  for (const run of log.runs ?? []) {
    const help = new Map((run.tool.driver.rules ?? []).map((r) => [r.id, r.helpUri]));
    for (const r of run.results ?? []) {
      if (r.suppressions?.length) continue;
      const loc = r.locations?.[0]?.physicalLocation;
      const region = loc?.region ?? {};
      const uri = loc?.artifactLocation?.uri ?? "";
      const ruleId = r.ruleId ?? "unknown";
      out.push({
        ruleId,
        level: level(r),
        message: r.message.text ?? "",
        path: safeDecode(uri),
        startLine: region.startLine ?? 1,
        startColumn: region.startColumn ?? 1,
        endLine: region.endLine ?? region.startLine ?? 1,
        endColumn: region.endColumn ?? region.startColumn ?? 1,
        helpUri: help.get(ruleId),
        commit: commitOf(r)
      });
    }
  }
  return out.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.level] - RANK[b.f.level] || a.i - b.i).map((x) => x.f);
}
function safeDecode(uri) {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
function commitOf(r) {
  const props = r.properties;
  const value = props?.commit ?? props?.commitSha;
  const sha = typeof value === "object" && value !== null ? value.sha : value;
  return typeof sha === "string" && /^[0-9a-f]{40}$/.test(sha) ? sha : void 0;
}

// src/action/summary.ts
var MAX_SUMMARY_ROWS = 300;
function escapeMarkdown(text) {
  return maskLine(text.replace(/[\r\n]+/g, " ")).replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function encodePath(path) {
  return path.split("/").map((s) => encodeURIComponent(s).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
function buildSummary(ctx) {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of ctx.findings) counts[f.level]++;
  const total = ctx.findings.length;
  const out = ["## credlint", ""];
  const status = total === 0 ? "No problems found" : `**${total} problem${total === 1 ? "" : "s"}** (${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes)`;
  out.push(`${status} \xB7 fails on \`${escapeMarkdown(ctx.failOn)}\` \xB7 exit code ${ctx.exitCode} \xB7 category \`${escapeMarkdown(ctx.category)}\``, "");
  if (total > 0) {
    const groups = /* @__PURE__ */ new Map();
    for (const f of ctx.findings) {
      const key = `${f.ruleId}\0${f.path}\0${f.commit ?? ""}`;
      const g = groups.get(key) ?? { rule: f.ruleId, helpUri: f.helpUri, path: f.path, level: f.level, commit: f.commit, lines: [] };
      g.lines.push(f.startLine);
      groups.set(key, g);
    }
    const rows = [...groups.values()].sort((a, b) => a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    out.push("| Rule | File | Severity | Findings | Lines |", "| --- | --- | --- | ---: | --- |");
    for (const g of rows.slice(0, MAX_SUMMARY_ROWS)) {
      const rule = g.helpUri && /^https:\/\//.test(g.helpUri) ? `[${escapeMarkdown(g.rule)}](${g.helpUri.replace(/[()\s]/g, encodeURIComponent)})` : escapeMarkdown(g.rule);
      const shownPath = escapeMarkdown(g.path);
      const sha = g.commit ?? ctx.sha;
      const linkable = ctx.repoUrl && sha && maskLine(g.path) === g.path;
      const lines = [...new Set(g.lines)].sort((a, b) => a - b);
      const file = linkable ? `[${shownPath}](${ctx.repoUrl}/blob/${sha}/${encodePath(g.path)}#L${lines[0]})` : shownPath;
      const lineList = lines.slice(0, 10).join(", ") + (lines.length > 10 ? ", \u2026" : "");
      out.push(`| ${rule} | ${file} | ${g.level} | ${g.lines.length} | ${lineList} |`);
    }
    if (rows.length > MAX_SUMMARY_ROWS) out.push("", `${rows.length - MAX_SUMMARY_ROWS} more rows left out (see the SARIF file or code scanning).`);
    out.push("");
  }
  if (ctx.omittedAnnotations > 0) {
    out.push(`${ctx.omittedAnnotations} finding${ctx.omittedAnnotations === 1 ? " was" : "s were"} not annotated on the pull request: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step.`, "");
  }
  for (const note of ctx.notes) out.push(`> ${escapeMarkdown(note)}`, "");
  return `${out.join("\n")}
`;
}

// src/action/upload.ts
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
var MAX_GZIPPED_BYTES = 10 * 1024 * 1024;
async function uploadSarif(req) {
  const gz = gzipSync(Buffer.from(req.sarif, "utf8"));
  if (gz.length > MAX_GZIPPED_BYTES) {
    return { ok: false, message: `SARIF upload skipped: the gzipped report is ${(gz.length / 1048576).toFixed(1)} MB, over GitHub's 10 MB limit (split the scan with the shard input)` };
  }
  const body = {
    commit_sha: req.commitSha,
    ref: req.ref,
    sarif: gz.toString("base64"),
    checkout_uri: pathToFileURL(req.workspace).href,
    tool_name: "credlint"
  };
  const url = `${req.apiUrl.replace(/\/+$/, "")}/repos/${req.repository}/code-scanning/sarifs`;
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${req.token}`,
        "content-type": "application/json",
        "user-agent": "credlint-action",
        "x-github-api-version": "2022-11-28"
      },
      body: JSON.stringify(body)
    });
  } catch (error) {
    return { ok: false, message: `SARIF upload failed: cannot reach ${req.apiUrl} (${error.cause ?? error.message})` };
  }
  const text = await response.text();
  let json = {};
  try {
    json = JSON.parse(text);
  } catch {
  }
  if (response.ok) return { ok: true, id: json.id, url: json.url };
  const hint = response.status === 403 || response.status === 404 ? " \u2014 the job needs `permissions: security-events: write`, and code scanning must be enabled for the repository (GitHub Advanced Security on private repositories)" : response.status === 413 ? " \u2014 the report is too large; split the scan with the shard input" : "";
  const detail = json.message ? `: ${json.message.slice(0, 300)}` : "";
  return { ok: false, message: `SARIF upload failed: HTTP ${response.status}${detail}${hint}` };
}
function readOnlyTokenReason(env, event) {
  const pr = event.pull_request;
  if (!pr || env.GITHUB_EVENT_NAME === "pull_request_target") return void 0;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
  if (pr.head?.repo === null || head && base && head !== base) return "this pull request comes from a fork, and its token is read-only";
  if (env.GITHUB_ACTOR === "dependabot[bot]") return "Dependabot pull requests get a read-only token";
  return void 0;
}

// src/action/main.ts
var SCAN_MODES = ["files", "pull-request", "history"];
var ZERO_SHA = /^0+$/;
function readEvent(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return {};
  }
}
function defaultCategory(env, mode, shard) {
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shard);
  if (shardMatch) return `credlint/shard-${shardMatch[1]}-of-${shardMatch[2]}`;
  const repo = env.GITHUB_REPOSITORY ?? "";
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? "";
  const workflow = workflowRef.startsWith(`${repo}/`) ? workflowRef.slice(repo.length + 1).replace(/@.*$/, "") : env.GITHUB_WORKFLOW ?? "";
  const matrix = parseMatrix(getInput(env, "matrix"));
  const base = ["credlint", [workflow, env.GITHUB_JOB].filter(Boolean).join(":"), ...matrix].filter(Boolean).join("/");
  return mode === "files" ? base : `${base}/${mode}`;
}
function parseMatrix(text) {
  try {
    const value = JSON.parse(text || "null");
    if (!value || typeof value !== "object" || Array.isArray(value)) return [];
    return Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `${k}:${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  } catch {
    return [];
  }
}
function git(cwd, args) {
  try {
    return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return void 0;
  }
}
function ensureHistory(cwd, shas, log) {
  if (git(cwd, ["rev-parse", "--is-shallow-repository"]) === "true") {
    log.write("credlint: fetching the full history (use actions/checkout with fetch-depth: 0 to skip this)\n");
    git(cwd, ["fetch", "--no-tags", "--quiet", "--unshallow", "origin"]);
  }
  for (const sha of shas) {
    if (git(cwd, ["cat-file", "-e", `${sha}^{commit}`]) === void 0) git(cwd, ["fetch", "--no-tags", "--quiet", "origin", sha]);
  }
}
function scanArguments(mode, env, event, paths, cwd, log, notes) {
  if (mode === "files") return paths;
  if (mode === "history") {
    ensureHistory(cwd, [], log);
    return ["--history"];
  }
  const pr = event.pull_request;
  const base = pr?.base?.sha;
  const head = pr?.head?.sha;
  if (base && head) {
    ensureHistory(cwd, [base, head], log);
    return ["--history", `${base}..${head}`];
  }
  if (event.before && event.after && !ZERO_SHA.test(event.before)) {
    ensureHistory(cwd, [event.before, event.after], log);
    return ["--history", `${event.before}..${event.after}`];
  }
  notes.push(`scan: pull-request needs a pull_request or push event (this is "${env.GITHUB_EVENT_NAME ?? "unknown"}"): the files were scanned instead`);
  return paths;
}
function capture(out) {
  let buffer = "";
  return {
    stream: {
      write(s) {
        buffer += s;
        out.write(s);
        return true;
      }
    },
    text: () => buffer
  };
}
async function runAction(env, stdout, stderr) {
  const started = Date.now();
  const cwd = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const notes = [];
  let exitCode = 2;
  const fail = (message) => {
    stdout.write(workflowCommand("error", message, { title: "credlint" }));
  };
  try {
    const paths = getInput(env, "paths").split(/\s+/).filter(Boolean);
    const config = getInput(env, "config");
    const failOn = getInput(env, "fail-on") || "error";
    const baseline = getInput(env, "baseline");
    const shard = getInput(env, "shard");
    const mode = getInput(env, "scan") || "files";
    if (!SCAN_MODES.includes(mode)) throw new InputError(`input scan: expected files, pull-request or history, got "${mode}"`);
    if (shard && !/^\d+\/\d+$/.test(shard)) throw new InputError(`input shard: expected I/N (for example 1/4), got "${shard}"`);
    const upload = getBooleanInput(env, "upload", true);
    const annotate = getBooleanInput(env, "annotate", true);
    const category = getInput(env, "category") || defaultCategory(env, mode, shard);
    const sarifInput = getInput(env, "sarif-file");
    const sarifFile = sarifInput ? isAbsolute(sarifInput) ? sarifInput : resolve(cwd, sarifInput) : join(env.RUNNER_TEMP || cwd, `credlint-${category.replace(/[^A-Za-z0-9._-]+/g, "-")}.sarif`);
    const event = readEvent(env);
    const args = [
      ...scanArguments(mode, env, event, paths, cwd, stderr, notes),
      "--format",
      "sarif",
      "--output",
      sarifFile,
      "--fail-on",
      failOn,
      ...config ? ["--config", config] : [],
      ...baseline ? ["--baseline", baseline] : [],
      ...shard ? ["--shard", shard] : []
    ];
    const bare = args.indexOf("--history");
    if (bare !== -1 && (args[bare + 1] === void 0 || args[bare + 1].startsWith("-"))) args.push(...args.splice(bare, 1));
    rmSync(sarifFile, { force: true });
    mkdirSync(dirname(sarifFile), { recursive: true });
    const err = capture(stderr);
    stdout.write(`credlint ${args.map((a) => /^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a)).join(" ")}
`);
    exitCode = await runCli(args, { stdout: capture(stdout).stream, stderr: err.stream, env: { ...env, NO_COLOR: "1" }, cwd });
    setOutput(env, "exit-code", String(exitCode));
    if (exitCode === 2 || !existsSync(sarifFile)) {
      const line = err.text().split("\n").find((l) => l.startsWith("credlint:")) ?? "credlint: failed without a report";
      fail(`${line.replace(/^credlint: /, "credlint: ")} \u2014 nothing was uploaded`);
      setOutput(env, "findings", "0");
      setOutput(env, "sarif-file", "");
      appendSummary(env, `## credlint

**credlint could not complete the scan** (exit code 2); nothing was uploaded.

> ${escapeMarkdown(line)}

`);
      return 1;
    }
    const log = JSON.parse(readFileSync(sarifFile, "utf8"));
    for (const run of log.runs) run.automationDetails = { ...run.automationDetails, id: category.endsWith("/") ? category : `${category}/` };
    const sarifText = `${JSON.stringify(log, null, 2)}
`;
    writeFileSync(sarifFile, sarifText);
    const findings = sarifFindings(log);
    setOutput(env, "findings", String(findings.length));
    setOutput(env, "sarif-file", sarifFile);
    let omitted = 0;
    if (annotate) {
      const a = buildAnnotations(findings);
      stdout.write(a.text);
      omitted = a.omitted;
    }
    let uploadFailed = false;
    if (upload) {
      const readOnly = readOnlyTokenReason(env, event);
      const token = getInput(env, "token") || env.GITHUB_TOKEN || "";
      if (readOnly) {
        const note = `SARIF upload skipped: ${readOnly}; the findings are in the annotations, the job summary and the step's result`;
        stdout.write(workflowCommand("notice", note, { title: "credlint" }));
        notes.push(note);
      } else if (!token || !env.GITHUB_REPOSITORY || !env.GITHUB_SHA || !env.GITHUB_REF) {
        fail("SARIF upload failed: no token, GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF (set the token input, or upload: false)");
        uploadFailed = true;
      } else {
        const outcome = await uploadSarif({
          apiUrl: env.GITHUB_API_URL || "https://api.github.com",
          repository: env.GITHUB_REPOSITORY,
          token,
          commitSha: env.GITHUB_SHA,
          ref: env.GITHUB_REF,
          workspace: cwd,
          sarif: sarifText
        });
        if (outcome.ok) {
          stdout.write(`credlint: SARIF uploaded to code scanning (category ${category}${outcome.id ? `, id ${outcome.id}` : ""})
`);
        } else {
          fail(outcome.message);
          notes.push(outcome.message);
          uploadFailed = true;
        }
      }
    }
    const server = env.GITHUB_SERVER_URL || "https://github.com";
    const repoUrl = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : void 0;
    appendSummary(env, buildSummary({ findings, exitCode, failOn, category, repoUrl, sha: env.GITHUB_SHA, omittedAnnotations: omitted, notes }));
    stderr.write(`credlint: action finished in ${((Date.now() - started) / 1e3).toFixed(1)} s
`);
    if (exitCode === 1) {
      fail(`credlint found ${findings.length} problem${findings.length === 1 ? "" : "s"} (failing on ${failOn} and above); suppress one with a "credlint-disable-next-line <rule> -- reason" comment, or record the existing ones with --write-baseline and the baseline input`);
      return 1;
    }
    return uploadFailed ? 1 : 0;
  } catch (error) {
    const message = error instanceof InputError ? `credlint: ${error.message}` : `credlint: internal error in the action: ${error?.message ?? String(error)}`;
    fail(message);
    setOutput(env, "exit-code", "2");
    setOutput(env, "findings", "0");
    setOutput(env, "sarif-file", "");
    return 1;
  }
}

// src/action/entry.ts
process.exitCode = await runAction(process.env, process.stdout, process.stderr);
