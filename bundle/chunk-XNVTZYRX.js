import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  HELP
} from "./chunk-CLUR5C64.js";
import {
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  maskText,
  noWorkflowCommands,
  parseShard,
  scan,
  terminalSafe
} from "./chunk-UZZK2OTL.js";
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  UsageError,
  loadConfig,
  normalizeSeverityAlias,
  suggest
} from "./chunk-VALTK4J7.js";
import {
  VERSION
} from "./chunk-ORZ2ZCPG.js";
import {
  SNIFF_BYTES,
  classifyFile,
  createDocument,
  describeNode,
  documentBootstraps,
  errorSummary,
  initParsers,
  languageOf,
  maskLine,
  neededBy,
  parseByteSize,
  policiesOf,
  policyHcl,
  policyJson,
  proposePolicy,
  quoteValue,
  readTextFile,
  rules,
  severityRank
} from "./chunk-I4XBVQCL.js";
import {
  writeOutputFile
} from "./chunk-EH5PNRRB.js";

// src/cli.ts
import { parseArgs } from "node:util";
import { isAbsolute, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

// src/init.ts
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var INIT_FILE_NAME = "credlint.config.yaml";
function starterConfig(rules2) {
  const width = Math.max(...rules2.map((r) => r.id.length));
  const ruleLines = rules2.map((r) => `  ${`${r.id}:`.padEnd(width + 1)} ${r.severity.padEnd(7)} # ${r.description}`);
  return [
    "# credlint configuration \u2014 https://github.com/credlint/credlint#configuration",
    "# Every key is optional; credlint validates this file and names any mistake.",
    "",
    "# Rule severities: error | warning (or warn) | note | off. Options: [severity, { option: value }].",
    "# Each rule is documented at https://github.com/credlint/credlint/blob/main/docs/rules/<id>.md",
    "rules:",
    ...ruleLines,
    "",
    "# Files never scanned (gitignore syntax, relative to this file).",
    "ignore:",
    '  - "**/*.snap"',
    "",
    "# Files over this size are skipped with a notification.",
    "maxFileSize: 5MB",
    "",
    "# Findings that are known and accepted. Prefer a suppression comment with a reason, or a",
    "# baseline (credlint --write-baseline credlint-baseline.json), which both stay reviewable.",
    "allow:",
    '  paths: []        # e.g. ["test/fixtures/"]: findings under these paths are dropped',
    "  patterns: []     # regular expressions; a finding whose value matches is dropped",
    "  accountIds: []   # 12-digit AWS accounts whose keys are canaries: never reported",
    "",
    "# Accounts whose keys are always reported, even where a rule would skip the value.",
    "deny:",
    "  accountIds: []",
    "",
    "# The lowest severity that makes credlint exit with code 1.",
    "failOn: error",
    ""
  ].join("\n");
}
function writeStarterConfig(dir, rules2) {
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(dir, name))) throw new UsageError(`init: ${name} already exists; not overwriting it`);
  }
  const target = join(dir, INIT_FILE_NAME);
  try {
    writeFileSync(target, starterConfig(rules2), { flag: "wx" });
  } catch (error) {
    throw new UsageError(`init: cannot write ${INIT_FILE_NAME} (${error.code ?? error.message})`);
  }
  return target;
}

// src/baseline.ts
import { readFileSync, writeFileSync as writeFileSync2 } from "node:fs";
function createBaseline(findings) {
  const entries = findings.filter((f) => !f.suppression).map((f) => ({ ruleId: f.ruleId, path: f.path, fingerprint: f.fingerprint })).sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  const unique = entries.filter((e, i) => i === 0 || e.fingerprint !== entries[i - 1]?.fingerprint || e.path !== entries[i - 1]?.path);
  return { version: 1, entries: unique };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function serializeBaseline(baseline) {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{
  "version": 1,
  "tool": "credlint",
  "entries": [
${lines.join(",\n")}${lines.length ? "\n" : ""}  ]
}
`;
}
function writeBaseline(path, findings) {
  const baseline = createBaseline(findings);
  try {
    writeFileSync2(path, serializeBaseline(baseline));
  } catch (error) {
    throw new ConfigError(`${path}: cannot write baseline (${error.code ?? error.message})`);
  }
  return baseline.entries.length;
}
function parseBaseline(text, path) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: baseline is not valid JSON (${errorSummary(error)})`);
  }
  const obj = raw;
  if (!obj || typeof obj !== "object" || obj.version !== 1 || !Array.isArray(obj.entries)) {
    throw new ConfigError(`${path}: not a credlint baseline (expected {"version": 1, "entries": [...]}); write one with --write-baseline`);
  }
  const entries = [];
  obj.entries.forEach((e, i) => {
    const entry = e;
    if (!entry || typeof entry.fingerprint !== "string" || typeof entry.ruleId !== "string" || typeof entry.path !== "string") {
      throw new ConfigError(`${path}: entries[${i}]: expected {ruleId, path, fingerprint} strings`);
    }
    entries.push({ ruleId: entry.ruleId, path: entry.path, fingerprint: entry.fingerprint });
  });
  return { version: 1, entries };
}
function readBaseline(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`${path}: cannot read baseline (${error.code ?? error.message})`);
  }
  return parseBaseline(text, path);
}
function applyBaseline(result, baseline) {
  const known = new Set(baseline.entries.map((e) => `${e.path}\0${e.fingerprint}`));
  return { ...result, findings: result.findings.filter((f) => !known.has(`${f.path}\0${f.fingerprint}`)) };
}

// src/policy-command.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
function named(b, name) {
  const id = b.node.id;
  return id === name || id.split(".").slice(1).join(".") === name;
}
async function policyReports(cwd, file, resourceName) {
  const abs = resolve(cwd, file);
  if (!existsSync2(abs) || !statSync(abs).isFile()) throw new UsageError(`policy: ${file}: no such file`);
  const rel = relative(cwd, abs).split(sep).join("/") || file;
  const read = await readTextFile(abs, rel, 50 * 1024 * 1024);
  if (!read.ok) throw new UsageError(`policy: ${read.notification.message}`);
  const kind = classifyFile(rel, read.text.slice(0, SNIFF_BYTES));
  if (kind !== "cloudformation" && kind !== "terraform") throw new UsageError(`policy: ${file} is not a CloudFormation template or Terraform file (it reads as ${kind})`);
  await initParsers();
  const doc = createDocument({ path: rel, absPath: abs, kind, language: languageOf(rel, kind), text: read.text });
  let all = documentBootstraps(doc);
  if (resourceName !== void 0) {
    const wanted = all.filter((b) => named(b, resourceName));
    if (wanted.length === 0) {
      const names = all.map((b) => b.node.id);
      throw new UsageError(`policy: --resource ${resourceName}: no instance, launch template or launch configuration with user data of that name in ${file}${names.length > 0 ? ` (there are: ${names.join(", ")})` : ""}`);
    }
    all = wanted;
  }
  if (all.length === 0) throw new UsageError(`policy: ${file} has no instance, launch template or launch configuration with user data`);
  return all.map((b) => {
    const policy = proposePolicy(neededBy(b));
    return {
      resource: describeNode(b.node),
      ...b.role ? { role: b.role.principal.label, policies: policiesOf(b.role.principal) } : {},
      policy,
      ...b.node.format === "terraform" ? { hcl: policyHcl(policy, b.node) } : {},
      unresolved: b.unresolved.map((u) => {
        const p = doc.lines.position(u.call.range.start);
        return { line: p.line, column: p.column, command: u.call.command, reason: u.reason };
      })
    };
  });
}
function formatPolicyReports(file, reports) {
  const out = [];
  for (const r of reports) {
    out.push(`# ${r.resource}${r.role ? ` \u2014 runs as ${r.role} (${r.policies})` : " \u2014 no instance profile role in this file"}`);
    out.push(policyJson(r.policy));
    if (r.hcl) out.push("", "# Terraform", r.hcl);
    if (r.unresolved.length > 0) {
      out.push("", `# Not resolved (${r.unresolved.length}): add what these need by hand`);
      for (const u of r.unresolved) out.push(`#   ${file}:${u.line}:${u.column}  ${u.command}: ${u.reason}`);
    }
    out.push("");
  }
  return out.map((l) => maskLine(l)).join("\n");
}

// src/cli.ts
var FORMATS = ["stylish", "json", "sarif", "github"];
var OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  rule: { type: "string", multiple: true },
  "disable-rule": { type: "string", multiple: true },
  ignore: { type: "string", multiple: true },
  "fail-on": { type: "string" },
  "exit-zero": { type: "boolean" },
  concurrency: { type: "string" },
  "file-timeout": { type: "string" },
  "max-file-size": { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "report-unused-suppressions": { type: "boolean" },
  "show-secrets": { type: "boolean" },
  annotate: { type: "boolean" },
  "no-git": { type: "boolean" },
  staged: { type: "boolean" },
  history: { type: "boolean" },
  shard: { type: "string" },
  "stdin-filename": { type: "string" },
  resource: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  "list-rules": { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  debug: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" }
};
function takeHistoryRange(argv) {
  const args = [];
  let range;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith("--history=")) {
      args.push("--history");
      range = a.slice("--history=".length);
      if (range === "") throw new UsageError("--history=: expected a revision range such as main..HEAD");
    } else if (a === "--history") {
      args.push(a);
      const next = argv[i + 1];
      if (next !== void 0 && !next.startsWith("-")) {
        range = next;
        i++;
      }
    } else {
      args.push(a);
    }
  }
  return { args, range };
}
function parse(argv) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error;
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? "option";
      const names = Object.keys(OPTIONS).map((n) => `--${n}`);
      const near = flag.startsWith("--") ? suggest(flag, names) : void 0;
      throw new UsageError(`unknown option ${flag}${near ? ` (did you mean ${near}?)` : ""}; see credlint --help`);
    }
    const first = (e.message.split("\n")[0] ?? "").replace(/\.$/, "");
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/i.exec(first);
    if (ambiguous) {
      throw new UsageError(`option ${ambiguous[1]} needs a value (one that starts with "-" is written ${ambiguous[1]}=<value>); see credlint --help`);
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(`${first.replace(/^Option /, "option ")}; see credlint --help`);
    }
    throw new UsageError(`${first}; see credlint --help`);
  }
}
function parseFileTimeout(value) {
  if (value === void 0) return void 0;
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 86400) throw new UsageError(`--file-timeout: expected a number of seconds, got ${quoteValue(value)}`);
  const seconds = Number(value);
  if (seconds === 0) return false;
  const ms = Math.max(1, Math.round(seconds * 1e3));
  return { baseMs: ms, perMbMs: Math.max(1, Math.round(ms / 3)) };
}
function parseConcurrency(value) {
  if (value === void 0 || value === "auto") return "auto";
  if (value === "off" || value === "0") return "off";
  if (/^\d+$/.test(value) && Number(value) > 0 && Number(value) <= 64) return Number(value);
  throw new UsageError(`--concurrency: expected auto, off or a number from 1 to 64, got ${quoteValue(value)}`);
}
function parseLevel(value, flag) {
  if (value === void 0) return void 0;
  const level = normalizeSeverityAlias(value);
  if (level === "error" || level === "warning" || level === "note") return level;
  throw new UsageError(`${flag}: expected error, warning (or warn) or note, got ${quoteValue(value)}`);
}
function listRules() {
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}
${" ".repeat(width + 11)}${r.helpUri}`).join("\n")}
`;
}
function stdinPath(cwd, name) {
  if (name === void 0 || name === "") return "<stdin>";
  const rel = isAbsolute(name) ? relative2(cwd, name) : relative2(cwd, resolve2(cwd, name));
  return rel.split(sep2).join("/") || name;
}
async function readAll(stdin) {
  if (!stdin) throw new UsageError("-: standard input is not available");
  const chunks = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
function progressReporter(io, unit = "files") {
  if (!io.stderr.isTTY) return { update() {
  }, clear() {
  } };
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 1e3 || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1B[2Kcredlint: scanned ${done}/${total} ${unit}`);
    },
    clear() {
      if (shown) io.stderr.write("\r\x1B[2K");
    }
  };
}
function safeLine(text, showSecrets = false) {
  return terminalSafe(showSecrets ? text : maskText(text));
}
async function runCli(argv, io) {
  let debug = argv.includes("--debug");
  try {
    const taken = takeHistoryRange(argv);
    const { values, positionals } = parse(taken.args);
    debug = values.debug === true;
    if (values.help) {
      io.stdout.write(`${HELP}
`);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${VERSION}
`);
      return 0;
    }
    if (values["list-rules"]) {
      io.stdout.write(listRules());
      return 0;
    }
    if (positionals[0] === "init" && !values.history && !values.staged) {
      if (positionals.length > 1) throw new UsageError("init: takes no arguments (it writes credlint.config.yaml in the current directory)");
      const written = writeStarterConfig(io.cwd, rules);
      io.stderr.write(`credlint: wrote ${relative2(io.cwd, written)}: every key commented; edit it, then run credlint
`);
      return 0;
    }
    if (positionals[0] === "policy" && !values.history && !values.staged) {
      const file = positionals[1];
      if (file === void 0 || positionals.length > 2) throw new UsageError("policy: expected one file: credlint policy <file> [--resource <name>]");
      const reports = await policyReports(io.cwd, file, values.resource);
      if (values.format !== void 0 && values.format !== "json" && values.format !== "stylish") throw new UsageError(`policy: --format: expected json, got ${quoteValue(values.format)}`);
      const text = values.format === "json" ? `${JSON.stringify(reports, null, 2)}
` : formatPolicyReports(file, reports);
      if (values.output) writeOutputFile(resolve2(io.cwd, values.output), text);
      else io.stdout.write(text);
      return 0;
    }
    if (values.resource !== void 0) throw new UsageError("--resource: only with credlint policy <file>");
    const modes = [values.history && "--history", values.staged && "--staged", positionals.includes("-") && "-"].filter(Boolean);
    if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} cannot be combined`);
    if (values.history && positionals.length > 0) {
      throw new UsageError(`--history scans the repository's history, not paths ("${positionals[0]}"); narrow it with --ignore or the configuration's ignore`);
    }
    if (positionals.includes("-") && positionals.length > 1) throw new UsageError("-: standard input is scanned alone; give no other paths");
    if (values["stdin-filename"] !== void 0 && !positionals.includes("-")) throw new UsageError('--stdin-filename: only with "-" (standard input)');
    const shard = values.shard !== void 0 ? parseShard(values.shard) : void 0;
    const format = values.format ?? "stylish";
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}, got ${quoteValue(String(values.format))}`);
    }
    const failOn = parseLevel(values["fail-on"], "--fail-on");
    const concurrency = parseConcurrency(values.concurrency);
    const fileTimeout = parseFileTimeout(values["file-timeout"]);
    let maxFileSize;
    if (values["max-file-size"] !== void 0) {
      maxFileSize = parseByteSize(values["max-file-size"]);
      if (maxFileSize === void 0) throw new UsageError(`--max-file-size: expected a size such as 5MB, got ${quoteValue(values["max-file-size"])}`);
    }
    const config = loadConfig(io.cwd, rules, values.config, {
      onlyRules: values.rule,
      disableRules: values["disable-rule"],
      extraIgnore: values.ignore,
      maxFileSize,
      failOn,
      showSecrets: values["show-secrets"] === true
    });
    const baseline = values.baseline ? readBaseline(resolve2(io.cwd, values.baseline)) : void 0;
    const stdin = positionals.includes("-") ? { data: await readAll(io.stdin), path: stdinPath(io.cwd, values["stdin-filename"]) } : void 0;
    const progress = progressReporter(io, values.history ? "blobs" : "files");
    let result = await scan({
      cwd: io.cwd,
      paths: positionals,
      config,
      rules,
      concurrency,
      ...fileTimeout !== void 0 ? { fileTimeout } : {},
      reportUnusedSuppressions: values["report-unused-suppressions"] === true,
      useGit: values["no-git"] !== true,
      staged: values.staged === true,
      ...values.history ? { history: taken.range ?? true } : {},
      ...shard ? { shard } : {},
      ...stdin ? { stdin } : {},
      onProgress: (done, total) => progress.update(done, total)
    });
    progress.clear();
    if (values["write-baseline"]) {
      const target = resolve2(io.cwd, values["write-baseline"]);
      const count = writeBaseline(target, result.findings);
      io.stderr.write(`credlint: wrote ${count} finding${count === 1 ? "" : "s"} to baseline ${values["write-baseline"]}
`);
      return 0;
    }
    if (baseline) result = applyBaseline(result, baseline);
    const threshold = severityRank(config.failOn);
    const failing = result.findings.some((f) => !f.suppression && severityRank(f.severity) >= threshold);
    if (values.quiet) result = { ...result, findings: result.findings.filter((f) => f.severity === "error") };
    const showSecrets = config.showSecrets === true;
    const context = { result, rules, version: VERSION, showSecrets };
    const color = values["no-color"] === true ? false : values.color === true || !!io.stdout.isTTY && !values.output && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && io.env.TERM !== "dumb";
    const report = format === "json" ? formatJson(context) : format === "sarif" ? formatSarif(context) : format === "github" ? formatGithub(context) : formatStylish(context, { color });
    if (values.annotate && values.output && format !== "github") io.stdout.write(formatGithub(context));
    if (values.output) {
      try {
        writeOutputFile(resolve2(io.cwd, values.output), report);
      } catch (error) {
        throw new UsageError(`--output ${values.output}: cannot write the report (${error.code ?? error.message})`);
      }
    } else {
      io.stdout.write(format === "github" ? report : noWorkflowCommands(report));
    }
    if (debug) {
      for (const n of result.notifications) io.stderr.write(`credlint: [${n.level}] ${n.id}: ${safeLine(n.message, showSecrets)}
`);
    }
    if (values["exit-zero"]) return 0;
    return failing ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`credlint: ${safeLine(error.message)}
`);
      if (debug && error.stack) io.stderr.write(`${maskText(error.stack)}
`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`credlint: internal error: ${safeLine(message)}${debug ? "" : " (run with --debug for details)"}
`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${maskText(error.stack)}
`);
    return 2;
  }
}

export {
  runCli
};
