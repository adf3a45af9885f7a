import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);

// src/rule.ts
var SEVERITIES = ["note", "warning", "error"];
var REPOSITORY_URL = "https://github.com/credlint/credlint";
var DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;
function ruleHelpUri(id) {
  return `${DOCS_BASE_URL}${id}.md`;
}
var RULE_ID = /^(no|require|prefer|valid)-[a-z0-9]+(-[a-z0-9]+)*$/;
var CONTRACT_RULE_IDS = /* @__PURE__ */ new Set(["bootstrap-permissions-match-role"]);
function defineRule(definition) {
  if (!RULE_ID.test(definition.id) && !CONTRACT_RULE_IDS.has(definition.id)) {
    throw new Error(`rule id "${definition.id}" must be kebab-case and start with no-, require-, prefer- or valid-`);
  }
  if (definition.keywords && (definition.keywords.global || definition.keywords.sticky)) {
    throw new Error(`rule ${definition.id}: keywords must not be a global or sticky regex (test() would keep state)`);
  }
  for (const re of Object.values(definition.kindKeywords ?? {})) {
    if (re && (re.global || re.sticky)) throw new Error(`rule ${definition.id}: kindKeywords must not be global or sticky regexes`);
  }
  if (!(definition.securitySeverity >= 0.1 && definition.securitySeverity <= 10)) {
    throw new Error(`rule ${definition.id}: security-severity must be within 0.1\u201310`);
  }
  return { ...definition, helpUri: ruleHelpUri(definition.id) };
}
function formatMessage(template, data) {
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name) => data && Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole
  );
}
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}

// src/engine/read.ts
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
var BINARY_SNIFF_BYTES = 8e3;
function note(path, id, level, message) {
  return { id, level, message, path };
}
var MAGIC = [
  { bytes: [137, 80, 78, 71], name: "PNG image", media: true },
  { bytes: [255, 216, 255], name: "JPEG image", media: true },
  { bytes: [71, 73, 70, 56], name: "GIF image", media: true },
  { bytes: [82, 73, 70, 70], name: "RIFF media (WebP, WAV, AVI)", media: true },
  { bytes: [0, 0, 1, 0], name: "icon", media: true },
  { bytes: [119, 79, 70, 70], name: "WOFF font", media: true },
  { bytes: [119, 79, 70, 50], name: "WOFF2 font", media: true },
  { bytes: [0, 1, 0, 0, 0], name: "TrueType font", media: true },
  { bytes: [79, 84, 84, 79], name: "OpenType font", media: true },
  { bytes: [73, 68, 51], name: "MP3 audio", media: true },
  { bytes: [void 0, void 0, void 0, void 0, 102, 116, 121, 112], name: "MP4/QuickTime media", media: true },
  { bytes: [37, 80, 68, 70], name: "PDF document", media: true },
  { bytes: [80, 75, 3, 4], name: "ZIP archive (jar, docx, \u2026)", media: false },
  { bytes: [80, 75, 5, 6], name: "ZIP archive", media: false },
  { bytes: [31, 139], name: "gzip archive", media: false },
  { bytes: [66, 90, 104], name: "bzip2 archive", media: false },
  { bytes: [253, 55, 122, 88, 90, 0], name: "xz archive", media: false },
  { bytes: [40, 181, 47, 253], name: "zstd archive", media: false },
  { bytes: [55, 122, 188, 175, 39, 28], name: "7-Zip archive", media: false },
  { bytes: [82, 97, 114, 33], name: "RAR archive", media: false },
  { bytes: [117, 115, 116, 97, 114], offset: 257, name: "tar archive", media: false },
  { bytes: [127, 69, 76, 70], name: "ELF executable", media: false },
  { bytes: [207, 250, 237, 254], name: "Mach-O executable", media: false },
  { bytes: [206, 250, 237, 254], name: "Mach-O executable", media: false },
  { bytes: [202, 254, 186, 190], name: "Java class or Mach-O universal binary", media: false },
  { bytes: [77, 90], name: "Windows executable", media: false },
  { bytes: [0, 97, 115, 109], name: "WebAssembly module", media: false },
  { bytes: [83, 81, 76, 105, 116, 101, 32, 102], name: "SQLite database", media: false }
];
function binaryFormat(buf) {
  for (const m of MAGIC) {
    const at = m.offset ?? 0;
    if (buf.length < at + m.bytes.length) continue;
    if (m.bytes.every((b, i) => b === void 0 || buf[at + i] === b)) return m;
  }
  return void 0;
}
function utf16WithoutBom(buf) {
  const n = Math.min(buf.length, BINARY_SNIFF_BYTES) & ~1;
  if (n < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.1) return "utf16le";
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.1) return "utf16be";
  return void 0;
}
function decodeUtf32(buf, littleEndian) {
  let out = "";
  const parts = [];
  for (let i = 0; i + 4 <= buf.length; i += 4) {
    const cp = littleEndian ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    out += cp <= 1114111 && (cp < 55296 || cp > 57343) ? String.fromCodePoint(cp) : "\uFFFD";
    if (out.length > 8192) {
      parts.push(out);
      out = "";
    }
  }
  parts.push(out);
  return parts.join("");
}
function swapToLe(buf) {
  return Buffer.from(buf.subarray(0, buf.length & ~1)).swap16();
}
function decodeBytes(buf, path) {
  const notifications = [];
  if (buf.length >= 4 && buf[0] === 255 && buf[1] === 254 && buf[2] === 0 && buf[3] === 0) {
    return { ok: true, text: decodeUtf32(buf.subarray(4), true), notifications };
  }
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 254 && buf[3] === 255) {
    return { ok: true, text: decodeUtf32(buf.subarray(4), false), notifications };
  }
  if (buf.length >= 2 && buf[0] === 255 && buf[1] === 254) {
    return { ok: true, text: buf.subarray(2).toString("utf16le"), notifications };
  }
  if (buf.length >= 2 && buf[0] === 254 && buf[1] === 255) {
    return { ok: true, text: swapToLe(buf.subarray(2)).toString("utf16le"), notifications };
  }
  const start = buf.length >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0;
  const nul = buf.indexOf(0, start);
  if (nul !== -1 && nul < BINARY_SNIFF_BYTES) {
    const format2 = binaryFormat(buf);
    if (format2) {
      return {
        ok: false,
        notification: note(path, "binary-file", format2.media ? "note" : "warning", `${path}: skipped: binary file (${format2.name})`)
      };
    }
    const utf16 = utf16WithoutBom(buf);
    if (utf16) {
      notifications.push(note(path, "invalid-encoding", "note", `${path}: UTF-16 ${utf16 === "utf16le" ? "LE" : "BE"} without a byte-order mark; decoded and scanned`));
      return { ok: true, text: (utf16 === "utf16le" ? buf : swapToLe(buf)).toString("utf16le"), notifications };
    }
    notifications.push(note(path, "binary-file", "note", `${path}: holds NUL bytes but no known binary format; scanned as text`));
  }
  const body = start ? buf.subarray(start) : buf;
  const text = body.toString("utf8");
  if (nul === -1 && text.includes("\uFFFD") && !isUtf8(body)) {
    notifications.push(
      note(path, "invalid-encoding", "note", `${path}: not valid UTF-8; decoded leniently (invalid bytes replaced) and scanned`)
    );
  }
  return { ok: true, text, notifications };
}
async function readTextFile(absPath, relPath, maxBytes) {
  return readTextFileSync(absPath, relPath, maxBytes);
}
var NotRegularFileError = class extends Error {
  constructor(what, size) {
    super(what);
    this.what = what;
    this.size = size;
  }
  what;
  size;
};
var SCRATCH_MAX = 8 * 1024 * 1024;
var scratch;
function scratchBuffer(size) {
  if (size > SCRATCH_MAX) return Buffer.allocUnsafe(size);
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(size, 2 * (scratch?.length ?? 0), 256 * 1024)));
  return scratch.subarray(0, size);
}
function readRegularFile(absPath, maxBytes, reuse = false) {
  const fd = openSync(absPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new NotRegularFileError("directory", 0);
    if (!st.isFile()) throw new NotRegularFileError("not-regular", 0);
    if (st.size > maxBytes) throw new NotRegularFileError("too-large", st.size);
    const chunks = [];
    let total = 0;
    const chunkSize = Math.max(64 * 1024, Math.min(st.size + 1, maxBytes + 1));
    for (; ; ) {
      const size = Math.min(chunkSize, maxBytes + 1 - total);
      const chunk = reuse && chunks.length === 0 ? scratchBuffer(size) : Buffer.allocUnsafe(size);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new NotRegularFileError("too-large", total);
      if (n < chunk.length && total === st.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
function readTextFileSync(absPath, relPath, maxBytes) {
  try {
    const buf = readRegularFile(absPath, maxBytes, true);
    const decoded = decodeBytes(buf, relPath);
    if (!decoded.ok) return decoded;
    return { ok: true, text: decoded.text, bytes: buf.length, notifications: decoded.notifications };
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      if (error.what === "directory") {
        return { ok: false, notification: note(relPath, "not-a-file", "note", `${relPath}: skipped: a directory (symbolic links to directories are not followed)`) };
      }
      if (error.what === "not-regular") {
        return { ok: false, notification: note(relPath, "not-a-file", "warning", `${relPath}: skipped: not a regular file (a FIFO, socket or device)`) };
      }
      return {
        ok: false,
        notification: note(
          relPath,
          "file-too-large",
          "warning",
          `${relPath}: skipped: ${formatBytes(error.size)}${error.size > maxBytes ? "" : "+"} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)`
        )
      };
    }
    return { ok: false, notification: note(relPath, "unreadable-file", "error", `${relPath}: could not be read: ${describeFsError(error)}`) };
  }
}
function describeFsError(error) {
  const code = error?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file (a dangling symbolic link?)";
    case "ELOOP":
      return "symbolic link loop";
    case "EISDIR":
      return "is a directory";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} B`;
}
function parseByteSize(value) {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? Math.floor(value) : void 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*$/i.exec(value);
  if (!m) return void 0;
  const n = Number(m[1]);
  const unit = (m[2] ?? "b").toLowerCase();
  const mult = unit.startsWith("g") ? 1024 ** 3 : unit.startsWith("m") ? 1024 ** 2 : unit.startsWith("k") ? 1024 : 1;
  const bytes = Math.floor(n * mult);
  return bytes > 0 ? bytes : void 0;
}

// src/content-sniff.ts
var MAX_LINES = 40;
var MAX_CHARS = 4096;
var SHELL_COMMAND = new RegExp(
  String.raw`^(?:sudo\s+(?:-\S+\s+)*)?(?:yum|dnf|apt-get|apt|apk|zypper|rpm|dpkg|systemctl|service|chkconfig|chmod|chown|chgrp|mkdir|useradd|usermod|groupadd|curl|wget|tar|unzip|gunzip|pip|pip3|aws|echo|printf|export|cd|cp|mv|rm|ln|sed|awk|grep|cat|tee|source|set|exit|install|git|docker|sleep|touch|read|eval|exec|trap|local|readonly|declare|unset|shift|ufw|firewall-cmd|hostnamectl|timedatectl|amazon-linux-extras|snap|crontab|nohup|su|runuser|mount|umount|mkfs(?:\.\w+)?|openssl|ssh-keygen|chpasswd|passwd|systemd-run|modprobe|sysctl|iptables|update-alternatives|ldconfig|wait|kill|pkill|logger|tr|cut|sort|head|tail|xargs|find|base64|jq|python3?|npm|yarn|make|bash|sh|export|alias|ulimit|umask)(?:\s+(?:-{1,2}[A-Za-z]|[~/.$"'\x60]|[\w.-]+=|\S)|\s*$|\s*[;&|>])`
);
var SCRIPT_ONLY_COMMAND = /^(?:sudo\s|yum|dnf|apt-get|apk|zypper|systemctl|amazon-linux-extras|aws|curl|wget|chmod|chown|mkdir|useradd|usermod|pip3?|hostnamectl|firewall-cmd|export)\s+\S/;
var SHELL_SYNTAX = [
  /^if\s+(?:\[\[?|!|test\b|\S+.*;\s*then\b|grep\b|command\b|\[)/,
  /^(?:then|else|fi|do|done|esac|;;)\s*(?:#.*)?$/,
  /^(?:elif)\s+/,
  /^(?:for|while|until)\s+.*(?:;\s*do\b|\bin\b)/,
  /^case\s+\S+\s+in\b/,
  /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(?:$|[^=\s]|"|')/,
  /^(?:function\s+[\w-]+|[\w-]+\s*\(\s*\))\s*\{?\s*$/,
  /^\[\[?\s.*\]\]?\s*(?:&&|\|\|)/,
  /^\}\s*$|^\{\s*$/,
  /^\.\s+["$~/.\w][^\s]*\s*$/,
  // `. ./lib.sh` (sourcing)
  // `/usr/local/bin/tool --flag "$X"`; a bare path is not a command line (`/etc/shells` lists them).
  /^(?:\/[\w.+-]+){2,}\s+(?:-{1,2}[A-Za-z][\w-]*|["$]).*$/,
  /^\.\/[\w.+-]+(?:\s.*)?$/,
  // `./configure --prefix=/opt`
  /^[a-z][\w.-]*(?:\s+\S+)*\s+(?:[12]?>>?\s*\/dev\/null|2>&1|>&2)(?:\s*(?:\|\||&&).*)?$/
  // any command with a redirection
];
var NOT_SHELL = [
  /^#{1,6}\s*$/,
  // bare Markdown heading markers
  /^(?:[-*+]|\d+\.)\s+\S/,
  // Markdown/reST list items
  /^[-=~^]{3,}\s*$/,
  // YAML document marker, setext/reST underlines
  /^```|^~~~/,
  // fenced code
  /^[A-Za-z_][\w .-]*:(?:\s|$)(?!\/)/,
  // `key: value` (YAML, Procfile, mail headers), `target:` (Make)
  /^[\w.-]+\s*:=|^\.PHONY\b/,
  // Makefile
  /^\[[\w .:"-]+\]\s*$/,
  // INI section
  /^[{}[\]],?\s*$|^"[^"]*"\s*:/,
  // JSON
  /^(?:import|from|def|class|package|using|namespace|public|private|const|let|var|module|require|include|use|fn|func)\b(?!-)/,
  // code
  /^<[?!A-Za-z/]/,
  // XML/HTML
  /^[A-Z][a-z]+(?:\s+[a-z]+){3,}[^;|&<>$=]*[.,:]?$/,
  // an English sentence
  /;\s*$/
  // statement terminators of C-like languages (rare in scripts)
];
var PS_CMDLET = /^(?:\$[\w:]+\s*=\s*)?(?:\(|&\s*)?(?:Get|Set|New|Remove|Invoke|Start|Stop|Restart|Write|Add|Import|Install|Uninstall|Test|Out|Copy|Move|Rename|Enable|Disable|Initialize|Read|Register|Unregister|Expand|Compress|Select|Where|ForEach|Resolve|Split|Join|Clear|Update|Wait|Format|ConvertTo|ConvertFrom|Send|Use|Mount|Dismount|Export|Publish|Find|Save|Measure|Sort|Group|Push|Pop|Rename|Unblock|Suspend|Resume|Grant|Revoke|Request|Receive|Connect|Disconnect|Add)-[A-Z][A-Za-z0-9]+\b/;
var PS_SYNTAX = [
  /^\$[\w:]+(?:\.[\w]+)*\s*[+-]?=\s*\S/,
  // $x = …, $env:X = …
  /^\$env:[A-Za-z_]\w*/i,
  /^\[(?:CmdletBinding|Parameter|System\.|Environment\]|Net\.|string\]|int\]|switch\])/i,
  /^param\s*\(/i,
  /^#Requires\b/i,
  /^<#|^#>/,
  /^(?:if|elseif|foreach|while|switch)\s*\(.*\)\s*\{?\s*$/i,
  /^\}\s*(?:else(?:if\s*\(.*\))?|catch(?:\s*\[[^\]]*\])?|finally)\s*\{\s*$/i,
  /^(?:try|else|finally)\s*\{\s*$/i,
  /^function\s+[\w-]+\s*(?:\(.*\))?\s*\{?\s*$/i,
  /^\}\s*$|^\{\s*$|^\)\s*$/,
  /^(?:aws|msiexec|cmd|net|netsh|sc|reg|choco|winrm|setx)(?:\.exe)?\s+\S/i,
  /^\.\s+[\w$.\\/:-]+\.ps1\b/i
];
var NOT_POWERSHELL = [/^(?:fi|done|esac|then)\s*$/, /^export\s+\w+=/, /^(?:[-*+]|\d+\.)\s+\S/, /^[A-Za-z_][\w .-]*:(?:\s|$)/];
function sniffScript(head, strict = false) {
  return sniffEvidence(head, strict).kind;
}
function sniffEvidence(head, strict = false) {
  const text = head.length > MAX_CHARS ? head.slice(0, MAX_CHARS) : head;
  let lines = 0;
  let shell = 0;
  let ps = 0;
  let shellContrary = false;
  let psContrary = false;
  let shellStrong = 0;
  let psStrong = 0;
  let blockComment = false;
  let heredoc;
  const shellWords = /* @__PURE__ */ new Set();
  const psWords2 = /* @__PURE__ */ new Set();
  let pos = 0;
  let seen2 = 0;
  while (pos < text.length && seen2 < MAX_LINES) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    const raw = text.slice(pos, nl);
    pos = nl + 1;
    const line = raw.trim();
    if (line === "") continue;
    if (heredoc !== void 0) {
      if (line === heredoc) heredoc = void 0;
      continue;
    }
    if (blockComment) {
      if (line.includes("#>")) blockComment = false;
      continue;
    }
    if (line.startsWith("<#")) {
      psStrong++;
      if (!line.includes("#>")) blockComment = true;
      continue;
    }
    if (line.startsWith("#")) {
      if (/^#Requires\b/i.test(line)) psStrong++;
      continue;
    }
    if (line.startsWith("::") || /^rem\s/i.test(line)) return { kind: void 0, lines, matched: 0, distinct: 0 };
    seen2++;
    lines++;
    const indented = /^[ \t]/.test(raw) ? raw.replace(/^\s+/, "") : raw;
    let isShell = false;
    const cmd = SHELL_COMMAND.exec(indented);
    if (cmd) {
      isShell = true;
      shellWords.add(/^(?:sudo\s+(?:-\S+\s+)*)?([\w.-]+)/.exec(indented)?.[1] ?? "");
      if (/\s(?:-{1,2}[A-Za-z][\w-]*|\/[\w./-]+|\$\{?\w+)/.test(indented) || SCRIPT_ONLY_COMMAND.test(indented)) shellStrong++;
    } else if (SHELL_SYNTAX.some((re) => re.test(line))) {
      isShell = true;
      shellStrong++;
      shellWords.add(line.split(/[\s=(]/)[0] ?? "");
    }
    if (!isShell && NOT_SHELL.some((re) => re.test(line))) shellContrary = true;
    if (isShell) {
      shell++;
      const opener = /<<-?\s*(["']?)([A-Za-z_][\w-]*)\1/.exec(line);
      if (opener) heredoc = opener[2];
    }
    let isPs = false;
    const cmdlet = PS_CMDLET.exec(line);
    if (cmdlet) {
      isPs = true;
      psStrong++;
      psWords2.add((/[A-Z][a-z]+-[A-Z]\w+/.exec(line)?.[0] ?? "").toLowerCase());
    } else if (PS_SYNTAX.some((re) => re.test(line))) {
      isPs = true;
      if (/^\$|^\[|^param|^function|^(?:if|foreach|try)\b/i.test(line)) psStrong++;
      psWords2.add(line.slice(0, 6).toLowerCase());
    }
    if (!isPs && NOT_POWERSHELL.some((re) => re.test(line))) psContrary = true;
    if (isPs) ps++;
    const tooManyMisses = (n) => lines - n > MAX_LINES * (1 - 0.85);
    if ((shellContrary || tooManyMisses(shell)) && (psContrary || tooManyMisses(ps))) break;
  }
  const need = strict ? 0.95 : 0.85;
  const minLines = strict ? 4 : 3;
  const psOk = !psContrary && lines >= 2 && ps / lines >= need && psStrong >= 2 && psWords2.size >= 2 && ps >= shell;
  if (psOk) return { kind: "powershell", lines, matched: ps, distinct: psWords2.size };
  const shellOk = !shellContrary && lines >= minLines && shell / lines >= need && shellWords.size >= (strict ? 4 : 2) && shellStrong >= 2;
  if (shellOk) return { kind: "shell", lines, matched: shell, distinct: shellWords.size };
  return { kind: void 0, lines, matched: Math.max(shell, ps), distinct: Math.max(shellWords.size, psWords2.size) };
}

// src/kinds.ts
var SNIFF_BYTES = 16 * 1024;
var JS_EXT = /\.(?:[cm]?[jt]sx?)$/i;
var SHELL_EXT = /\.(?:sh|bash|zsh|ksh|dash|ash)$/i;
var SHEBANG_SHELL = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|z|k|da|a)?sh\b/;
var SHEBANG_PWSH = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?pwsh\b/;
var POWERSHELL_EXT = /\.(?:ps1|psm1|psd1)$/i;
var TEMPLATE_EXT = /\.(?:tpl|tftpl|tmpl|j2|jinja2?|erb|mustache|hbs|gotmpl)$/i;
var SHELL_DOTFILE = /^\.(?:bashrc|bash_profile|bash_login|bash_logout|bash_aliases|profile|zshrc|zprofile|zshenv|kshrc)$/i;
var NEVER_SNIFFED_NAME = /^(?:makefile|gnumakefile|jenkinsfile|vagrantfile|gemfile|rakefile|procfile|brewfile|podfile|fastfile|appfile|guardfile|berksfile|license|licence|copying|readme|changelog|changes|history|authors|contributors|maintainers|notice|news|todo|codeowners|owners|version|manifest)(?:[._-].*)?$/i;
var SNIFFED_EXT = /^(?:|txt|text|sample|example|dist|in|run|init|setup|provision|bootstrap|py|rb|pl)$/i;
var STRICT_SNIFF_EXT = /^(?:py|rb|pl)$/i;
var SHEBANG_NODE = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:node|deno|bun|tsx|ts-node)\b/;
var USER_DATA_NAME = /^(?:[\w.-]+\.)?user[-_]?data(?:[-_][\w-]*)?(?:\.(?:sh|bash|txt|ya?ml|ps1|mime|tpl|tftpl|j2|cfg))?$/i;
var DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:[-_.].*)?|.*\.(?:docker|container)file)$/i;
var TERRAFORM_EXT = /\.(?:tf|tf\.json|tfvars|tfvars\.json|tofu|tofu\.json)$/i;
var YAML_EXT = /\.(?:ya?ml|template|cfn)$/i;
var JSON_EXT = /\.(?:json|template)$/i;
var CLOUD_CONFIG = /^(?:#cloud-config|#cloud-boothook|#include|#upstart-job|#part-handler|## template: jinja\r?\n#cloud-config)\b/;
var MIME_MULTIPART = /^(?:MIME-Version:[^\n]*\n)?Content-Type:[ \t]*multipart\/mixed/i;
var CFN_VERSION = /(?:^|\n|[{,])[ \t]*["']?AWSTemplateFormatVersion["']?[ \t]*:/;
var CFN_RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+/;
var CFN_RESOURCES = /(?:^|\n|[{,])[ \t]*["']?Resources["']?[ \t]*:/;
var SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
function isAwsConfigName(base, path) {
  const lower = base.toLowerCase();
  if (lower === ".s3cfg" || lower === "s3cfg" || lower === ".boto" || lower === "boto.cfg") return true;
  if (/(^|\/)\.aws\/(?:credentials|config)$/i.test(path)) return true;
  return lower === "credentials" || lower === "aws_credentials" || lower === "aws-credentials";
}
function isDotenvName(base) {
  return /^\.env(?:\.[\w.-]+)?$/i.test(base) || /\.env$/i.test(base);
}
function baseName(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? path : path.slice(slash + 1);
}
function classifyFile(path, head) {
  const base = baseName(path);
  if (TEMPLATE_EXT.test(base) && !USER_DATA_NAME.test(base)) {
    const inner = path.replace(TEMPLATE_EXT, "");
    const kind = classifyFile(inner, head);
    if (kind !== "text") return kind;
    return sniffKind(baseName(inner), head) ?? "text";
  }
  const trimmed = head.replace(/^\uFEFF/, "");
  const leading = trimmed.trimStart();
  if (USER_DATA_NAME.test(base)) return "user-data";
  if (DOCKERFILE_NAME.test(base)) return "dockerfile";
  if (TERRAFORM_EXT.test(base)) return "terraform";
  if (isAwsConfigName(base, path) && !trimmed.startsWith("#!")) return "aws-config";
  if (/^\.envrc$/i.test(base)) return "shell";
  if (isDotenvName(base)) return "dotenv";
  if (JS_EXT.test(base)) return "javascript";
  if (SHELL_EXT.test(base) || SHELL_DOTFILE.test(base)) return "shell";
  if (POWERSHELL_EXT.test(base)) return "powershell";
  if (CLOUD_CONFIG.test(leading)) return "cloud-init";
  if (MIME_MULTIPART.test(leading)) return "user-data";
  if (trimmed.startsWith("#!")) {
    if (SHEBANG_SHELL.test(trimmed)) return "shell";
    if (SHEBANG_NODE.test(trimmed)) return "javascript";
    if (SHEBANG_PWSH.test(trimmed)) return "powershell";
    return "text";
  }
  if (/^<(?:powershell|script|persist)>/i.test(leading)) return "user-data";
  const yamlOrJson = YAML_EXT.test(base) || JSON_EXT.test(base) || /^[{[]/.test(leading);
  if (yamlOrJson && looksLikeCloudFormation(trimmed)) return "cloudformation";
  if (/\.(?:ini|cfg|conf)$/i.test(base) && /^\s*aws_(?:access_key_id|secret_access_key)\s*[=:]/im.test(trimmed)) {
    return "aws-config";
  }
  if (yamlOrJson) return "text";
  return sniffKind(base, trimmed) ?? "text";
}
function sniffKind(base, head) {
  if (NEVER_SNIFFED_NAME.test(base)) return void 0;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1) : "";
  if (!SNIFFED_EXT.test(ext)) return void 0;
  return sniffScript(head, STRICT_SNIFF_EXT.test(ext));
}
function looksLikeCloudFormation(text) {
  if (CFN_VERSION.test(text) || SAM_TRANSFORM.test(text)) return true;
  return CFN_RESOURCES.test(text) && CFN_RESOURCE_TYPE.test(text);
}
function languageOf(path, kind) {
  if (kind !== "text") return kind;
  const base = baseName(path).toLowerCase();
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : "";
  switch (ext) {
    case "yml":
    case "yaml":
      return "yaml";
    case "json":
    case "ipynb":
      return "json";
    case "py":
      return "python";
    default:
      return ext || "text";
  }
}
function userDataKind(text) {
  return CLOUD_CONFIG.test(text.replace(/^\uFEFF/, "").trimStart()) ? "cloud-init" : "user-data";
}

// src/parsers/tree-sitter.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { dirname as dirname2 } from "node:path";
import { setFlagsFromString } from "node:v8";
import { createContext, runInContext } from "node:vm";
import { isMainThread } from "node:worker_threads";

// src/assets.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var here = dirname(fileURLToPath(import.meta.url));
var require2 = createRequire(import.meta.url);
function assetPath(specifier) {
  const beside = join(here, basename(specifier));
  if (existsSync(beside)) return beside;
  if (!specifier.startsWith(".") && !specifier.startsWith("data/")) {
    try {
      return require2.resolve(specifier);
    } catch {
    }
  }
  for (const root of [join(here, ".."), join(here, "..", "..")]) {
    const candidate = join(root, specifier);
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}

// src/engine/budget.ts
var PARSE_BASE_MS = 2e3;
var PARSE_MS_PER_KB = 4;
var MAX_DECODED_BYTES = 5 * 1024 * 1024;
function parseBudgetMs(length) {
  return PARSE_BASE_MS + length / 1024 * PARSE_MS_PER_KB;
}
var overruns = [];
var seen = /* @__PURE__ */ new Set();
function reportIncomplete(_doc, what) {
  if (seen.has(what)) return;
  seen.add(what);
  overruns.push({ what });
}
function drainIncomplete(path) {
  const out = overruns.map(({ what }) => ({ id: "not-fully-scanned", level: "warning", path, message: `${path}: not fully scanned: ${what}; text-level checks still ran` }));
  overruns.length = 0;
  seen.clear();
  return out;
}

// src/parsers/tree-sitter.ts
var require3 = createRequire2(import.meta.url);
var TREE_SITTER_ASSETS = {
  // The package's "require" export: its CommonJS build (tree-sitter.cjs).
  runtime: "web-tree-sitter",
  core: "web-tree-sitter/tree-sitter.wasm",
  bash: "tree-sitter-bash/tree-sitter-bash.wasm"
};
var GRAMMARS = ["bash"];
var TIER_UP_AFTER_BYTES = 2 * 1024 * 1024;
var parsedBytes = 0;
var liftoffOnly = false;
var runtime;
var failure;
var languages = /* @__PURE__ */ new Map();
var parsers = /* @__PURE__ */ new Map();
var INIT_SCRIPT = `(() => {
  const bridge = globalThis.__credlintBridge;
  const options = {
    instantiateWasm(imports, receive) {
      const module = new WebAssembly.Module(bridge.coreBytes);
      const instance = new WebAssembly.Instance(module, imports);
      receive(instance, module);
      return instance.exports;
    },
  };
  bridge.library.Parser.init(options)
    .then(() => {
      // emscripten assigns its exports onto the options object (it is the Module).
      const load = options.loadWebAssemblyModule;
      options.loadWebAssemblyModule = (binary, flags, ...rest) => load(binary, { ...flags, loadAsync: false }, ...rest);
      bridge.ready = true;
    }, (error) => { bridge.error = error; });
})();`;
var LOAD_GRAMMAR_SCRIPT = `(() => {
  const bridge = globalThis.__credlintBridge;
  bridge.library.Language.load(new Uint8Array(bridge.grammarBytes))
    .then((language) => { bridge.language = language; }, (error) => { bridge.error = error; });
})();`;
function startLiftoffOnly() {
  if (!isMainThread || liftoffOnly || parsedBytes >= TIER_UP_AFTER_BYTES) return;
  setFlagsFromString("--liftoff-only");
  liftoffOnly = true;
}
function noteParsed(length) {
  parsedBytes += length;
  if (parsedBytes < TIER_UP_AFTER_BYTES || parsedBytes - length >= TIER_UP_AFTER_BYTES) return;
  setFlagsFromString("--no-liftoff-only");
  liftoffOnly = false;
}
function assetFile(specifier) {
  const beside = assetPath(specifier === TREE_SITTER_ASSETS.runtime ? "web-tree-sitter/tree-sitter.cjs" : specifier);
  return existsSync2(beside) ? beside : require3.resolve(specifier);
}
function loadRuntime() {
  startLiftoffOnly();
  const runtimeFile = assetFile(TREE_SITTER_ASSETS.runtime);
  const moduleObject = { exports: {} };
  const context = createContext(
    {
      module: moduleObject,
      exports: moduleObject.exports,
      require: require3,
      __filename: runtimeFile,
      __dirname: dirname2(runtimeFile),
      process,
      console,
      TextDecoder,
      TextEncoder,
      URL,
      setTimeout,
      clearTimeout,
      performance
    },
    { name: "web-tree-sitter", microtaskMode: "afterEvaluate" }
  );
  runInContext(`(function () {
${readFileSync(runtimeFile, "utf8")}
})();`, context, { filename: runtimeFile });
  const bridge = {
    coreBytes: readFileSync(assetFile(TREE_SITTER_ASSETS.core)),
    library: moduleObject.exports
  };
  context.__credlintBridge = bridge;
  runInContext(INIT_SCRIPT, context, { filename: "credlint-tree-sitter-init.js" });
  if (bridge.error !== void 0) throw new Error(`web-tree-sitter failed to initialise: ${bridge.error?.message ?? String(bridge.error)}`);
  if (!bridge.ready) throw new Error("web-tree-sitter did not initialise synchronously");
  return { context, bridge };
}
function loadLanguage(grammar) {
  const loaded = languages.get(grammar);
  if (loaded) return loaded;
  if (failure) throw failure;
  try {
    runtime ??= loadRuntime();
    const { bridge, context } = runtime;
    bridge.grammarBytes = readFileSync(assetFile(TREE_SITTER_ASSETS[grammar]));
    bridge.language = void 0;
    bridge.error = void 0;
    runInContext(LOAD_GRAMMAR_SCRIPT, context, { filename: "credlint-tree-sitter-grammar.js" });
    const { language, error } = bridge;
    bridge.grammarBytes = void 0;
    if (error !== void 0) throw new Error(`web-tree-sitter failed to load the ${grammar} grammar: ${error?.message ?? String(error)}`);
    if (!language) throw new Error(`web-tree-sitter did not load the ${grammar} grammar synchronously`);
    languages.set(grammar, language);
    return language;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  }
}
function initParsersSync() {
  for (const grammar of GRAMMARS) loadLanguage(grammar);
}
function initParsers() {
  return Promise.resolve();
}
function getParser(grammar) {
  let parser2 = parsers.get(grammar);
  if (!parser2) {
    const language = loadLanguage(grammar);
    parser2 = new runtime.bridge.library.Parser();
    parser2.setLanguage(language);
    parsers.set(grammar, parser2);
  }
  return parser2;
}
function parseWithBudget(grammar, text, deadline = performance.now() + parseBudgetMs(text.length)) {
  if (performance.now() > deadline) return { tree: null, timedOut: true };
  let timedOut = false;
  const parser2 = getParser(grammar);
  noteParsed(text.length);
  const tree = parser2.parse(text, null, {
    // Called every few hundred parser operations: the clock read is cheap next to them.
    progressCallback: () => {
      if (performance.now() > deadline) timedOut = true;
      return timedOut;
    }
  });
  if (timedOut) {
    tree?.delete();
    parser2.reset();
    return { tree: null, timedOut: true };
  }
  return { tree, timedOut: false };
}

// src/detect/encoded.ts
var CHAR_ESCAPE_SOURCE = String.raw`\\{1,8}\/|\\u002[FfBb]|\\x2[FfBb]|%(?:25){0,4}2[FfBb]|&#(?:[xX]0{0,4}2[FfBb]|0{0,4}4[37]);|&(?:sol|plus);`;
var PAD_ESCAPE_SOURCE = String.raw`\\u003[Dd]|\\x3[Dd]|%(?:25){0,4}3[Dd]|&#(?:[xX]0{0,4}3[Dd]|0{0,4}61);|&equals;`;
var ESCAPE = new RegExp(`${CHAR_ESCAPE_SOURCE}|${PAD_ESCAPE_SOURCE}`, "g");
function hasSecretEscape(text) {
  ESCAPE.lastIndex = 0;
  return ESCAPE.test(text);
}
function isBase64Char(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 43 || c === 47;
}
function hexChar(hi, lo) {
  if (hi === 50) return lo === 70 || lo === 102 ? "/" : lo === 66 || lo === 98 ? "+" : void 0;
  if (hi === 51) return lo === 68 || lo === 100 ? "=" : void 0;
  return void 0;
}
function escapeAt(text, at) {
  const c = text.charCodeAt(at);
  if (c === 37) {
    let i = at + 1;
    for (let n = 0; n < 4 && text.charCodeAt(i) === 50 && text.charCodeAt(i + 1) === 53; n++) i += 2;
    const char2 = hexChar(text.charCodeAt(i), text.charCodeAt(i + 1));
    return char2 ? { char: char2, length: i + 2 - at } : void 0;
  }
  if (c === 38) return entityAt(text, at);
  if (c !== 92) return void 0;
  let slashes = 1;
  while (slashes < 8 && text.charCodeAt(at + slashes) === 92) slashes++;
  if (text.charCodeAt(at + slashes) === 47) return { char: "/", length: slashes + 1 };
  if (slashes !== 1) return void 0;
  const next = text.charCodeAt(at + 1);
  if (next === 120) {
    const char2 = hexChar(text.charCodeAt(at + 2), text.charCodeAt(at + 3));
    return char2 ? { char: char2, length: 4 } : void 0;
  }
  if (next !== 117 || text.charCodeAt(at + 2) !== 48 || text.charCodeAt(at + 3) !== 48) return void 0;
  const char = hexChar(text.charCodeAt(at + 4), text.charCodeAt(at + 5));
  return char ? { char, length: 6 } : void 0;
}
var ENTITY = /&#(?:[xX]0{0,4}(2[FfBb]|3[Dd])|0{0,4}(47|43|61));|&(sol|plus|equals);/y;
var ENTITY_CHAR = { "47": "/", "43": "+", "61": "=", sol: "/", plus: "+", equals: "=" };
function entityAt(text, at) {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(text);
  if (!m) return void 0;
  const hex = m[1];
  const char = hex ? hexChar(hex.charCodeAt(0), hex.charCodeAt(1)) : ENTITY_CHAR[m[2] ?? m[3]];
  return char ? { char, length: m[0].length } : void 0;
}
function decodeSecretEscapes(raw) {
  if (!raw.includes("\\") && !raw.includes("%") && !raw.includes("&")) return raw;
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const e = escapeAt(raw, i);
    if (e) {
      out += e.char;
      i += e.length;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out;
}
function encodedRuns(text) {
  const out = [];
  let walked = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(text); m !== null; m = ESCAPE.exec(text)) {
    if (m.index < walked) continue;
    let start = m.index;
    while (start > walked && isBase64Char(text.charCodeAt(start - 1))) start--;
    let value = "";
    let i = start;
    let escaped = false;
    for (; ; ) {
      const c = text.charCodeAt(i);
      if (isBase64Char(c)) {
        value += text[i];
        i++;
        continue;
      }
      const e = escapeAt(text, i);
      if (!e || e.char === "=") break;
      value += e.char;
      i += e.length;
      escaped = true;
    }
    let padding = 0;
    while (padding < 2 && value.length > 0) {
      if (text[i] === "=") {
        i++;
      } else {
        const e = escapeAt(text, i);
        if (!e || e.char !== "=") break;
        i += e.length;
      }
      value += "=";
      padding++;
    }
    walked = Math.max(i, m.index + m[0].length);
    ESCAPE.lastIndex = walked;
    if (escaped && value.length > padding) out.push({ start, end: i, value, padding });
  }
  return out;
}

// src/engine/redact.ts
function redact(value, kind) {
  if (kind === "access-key-id") {
    if (value.length < 12) return "****";
    return `${value.slice(0, 4)}\u2026${value.slice(-4)}`;
  }
  if (value.length < 16) return "****";
  return `${value.slice(0, 4)}\u2026`;
}
function maskInPlace(value, kind) {
  if (kind === "access-key-id" && value.length >= 12) {
    return value.slice(0, 4) + "*".repeat(value.length - 8) + value.slice(-4);
  }
  if (value.length >= 16) return value.slice(0, 4) + "*".repeat(value.length - 4);
  return "*".repeat(value.length);
}
var KEY_ID_IN_TEXT = /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/g;
var SECRET_RUN = new RegExp(`(?:[A-Za-z0-9+/]|${CHAR_ESCAPE_SOURCE})+(?:=|${PAD_ESCAPE_SOURCE}){0,2}`, "g");
var TRAILING_PADDING = new RegExp(`(?:=|${PAD_ESCAPE_SOURCE})+$`);
var PLAIN_RUN = /[A-Za-z0-9+/]+={0,2}/g;
var PLAIN_RUN_12 = /[A-Za-z0-9+/]{10,}={0,2}/g;
function mayHoldEscapes(line) {
  return line.includes("\\") || line.includes("%") || line.includes("&");
}
function decodedLength(run) {
  return decodeSecretEscapes(run).length;
}
function maskLine(line, ranges = []) {
  const masks = [];
  for (const r of ranges) {
    const s = Math.max(0, r.start);
    const e = Math.min(line.length, r.end);
    if (e > s) masks.push({ start: s, end: e, kind: r.kind });
  }
  for (const m of line.matchAll(KEY_ID_IN_TEXT)) masks.push({ start: m.index, end: m.index + m[0].length, kind: "access-key-id" });
  const escapes = mayHoldEscapes(line);
  const mixedRun = (run) => isLikelySecretRun(run) && !isPathLike(run);
  let previous;
  for (const m of line.matchAll(escapes ? SECRET_RUN : PLAIN_RUN)) {
    const run = m[0];
    const length = escapes ? decodedLength(run) : run.length;
    let mixed;
    const start = m.index;
    const end = start + run.length;
    if (length >= 40 && (mixed = mixedRun(run)) || length >= 12 && looksRandom(run, length)) masks.push({ start, end, kind: "secret" });
    else if (previous && previous.end + 1 === start && previous.length + length >= 38 && previous.length + length <= 42 && ((mixed ??= mixedRun(run)) || (previous.mixed ??= mixedRun(previous.run))) && length >= 1) {
      masks.push({ start: previous.start, end: previous.end, kind: "secret" }, { start, end, kind: "secret" });
    }
    previous = { start, end, length, run, mixed };
  }
  if (masks.length === 0) return line;
  const sorted = [...masks].sort((a, b) => a.start - b.start);
  if (sorted.every((m, i) => i === 0 || sorted[i - 1].end <= m.start)) {
    let out = "";
    let at = 0;
    for (const { start, end, kind } of sorted) {
      out += line.slice(at, start) + maskInPlace(line.slice(start, end), kind);
      at = end;
    }
    return out + line.slice(at);
  }
  const chars = line.split("");
  for (const { start, end, kind } of masks) {
    const masked = maskInPlace(line.slice(start, end), kind);
    for (let i = start; i < end; i++) chars[i] = masked[i - start];
  }
  return chars.join("");
}
function maskFindingLine(line, ranges = []) {
  const masked = maskLine(line, ranges);
  return masked.replace(mayHoldEscapes(masked) ? SECRET_RUN : PLAIN_RUN_12, (run) => isOrdinaryRun(run) ? run : maskInPlace(run, "secret"));
}
var SecretPieces = class {
  #pieces = /* @__PURE__ */ new Set();
  add(value) {
    if (value.length < 16) return;
    for (let i = 0; i + 12 <= value.length; i++) this.#pieces.add(value.slice(i, i + 12));
  }
  /** Ranges of `line` covered by known pieces, merged, as secret ranges for maskLine. */
  ranges(line) {
    const out = [];
    if (this.#pieces.size === 0) return out;
    for (let i = 0; i + 12 <= line.length; i++) {
      if (!this.#pieces.has(line.slice(i, i + 12))) continue;
      const last = out[out.length - 1];
      if (last && last.end >= i) last.end = i + 12;
      else out.push({ start: i, end: i + 12, kind: "secret" });
    }
    return out;
  }
};
function maskKeeping(text, keep, mask) {
  const kept = keep.filter((k) => k.length >= 12 && text.includes(k));
  if (kept.length === 0) return mask(text);
  const [first, ...rest] = kept.sort((a, b) => b.length - a.length);
  let out = "";
  let from = 0;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    const end = at + first.length;
    if (at < from || KEY_GLUE.test(text.charAt(at - 1)) || KEY_GLUE.test(text.charAt(end))) continue;
    out += maskKeeping(text.slice(from, at), rest, mask) + first;
    from = end;
  }
  return out + maskKeeping(text.slice(from), rest, mask);
}
var KEY_GLUE = /[A-Za-z0-9+/=\\%&]/;
function maskFindingText(text, keep = []) {
  return maskKeeping(text, keep, (t) => t.includes("\n") ? t.split("\n").map((l) => maskFindingLine(l)).join("\n") : maskFindingLine(t));
}
var KEY_ID_PIECE = /(?:A3T|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{8}/;
function hasUpperDigitRun(part) {
  for (const m of part.matchAll(/[A-Z0-9]{12,}/g)) if (/[0-9]/.test(m[0]) && /[A-Z]/.test(m[0])) return true;
  return false;
}
function isOrdinaryRun(run) {
  if (decodedLength(run) < 12) return true;
  const body = run.replace(TRAILING_PADDING, "");
  if (/^[0-9]+$/.test(body) || /^[0-9a-f]+$/.test(body) || /^[0-9A-F]+$/.test(body)) return true;
  if (/^[0-9]{8}T[0-9]{6}Z$/.test(body)) return true;
  if (KEY_ID_PIECE.test(body)) return false;
  if (body.includes("/") && body.split("/").every((part) => part.length <= 3 || isOrdinaryComponent(part))) return true;
  if (!/^[A-Za-z0-9]+$/.test(body)) return false;
  return isOrdinaryComponent(body);
}
function isOrdinaryComponent(part) {
  if (/^[0-9]+$/.test(part) || /^[a-z]+$/.test(part)) return true;
  if (hasUpperDigitRun(part)) return false;
  for (const caps of part.match(/[A-Z]{12,}/g) ?? []) if ((caps.match(/[AEIOU]/g)?.length ?? 0) / caps.length < 0.35) return false;
  if (/^[A-Z]+$/.test(part)) return true;
  return isIdentifierLike(part);
}
var DIGIT_WORDS = "EC2|S3|V[0-9]|Route53|SHA(?:1|256|512)|X509|IPv[46]|UTF8|Base64";
var IDENTIFIER_PARTS = new RegExp(`${DIGIT_WORDS}|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,}|[A-Z][a-z]|[A-Z]?[0-9]+`, "g");
var DIGIT_WORD = new RegExp(`^(?:${DIGIT_WORDS})$`);
function isIdentifierLike(run) {
  if (!/[A-Za-z]/.test(run)) return false;
  const parts = run.match(IDENTIFIER_PARTS);
  if (parts === null || parts.join("").length !== run.length) return false;
  if (run.length / parts.length < 3.4) return false;
  const strict = /[0-9]/.test(run) && /[A-Z]/.test(run);
  return parts.every((p) => {
    if (DIGIT_WORD.test(p) || /^[A-Z]?[0-9]+$/.test(p)) return true;
    if (!/[a-z]/.test(p)) return !strict || p.length <= 4;
    return strict ? /[aeiouy]/i.test(p) : !/^[A-Z]?[a-z]{4,}$/.test(p) || /[aeiouy]/i.test(p);
  });
}
function looksRandom(run, length) {
  if (isWordLike(run) || isPathLike(run)) return false;
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/[0-9]/.test(run) || /^[0-9a-fA-F]+$/.test(run)) return false;
  if (length >= 30) return true;
  if (run.includes("/")) return false;
  let switches = 0;
  let digits = 0;
  let prev = "";
  for (const ch of run) {
    const cls = ch >= "a" && ch <= "z" ? "l" : ch >= "A" && ch <= "Z" ? "u" : ch >= "0" && ch <= "9" ? "d" : "o";
    if (cls === "d") digits++;
    if (prev && cls !== prev) switches++;
    prev = cls;
  }
  return digits >= 2 && switches >= length / 2.5;
}
function isLikelySecretRun(run) {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && !/^[0-9a-fA-F]+$/.test(run) && !isWordLike(run);
}
function isWordLike(run) {
  if (!/^[A-Za-z0-9]+$/.test(run) || !/[A-Za-z]/.test(run)) return false;
  const parts = run.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,}|[0-9]+/g);
  return parts !== null && parts.join("").length === run.length;
}
function isPathLike(run) {
  if (!run.includes("/")) return false;
  return run.split("/").every((part) => part === "" || part.length <= 3 || isWordLike(part));
}

// src/detect/display.ts
function displaySecret(value, kind, settings) {
  return settings.showSecrets ? value : redact(value, kind);
}
function quoteValue(value) {
  const plain = value.length <= 24 && maskLine(value) === value && !(/[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && value.length >= 12);
  return plain ? JSON.stringify(value) : `a value of ${value.length} characters (not shown)`;
}

// src/parsers/errors.ts
var reported = /* @__PURE__ */ new WeakSet();
function reportParseError(doc, error, what, consequence, notes) {
  if (!notes || !error || reported.has(doc)) return;
  reported.add(doc);
  const pos = doc.lines.position(Math.min(error.offset, doc.text.length));
  notes.push({
    id: "parse-error",
    level: "warning",
    path: doc.path,
    line: pos.line,
    column: pos.column,
    message: `${doc.path}:${pos.line}:${pos.column}: could not ${what} (${error.message}); ${consequence}`
  });
}
function errorSummary(error) {
  const code = error?.code;
  if (typeof code === "string" && /^[A-Z][A-Z0-9_]{2,40}$/.test(code)) return code.toLowerCase().replace(/_/g, " ");
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : "error";
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function visit(text, visitor, options2 = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options2 && options2.disallowComments;
  const allowTrailingComma = options2 && options2.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options2.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var visit2 = visit;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));

// src/lazy-require.ts
import { existsSync as existsSync3 } from "node:fs";
import { createRequire as createRequire3 } from "node:module";
import { dirname as dirname3, join as join2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var require4 = createRequire3(import.meta.url);
var here2 = dirname3(fileURLToPath2(import.meta.url));
function lazyRequire(specifier, bundledFile) {
  let loaded;
  return () => {
    if (loaded === void 0) {
      const beside = join2(here2, bundledFile);
      loaded = require4(existsSync3(beside) ? beside : specifier);
    }
    return loaded;
  };
}

// src/parsers/yaml.ts
var yaml = lazyRequire("yaml", "yaml.cjs");
var isAlias = ((node) => yaml().isAlias(node));
var isMap = ((node) => yaml().isMap(node));
var isPair = ((node) => yaml().isPair(node));
var isScalar = ((node) => yaml().isScalar(node));
var isSeq = ((node) => yaml().isSeq(node));
var parse2 = ((...args2) => yaml().parse(...args2));
var parseDocument = ((...args2) => yaml().parseDocument(...args2));
var parseAllDocuments = ((...args2) => yaml().parseAllDocuments(...args2));
var ScalarType = {
  PLAIN: "PLAIN",
  QUOTE_DOUBLE: "QUOTE_DOUBLE",
  QUOTE_SINGLE: "QUOTE_SINGLE",
  BLOCK_LITERAL: "BLOCK_LITERAL",
  BLOCK_FOLDED: "BLOCK_FOLDED"
};

// src/iac/value.ts
function mapEntry(value, key) {
  if (value?.kind !== "map") return void 0;
  for (let i = value.entries.length - 1; i >= 0; i--) {
    const e = value.entries[i];
    if (e.key === key) return e;
  }
  return void 0;
}
function mapGet(value, key) {
  return mapEntry(value, key)?.value;
}
function getPath(value, path) {
  let current = value;
  for (const step of path) {
    if (current === void 0) return void 0;
    if (typeof step === "number") current = current.kind === "list" ? current.items[step] : void 0;
    else current = mapGet(current, step);
  }
  return current;
}
function knownString(value) {
  if (!value) return void 0;
  if (value.kind === "string") return value.hasPlaceholders ? void 0 : value.value;
  if (value.kind === "number" || value.kind === "bool") return String(value.value);
  return void 0;
}
function asList(value) {
  if (!value) return [];
  if (value.kind === "list") return value.items;
  return [value];
}
function isNoValue(value) {
  return value?.kind === "ref" && value.target === "AWS::NoValue";
}
function branchItems(value) {
  if (!value || isNoValue(value)) return [];
  if (value.kind === "list") return value.items.flatMap((item) => item.kind === "unknown" && item.alternatives ? branchItems(item) : isNoValue(item) ? [] : [item]);
  if (value.kind === "unknown" && value.alternatives) return dedupeBranches(value.alternatives.map((alt) => branchItems(alt)), value.condition);
  return [value];
}
var choices = /* @__PURE__ */ new WeakMap();
function branchChoices(value) {
  return choices.get(value) ?? [];
}
function compatibleChoices(lists) {
  const taken = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const c of list) {
      const at = c.lastIndexOf("=");
      const name = c.slice(0, at);
      const prev = taken.get(name);
      if (prev !== void 0 && prev !== c) return false;
      taken.set(name, c);
    }
  }
  return true;
}
function dedupeBranches(branches, condition) {
  if (branches.length < 2) {
    const only = branches[0] ?? [];
    if (condition !== void 0) for (const v of only) choose(v, `${condition}=0`);
    return only;
  }
  const seen2 = /* @__PURE__ */ new Map();
  const everywhere = /* @__PURE__ */ new Set();
  const out = [];
  const from = /* @__PURE__ */ new Map();
  branches.forEach((branch, index) => {
    const here3 = [];
    for (const v of branch) {
      const key = JSON.stringify(branchKey(v));
      const kept = seen2.get(key);
      if (kept) {
        everywhere.add(kept);
        continue;
      }
      here3.push([key, v]);
      out.push(v);
      from.set(v, index);
    }
    for (const [k, v] of here3) seen2.set(k, v);
  });
  if (condition !== void 0) {
    for (const v of out) if (!everywhere.has(v)) choose(v, `${condition}=${from.get(v) ?? 0}`);
  }
  return out;
}
function choose(v, choice) {
  const prev = choices.get(v) ?? [];
  if (!prev.includes(choice)) choices.set(v, [...prev, choice]);
}
function branchKey(v) {
  switch (v.kind) {
    case "list":
      return v.items.map(branchKey);
    case "map":
      return v.entries.map((e) => [e.key, branchKey(e.value)]);
    case "unknown":
      return v.alternatives ? { if: v.condition ?? "", of: v.alternatives.map(branchKey) } : { unknown: v.label ?? "", at: v.range.start };
    case "ref":
      return { ref: v.target, attribute: v.attribute ?? "" };
    case "null":
      return null;
    default:
      return v.value;
  }
}
function piecesOf(value) {
  return value.pieces ?? [{ text: value.value, start: value.range.start, end: value.range.end, verbatim: false }];
}
function placeholderText(value) {
  if (value.kind === "ref") return `\${${value.target}${value.attribute ? `.${value.attribute}` : ""}}`;
  if (value.kind === "unknown" && value.label) return `\${${value.label}}`;
  return "${\u2026}";
}
function toPlain(value, placeholders = false) {
  if (!value) return void 0;
  switch (value.kind) {
    case "string":
    case "number":
    case "bool":
      return value.value;
    case "null":
      return null;
    case "list":
      return value.items.map((item) => toPlain(item, placeholders));
    case "map": {
      const out = {};
      for (const e of value.entries) out[e.key] = toPlain(e.value, placeholders);
      return out;
    }
    default:
      return placeholders ? placeholderText(value) : void 0;
  }
}
function valueTokenRange(value) {
  if (value.kind === "string" && value.pieces && value.pieces.length > 0 && !value.fromFile) {
    const first = value.pieces[0];
    const last = value.pieces[value.pieces.length - 1];
    if (first.start >= value.range.start && last.end <= value.range.end && last.end > first.start) return { start: first.start, end: last.end };
  }
  return value.range;
}
function substringRange(value, from, to) {
  let pos = 0;
  let start;
  let end;
  for (const p of piecesOf(value)) {
    const pEnd = pos + p.text.length;
    if (start === void 0 && from < pEnd) start = p.verbatim ? p.start + (from - pos) : p.start;
    if (start !== void 0 && to <= pEnd) {
      end = p.verbatim ? p.start + (to - pos) : p.end;
      break;
    }
    pos = pEnd;
  }
  if (start === void 0) return value.range;
  return { start, end: Math.max(end ?? value.range.end, start) };
}

// src/parsers/cloudformation.ts
var SHORT_FORMS = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!Sub": "Fn::Sub",
  "!GetAtt": "Fn::GetAtt",
  "!Join": "Fn::Join",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!Base64": "Fn::Base64",
  "!If": "Fn::If",
  "!Equals": "Fn::Equals",
  "!Not": "Fn::Not",
  "!And": "Fn::And",
  "!Or": "Fn::Or",
  "!FindInMap": "Fn::FindInMap",
  "!ImportValue": "Fn::ImportValue",
  "!GetAZs": "Fn::GetAZs",
  "!Cidr": "Fn::Cidr",
  "!Transform": "Fn::Transform",
  "!ToJsonString": "Fn::ToJsonString",
  "!Length": "Fn::Length",
  "!ForEach": "Fn::ForEach"
};
var PARSE_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false };
function withoutStacks(parse3) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse3();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
function escapeLength(src, j) {
  const c = src[j + 1];
  if (c === "x") return 4;
  if (c === "u") return 6;
  if (c === "U") return 10;
  if (c === "\r" && src[j + 2] === "\n") return 3;
  return 2;
}
function scalarPieces(value, src, start, end, style) {
  const pieces = [];
  const push = (text, from, to, verbatim) => {
    const last = pieces[pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === from) {
      pieces[pieces.length - 1] = { text: last.text + text, start: last.start, end: to, verbatim: true };
    } else pieces.push({ text, start: from, end: to, verbatim });
  };
  const double = style === ScalarType.QUOTE_DOUBLE;
  const single = style === ScalarType.QUOTE_SINGLE;
  let i = 0;
  let j = start;
  if ((double || single) && (src[j] === '"' || src[j] === "'")) j++;
  while (i < value.length) {
    if (j >= end) {
      push(value.slice(i), start, end, false);
      break;
    }
    const c = value[i];
    const s = src[j];
    if (double && s === "\\") {
      const len = escapeLength(src, j);
      if (src[j + 1] === "\n" || src[j + 1] === "\r") {
        j += len;
        while (j < end && (src[j] === " " || src[j] === "	")) j++;
        continue;
      }
      push(c, j, j + len, false);
      i += 1;
      j += len;
      continue;
    }
    if (single && s === "'" && src[j + 1] === "'" && c === "'") {
      push(c, j, j + 2, false);
      i += 1;
      j += 2;
      continue;
    }
    if (s === c) {
      push(c, j, j + 1, true);
      i += 1;
      j += 1;
      continue;
    }
    if (c === " " && (s === "\n" || s === "\r")) {
      const from = j;
      j += s === "\r" && src[j + 1] === "\n" ? 2 : 1;
      push(c, from, j, false);
      i += 1;
      continue;
    }
    j += 1;
  }
  return pieces;
}
function nodeRange(node) {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}
function tagRange(src, tag, node) {
  const start = nodeRange(node).start;
  const at = src.lastIndexOf(tag, start);
  return at >= 0 && start - at < 200 ? { start: at, end: at + tag.length } : { start, end: start };
}
function convertUntagged(node, ctx, fallback) {
  if (!node) return { kind: "null", range: fallback };
  if (isAlias(node)) return { kind: "unknown", reason: "unsupported", range: nodeRange(node), label: "YAML alias" };
  if (isScalar(node)) {
    const range = nodeRange(node);
    const v = node.value;
    if (typeof v === "string") {
      const pieces = scalarPieces(v, ctx.src, range.start, range.end, node.type);
      return { kind: "string", value: v, range, pieces };
    }
    if (typeof v === "number") return { kind: "number", value: v, range };
    if (typeof v === "boolean") return { kind: "bool", value: v, range };
    if (v === null || v === void 0) return { kind: "null", range };
    return { kind: "string", value: String(v), range };
  }
  if (isMap(node)) {
    const entries = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : "";
      const keyRange = keyNode ? nodeRange(keyNode) : fallback;
      entries.push({ key, keyRange, value: convert(pair.value, ctx, { start: keyRange.end, end: keyRange.end }) });
    }
    const map = { kind: "map", entries, range: nodeRange(node) };
    return ctx.intrinsics ? evaluateIntrinsic(map, ctx) : map;
  }
  if (isSeq(node)) {
    return { kind: "list", items: node.items.map((item) => convert(item, ctx, nodeRange(node))), range: nodeRange(node) };
  }
  return { kind: "unknown", reason: "unsupported", range: fallback };
}
function convert(node, ctx, fallback) {
  const tag = node?.tag;
  if (node && tag && ctx.intrinsics && SHORT_FORMS[tag]) {
    const inner = convertUntagged(node, ctx, fallback);
    const range = nodeRange(node);
    const tr = tagRange(ctx.src, tag, node);
    const map = { kind: "map", entries: [{ key: SHORT_FORMS[tag], keyRange: tr, value: inner }], range: { start: tr.start, end: range.end } };
    return evaluateIntrinsic(map, ctx);
  }
  return convertUntagged(node, ctx, fallback);
}
function jsonValue(src, intrinsics) {
  let first = 0;
  while (first < src.length && (src[first] === " " || src[first] === "\n" || src[first] === "\r" || src[first] === "	")) first++;
  if (src[first] !== "{" && src[first] !== "[") return void 0;
  const stack = [];
  let root;
  let failed = false;
  const ctx = { src, intrinsics };
  const add = (value) => {
    const top = stack[stack.length - 1];
    if (!top) root = value;
    else if (top.kind === "list") top.items.push(value);
    else if (top.key !== void 0) {
      top.entries.push({ key: top.key, keyRange: top.keyRange, value });
      top.key = void 0;
    } else failed = true;
  };
  try {
    visit2(
      src,
      {
        onObjectBegin: (offset) => {
          stack.push({ kind: "map", start: offset, entries: [] });
        },
        onObjectProperty: (property, offset, length) => {
          const top = stack[stack.length - 1];
          if (top?.kind !== "map") failed = true;
          else {
            top.key = property;
            top.keyRange = { start: offset, end: offset + length };
          }
        },
        onObjectEnd: (offset, length) => {
          const top = stack.pop();
          if (top?.kind !== "map") return void (failed = true);
          const map = { kind: "map", entries: top.entries, range: { start: top.start, end: offset + length } };
          add(intrinsics ? evaluateIntrinsic(map, ctx) : map);
        },
        onArrayBegin: (offset) => {
          stack.push({ kind: "list", start: offset, items: [] });
        },
        onArrayEnd: (offset, length) => {
          const top = stack.pop();
          if (top?.kind !== "list") return void (failed = true);
          add({ kind: "list", items: top.items, range: { start: top.start, end: offset + length } });
        },
        onLiteralValue: (value, offset, length) => {
          const range = { start: offset, end: offset + length };
          if (typeof value === "string") {
            const pieces = value.length === 0 ? [] : length === value.length + 2 ? [{ text: value, start: offset + 1, end: offset + length - 1, verbatim: true }] : scalarPieces(value, src, range.start, range.end, ScalarType.QUOTE_DOUBLE);
            add({ kind: "string", value, range, pieces });
          } else if (typeof value === "number") add({ kind: "number", value, range });
          else if (typeof value === "boolean") add({ kind: "bool", value, range });
          else if (value === null) add({ kind: "null", range });
          else failed = true;
        },
        onComment: () => {
          failed = true;
        },
        onError: () => {
          failed = true;
        }
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }
    );
  } catch {
    return void 0;
  }
  return failed || stack.length > 0 ? void 0 : root;
}
var PLACEHOLDER_IN_SUB = /\$\{(?!!)[^}]*\}/;
function evaluateIntrinsic(map, ctx) {
  if (map.entries.length !== 1) return map;
  const { key, value: arg } = map.entries[0];
  const range = map.range;
  switch (key) {
    case "Ref": {
      const target = knownString(arg);
      return target === void 0 ? { kind: "unknown", reason: "dynamic", range, label: "Ref" } : { kind: "ref", target, range };
    }
    case "Fn::GetAtt": {
      if (arg.kind === "string") {
        const dot = arg.value.indexOf(".");
        if (dot > 0) return { kind: "ref", target: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1), range };
      }
      if (arg.kind === "list") {
        const target = knownString(arg.items[0]);
        const attribute = knownString(arg.items[1]);
        if (target !== void 0 && attribute !== void 0) return { kind: "ref", target, attribute, range };
      }
      return { kind: "unknown", reason: "dynamic", range, label: "Fn::GetAtt" };
    }
    case "Fn::Sub": {
      const template = arg.kind === "list" ? arg.items[0] : arg;
      if (template?.kind !== "string") return { kind: "unknown", reason: "dynamic", range, label: "Fn::Sub" };
      return { ...template, range, hasPlaceholders: PLACEHOLDER_IN_SUB.test(template.value) };
    }
    case "Fn::Base64":
      return arg.kind === "string" ? { ...arg, range } : arg.kind === "unknown" || arg.kind === "ref" ? { ...arg, range } : { kind: "unknown", reason: "dynamic", range, label: "Fn::Base64" };
    case "Fn::Join":
      return evaluateJoin(arg, range);
    case "Fn::ToJsonString": {
      if (arg.kind !== "map" && arg.kind !== "list") return { kind: "unknown", reason: "dynamic", range, label: "Fn::ToJsonString" };
      return { kind: "string", value: JSON.stringify(toPlain(arg, true)), range, encoded: arg, hasPlaceholders: true };
    }
    case "Fn::ImportValue":
      return { kind: "unknown", reason: "external", range, label: "Fn::ImportValue" };
    case "Fn::If": {
      const condition = arg.kind === "list" ? knownString(arg.items[0]) : void 0;
      if (arg.kind !== "list" || arg.items.length !== 3 || condition === void 0) return { kind: "unknown", reason: "dynamic", range, label: key };
      return { kind: "unknown", reason: "dynamic", range, label: key, condition, alternatives: [arg.items[1], arg.items[2]] };
    }
    case "Fn::Select":
    case "Fn::Split":
    case "Fn::FindInMap":
    case "Fn::GetAZs":
    case "Fn::Cidr":
    case "Fn::Transform":
    case "Fn::Length":
    case "Fn::Equals":
    case "Fn::Not":
    case "Fn::And":
    case "Fn::Or":
    case "Fn::ForEach":
      return { kind: "unknown", reason: "dynamic", range, label: key };
    default:
      void ctx;
      return map;
  }
}
function evaluateJoin(arg, range) {
  if (arg.kind !== "list" || arg.items.length !== 2) return { kind: "unknown", reason: "dynamic", range, label: "Fn::Join" };
  const [delimNode, partsNode] = arg.items;
  const delim = knownString(delimNode);
  if (delim === void 0 || partsNode.kind !== "list") return { kind: "unknown", reason: "dynamic", range, label: "Fn::Join" };
  const pieces = [];
  let value = "";
  let hasPlaceholders = false;
  partsNode.items.forEach((part, index) => {
    if (index > 0 && delim.length > 0) {
      pieces.push({ text: delim, start: delimNode.range.start, end: delimNode.range.end, verbatim: false });
      value += delim;
    }
    if (part.kind === "string") {
      pieces.push(...part.pieces ?? [{ text: part.value, start: part.range.start, end: part.range.end, verbatim: false }]);
      value += part.value;
      if (part.hasPlaceholders) hasPlaceholders = true;
    } else if (part.kind === "number" || part.kind === "bool") {
      const text = String(part.value);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
    } else {
      const text = placeholderText(part);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
      hasPlaceholders = true;
    }
  });
  return { kind: "string", value, range, pieces, hasPlaceholders };
}
function unquoted(value) {
  if (value.kind === "string" && value.pieces?.length === 1 && value.pieces[0].verbatim) return { start: value.pieces[0].start, end: value.pieces[0].end };
  return value.range;
}
function buildTemplate(root, errors) {
  const resources = [];
  const resourcesSection = mapGet(root, "Resources");
  if (resourcesSection?.kind === "map") {
    for (const entry of resourcesSection.entries) {
      if (entry.value.kind !== "map") continue;
      const typeEntry = mapEntry(entry.value, "Type");
      const type = typeEntry?.value.kind === "string" ? typeEntry.value.value : "";
      const properties = mapGet(entry.value, "Properties");
      resources.push({
        logicalId: entry.key,
        idRange: entry.keyRange,
        type,
        typeRange: typeEntry ? unquoted(typeEntry.value) : entry.keyRange,
        node: entry.value,
        ...properties?.kind === "map" ? { properties } : {},
        ...mapGet(entry.value, "Metadata") ? { metadata: mapGet(entry.value, "Metadata") } : {}
      });
    }
  }
  const parameters = /* @__PURE__ */ new Map();
  const parametersSection = mapGet(root, "Parameters");
  if (parametersSection?.kind === "map") {
    for (const entry of parametersSection.entries) {
      const noEcho = knownString(mapGet(entry.value, "NoEcho"));
      const def = mapGet(entry.value, "Default");
      const type = knownString(mapGet(entry.value, "Type"));
      parameters.set(entry.key, {
        name: entry.key,
        nameRange: entry.keyRange,
        node: entry.value,
        ...type !== void 0 ? { type } : {},
        ...def ? { default: def } : {},
        noEcho: noEcho?.toLowerCase() === "true"
      });
    }
  }
  const outputs = [];
  const outputsSection = mapGet(root, "Outputs");
  if (outputsSection?.kind === "map") {
    for (const entry of outputsSection.entries) {
      const value = mapGet(entry.value, "Value");
      outputs.push({ name: entry.key, nameRange: entry.keyRange, ...value ? { value } : {} });
    }
  }
  const transform = mapGet(root, "Transform");
  const transforms = transform?.kind === "list" ? transform.items : transform ? [transform] : [];
  const isSam = transforms.some((t) => knownString(t)?.startsWith("AWS::Serverless") === true);
  return {
    root,
    resources,
    resourcesById: new Map(resources.map((r) => [r.logicalId, r])),
    parameters,
    outputs,
    isSam,
    errors
  };
}
var templates = /* @__PURE__ */ new WeakMap();
function parseCloudFormation(doc, notes) {
  const cached = templates.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let template = null;
  try {
    const json = jsonValue(doc.text, true);
    if (json) {
      if (json.kind === "map") template = buildTemplate(json, []);
    } else {
      const parsed2 = withoutStacks(() => parseDocument(doc.text, PARSE_OPTIONS));
      const errors = parsed2.errors.map((e) => ({ message: errorSummary(e), offset: e.pos[0] }));
      const root = convert(parsed2.contents, { src: doc.text, intrinsics: true }, { start: 0, end: 0 });
      if (root.kind === "map") template = buildTemplate(root, errors);
      if (errors.length > 0) reportParseErrors(doc, "CloudFormation template", errors, notes);
    }
  } catch (error) {
    reportParseErrors(doc, "CloudFormation template", [{ message: errorSummary(error), offset: 0 }], notes);
  }
  templates.set(doc, template);
  return template ?? void 0;
}
var yamlTrees = /* @__PURE__ */ new WeakMap();
function parseYamlDocuments(doc, notes) {
  const cached = yamlTrees.get(doc);
  if (cached) return cached;
  const json = jsonValue(doc.text, false);
  if (json) {
    const out2 = [json];
    yamlTrees.set(doc, out2);
    return out2;
  }
  const out = [];
  try {
    const docs = withoutStacks(() => parseAllDocuments(doc.text, PARSE_OPTIONS));
    const list = Array.isArray(docs) ? docs : [];
    const errors = [];
    for (const d of list) {
      errors.push(...d.errors.map((e) => ({ message: errorSummary(e), offset: e.pos[0] })));
      if (d.contents) out.push(convert(d.contents, { src: doc.text, intrinsics: false }, { start: 0, end: 0 }));
    }
    if (errors.length > 0) reportParseErrors(doc, doc.language === "json" ? "JSON" : "YAML", errors, notes);
  } catch (error) {
    reportParseErrors(doc, "YAML", [{ message: errorSummary(error), offset: 0 }], notes);
  }
  yamlTrees.set(doc, out);
  return out;
}
function reportParseErrors(doc, what, errors, notes) {
  reportParseError(doc, errors[0], `parse the ${what}`, "only text-based rules checked it", notes);
}
function notifyCloudFormationErrors(doc, notes) {
  if (!templates.has(doc)) return;
  const template = parseCloudFormation(doc, notes);
  if (template && template.errors.length > 0) reportParseErrors(doc, "CloudFormation template", template.errors, notes);
  if (!template) reportParseErrors(doc, "CloudFormation template", [{ message: "the document is not a mapping", offset: 0 }], notes);
}

// src/parsers/terraform.ts
import { existsSync as existsSync4, readdirSync, statSync } from "node:fs";
import { dirname as dirname4, join as join3, resolve as resolvePath } from "node:path";

// src/parsers/hcl.ts
var MAX_HCL_NESTING = 200;
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var BANG = 33;
var QUOTE = 34;
var HASH = 35;
var DOLLAR = 36;
var PERCENT = 37;
var AMP = 38;
var LPAREN = 40;
var RPAREN = 41;
var STAR = 42;
var PLUS = 43;
var COMMA = 44;
var MINUS = 45;
var DOT = 46;
var SLASH = 47;
var D0 = 48;
var D9 = 57;
var COLON = 58;
var LT = 60;
var EQ = 61;
var GT = 62;
var QUESTION = 63;
var LBRACKET = 91;
var BACKSLASH = 92;
var RBRACKET = 93;
var UNDERSCORE = 95;
var LBRACE = 123;
var PIPE = 124;
var RBRACE = 125;
var TILDE = 126;
var ID_START_UNICODE = new RegExp("\\p{ID_Start}", "u");
var ID_CONTINUE_UNICODE = new RegExp("\\p{ID_Continue}", "u");
function isIdStart(c, text, i) {
  if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === UNDERSCORE) return true;
  return c > 127 && ID_START_UNICODE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
function isIdContinue(c, text, i) {
  if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= D0 && c <= D9 || c === UNDERSCORE || c === MINUS) return true;
  return c > 127 && ID_CONTINUE_UNICODE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
var Stop = class {
  constructor(reason) {
    this.reason = reason;
  }
  reason;
};
function parseHcl(text, deadline = performance.now() + parseBudgetMs(text.length)) {
  return new Reader(text, deadline).file();
}
var Reader = class {
  constructor(text, deadline) {
    this.text = text;
    this.deadline = deadline;
    this.n = text.length;
  }
  text;
  deadline;
  pos = 0;
  depth = 0;
  ticks = 0;
  timedOut = false;
  errors = [];
  n;
  file() {
    if (this.text.charCodeAt(0) === 65279) this.pos = 1;
    const body = this.body(false);
    return { body, errors: this.errors, timedOut: this.timedOut };
  }
  // -------------------------------------------------------------------------------------
  // Errors and trivia
  error(message, offset = this.pos) {
    if (this.errors.length < 16) this.errors.push({ message, offset: Math.min(offset, this.n) });
  }
  tick() {
    if (this.timedOut || (++this.ticks & 1023) === 0 && performance.now() > this.deadline) {
      this.timedOut = true;
      throw new Stop("time");
    }
  }
  enter() {
    if (++this.depth > MAX_HCL_NESTING) {
      this.depth--;
      this.error("nested too deeply");
      throw new Stop("deep");
    }
  }
  leave() {
    this.depth--;
  }
  /** Skips spaces, tabs and comments; newlines too when `newlines`. Returns whether a newline was passed. */
  trivia(newlines) {
    const t = this.text;
    let crossed = false;
    while (this.pos < this.n) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === LF) {
        if (!newlines) return crossed;
        crossed = true;
        this.pos++;
      } else if (c === HASH || c === SLASH && t.charCodeAt(this.pos + 1) === SLASH) {
        const nl = t.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.n : nl;
      } else if (c === SLASH && t.charCodeAt(this.pos + 1) === STAR) {
        const close = t.indexOf("*/", this.pos + 2);
        const end = close === -1 ? this.n : close + 2;
        if (close === -1) this.error("unterminated comment");
        for (let i = this.pos + 2; i < end && !crossed; i++) if (t.charCodeAt(i) === LF) crossed = true;
        this.pos = end;
      } else return crossed;
    }
    return crossed;
  }
  peek(offset = 0) {
    return this.text.charCodeAt(this.pos + offset);
  }
  /** Skips to the end of the line (error recovery), keeping the newline. */
  skipLine() {
    const nl = this.text.indexOf("\n", this.pos);
    this.pos = nl === -1 ? this.n : nl;
  }
  identifier() {
    const t = this.text;
    const start = this.pos;
    if (start >= this.n || !isIdStart(t.charCodeAt(start), t, start)) return void 0;
    let i = start + ((t.codePointAt(start) ?? 0) > 65535 ? 2 : 1);
    while (i < this.n && isIdContinue(t.charCodeAt(i), t, i)) i += (t.codePointAt(i) ?? 0) > 65535 ? 2 : 1;
    this.pos = i;
    return { start, end: i };
  }
  // -------------------------------------------------------------------------------------
  // Bodies
  /** Attributes and blocks until `}` (inside a block) or the end of the text. */
  body(inBlock) {
    const items = [];
    for (; ; ) {
      this.trivia(true);
      if (this.pos >= this.n || this.timedOut) return items;
      const c = this.peek();
      if (c === RBRACE) {
        if (inBlock) return items;
        this.error("unexpected closing brace");
        this.pos++;
        continue;
      }
      const at = this.pos;
      const depth = this.depth;
      const errors = this.errors.length;
      try {
        this.tick();
        const item = this.item();
        if (item) items.push(item);
        else if (this.errors.length === errors) this.error(this.pos > at ? "unexpected input" : "expected an attribute or a block", at);
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        this.depth = depth;
        if (e.reason === "time") return items;
        const nl = this.text.indexOf("\n", at);
        if (nl !== -1 && nl < this.pos && this.pos <= this.n) this.pos = this.text.lastIndexOf("\n", this.pos - 1) + 1;
        else this.skipLine();
      }
      if (this.pos === at) this.skipLine();
    }
  }
  item() {
    const name = this.identifier();
    if (!name) return void 0;
    const nameText = this.text.slice(name.start, name.end);
    this.trivia(false);
    const c = this.peek();
    if (c === EQ && this.peek(1) !== EQ) {
      this.pos++;
      this.trivia(false);
      if (this.pos >= this.n || this.peek() === LF) {
        this.error("missing expression");
        return void 0;
      }
      const expr = this.expression(false);
      this.endOfItem();
      return { item: "attribute", name: nameText, nameStart: name.start, nameEnd: name.end, expr };
    }
    const labels = [];
    for (; ; ) {
      this.trivia(false);
      const d = this.peek();
      if (d === QUOTE) {
        const s = this.pos;
        const tpl = this.quoted();
        const inner = tpl.closed ? tpl.end - 1 : tpl.end;
        labels.push({ value: this.text.slice(s + 1, inner), start: s + 1, end: inner });
      } else if (d === LBRACE) break;
      else {
        const label = this.identifier();
        if (!label) {
          this.error(c === EQ ? "unexpected input" : 'expected "=" or "{"');
          this.skipLine();
          return void 0;
        }
        labels.push({ value: this.text.slice(label.start, label.end), start: label.start, end: label.end });
      }
    }
    this.pos++;
    this.enter();
    const body = this.body(true);
    this.leave();
    let end = this.pos;
    if (this.peek() === RBRACE) {
      this.pos++;
      end = this.pos;
      this.endOfItem();
    } else this.error('missing "}"', this.n);
    return { item: "block", type: nameText, typeStart: name.start, typeEnd: name.end, labels, start: name.start, end, body };
  }
  /** An item ends at a newline, a comment, `}` or the end of the text. */
  endOfItem() {
    this.trivia(false);
    if (this.pos >= this.n) return;
    const c = this.peek();
    if (c === LF || c === RBRACE) return;
    this.error("expected a newline");
    this.skipLine();
  }
  // -------------------------------------------------------------------------------------
  // Expressions
  /**
   * Expression := Binary ("?" Expression ":" Expression)?
   * `nested`: inside brackets, where newlines are spaces. At an attribute's top level a
   * newline ends the expression, unless the next line goes on with an operator.
   */
  expression(nested) {
    this.enter();
    try {
      const start = this.pos;
      const cond = this.binary(nested);
      this.continuation(nested);
      if (this.peek() !== QUESTION) return cond;
      this.pos++;
      this.trivia(true);
      this.expression(nested);
      this.continuation(nested);
      if (this.peek() !== COLON) {
        this.error('missing ":" of a conditional');
        throw new Stop("syntax");
      }
      this.pos++;
      this.trivia(true);
      const last = this.expression(nested);
      return { kind: "other", start, end: last.end };
    } finally {
      this.leave();
    }
  }
  /** Skips trivia before a possible operator: across newlines when nested or when an operator starts the next line. */
  continuation(nested) {
    const save = this.pos;
    const crossed = this.trivia(true);
    if (!crossed || nested) return;
    if (this.operatorAhead() === 0 && this.peek() !== QUESTION && !(this.peek() === COLON && this.peek(1) !== COLON)) this.pos = save;
  }
  /** The length of the binary operator at the position, or 0. */
  operatorAhead() {
    const c = this.peek();
    const d = this.peek(1);
    switch (c) {
      case AMP:
        return d === AMP ? 2 : 0;
      case PIPE:
        return d === PIPE ? 2 : 0;
      case EQ:
      case BANG:
        return d === EQ ? 2 : 0;
      case LT:
        return d === LT ? 0 : d === EQ ? 2 : 1;
      case GT:
        return d === EQ ? 2 : 1;
      case PLUS:
      case STAR:
      case PERCENT:
        return 1;
      case MINUS:
        return 1;
      case SLASH:
        return d === SLASH || d === STAR ? 0 : 1;
      default:
        return 0;
    }
  }
  binary(nested) {
    const first = this.unary(nested);
    let last = first;
    for (; ; ) {
      this.continuation(nested);
      const len = this.operatorAhead();
      if (len === 0) break;
      this.pos += len;
      this.trivia(true);
      last = this.unary(nested);
    }
    return last === first ? first : { kind: "other", start: first.start, end: last.end };
  }
  unary(nested) {
    const c = this.peek();
    if (c === BANG || c === MINUS && this.peek(1) !== MINUS) {
      const start = this.pos;
      this.pos++;
      this.trivia(false);
      this.enter();
      try {
        const operand = this.unary(nested);
        return { kind: "other", start, end: operand.end };
      } finally {
        this.leave();
      }
    }
    return this.postfix(this.term());
  }
  /** `.name`, `.0`, `.*`, `[expr]`, `[*]` after a term. */
  postfix(term) {
    const t = this.text;
    const steps = [];
    let end = term.end;
    for (; ; ) {
      const c = this.peek();
      if (c === DOT && this.peek(1) !== DOT) {
        const s = this.pos;
        this.pos++;
        const d = this.peek();
        if (d === STAR) {
          this.pos++;
          steps.push({ kind: "splat", start: s, end: this.pos });
        } else if (d >= D0 && d <= D9) {
          while (this.pos < this.n && this.peek() >= D0 && this.peek() <= D9) this.pos++;
          steps.push({ kind: "index", start: s, end: this.pos });
        } else {
          const id = this.identifier();
          if (!id) {
            this.error("expected an attribute name");
            throw new Stop("syntax");
          }
          steps.push({ kind: "attr", name: t.slice(id.start, id.end), start: s, end: id.end });
        }
        end = this.pos;
      } else if (c === LBRACKET) {
        const s = this.pos;
        this.pos++;
        this.trivia(true);
        if (this.peek() === STAR) {
          this.pos++;
          this.trivia(true);
          this.expect(RBRACKET, 'missing "]"');
          steps.push({ kind: "splat", start: s, end: this.pos });
        } else {
          this.expression(true);
          this.trivia(true);
          this.expect(RBRACKET, 'missing "]"');
          steps.push({ kind: "index", start: s, end: this.pos });
        }
        end = this.pos;
      } else break;
    }
    if (steps.length === 0) return term;
    if (term.kind === "traversal" && term.steps.length === 0) return { kind: "traversal", start: term.start, end, root: term.root, rootEnd: term.rootEnd, steps };
    return { kind: "other", start: term.start, end };
  }
  expect(code, message) {
    if (this.peek() !== code) {
      this.error(message);
      throw new Stop("syntax");
    }
    this.pos++;
  }
  term() {
    this.tick();
    const t = this.text;
    const start = this.pos;
    const c = this.peek();
    if (c === QUOTE) return this.quoted();
    if (c === LT && this.peek(1) === LT) return this.heredoc();
    if (c >= D0 && c <= D9) return this.number();
    if (c === LBRACKET) return this.tuple();
    if (c === LBRACE) return this.object();
    if (c === LPAREN) {
      this.pos++;
      this.trivia(true);
      const inner = this.expression(true);
      this.trivia(true);
      this.expect(RPAREN, 'missing ")"');
      return { kind: "paren", start, end: this.pos, inner };
    }
    const id = this.identifier();
    if (!id) {
      this.error(this.pos >= this.n || c === LF ? "missing expression" : "unexpected input");
      throw new Stop("syntax");
    }
    let name = t.slice(id.start, id.end);
    while (this.peek() === COLON && this.peek(1) === COLON) {
      this.pos += 2;
      const part = this.identifier();
      if (!part) {
        this.error("expected a function name");
        throw new Stop("syntax");
      }
      name = t.slice(id.start, this.pos);
    }
    const save = this.pos;
    this.trivia(false);
    if (this.peek() === LPAREN) return this.call(start, name);
    this.pos = save;
    if (name.includes("::")) {
      this.error('expected "("');
      throw new Stop("syntax");
    }
    if (name === "true" || name === "false") return { kind: "bool", start, end: id.end, value: name === "true" };
    if (name === "null") return { kind: "null", start, end: id.end };
    return { kind: "traversal", start, end: id.end, root: name, rootEnd: id.end, steps: [] };
  }
  number() {
    const start = this.pos;
    const digits = () => {
      while (this.pos < this.n && this.peek() >= D0 && this.peek() <= D9) this.pos++;
    };
    digits();
    if (this.peek() === DOT && this.peek(1) >= D0 && this.peek(1) <= D9) {
      this.pos++;
      digits();
    }
    const e = this.peek();
    if (e === 101 || e === 69) {
      const sign = this.peek(1);
      const first = sign === PLUS || sign === MINUS ? this.peek(2) : sign;
      if (first >= D0 && first <= D9) {
        this.pos += sign === PLUS || sign === MINUS ? 2 : 1;
        digits();
      }
    }
    return { kind: "number", start, end: this.pos };
  }
  call(start, name) {
    this.pos++;
    this.enter();
    try {
      const args2 = this.sequence(RPAREN, 'missing ")"', true);
      return { kind: "call", start, end: this.pos, name, args: args2 };
    } finally {
      this.leave();
    }
  }
  /**
   * Comma-separated expressions up to `close`, which is consumed (a trailing comma allowed).
   * `expand`: an item may be followed by `...` (a call's last argument expanded).
   */
  sequence(close, message, expand) {
    const items = [];
    for (; ; ) {
      this.trivia(true);
      if (this.peek() === close) break;
      items.push(this.expression(true));
      this.trivia(true);
      if (expand && this.peek() === DOT && this.peek(1) === DOT && this.peek(2) === DOT) {
        this.pos += 3;
        this.trivia(true);
      }
      if (this.peek() === COMMA) {
        this.pos++;
        continue;
      }
      if (this.peek() !== close) {
        this.error(message);
        throw new Stop("syntax");
      }
    }
    this.pos++;
    return items;
  }
  /** Whether the text at the position is the keyword `word` (a whole name). */
  keyword(word) {
    const t = this.text;
    if (!t.startsWith(word, this.pos)) return false;
    const after = this.pos + word.length;
    return after >= this.n || !isIdContinue(t.charCodeAt(after), t, after);
  }
  /** `[for k, v in coll : expr if cond]` / `{for k, v in coll : key => value... if cond}`, after the bracket. */
  forExpression(start, close, object) {
    this.pos += 3;
    this.trivia(true);
    if (!this.identifier()) {
      this.error('expected a name after "for"');
      throw new Stop("syntax");
    }
    this.trivia(true);
    if (this.peek() === COMMA) {
      this.pos++;
      this.trivia(true);
      if (!this.identifier()) {
        this.error('expected a name after ","');
        throw new Stop("syntax");
      }
      this.trivia(true);
    }
    if (!this.keyword("in")) {
      this.error('expected "in"');
      throw new Stop("syntax");
    }
    this.pos += 2;
    this.trivia(true);
    this.expression(true);
    this.trivia(true);
    this.expect(COLON, 'missing ":" of a for expression');
    this.trivia(true);
    this.expression(true);
    this.trivia(true);
    if (object) {
      if (this.peek() !== EQ || this.peek(1) !== GT) {
        this.error('missing "=>" of a for expression');
        throw new Stop("syntax");
      }
      this.pos += 2;
      this.trivia(true);
      this.expression(true);
      this.trivia(true);
      if (this.peek() === DOT && this.peek(1) === DOT && this.peek(2) === DOT) {
        this.pos += 3;
        this.trivia(true);
      }
    }
    if (this.keyword("if")) {
      this.pos += 2;
      this.trivia(true);
      this.expression(true);
      this.trivia(true);
    }
    this.expect(close, object ? 'missing "}"' : 'missing "]"');
    return { kind: "other", start, end: this.pos };
  }
  /** After `[` or `{`: whether a `for` expression starts here (`for` then a name). */
  forAhead() {
    if (!this.keyword("for")) return false;
    const save = this.pos;
    this.pos += 3;
    const spaced = this.trivia(true) || this.pos > save + 3;
    const id = spaced ? this.identifier() : void 0;
    this.pos = save;
    return id !== void 0;
  }
  tuple() {
    const start = this.pos;
    this.pos++;
    this.enter();
    try {
      this.trivia(true);
      if (this.forAhead()) return this.forExpression(start, RBRACKET, false);
      const items = this.sequence(RBRACKET, 'missing "]"', false);
      return { kind: "tuple", start, end: this.pos, items };
    } finally {
      this.leave();
    }
  }
  object() {
    const start = this.pos;
    this.pos++;
    this.enter();
    try {
      this.trivia(true);
      if (this.forAhead()) return this.forExpression(start, RBRACE, true);
      const elems = [];
      for (; ; ) {
        this.trivia(true);
        if (this.peek() === RBRACE) break;
        const key = this.expression(true);
        this.trivia(true);
        const c = this.peek();
        if (c === EQ && this.peek(1) !== EQ || c === COLON) this.pos++;
        else {
          this.error('missing "=" in an object');
          throw new Stop("syntax");
        }
        this.trivia(true);
        const value = this.expression(true);
        elems.push({ key, value });
        this.trivia(true);
        if (this.peek() === COMMA) this.pos++;
        else if (this.pos >= this.n) {
          this.error('missing "}"');
          throw new Stop("syntax");
        }
      }
      this.pos++;
      return { kind: "object", start, end: this.pos, elems };
    } finally {
      this.leave();
    }
  }
  // -------------------------------------------------------------------------------------
  // Templates
  /** `"…"`: literal text, escapes, `${…}` and `%{…}`. A raw newline ends an unterminated string. */
  quoted() {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    const parts = [];
    while (this.pos < this.n) {
      const c = t.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        return { kind: "template", start, end: this.pos, closed: true, parts };
      }
      if (c === LF) break;
      if (c === BACKSLASH) this.pos += this.peek(1) === LF ? 1 : 2;
      else if (c === DOLLAR || c === PERCENT) this.templateMark(c, parts);
      else this.pos++;
    }
    this.error("unterminated string", start);
    if (this.pos > this.n) this.pos = this.n;
    return { kind: "template", start, end: this.pos, closed: false, parts };
  }
  /** At `$` or `%`: an escape (`$${`, `%%{`), a template part, or a literal character. */
  templateMark(c, parts) {
    const next = this.peek(1);
    if (next === c && this.peek(2) === LBRACE) {
      this.pos += 3;
      return;
    }
    if (next !== LBRACE) {
      this.pos++;
      return;
    }
    parts.push(c === DOLLAR ? this.interpolation() : this.directive());
  }
  /** Past `${` or `%{` and a `~` after it; whether there was one. */
  openPart() {
    this.pos += 2;
    if (this.peek() !== TILDE) return false;
    this.pos++;
    return true;
  }
  interpolation() {
    const start = this.pos;
    let strip = this.openPart();
    this.enter();
    try {
      this.trivia(true);
      const expr = this.expression(true);
      this.trivia(true);
      if (this.peek() === TILDE) {
        this.pos++;
        strip = true;
      }
      this.expect(RBRACE, 'missing "}" of an interpolation');
      return { kind: "interpolation", start, end: this.pos, expr, strip };
    } finally {
      this.leave();
    }
  }
  /**
   * `%{ if … }`, `%{ else }`, `%{ endif }`, `%{ for … in … }`, `%{ endfor }`: kept as a span.
   * The directive's words are read as expressions where they hold one, so quotes and braces
   * inside are skipped exactly.
   */
  directive() {
    const start = this.pos;
    let strip = this.openPart();
    this.enter();
    try {
      for (; ; ) {
        this.trivia(true);
        if (this.pos >= this.n) {
          this.error('missing "}" of a template directive');
          throw new Stop("syntax");
        }
        const c = this.peek();
        if (c === TILDE && this.peek(1) === RBRACE) {
          this.pos++;
          strip = true;
          continue;
        }
        if (c === RBRACE) {
          this.pos++;
          return { kind: "directive", start, end: this.pos, strip };
        }
        if (c === COMMA) {
          this.pos++;
          continue;
        }
        if (this.keyword("if") || this.keyword("for") || this.keyword("in") || this.keyword("else") || this.keyword("endif") || this.keyword("endfor")) {
          this.identifier();
          continue;
        }
        this.expression(true);
      }
    } finally {
      this.leave();
    }
  }
  /**
   * `<<EOF` / `<<-EOF`, a newline, then lines up to one holding only the marker (it may be
   * indented). The body may hold `${…}` and `%{…}`; backslashes are literal.
   */
  heredoc() {
    const t = this.text;
    const start = this.pos;
    this.pos += 2;
    let strip = false;
    if (this.peek() === MINUS) {
      this.pos++;
      strip = true;
    }
    const id = this.identifier();
    if (!id) {
      this.error("expected a heredoc marker");
      throw new Stop("syntax");
    }
    const marker = t.slice(id.start, id.end);
    this.trivia(false);
    if (this.pos < this.n && this.peek() !== LF) {
      this.error("expected a newline after the heredoc marker");
      throw new Stop("syntax");
    }
    this.pos++;
    const parts = [];
    let lineStart = this.pos;
    while (lineStart < this.n) {
      const close = this.closingMarker(lineStart, marker);
      if (close) {
        this.pos = close.end;
        return { kind: "heredoc", start, end: close.end, strip, open: id, close, parts };
      }
      this.pos = lineStart;
      while (this.pos < this.n) {
        const c = t.charCodeAt(this.pos);
        if (c === LF) break;
        if (c === DOLLAR || c === PERCENT) {
          const partStart = this.pos;
          const depth = this.depth;
          try {
            this.templateMark(c, parts);
          } catch (e) {
            if (!(e instanceof Stop) || e.reason === "time") throw e;
            this.depth = depth;
            const nl = t.indexOf("\n", partStart);
            this.pos = nl === -1 ? this.n : nl;
          }
        } else this.pos++;
      }
      lineStart = this.pos + 1;
    }
    this.error("unterminated heredoc", start);
    this.pos = this.n;
    return { kind: "heredoc", start, end: this.n, strip, open: id, parts };
  }
  /** The marker's span when the line at `lineStart` holds only it (indentation and trailing blanks allowed). */
  closingMarker(lineStart, marker) {
    const t = this.text;
    let i = lineStart;
    while (i < this.n && (t.charCodeAt(i) === SPACE || t.charCodeAt(i) === TAB)) i++;
    if (!t.startsWith(marker, i)) return void 0;
    const end = i + marker.length;
    let j = end;
    while (j < this.n && (t.charCodeAt(j) === SPACE || t.charCodeAt(j) === TAB || t.charCodeAt(j) === CR)) j++;
    return j >= this.n || t.charCodeAt(j) === LF ? { start: i, end } : void 0;
  }
};

// src/parsers/terraform.ts
function rangeOf(node) {
  return { start: node.start, end: node.end };
}
function labelOf(label) {
  return { value: label.value, range: { start: label.start, end: label.end } };
}
function hclBlock(node, file) {
  let attrs;
  let nested;
  const load = () => {
    if (attrs) return;
    attrs = [];
    nested = [];
    for (const child of node.body) {
      if (child.item === "attribute") {
        const expr = child.expr;
        let cached;
        const f = file;
        attrs.push({
          name: child.name,
          nameRange: { start: child.nameStart, end: child.nameEnd },
          range: rangeOf(expr),
          node: expr,
          source: () => f().text.slice(expr.start, expr.end),
          value: () => cached ??= evaluate(expr, scopeOf(f()), 0)
        });
      } else nested.push(hclBlock(child, file));
    }
  };
  return {
    type: node.type,
    typeRange: { start: node.typeStart, end: node.typeEnd },
    labels: node.labels.map(labelOf),
    range: rangeOf(node),
    get file() {
      return file();
    },
    attributes: () => (load(), attrs),
    attribute: (name) => (load(), attrs.find((a) => a.name === name)),
    blocks: (type) => (load(), type === void 0 ? nested : nested.filter((b) => b.type === type))
  };
}
function parseHclTree(text) {
  const tree = parseHcl(text);
  return { tree, timedOut: tree.timedOut };
}
function hclFile(tree, text, path, dir, document) {
  let file;
  const getFile = () => file;
  const blocks = [];
  for (const child of tree.body) if (child.item === "block") blocks.push(hclBlock(child, getFile));
  const first = tree.errors[0];
  const errors = first ? [{ message: `syntax error (${first.message})`, offset: first.offset }] : [];
  file = { path, text, syntax: "hcl", blocks, ...document ? { document } : {}, ...dir ? { dir } : {}, errors };
  return file;
}
var JSON_SINGLE_REF = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*|\[\d+\])*)\s*\}$/;
function jsonValue2(value, file) {
  if (value.kind === "string") {
    const m = JSON_SINGLE_REF.exec(value.value);
    if (m) return resolveTraversal(m[1].replace(/\[\d+\]/g, "").split("."), value.range, scopeOf(file()), 0);
    return value.value.includes("${") ? { ...value, hasPlaceholders: true } : value;
  }
  if (value.kind === "list") return { ...value, items: value.items.map((v) => jsonValue2(v, file)) };
  if (value.kind === "map") return { ...value, entries: value.entries.map((e) => ({ ...e, value: jsonValue2(e.value, file) })) };
  return value;
}
function jsonBlocksOf(type, typeRange, labelDepth, value, file, labels = []) {
  const bodies = value.kind === "list" ? value.items : [value];
  const out = [];
  for (const body of bodies) {
    if (body.kind !== "map") continue;
    if (labelDepth > 0) {
      for (const e of body.entries) out.push(...jsonBlocksOf(type, typeRange, labelDepth - 1, e.value, file, [...labels, { value: e.key, range: e.keyRange }]));
      continue;
    }
    out.push(jsonBlock(type, typeRange, labels, body, file));
  }
  return out;
}
var JSON_NESTED_BLOCKS = /* @__PURE__ */ new Set([
  "metadata_options",
  "provisioner",
  "launch_template",
  "iam_instance_profile",
  "environment",
  "inline_policy",
  "statement",
  "principals",
  "condition",
  "assume_role",
  "mixed_instances_policy",
  "launch_template_specification",
  "launch_specification",
  "root_block_device",
  "backend",
  "connection",
  "variables",
  "override",
  "dynamic",
  "content",
  "launch_template_config",
  "setting"
]);
function jsonBlock(type, typeRange, labels, body, file) {
  const attrs = [];
  const nested = [];
  for (const e of body.entries) {
    const isBlock2 = JSON_NESTED_BLOCKS.has(e.key) && (e.value.kind === "map" || e.value.kind === "list" && e.value.items.every((i) => i.kind === "map"));
    if (isBlock2 && !(e.key === "variables" && type === "environment")) {
      const depth = e.key === "provisioner" || e.key === "backend" || e.key === "dynamic" ? 1 : 0;
      nested.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, file));
    }
    let cached;
    attrs.push({ name: e.key, nameRange: e.keyRange, range: e.value.range, source: () => file().text.slice(e.value.range.start, e.value.range.end), value: () => cached ??= jsonValue2(e.value, file) });
  }
  return {
    type,
    typeRange,
    labels,
    range: body.range,
    get file() {
      return file();
    },
    attributes: () => attrs,
    attribute: (name) => attrs.find((a) => a.name === name),
    blocks: (t) => t === void 0 ? nested : nested.filter((b) => b.type === t)
  };
}
var JSON_TOP_LEVEL_LABELS = {
  resource: 2,
  data: 2,
  provider: 1,
  variable: 1,
  output: 1,
  module: 1,
  locals: 0,
  terraform: 0
};
function parseTfJson(document, text, path, dir) {
  let file;
  const getFile = () => file;
  const doc = document ?? pseudoDocument(path, text);
  const roots = parseYamlDocuments(doc);
  const root = roots[0];
  const blocks = [];
  if (root?.kind === "map") {
    for (const e of root.entries) {
      const depth = JSON_TOP_LEVEL_LABELS[e.key];
      if (depth === void 0) continue;
      blocks.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, getFile));
    }
  }
  file = { path, text, syntax: "json", blocks, ...document ? { document } : {}, ...dir ? { dir } : {}, errors: root ? [] : [{ message: "not a JSON object", offset: 0 }] };
  return file;
}
function pseudoDocument(path, text) {
  return { path, kind: "terraform", language: "json", text, lines: { position: () => ({ line: 1, column: 1 }) }, bootstrap: false, depth: 0 };
}
var files = /* @__PURE__ */ new WeakMap();
function isTerraformJsonPath(path) {
  return /\.(?:tf|tofu)\.json$/i.test(path);
}
function isTerraformParsed(doc) {
  return files.has(doc);
}
function parseTerraform(doc, notes) {
  let file = files.get(doc);
  if (!file) {
    const dir = doc.absPath ? dirname4(doc.absPath) : void 0;
    const path = doc.absPath ?? doc.path;
    if (isTerraformJsonPath(doc.path)) file = parseTfJson(doc, doc.text, path, dir);
    else {
      const entry = doc.depth === 0 && doc.absPath && dir ? cachedHcl(dir, doc.absPath, doc.text) : void 0;
      const parsed2 = entry?.tree ? { tree: entry.tree, timedOut: entry.timedOut } : parseHclTree(doc.text);
      if (parsed2.timedOut) reportIncomplete(doc, "the Terraform parser ran out of its time budget");
      file = hclFile(parsed2.tree, doc.text, path, dir, doc);
    }
    files.set(doc, file);
  }
  reportParseError(doc, file.errors[0], "fully parse the Terraform file", "the readable blocks were still checked", notes);
  return file;
}
var dirCaches = /* @__PURE__ */ new Map();
var MAX_CACHED_DIRS = 4;
var MAX_SIBLING_BYTES = 4 * 1024 * 1024;
function dirCacheFor(dir) {
  let cache9 = dirCaches.get(dir);
  if (cache9) {
    dirCaches.delete(dir);
    dirCaches.set(dir, cache9);
    return cache9;
  }
  while (dirCaches.size >= MAX_CACHED_DIRS) {
    dirCaches.delete(dirCaches.keys().next().value);
  }
  cache9 = { files: /* @__PURE__ */ new Map() };
  dirCaches.set(dir, cache9);
  return cache9;
}
function statStamp(full) {
  try {
    const s = statSync(full);
    return { stamp: `${s.size}:${s.mtimeMs}`, size: s.size };
  } catch {
    return void 0;
  }
}
function listingOf(dir, cache9) {
  if (cache9.listing) return cache9.listing;
  let names;
  try {
    names = readdirSync(dir).filter((n) => /\.(?:tf|tofu)(?:\.json)?$/i.test(n)).sort();
  } catch {
    names = [];
  }
  const listing = [];
  for (const name of names) {
    const full = join3(dir, name);
    const st = statStamp(full);
    if (st) listing.push({ name, full, ...st });
  }
  cache9.listing = listing;
  return listing;
}
function cachedHcl(dir, absPath, text) {
  const cache9 = dirCacheFor(dir);
  const name = absPath.slice(absPath.lastIndexOf("/") + 1);
  const hit = cache9.files.get(name);
  if (hit && hit.text === text) return hit;
  const parsed2 = parseHclTree(text);
  const listed = cache9.listing?.find((l) => l.name === name);
  const stamp = listed?.stamp ?? statStamp(absPath)?.stamp ?? "";
  const entry = { stamp, text, tree: parsed2.tree, timedOut: parsed2.timedOut };
  cache9.files.set(name, entry);
  return entry;
}
function siblingFiles(dir, exclude) {
  const cache9 = dirCacheFor(dir);
  const listing = listingOf(dir, cache9);
  const excluded = resolvePath(exclude);
  const out = [];
  let total = 0;
  for (const { name, full, ...st } of listing) {
    if (resolvePath(full) === excluded) continue;
    total += st.size;
    if (total > MAX_SIBLING_BYTES) break;
    let entry = cache9.files.get(name);
    if (!entry || entry.stamp !== st.stamp) {
      try {
        const text = readRegularFile(full, MAX_SIBLING_BYTES).toString("utf8");
        if (isTerraformJsonPath(name)) entry = { stamp: st.stamp, text, tree: void 0, timedOut: false, sibling: parseTfJson(void 0, text, full, dir) };
        else entry = { stamp: st.stamp, text, ...parseHclTree(text) };
        cache9.files.set(name, entry);
      } catch {
        continue;
      }
    }
    entry.sibling ??= hclFile(entry.tree, entry.text, full, dir, void 0);
    out.push(entry.sibling);
  }
  return out;
}
var modules = /* @__PURE__ */ new WeakMap();
function moduleOf(file) {
  let mod = modules.get(file);
  if (mod) return mod;
  const all = [file, ...file.dir && file.document ? siblingFiles(file.dir, file.path) : []];
  const variables = /* @__PURE__ */ new Map();
  const locals = /* @__PURE__ */ new Map();
  const resources = /* @__PURE__ */ new Map();
  const data = /* @__PURE__ */ new Map();
  for (const f of [...all].reverse()) {
    for (const b of f.blocks) {
      const [l0, l1] = b.labels;
      if (b.type === "variable" && l0) variables.set(l0.value, b);
      else if (b.type === "locals") for (const a of b.attributes()) locals.set(a.name, a);
      else if (b.type === "resource" && l0 && l1) resources.set(`${l0.value}.${l1.value}`, b);
      else if (b.type === "data" && l0 && l1) data.set(`${l0.value}.${l1.value}`, b);
    }
  }
  mod = { ...file.dir ? { dir: file.dir } : {}, files: all, variables, locals, resources, data };
  modules.set(file, mod);
  return mod;
}
function scopeOf(file) {
  return { file };
}
var MAX_DEPTH = 24;
function unknown(range, reason, label) {
  return { kind: "unknown", reason, range, ...label ? { label } : {} };
}
function reanchor(value, range, sameFile) {
  if (sameFile) return { ...value, range };
  switch (value.kind) {
    case "string":
      return { kind: "string", value: value.value, range, pieces: [{ text: value.value, start: range.start, end: range.end, verbatim: false }], ...value.hasPlaceholders ? { hasPlaceholders: true } : {}, ...value.encoded ? { encoded: reanchor(value.encoded, range, false) } : {} };
    case "list":
      return { kind: "list", items: value.items.map((i) => reanchor(i, range, false)), range };
    case "map":
      return { kind: "map", entries: value.entries.map((e) => ({ key: e.key, keyRange: range, value: reanchor(e.value, range, false) })), range };
    default:
      return { ...value, range };
  }
}
function evaluate(node, scope, depth) {
  const range = rangeOf(node);
  if (depth > MAX_DEPTH) return unknown(range, "unsupported", "too deep");
  switch (node.kind) {
    case "traversal": {
      const path = [node.root];
      for (const step of node.steps) if (step.kind === "attr") path.push(step.name);
      return resolveTraversal(path, range, scope, depth + 1);
    }
    case "number":
      return { kind: "number", value: Number(scope.file.text.slice(node.start, node.end)), range };
    case "bool":
      return { kind: "bool", value: node.value, range };
    case "null":
      return { kind: "null", range };
    case "template":
      return quotedString(node, scope, depth);
    case "heredoc":
      return heredocString(node, scope, depth);
    case "tuple":
      return { kind: "list", items: node.items.map((c) => evaluate(c, scope, depth + 1)), range };
    case "object": {
      const entries = [];
      for (const { key: k, value: v } of node.elems) {
        const key = k.kind === "traversal" && k.steps.length === 0 ? k.root : knownString(evaluate(k, scope, depth + 1));
        if (key === void 0) continue;
        entries.push({ key, keyRange: rangeOf(k), value: evaluate(v, scope, depth + 1) });
      }
      return { kind: "map", entries, range };
    }
    case "paren":
      return evaluate(node.inner, scope, depth + 1);
    case "call":
      return callFunction(node, scope, depth);
    default:
      return unknown(range, "dynamic");
  }
}
function decodeEscape(src, i) {
  const c = src[i + 1];
  switch (c) {
    case "n":
      return { text: "\n", length: 2 };
    case "t":
      return { text: "	", length: 2 };
    case "r":
      return { text: "\r", length: 2 };
    case '"':
      return { text: '"', length: 2 };
    case "\\":
      return { text: "\\", length: 2 };
    case "u": {
      const hex = src.slice(i + 2, i + 6);
      return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), length: 6 } : { text: "\\u", length: 2 };
    }
    case "U": {
      const hex = src.slice(i + 2, i + 10);
      return /^[0-9a-fA-F]{8}$/.test(hex) ? { text: String.fromCodePoint(parseInt(hex, 16)), length: 10 } : { text: "\\U", length: 2 };
    }
    default:
      return { text: `\\${c ?? ""}`, length: c ? 2 : 1 };
  }
}
var PieceList = class {
  pieces = [];
  value = "";
  push(text, start, end, verbatim) {
    if (!text) return;
    const last = this.pieces[this.pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === start) this.pieces[this.pieces.length - 1] = { text: last.text + text, start: last.start, end, verbatim };
    else this.pieces.push({ text, start, end, verbatim });
    this.value += text;
  }
};
function appendLiteral(out, src, from, to, quoted) {
  let run = from;
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (quoted && c === "\\") {
      out.push(src.slice(run, i), run, i, true);
      const esc = decodeEscape(src, i);
      out.push(esc.text, i, i + esc.length, false);
      i += esc.length - 1;
      run = i + 1;
    } else if ((c === "$" || c === "%") && src[i + 1] === c && src[i + 2] === "{") {
      out.push(src.slice(run, i), run, i, true);
      run = i + 1;
      i += 1;
    }
  }
  out.push(src.slice(run, to), run, to, true);
}
function quotedString(node, scope, depth, resolveInterpolations = false) {
  const src = scope.file.text;
  const range = rangeOf(node);
  const from = node.start + 1;
  const to = Math.max(from, node.end - (node.closed ? 1 : 0));
  const parts = node.parts;
  const only = parts.length === 1 ? parts[0] : void 0;
  if (only && only.kind === "interpolation" && only.start === from && only.end === to && !only.strip && only.expr) {
    return { ...evaluate(only.expr, scope, depth + 1), range };
  }
  const out = new PieceList();
  let cursor = from;
  let placeholders = false;
  for (const part of parts) {
    appendLiteral(out, src, cursor, part.start, true);
    const v = resolveInterpolations && part.kind === "interpolation" && part.expr ? knownString(evaluate(part.expr, scope, depth + 1)) : void 0;
    if (v !== void 0) out.push(v, part.start, part.end, false);
    else {
      out.push(src.slice(part.start, part.end), part.start, part.end, true);
      placeholders = true;
    }
    cursor = part.end;
  }
  appendLiteral(out, src, cursor, to, true);
  return { kind: "string", value: out.value, range, pieces: out.pieces, ...placeholders ? { hasPlaceholders: true } : {} };
}
function heredocString(node, scope, _depth) {
  const src = scope.file.text;
  const range = rangeOf(node);
  const { open, close, strip, parts } = node;
  const nl = src.indexOf("\n", open.end);
  const bodyStart = nl === -1 ? open.end : nl + 1;
  const bodyEnd = close ? src.lastIndexOf("\n", close.start - 1) + 1 : node.end;
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (let ls = bodyStart; ls < bodyEnd; ) {
      const le = src.indexOf("\n", ls);
      const lineEnd2 = le === -1 || le > bodyEnd ? bodyEnd : le;
      const line = src.slice(ls, lineEnd2);
      if (line.trim().length > 0) indent = Math.min(indent, line.length - line.replace(/^[ \t]+/, "").length);
      ls = lineEnd2 + 1;
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  const out = new PieceList();
  let placeholders = false;
  let partIndex = 0;
  for (let ls = bodyStart; ls < bodyEnd; ) {
    const le = src.indexOf("\n", ls);
    const lineEnd2 = le === -1 || le >= bodyEnd ? bodyEnd : le + 1;
    let cursor = ls;
    if (strip) {
      let k = 0;
      while (k < indent && (src[cursor] === " " || src[cursor] === "	")) {
        cursor++;
        k++;
      }
    }
    while (partIndex < parts.length && parts[partIndex].start < lineEnd2) {
      const part = parts[partIndex];
      if (part.start >= cursor) {
        appendLiteral(out, src, cursor, part.start, false);
        out.push(src.slice(part.start, part.end), part.start, part.end, true);
        placeholders = true;
      }
      cursor = Math.max(cursor, part.end);
      partIndex++;
    }
    if (cursor < lineEnd2) appendLiteral(out, src, cursor, lineEnd2, false);
    ls = Math.max(lineEnd2, cursor);
    if (ls > lineEnd2) {
      const next = src.indexOf("\n", ls);
      if (next === -1 || next >= bodyEnd) {
        appendLiteral(out, src, ls, bodyEnd, false);
        break;
      }
      appendLiteral(out, src, ls, next + 1, false);
      ls = next + 1;
    }
  }
  return { kind: "string", value: out.value, range, pieces: out.pieces, ...placeholders ? { hasPlaceholders: true } : {} };
}
function callFunction(node, scope, depth) {
  const range = rangeOf(node);
  const { name, args: args2 } = node;
  const arg = (i) => args2[i] ? evaluate(args2[i], scope, depth + 1) : unknown(range, "dynamic");
  switch (name) {
    case "jsonencode": {
      const v = arg(0);
      if (v.kind === "unknown" || v.kind === "ref") return unknown(range, v.kind === "unknown" ? v.reason : "dynamic", "jsonencode");
      const json = JSON.stringify(toPlain(v, true));
      return { kind: "string", value: json, range, pieces: [{ text: json, start: range.start, end: range.end, verbatim: false }], encoded: v, ...hasUnknown(v) ? { hasPlaceholders: true } : {} };
    }
    case "base64encode":
    case "tostring":
    case "sensitive":
    case "nonsensitive": {
      const v = arg(0);
      return v.kind === "string" ? { ...v, range } : v.kind === "unknown" ? { ...v, range } : unknown(range, "dynamic", name);
    }
    case "base64decode": {
      const v = arg(0);
      const s = knownString(v);
      if (s === void 0 || !/^[A-Za-z0-9+/=\s]*$/.test(s)) return unknown(range, "dynamic", name);
      const text = Buffer.from(s, "base64").toString("utf8");
      return { kind: "string", value: text, range, pieces: [{ text, start: range.start, end: range.end, verbatim: false }] };
    }
    case "file":
    case "templatefile": {
      const pathArg = args2[0];
      const p = pathArg ? evaluateForPath(pathArg, scope, depth) : void 0;
      if (p === void 0) return unknown(range, "dynamic", name);
      const base = scope.file.dir;
      if (!base) return unknown(range, "external", `${name}(${p})`);
      const full = resolvePath(base, p);
      let text;
      try {
        if (!existsSync4(full)) return unknown(range, "external", `${name}(${p})`);
        text = readRegularFile(full, 1024 * 1024).toString("utf8");
      } catch {
        return unknown(range, "external", `${name}(${p})`);
      }
      return {
        kind: "string",
        value: text,
        range,
        pieces: [{ text, start: range.start, end: range.end, verbatim: false }],
        fromFile: full,
        ...name === "templatefile" && /[$%]\{/.test(text) ? { hasPlaceholders: true } : {}
      };
    }
    default:
      return unknown(range, "dynamic", `${name}()`);
  }
}
function evaluateForPath(expr, scope, depth) {
  if (expr.kind === "template") return knownString(quotedString(expr, scope, depth + 1, true));
  return knownString(evaluate(expr, scope, depth + 1));
}
function hasUnknown(v) {
  if (v.kind === "unknown" || v.kind === "ref") return true;
  if (v.kind === "string") return v.hasPlaceholders === true;
  if (v.kind === "list") return v.items.some(hasUnknown);
  if (v.kind === "map") return v.entries.some((e) => hasUnknown(e.value));
  return false;
}
var visiting = /* @__PURE__ */ new Set();
function resolveTraversal(path, range, scope, depth) {
  const [head, a, b, c] = path;
  const label = path.join(".");
  if (depth > MAX_DEPTH) return unknown(range, "unsupported", label);
  switch (head) {
    case "var": {
      const block = a ? moduleOf(scope.file).variables.get(a) : void 0;
      const def = block?.attribute("default");
      if (!block || !def || visiting.has(def)) return unknown(range, "external", label);
      visiting.add(def);
      try {
        const v = def.value();
        return reanchor(v, range, block.file === scope.file);
      } finally {
        visiting.delete(def);
      }
    }
    case "local": {
      const attr = a ? moduleOf(scope.file).locals.get(a) : void 0;
      if (!attr || visiting.has(attr)) return unknown(range, "dynamic", label);
      visiting.add(attr);
      try {
        const owner = moduleOf(scope.file).files.find((f) => f.blocks.some((bl) => bl.type === "locals" && bl.attributes().includes(attr)));
        return reanchor(attr.value(), range, owner === scope.file);
      } finally {
        visiting.delete(attr);
      }
    }
    case "path":
      if ((a === "module" || a === "root") && scope.file.dir) return { kind: "string", value: scope.file.dir, range };
      if (a === "cwd") return unknown(range, "external", label);
      return unknown(range, "external", label);
    case "data": {
      if (a === "template_file" && b && c === "rendered") {
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        const template = block?.attribute("template");
        if (!block || !template || visiting.has(template)) return unknown(range, "external", label);
        visiting.add(template);
        try {
          const v = template.value();
          if (v.kind !== "string") return unknown(range, "dynamic", label);
          const templated = v.hasPlaceholders === true || /[$%]\{/.test(v.value);
          return reanchor({ ...v, ...templated ? { hasPlaceholders: true } : {} }, range, block.file === scope.file);
        } finally {
          visiting.delete(template);
        }
      }
      if (a === "aws_iam_policy_document" && b && (c === "json" || c === "minified_json")) {
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        if (!block || visiting.has(block)) return unknown(range, "external", label);
        visiting.add(block);
        try {
          const policy = policyDocumentValue(block, range);
          return policy ? { kind: "string", value: JSON.stringify(toPlain(policy, true)), range, encoded: policy, ...hasUnknown(policy) ? { hasPlaceholders: true } : {} } : unknown(range, "external", label);
        } finally {
          visiting.delete(block);
        }
      }
      return unknown(range, "external", label);
    }
    case "module":
    case "terraform":
      return unknown(range, "external", label);
    case "each":
    case "count":
    case "self":
      return unknown(range, "dynamic", label);
    default:
      if (head && a) return { kind: "ref", target: `${head}.${a}`, ...b ? { attribute: b } : {}, range };
      return unknown(range, "dynamic", label);
  }
}
function parsedJson(text, at) {
  try {
    return plainAt(JSON.parse(text), at);
  } catch {
    return void 0;
  }
}
function plainAt(v, range) {
  if (typeof v === "string") return { kind: "string", value: v, range };
  if (typeof v === "number") return { kind: "number", value: v, range };
  if (typeof v === "boolean") return { kind: "bool", value: v, range };
  if (v === null || v === void 0) return { kind: "null", range };
  if (Array.isArray(v)) return { kind: "list", items: v.map((i) => plainAt(i, range)), range };
  return { kind: "map", entries: Object.entries(v).map(([key, val]) => ({ key, keyRange: range, value: plainAt(val, range) })), range };
}
function terraformPolicyDocument(block) {
  return policyDocumentValue(block, block.range);
}
function policyDocumentValue(block, at) {
  const same = (r) => r;
  const other = () => at;
  const pos = block.file.document ? same : other;
  const statements = [];
  const incomplete = (r) => ({ kind: "unknown", reason: "dynamic", range: pos(r), label: "dynamic statement" });
  const merged = (names) => {
    const out = [];
    for (const name of names) {
      const attr = block.attribute(name);
      if (!attr) continue;
      const v = attr.value();
      for (const item of v.kind === "list" ? v.items : [v]) {
        const doc = item.kind === "string" && item.encoded ? item.encoded : item.kind === "string" && !item.hasPlaceholders ? parsedJson(item.value, attr.range) : void 0;
        const st = doc ? mapGet(doc, "Statement") : void 0;
        if (!st || st.kind !== "list" && st.kind !== "map") {
          out.push(incomplete(attr.range));
          continue;
        }
        out.push(...st.kind === "list" ? st.items : [st]);
      }
      if (v.kind !== "list" && v.kind !== "string") out.push(incomplete(attr.range));
    }
    return out;
  };
  const sidOf = (st) => knownString(mapGet(st, "Sid"));
  const putAll = (list, items) => {
    for (const st of items) {
      const sid = sidOf(st);
      const at2 = sid ? list.findIndex((x) => sidOf(x) === sid) : -1;
      if (at2 >= 0) list[at2] = st;
      else list.push(st);
    }
  };
  putAll(statements, merged(["source_policy_documents", "source_json"]));
  if (block.blocks("dynamic").length > 0) statements.push(incomplete(block.range));
  const own = [];
  for (const st of block.blocks("statement")) {
    if (st.blocks("dynamic").length > 0) {
      own.push(incomplete(st.range));
      continue;
    }
    const entries = [];
    const put = (key, attrName) => {
      const attr = st.attribute(attrName);
      if (attr) entries.push({ key, keyRange: pos(attr.nameRange), value: reanchor(attr.value(), at, !!block.file.document) });
    };
    put("Sid", "sid");
    const effect = st.attribute("effect");
    entries.push({ key: "Effect", keyRange: pos(st.typeRange), value: effect ? reanchor(effect.value(), at, !!block.file.document) : { kind: "string", value: "Allow", range: pos(st.typeRange) } });
    put("Action", "actions");
    put("NotAction", "not_actions");
    put("Resource", "resources");
    put("NotResource", "not_resources");
    for (const [blockName, key] of [["principals", "Principal"], ["not_principals", "NotPrincipal"]]) {
      const ps = st.blocks(blockName);
      if (ps.length === 0) continue;
      const pe = [];
      for (const p of ps) {
        const type = knownString(p.attribute("type")?.value());
        const ids = p.attribute("identifiers");
        if (type && ids) pe.push({ key: type, keyRange: pos(p.typeRange), value: reanchor(ids.value(), at, !!block.file.document) });
        else pe.push({ key: "?", keyRange: pos(p.typeRange), value: { kind: "unknown", reason: "dynamic", range: pos(p.range) } });
      }
      entries.push({ key, keyRange: pos(ps[0].typeRange), value: { kind: "map", entries: pe, range: pos(ps[0].range) } });
    }
    const conditions = st.blocks("condition");
    if (conditions.length > 0) {
      const ops = [];
      for (const c of conditions) {
        const test = knownString(c.attribute("test")?.value());
        const variable = knownString(c.attribute("variable")?.value());
        const values = c.attribute("values");
        const inner = variable !== void 0 && values ? { key: variable, keyRange: pos(c.attribute("variable").range), value: reanchor(values.value(), at, !!block.file.document) } : { key: "?", keyRange: pos(c.typeRange), value: { kind: "unknown", reason: "dynamic", range: pos(c.range) } };
        ops.push({ key: test ?? "?", keyRange: pos(c.typeRange), value: { kind: "map", entries: [inner], range: pos(c.range) } });
      }
      entries.push({ key: "Condition", keyRange: pos(conditions[0].typeRange), value: { kind: "map", entries: ops, range: pos(conditions[0].range) } });
    }
    if (st.blocks("dynamic").length === 0 && st.attributes().length === 0 && st.blocks().length === 0) continue;
    own.push({ kind: "map", entries, range: pos(st.range) });
  }
  putAll(statements, own);
  putAll(statements, merged(["override_policy_documents", "override_json"]));
  return {
    kind: "map",
    entries: [
      { key: "Version", keyRange: pos(block.typeRange), value: { kind: "string", value: "2012-10-17", range: pos(block.typeRange) } },
      { key: "Statement", keyRange: pos(block.typeRange), value: { kind: "list", items: statements, range: pos(block.range) } }
    ],
    range: pos(block.range)
  };
}
function resourceBlocks(file, types) {
  const want = types ? new Set(types) : void 0;
  return file.blocks.filter((b) => b.type === "resource" && b.labels.length >= 2 && (!want || want.has(b.labels[0].value)));
}
function resourceType(block) {
  return block.labels[0]?.value ?? "";
}
function resourceName(block) {
  return block.labels[1]?.value ?? "";
}
var PLAN_SIGNATURE = /"format_version"\s*:/;
var PLAN_BODY = /"(?:planned_values|resource_changes|prior_state)"\s*:/;
function looksLikeTerraformPlan(text) {
  return PLAN_SIGNATURE.test(text) && PLAN_BODY.test(text);
}
var plans = /* @__PURE__ */ new WeakMap();
function parseTerraformPlan(doc, notes) {
  const cached = plans.get(doc);
  if (cached) return cached;
  const out = [];
  const root = parseYamlDocuments(doc, notes)[0];
  const visit3 = (module) => {
    if (module?.kind !== "map") return;
    const resources = mapGet(module, "resources");
    if (resources?.kind === "list") {
      for (const r of resources.items) {
        const type = mapEntry(r, "type");
        const values = mapGet(r, "values");
        out.push({
          address: knownString(mapGet(r, "address")) ?? "",
          type: knownString(type?.value) ?? "",
          name: knownString(mapGet(r, "name")) ?? "",
          mode: knownString(mapGet(r, "mode")) ?? "managed",
          typeRange: type?.value.range ?? r.range,
          ...values?.kind === "map" ? { values } : {}
        });
      }
    }
    const children = mapGet(module, "child_modules");
    if (children?.kind === "list") children.items.forEach(visit3);
  };
  visit3(mapGet(mapGet(root, "planned_values"), "root_module"));
  plans.set(doc, out);
  return out;
}

// src/iac/graph.ts
var CFN_KINDS = {
  "AWS::EC2::Instance": "instance",
  "AWS::EC2::LaunchTemplate": "launch-template",
  "AWS::AutoScaling::LaunchConfiguration": "launch-configuration",
  "AWS::EC2::SpotFleet": "fleet",
  "AWS::EC2::EC2Fleet": "fleet",
  "AWS::AutoScaling::AutoScalingGroup": "autoscaling-group",
  "AWS::IAM::InstanceProfile": "instance-profile",
  "AWS::IAM::Role": "role",
  "AWS::IAM::Policy": "policy",
  "AWS::IAM::ManagedPolicy": "policy",
  "AWS::IAM::RolePolicy": "policy",
  "AWS::IAM::User": "user",
  "AWS::IAM::Group": "group",
  "AWS::IAM::UserToGroupAddition": "group-membership",
  "AWS::IAM::UserPolicy": "policy",
  "AWS::IAM::GroupPolicy": "policy",
  "AWS::IAM::AccessKey": "access-key",
  "AWS::Lambda::Function": "lambda",
  "AWS::Serverless::Function": "lambda",
  "AWS::ECS::TaskDefinition": "ecs-task-definition",
  "AWS::EKS::Nodegroup": "eks-nodegroup",
  "AWS::Batch::ComputeEnvironment": "batch-compute"
};
var TF_KINDS = {
  aws_instance: "instance",
  aws_launch_template: "launch-template",
  aws_launch_configuration: "launch-configuration",
  aws_spot_instance_request: "spot-request",
  aws_spot_fleet_request: "fleet",
  aws_ec2_fleet: "fleet",
  aws_autoscaling_group: "autoscaling-group",
  aws_iam_instance_profile: "instance-profile",
  aws_iam_role: "role",
  aws_iam_policy: "policy",
  aws_iam_role_policy: "policy",
  aws_iam_role_policy_attachment: "policy-attachment",
  aws_iam_policy_attachment: "policy-attachment",
  aws_iam_user: "user",
  aws_iam_group: "group",
  aws_iam_group_membership: "group-membership",
  aws_iam_user_group_membership: "group-membership",
  aws_iam_user_policy: "policy",
  aws_iam_group_policy: "policy",
  aws_iam_user_policy_attachment: "policy-attachment",
  aws_iam_group_policy_attachment: "policy-attachment",
  aws_iam_access_key: "access-key",
  aws_lambda_function: "lambda",
  aws_ecs_task_definition: "ecs-task-definition",
  aws_eks_node_group: "eks-nodegroup",
  aws_batch_compute_environment: "batch-compute"
};
function describeNode(node) {
  return node.format === "cloudformation" ? `${node.type} ${node.id}` : node.id;
}
function attrOf(entry) {
  return entry ? { value: entry.value, keyRange: entry.keyRange } : void 0;
}
function tfAttr(attr) {
  return attr ? { value: attr.value(), keyRange: attr.nameRange } : void 0;
}
function referencesIn(value, out) {
  if (!value) return;
  if (value.kind === "ref") out.add(value.target);
  else if (value.kind === "list") value.items.forEach((v) => referencesIn(v, out));
  else if (value.kind === "map") value.entries.forEach((e) => referencesIn(e.value, out));
  else if (value.kind === "string") {
    if (value.encoded) referencesIn(value.encoded, out);
    if (value.hasPlaceholders) for (const m of value.value.matchAll(/\$\{([A-Za-z][\w:-]*(?:\.[\w-]+)?)(?:\.[\w-]+)*\}/g)) out.add(m[1].split(".").slice(0, 2).join("."));
  }
}
function policyDocument(value) {
  if (!value) return void 0;
  if (value.kind === "map") return value;
  if (value.kind === "string") {
    if (value.encoded) return value.encoded;
    if (value.hasPlaceholders && !value.value.trim().startsWith("{")) return void 0;
    try {
      return plainToValue(JSON.parse(value.value), value.range);
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function plainToValue(v, range) {
  if (typeof v === "string") return { kind: "string", value: v, range, ...v.includes("${") ? { hasPlaceholders: true } : {} };
  if (typeof v === "number") return { kind: "number", value: v, range };
  if (typeof v === "boolean") return { kind: "bool", value: v, range };
  if (v === null || v === void 0) return { kind: "null", range };
  if (Array.isArray(v)) return { kind: "list", items: v.map((i) => plainToValue(i, range)), range };
  return { kind: "map", entries: Object.entries(v).map(([key, val]) => ({ key, keyRange: range, value: plainToValue(val, range) })), range };
}
function cfnGraph(template) {
  const nodes = template.resources.map((r) => ({
    id: r.logicalId,
    format: "cloudformation",
    type: r.type,
    kind: CFN_KINDS[r.type] ?? "other",
    typeRange: r.typeRange,
    nameRange: r.idRange,
    local: true,
    cfn: r
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let cfnReferrers;
  const props = (n) => n.cfn?.properties;
  const attribute = (n, path) => {
    let current = props(n);
    let entry;
    for (const step of path) {
      entry = mapEntry(current, step);
      if (!entry) return void 0;
      current = entry.value;
    }
    return attrOf(entry);
  };
  const templateData = (n) => n.kind === "launch-template" ? "LaunchTemplateData" : void 0;
  const under = (n, path) => templateData(n) ? [templateData(n), ...path] : path;
  const resolve = (value) => {
    if (!value) return void 0;
    if (value.kind === "ref") {
      const node = byId.get(value.target);
      return node ? { state: "node", node } : { state: "unknown" };
    }
    if (value.kind === "map") {
      for (const key of ["LaunchTemplateId", "LaunchTemplateName", "Arn", "Name"]) {
        const inner = mapGet(value, key);
        if (inner) return resolve(inner);
      }
      return { state: "unknown" };
    }
    if (value.kind === "string" && value.hasPlaceholders) {
      const refs = /* @__PURE__ */ new Set();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r.split(".")[0]);
        if (node) return { state: "node", node };
      }
    }
    return { state: "unknown" };
  };
  return {
    format: "cloudformation",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute,
    resolve,
    instanceProfileOf(n) {
      if (n.kind === "fleet") {
        const specs = asList(getPath(props(n), ["SpotFleetRequestConfigData", "LaunchSpecifications"]));
        for (const spec of specs) {
          const p = mapEntry(spec, "IamInstanceProfile");
          if (p) return attrOf(p);
        }
        return void 0;
      }
      return attribute(n, under(n, ["IamInstanceProfile"]));
    },
    launchTemplatesOf(n) {
      const out = [];
      const p = props(n);
      const lt = mapGet(p, "LaunchTemplate");
      if (lt) out.push(lt);
      const mixed = getPath(p, ["MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification"]);
      if (mixed) out.push(mixed);
      for (const cfg of asList(getPath(p, ["SpotFleetRequestConfigData", "LaunchTemplateConfigs"]))) {
        const spec = mapGet(cfg, "LaunchTemplateSpecification");
        if (spec) out.push(spec);
      }
      for (const cfg of asList(mapGet(p, "LaunchTemplateConfigs"))) {
        const spec = mapGet(cfg, "LaunchTemplateSpecification");
        if (spec) out.push(spec);
      }
      const lc = mapGet(p, "LaunchConfigurationName");
      if (lc) out.push(lc);
      return out;
    },
    userDataOf(n) {
      const ud = n.kind === "fleet" ? mapGet(asList(getPath(props(n), ["SpotFleetRequestConfigData", "LaunchSpecifications"]))[0], "UserData") : attribute(n, under(n, ["UserData"]))?.value;
      return ud?.kind === "string" ? ud.value : void 0;
    },
    metadataOptionsOf(n) {
      const entry = n.kind === "launch-template" ? mapEntry(mapGet(props(n), "LaunchTemplateData"), "MetadataOptions") : mapEntry(props(n), "MetadataOptions");
      if (!entry) return void 0;
      return {
        range: entry.keyRange,
        ...optional("httpTokens", attrOf(mapEntry(entry.value, "HttpTokens"))),
        ...optional("httpEndpoint", attrOf(mapEntry(entry.value, "HttpEndpoint"))),
        ...optional("hopLimit", attrOf(mapEntry(entry.value, "HttpPutResponseHopLimit")))
      };
    },
    rolesOf(profile) {
      const roles = mapEntry(props(profile), "Roles");
      if (!roles) return [];
      return asList(roles.value).map((value) => ({ value, keyRange: roles.keyRange }));
    },
    trustPolicyOf(role) {
      return attribute(role, ["AssumeRolePolicyDocument"]);
    },
    referrers(target) {
      if (!cfnReferrers) {
        cfnReferrers = /* @__PURE__ */ new Map();
        for (const n of nodes) {
          const refs = /* @__PURE__ */ new Set();
          referencesIn(n.cfn?.properties, refs);
          const ids = new Set([...refs].map((r) => r.split(".")[0]));
          for (const id of ids) {
            const list = cfnReferrers.get(id);
            if (list) list.push(n);
            else cfnReferrers.set(id, [n]);
          }
        }
      }
      return cfnReferrers.get(target.id) ?? [];
    },
    policiesOf(role) {
      const out = [];
      for (const p of asList(mapGet(props(role), "Policies"))) {
        const doc = mapGet(p, "PolicyDocument");
        if (doc) out.push({ node: role, document: doc });
      }
      for (const n of nodes) {
        if (n.kind !== "policy") continue;
        const roles = asList(mapGet(props(n), "Roles")).concat(mapGet(props(n), "RoleName") ? [mapGet(props(n), "RoleName")] : []);
        if (roles.some((r) => r.kind === "ref" && r.target === role.id)) {
          const doc = mapGet(props(n), "PolicyDocument");
          if (doc) out.push({ node: n, document: doc });
        }
      }
      return out;
    },
    moduleCalls: () => []
  };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function blocksWithDynamic(block, type) {
  if (!block) return [];
  const generated = block.blocks("dynamic").filter((d) => d.labels[0]?.value === type).flatMap((d) => d.blocks("content").slice(0, 1));
  return [...block.blocks(type), ...generated];
}
function dynamicBlocks(block, type) {
  return block.blocks("dynamic").filter((d) => d.labels[0]?.value === type);
}
function dynamicValue(range, label) {
  return { kind: "unknown", reason: "dynamic", range, label };
}
var TRAVERSAL = /(?<![\w.$-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g;
var traversals = /* @__PURE__ */ new WeakMap();
function traversalsOf(attr) {
  let found = traversals.get(attr);
  if (!found) {
    found = [...attr.source().matchAll(TRAVERSAL)].map((m) => [m[1], m[2]]);
    traversals.set(attr, found);
  }
  return found;
}
function attributeReferences(attr, locals, out, seen2) {
  if (seen2.has(attr)) return;
  seen2.add(attr);
  for (const [head, name] of traversalsOf(attr)) {
    if (head === "local") {
      const l = locals.get(name);
      if (l) attributeReferences(l, locals, out, seen2);
    } else out.add(`${head}.${name}`);
  }
}
function tfGraph(file) {
  const mod = moduleOf(file);
  const nodes = [];
  const byId = /* @__PURE__ */ new Map();
  for (const f of mod.files) {
    for (const b of f.blocks) {
      if (b.type !== "resource" || b.labels.length < 2) continue;
      const type = b.labels[0].value;
      const id = `${type}.${b.labels[1].value}`;
      if (byId.has(id)) continue;
      const node = { id, format: "terraform", type, kind: TF_KINDS[type] ?? "other", typeRange: b.labels[0].range, nameRange: b.labels[1].range, local: f === file, tf: b };
      nodes.push(node);
      byId.set(id, node);
    }
  }
  const attribute = (n, path) => {
    let block = n.tf;
    for (let i = 0; i < path.length - 1; i++) {
      const nested = block?.blocks(path[i])[0];
      if (!nested) {
        const obj = block?.attribute(path[i])?.value();
        const entry = obj ? mapEntry(obj.kind === "list" ? obj.items[0] : obj, path[path.length - 1]) : void 0;
        return i === path.length - 2 ? attrOf(entry) : void 0;
      }
      block = nested;
    }
    return tfAttr(block?.attribute(path[path.length - 1]));
  };
  const resolve = (value) => {
    if (!value) return void 0;
    if (value.kind === "ref") {
      const node = byId.get(value.target);
      return node ? { state: "node", node } : { state: "unknown" };
    }
    if (value.kind === "string" && value.hasPlaceholders) {
      const refs = /* @__PURE__ */ new Set();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r);
        if (node) return { state: "node", node };
      }
    }
    return { state: "unknown" };
  };
  const blockOf = (n) => n.tf;
  const references = /* @__PURE__ */ new Map();
  let referrersIndex;
  const referencesOf = (n) => {
    let refs = references.get(n);
    if (refs) return refs;
    const found = /* @__PURE__ */ new Set();
    const seen2 = /* @__PURE__ */ new Set();
    const walk2 = (b) => {
      for (const a of b.attributes()) attributeReferences(a, mod.locals, found, seen2);
      for (const nb of b.blocks()) walk2(nb);
    };
    walk2(blockOf(n));
    refs = found;
    references.set(n, refs);
    return refs;
  };
  return {
    format: "terraform",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => n.local && (!kinds || kinds.includes(n.kind))),
    attribute,
    resolve,
    instanceProfileOf(n) {
      const b = blockOf(n);
      if (n.type === "aws_launch_template") {
        const spec = b.blocks("iam_instance_profile")[0];
        if (spec) {
          const inner = spec.attribute("name") ?? spec.attribute("arn");
          return inner ? tfAttr(inner) : { value: { kind: "unknown", reason: "dynamic", range: spec.typeRange }, keyRange: spec.typeRange };
        }
        const dyn = dynamicBlocks(b, "iam_instance_profile")[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "iam_instance_profile"'), keyRange: dyn.typeRange };
        return tfAttr(b.attribute("iam_instance_profile"));
      }
      if (n.type === "aws_spot_fleet_request") {
        const dyn = dynamicBlocks(b, "launch_specification")[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "launch_specification"'), keyRange: dyn.typeRange };
        for (const spec of b.blocks("launch_specification")) {
          const p = spec.attribute("iam_instance_profile") ?? spec.attribute("iam_instance_profile_arn");
          if (p) return tfAttr(p);
        }
        return void 0;
      }
      return tfAttr(b.attribute("iam_instance_profile"));
    },
    launchTemplatesOf(n) {
      const b = blockOf(n);
      const out = [];
      const specs = [
        ...blocksWithDynamic(b, "launch_template"),
        ...blocksWithDynamic(b, "mixed_instances_policy").flatMap((m) => blocksWithDynamic(m, "launch_template").flatMap((lt) => blocksWithDynamic(lt, "launch_template_specification"))),
        ...blocksWithDynamic(b, "launch_template_config").flatMap((c) => blocksWithDynamic(c, "launch_template_specification"))
      ];
      for (const spec of specs) {
        const ref = spec.attribute("id") ?? spec.attribute("launch_template_id") ?? spec.attribute("name") ?? spec.attribute("launch_template_name");
        out.push(ref ? ref.value() : { kind: "unknown", reason: "dynamic", range: spec.typeRange });
      }
      const lc = b.attribute("launch_configuration");
      if (lc) out.push(lc.value());
      return out;
    },
    userDataOf(n) {
      const b = blockOf(n);
      const ud = b.attribute("user_data") ?? b.attribute("user_data_base64") ?? b.blocks("launch_specification")[0]?.attribute("user_data");
      const v = ud?.value();
      return v?.kind === "string" ? v.value : void 0;
    },
    metadataOptionsOf(n) {
      const b = blockOf(n);
      const block = b.blocks("metadata_options")[0];
      if (block) {
        return {
          range: block.typeRange,
          ...optional("httpTokens", tfAttr(block.attribute("http_tokens"))),
          ...optional("httpEndpoint", tfAttr(block.attribute("http_endpoint"))),
          ...optional("hopLimit", tfAttr(block.attribute("http_put_response_hop_limit")))
        };
      }
      const dyn = dynamicBlocks(b, "metadata_options")[0];
      if (dyn) {
        const content = dyn.blocks("content")[0];
        const tokens = content?.attribute("http_tokens");
        const tokenValue = knownString(tokens?.value());
        const hop = content?.attribute("http_put_response_hop_limit");
        return {
          range: dyn.typeRange,
          httpTokens: tokens && tokenValue !== void 0 && tokenValue.toLowerCase() !== "required" ? tfAttr(tokens) : { value: dynamicValue(tokens?.range ?? dyn.range, 'dynamic "metadata_options"'), keyRange: tokens?.nameRange ?? dyn.typeRange },
          ...optional("httpEndpoint", tfAttr(content?.attribute("http_endpoint"))),
          ...optional("hopLimit", tfAttr(hop))
        };
      }
      const obj = b.attribute("metadata_options");
      if (!obj) return void 0;
      const v = obj.value();
      const m = v.kind === "list" ? v.items[0] : v;
      return {
        range: obj.nameRange,
        ...optional("httpTokens", attrOf(mapEntry(m, "http_tokens"))),
        ...optional("httpEndpoint", attrOf(mapEntry(m, "http_endpoint"))),
        ...optional("hopLimit", attrOf(mapEntry(m, "http_put_response_hop_limit")))
      };
    },
    rolesOf(profile) {
      const b = blockOf(profile);
      const role = b.attribute("role");
      if (role) return [{ value: role.value(), keyRange: role.nameRange }];
      const roles = b.attribute("roles");
      return roles ? asList(roles.value()).map((value) => ({ value, keyRange: roles.nameRange })) : [];
    },
    trustPolicyOf(role) {
      return tfAttr(blockOf(role).attribute("assume_role_policy"));
    },
    referrers(target) {
      if (!referrersIndex) {
        referrersIndex = /* @__PURE__ */ new Map();
        for (const n of nodes) for (const id of referencesOf(n)) {
          const list = referrersIndex.get(id);
          if (list) list.push(n);
          else referrersIndex.set(id, [n]);
        }
      }
      return referrersIndex.get(target.id) ?? [];
    },
    policiesOf(role) {
      const out = [];
      const rb = blockOf(role);
      for (const ip of rb.blocks("inline_policy")) {
        const doc = policyDocument(ip.attribute("policy")?.value());
        if (doc) out.push({ node: role, document: doc });
      }
      const refersToRole = (v) => asList(v).some((x) => x.kind === "ref" && x.target === role.id);
      for (const n of nodes) {
        if (n.type === "aws_iam_role_policy" && refersToRole(blockOf(n).attribute("role")?.value())) {
          const doc = policyDocument(blockOf(n).attribute("policy")?.value());
          if (doc) out.push({ node: n, document: doc });
        }
        if (n.kind === "policy-attachment" && (refersToRole(blockOf(n).attribute("role")?.value()) || refersToRole(blockOf(n).attribute("roles")?.value()))) {
          const target = resolve(blockOf(n).attribute("policy_arn")?.value());
          if (target?.state === "node") {
            const doc = policyDocument(blockOf(target.node).attribute("policy")?.value());
            if (doc) out.push({ node: target.node, document: doc });
          }
        }
      }
      for (const arn of asList(rb.attribute("managed_policy_arns")?.value())) {
        const target = resolve(arn);
        if (target?.state === "node") {
          const doc = policyDocument(blockOf(target.node).attribute("policy")?.value());
          if (doc) out.push({ node: target.node, document: doc });
        }
      }
      return out;
    },
    moduleCalls() {
      const out = [];
      for (const b of file.blocks) {
        const label = b.labels[0];
        if (b.type !== "module" || !label) continue;
        const source = knownString(b.attribute("source")?.value());
        out.push({ id: `module.${label.value}`, nameRange: label.range, ...source !== void 0 ? { source } : {}, block: b });
      }
      return out;
    }
  };
}
var TERRAFORM_AWS_MODULES = /(?:^|[/:])terraform-aws-modules\/(?:([\w-]+)\/aws|terraform-aws-([\w-]+?)(?:\.git)?)(?:\/\/([\w./-]*?))?\/?(?:[?#]|$)/i;
var EC2_MODULES = {
  "ec2-instance": [""],
  autoscaling: [""],
  // The root eks module takes node groups as maps of maps; only the node group modules take `metadata_options` directly.
  eks: ["modules/eks-managed-node-group", "modules/self-managed-node-group"]
};
function ec2ModuleOf(source) {
  const m = source === void 0 ? null : TERRAFORM_AWS_MODULES.exec(source.trim());
  if (!m) return void 0;
  const name = (m[1] ?? m[2] ?? "").toLowerCase();
  const subdir = (m[3] ?? "").replace(/^\/+|\/+$/g, "").toLowerCase();
  if (!EC2_MODULES[name]?.includes(subdir)) return void 0;
  return `terraform-aws-modules/${name}${subdir ? `//${subdir}` : ""}`;
}
function moduleMetadataOptions(call) {
  const attr = call.block.attribute("metadata_options");
  if (!attr) return void 0;
  const v = attr.value();
  const m = v.kind === "list" ? v.items[0] : v;
  return {
    range: attr.nameRange,
    ...optional("httpTokens", attrOf(mapEntry(m, "http_tokens"))),
    ...optional("httpEndpoint", attrOf(mapEntry(m, "http_endpoint"))),
    ...optional("hopLimit", attrOf(mapEntry(m, "http_put_response_hop_limit")))
  };
}
function planGraph(resources, text) {
  const nodes = [];
  const byId = /* @__PURE__ */ new Map();
  for (const r of resources) {
    if (r.mode !== "managed" || !r.values || byId.has(r.address)) continue;
    const quoted = text[r.typeRange.start] === '"' && text[r.typeRange.end - 1] === '"' && r.typeRange.end - r.typeRange.start >= 2;
    const typeRange = quoted ? { start: r.typeRange.start + 1, end: r.typeRange.end - 1 } : r.typeRange;
    const node = { id: r.address, format: "terraform", type: r.type, kind: TF_KINDS[r.type] ?? "other", typeRange, nameRange: typeRange, local: true, plan: r };
    nodes.push(node);
    byId.set(node.id, node);
  }
  const values = (n) => n.plan?.values;
  const first = (v) => v?.kind === "list" ? v.items[0] : v;
  const entryAt = (n, path) => {
    let current = values(n);
    let entry;
    for (const step of path) {
      entry = mapEntry(first(current), step);
      if (!entry) return void 0;
      current = entry.value;
    }
    return entry;
  };
  const isSet = (v) => v !== void 0 && v.kind !== "null" && !(v.kind === "list" && v.items.length === 0) && !(v.kind === "string" && v.value === "");
  const setAttr = (entry) => entry && isSet(entry.value) ? attrOf(entry) : void 0;
  return {
    format: "terraform",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute: (n, path) => setAttr(entryAt(n, path)),
    resolve: (value) => value ? { state: "unknown" } : void 0,
    instanceProfileOf(n) {
      if (n.type === "aws_launch_template") {
        const spec = first(entryAt(n, ["iam_instance_profile"])?.value);
        return setAttr(mapEntry(spec, "name")) ?? setAttr(mapEntry(spec, "arn"));
      }
      if (n.type === "aws_spot_fleet_request") {
        for (const spec of asList(entryAt(n, ["launch_specification"])?.value)) {
          const p = setAttr(mapEntry(spec, "iam_instance_profile")) ?? setAttr(mapEntry(spec, "iam_instance_profile_arn"));
          if (p) return p;
        }
        return void 0;
      }
      return setAttr(entryAt(n, ["iam_instance_profile"]));
    },
    launchTemplatesOf(n) {
      const out = [];
      const specs = [
        ...asList(entryAt(n, ["launch_template"])?.value),
        ...asList(getPath(first(entryAt(n, ["mixed_instances_policy"])?.value), ["launch_template"])).flatMap((lt) => asList(mapGet(lt, "launch_template_specification"))),
        ...asList(entryAt(n, ["launch_template_config"])?.value).flatMap((c) => asList(mapGet(c, "launch_template_specification")))
      ];
      for (const spec of specs) if (spec.kind === "map") out.push(spec);
      const lc = setAttr(entryAt(n, ["launch_configuration"]));
      if (lc) out.push(lc.value);
      return out;
    },
    userDataOf(n) {
      return knownString(entryAt(n, ["user_data"])?.value);
    },
    metadataOptionsOf(n) {
      const entry = entryAt(n, ["metadata_options"]);
      const m = first(entry?.value);
      if (!entry || m?.kind !== "map") return void 0;
      return {
        range: entry.keyRange,
        ...optional("httpTokens", setAttr(mapEntry(m, "http_tokens"))),
        ...optional("httpEndpoint", setAttr(mapEntry(m, "http_endpoint"))),
        ...optional("hopLimit", setAttr(mapEntry(m, "http_put_response_hop_limit")))
      };
    },
    rolesOf(profile) {
      const role = setAttr(entryAt(profile, ["role"]));
      return role ? [role] : [];
    },
    trustPolicyOf(role) {
      return setAttr(entryAt(role, ["assume_role_policy"]));
    },
    // Planned values hold no references: relations are not known.
    referrers: () => [],
    policiesOf: () => [],
    // Plans flatten modules into their resources (checked as such).
    moduleCalls: () => []
  };
}
var graphs = /* @__PURE__ */ new WeakMap();
function resourceGraph(doc) {
  const cached = graphs.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let graph = null;
  if (doc.kind === "cloudformation") {
    const template = parseCloudFormation(doc);
    if (template) graph = cfnGraph(template);
  } else if (doc.kind === "terraform" && !/\.tfvars(?:\.json)?$/i.test(doc.path)) {
    graph = tfGraph(parseTerraform(doc));
  } else if (doc.kind === "text" && doc.language === "json" && looksLikeTerraformPlan(doc.text)) {
    graph = planGraph(parseTerraformPlan(doc), doc.text);
  }
  graphs.set(doc, graph);
  return graph ?? void 0;
}
function actionPattern(pattern) {
  const p = pattern.toLowerCase();
  return {
    test(action) {
      const t = action.toLowerCase();
      let pi = 0;
      let ti = 0;
      let star = -1;
      let mark = 0;
      while (ti < t.length) {
        if (pi < p.length && (p[pi] === "?" || p[pi] === t[ti])) {
          pi++;
          ti++;
        } else if (pi < p.length && p[pi] === "*") {
          star = pi++;
          mark = ti;
        } else if (star !== -1) {
          pi = star + 1;
          ti = ++mark;
        } else return false;
      }
      while (pi < p.length && p[pi] === "*") pi++;
      return pi === p.length;
    }
  };
}
function statementCoversAction(st, action) {
  const matches = (list) => {
    let uncertain = false;
    for (const a of list) {
      const s = knownString(a);
      if (s === void 0) uncertain = true;
      else if (actionPattern(s).test(action)) return true;
    }
    return uncertain ? void 0 : false;
  };
  const act = mapGet(st, "Action");
  if (act) {
    if (act.kind !== "list" && act.kind !== "string") return void 0;
    return matches(asList(act));
  }
  const notAct = mapGet(st, "NotAction");
  if (notAct) {
    if (notAct.kind !== "list" && notAct.kind !== "string") return void 0;
    const m = matches(asList(notAct));
    return m === void 0 ? void 0 : !m;
  }
  return void 0;
}
function statementCoversEc2(st) {
  if (mapGet(st, "NotPrincipal")) return void 0;
  const principal = mapGet(st, "Principal");
  if (!principal) return void 0;
  if (principal.kind === "string") return principal.hasPlaceholders ? void 0 : principal.value === "*";
  if (principal.kind !== "map") return void 0;
  let uncertain = false;
  for (const e of principal.entries) {
    if (e.key !== "Service") {
      if (e.key === "AWS" && asList(e.value).some((v) => knownString(v) === void 0 || knownString(v) === "*")) uncertain = true;
      continue;
    }
    if (e.value.kind !== "list" && e.value.kind !== "string") {
      uncertain = true;
      continue;
    }
    for (const s of asList(e.value)) {
      const v = knownString(s);
      if (v === void 0) uncertain = true;
      else if (/^ec2\.amazonaws\.com(?:\.cn)?$/i.test(v.trim()) || v === "*") return true;
    }
  }
  return uncertain ? void 0 : false;
}
function trustsEc2(trust) {
  const doc = policyDocument(trust);
  if (!doc || doc.kind !== "map") return void 0;
  const statementValue2 = mapGet(doc, "Statement");
  if (!statementValue2 || statementValue2.kind !== "list" && statementValue2.kind !== "map") return void 0;
  if (statementValue2.kind === "list" && statementValue2.items.length === 0) return void 0;
  let uncertain = false;
  let allowed = false;
  for (const st of asList(statementValue2)) {
    if (st.kind !== "map") {
      uncertain = true;
      continue;
    }
    const effect = knownString(mapGet(st, "Effect"))?.toLowerCase();
    const action = statementCoversAction(st, "sts:AssumeRole");
    const principal = statementCoversEc2(st);
    if (effect === "deny") {
      if (action === true && principal === true && !mapGet(st, "Condition")) return false;
      continue;
    }
    if (effect !== "allow") {
      uncertain = true;
      continue;
    }
    if (action === true && principal === true) allowed = true;
    else if (action !== false && principal !== false) uncertain = true;
  }
  if (allowed) return true;
  return uncertain ? void 0 : false;
}
var AWS_API_USE = /(?:^|[\s;&|(`"'$])aws\s+(?:s3|ssm|ec2|sts|secretsmanager|ecr|dynamodb|sqs|sns|cloudwatch|logs|configure|kms|autoscaling|elbv2|route53|lambda|iam|[a-z0-9-]+\s+[a-z])|\bboto3\b|\bbotocore\b|\baws-sdk\b|@aws-sdk\/|\bAWSPowerShell\b|\b(?:Read|Write|Copy)-S3Object\b|\bGet-SSMParameter\b|\baws-cli\b/;

// src/engine/document.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  lineStarts() {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
  /** 0-based line number holding `offset`. */
  lineOf(offset) {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset) {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts()[line] + 1 };
  }
  /** The text of a 1-based line, without its line break. */
  lineText(line) {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === void 0) return "";
    const next = starts[line];
    let end = next === void 0 ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return this.text.slice(start, end);
  }
  lineStart(line) {
    return this.lineStarts()[line - 1] ?? this.text.length;
  }
  get lineCount() {
    return this.lineStarts().length;
  }
};
var OffsetMap = class _OffsetMap {
  segments;
  constructor(segments) {
    this.segments = [...segments].sort((a, b) => a.from - b.from);
  }
  /** A map for a document copied verbatim from `hostStart`. */
  static identity(hostStart, length) {
    return new _OffsetMap([{ from: 0, length, to: hostStart, hostLength: length, verbatim: true }]);
  }
  find(offset) {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const seg = segs[mid];
      if (seg.from <= offset) {
        found = seg;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
  /** Maps a virtual range [start, end) to a host range; never returns an empty range for a non-empty input. */
  mapRange(start, end) {
    const first = this.find(start);
    const last = this.find(Math.max(start, end - 1));
    if (!first || !last) return { start: 0, end: 0 };
    const hostStart = first.verbatim ? first.to + Math.min(start - first.from, first.length) : first.to;
    const hostEnd = last.verbatim ? last.to + Math.min(end - last.from, last.length) : last.to + last.hostLength;
    return { start: hostStart, end: Math.max(hostEnd, hostStart) };
  }
};
var VirtualTextBuilder = class {
  parts = [];
  segments = [];
  length = 0;
  /** Appends host text copied as is, starting at `hostOffset`. */
  verbatim(text, hostOffset) {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostOffset, hostLength: text.length, verbatim: true });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  /** Appends text that stands for the host range [hostStart, hostEnd) as a whole. */
  synthetic(text, hostStart, hostEnd) {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostStart, hostLength: hostEnd - hostStart, verbatim: false });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  build() {
    return { text: this.parts.join(""), map: new OffsetMap(this.segments) };
  }
};
function createDocument(init) {
  return {
    path: init.path,
    ...init.absPath !== void 0 ? { absPath: init.absPath } : {},
    kind: init.kind,
    language: init.language,
    text: init.text,
    lines: new LineIndex(init.text),
    bootstrap: init.bootstrap ?? (init.kind === "user-data" || init.kind === "cloud-init" || init.kind === "dockerfile"),
    depth: 0
  };
}
function createVirtualDocument(host, init) {
  return {
    path: host.path,
    ...host.absPath !== void 0 ? { absPath: host.absPath } : {},
    kind: init.kind,
    language: init.language ?? init.kind,
    text: init.text,
    lines: new LineIndex(init.text),
    host: { document: host, map: init.map, label: init.label },
    bootstrap: init.bootstrap ?? (host.bootstrap || init.kind === "user-data" || init.kind === "cloud-init"),
    depth: host.depth + 1
  };
}
function rootDocument(doc) {
  let current = doc;
  while (current.host) current = current.host.document;
  return current;
}
function toFileRange(doc, start, end) {
  let current = doc;
  let range = { start, end };
  while (current.host) {
    range = current.host.map.mapRange(range.start, range.end);
    current = current.host.document;
  }
  return range;
}
function embeddingPath(doc) {
  const labels = [];
  let current = doc;
  while (current.host) {
    labels.unshift(current.host.label);
    current = current.host.document;
  }
  return labels;
}
var scanEndHooks = [];
function runScanEndHooks() {
  while (scanEndHooks.length > 0) {
    try {
      scanEndHooks.pop()();
    } catch {
    }
  }
}

// src/extract/documents.ts
function documentFromPieces(host, pieces, init) {
  const builder = new VirtualTextBuilder();
  for (const p of pieces) {
    if (p.verbatim) builder.verbatim(p.text, p.start);
    else builder.synthetic(p.text, p.start, p.end);
  }
  const { text, map } = builder.build();
  return createVirtualDocument(host, { kind: init.kind, language: init.language ?? init.kind, text, map, label: init.label, bootstrap: init.bootstrap ?? true });
}
var BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;
function decodeBase64Text(value) {
  const compact = value.replace(/\s+/g, "");
  if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64_BODY.test(compact)) return void 0;
  const text = Buffer.from(compact, "base64").toString("utf8");
  if (text.includes("\uFFFD")) return void 0;
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return controls === 0 ? text : void 0;
}
function userDataDocument(host, value, label, alwaysBase64 = false) {
  if (value?.kind !== "string" || value.value.trim().length === 0) return void 0;
  let pieces = piecesOf(value);
  let text = value.value;
  if (!value.hasPlaceholders && !value.fromFile) {
    const decoded = alwaysBase64 || !/\s/.test(text.trim()) ? decodeBase64Text(text) : void 0;
    if (decoded !== void 0) {
      text = decoded;
      pieces = [{ text: decoded, start: value.range.start, end: value.range.end, verbatim: false }];
    }
  }
  const kind = userDataKind(text);
  return documentFromPieces(host, pieces, { kind, label, bootstrap: true });
}
function linesDocument(host, lines, label, kind = "shell") {
  const pieces = [];
  for (const line of lines) {
    if (line.kind !== "string") {
      pieces.push({ text: "${\u2026}\n", start: line.range.start, end: line.range.end, verbatim: false });
      continue;
    }
    pieces.push(...piecesOf(line));
    pieces.push({ text: "\n", start: line.range.end, end: line.range.end, verbatim: false });
  }
  if (pieces.length === 0) return void 0;
  return documentFromPieces(host, pieces, { kind, language: kind === "shell" ? "bash" : "powershell", label, bootstrap: true });
}
function fileWriteDocument(host, dest, content, label) {
  const destText = (knownString(dest) ?? (dest.kind === "string" ? dest.value : void 0))?.replace(/\{\{[^{}]*\}\}|\$\{[^{}]*\}/g, "TEMPLATE");
  if (destText === void 0 || destText === "" || /[\s'"]/.test(destText)) return void 0;
  const pieces = [{ text: "cat > ", start: dest.range.start, end: dest.range.start, verbatim: false }];
  pieces.push({ text: destText, start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: " <<'CREDLINT_FILE'\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  if (content?.kind === "string") pieces.push(...piecesOf(content));
  else if (content) pieces.push({ text: "${content}", start: content.range.start, end: content.range.end, verbatim: false });
  else pieces.push({ text: "${content}", start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: "\nCREDLINT_FILE\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  return documentFromPieces(host, pieces, { kind: "shell", language: "bash", label, bootstrap: true });
}
function scriptDocument(host, value, kind, label) {
  if (value?.kind !== "string" || value.value.trim() === "") return void 0;
  return documentFromPieces(host, piecesOf(value), { kind, language: kind === "shell" ? "bash" : "powershell", label, bootstrap: true });
}

// src/parsers/user-data.ts
import { gunzipSync } from "node:zlib";
var MULTIPART_HEAD = /^(?:[A-Za-z-]+:[^\n]*\n)*?Content-Type:[ \t]*multipart\/(?:mixed|alternative)/i;
var WINDOWS_HEAD = /^(?:<persist>\s*\w+\s*<\/persist>\s*)?<(?:powershell|script)(?:\s[^>]*)?>/i;
function userDataFormat(text) {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096);
  if (/^#cloud-config\b/.test(head) || /^## template: *jinja\r?\n#cloud-config\b/.test(head)) return "cloud-config";
  if (/^#cloud-boothook\b/.test(head)) return "boothook";
  if (/^#include(?:-once)?\b/.test(head)) return "include";
  if (/^#part-handler\b/.test(head)) return "part-handler";
  if (/^#upstart-job\b/.test(head)) return "upstart";
  if (MULTIPART_HEAD.test(head)) return "multipart";
  if (WINDOWS_HEAD.test(head)) return "windows";
  if (!head.startsWith("#!") && /<powershell>/i.test(head) && /<\/powershell>/i.test(text)) return "windows";
  return "shell";
}
var BOOTSTRAP_PATH = /(?:^|[/_.-])(?:user-?data|user_data|userdata|cloud-?init|cloudinit|bootstrap|provision(?:ing|ers?)?|packer|ami|golden-image|(?:node|instance|server|host|machine|vm|ec2|worker)[-_]?init|first[-_]?boot|startup[-_]scripts?|ec2[-_]?launch)(?:[/_.-]|$)/i;
var SCRIPT_TEMPLATE = /\.(?:tpl|tftpl|tmpl|j2|jinja2?|erb|mustache|hbs|gotmpl)$/i;
function isBootstrapContext(doc) {
  if (doc.bootstrap) return true;
  if (doc.kind !== "shell" && doc.kind !== "powershell" || doc.host) return false;
  return BOOTSTRAP_PATH.test(doc.path) || SCRIPT_TEMPLATE.test(doc.path);
}
function linesOf(text, from, to) {
  const lines = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf("\n", start);
    if (nl === -1 || nl >= to) nl = to;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end, next: Math.min(nl + 1, to) });
    if (nl >= to) break;
    start = nl + 1;
  }
  return lines;
}
function readHeaders(text, lines, first, limit = lines.length) {
  const values = /* @__PURE__ */ new Map();
  let current;
  let i = first;
  for (; i < limit; i++) {
    const line = lines[i];
    const content = text.slice(line.start, line.end);
    if (content.trim() === "") {
      i++;
      break;
    }
    if (/^[ \t]/.test(content) && current) {
      values.set(current, `${values.get(current) ?? ""} ${content.trim()}`);
      continue;
    }
    const colon = content.indexOf(":");
    if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(content.slice(0, colon))) {
      break;
    }
    current = content.slice(0, colon).toLowerCase();
    values.set(current, content.slice(colon + 1).trim());
  }
  const bodyStart = i < lines.length ? lines[i].start : lines.at(-1)?.next ?? 0;
  return { headers: { values, bodyStart }, next: Math.min(i, limit) };
}
function parameter(header, name) {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(header);
  return m ? m[1] ?? m[2] : void 0;
}
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
}
function decodeBase64Text2(encoded) {
  const compact = encoded.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return void 0;
  let bytes = Buffer.from(compact, "base64");
  if (bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BYTES });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") {
        reportIncomplete(void 0, `a gzip-compressed part inflates past ${MAX_DECODED_BYTES / 1048576} MB and was not decoded`);
      }
      return void 0;
    }
  }
  const decoded = bytes.toString("utf8");
  const controls = decoded.match(/[\x00-\x08\x0e-\x1f]/g)?.length ?? 0;
  return controls > decoded.length / 100 + 2 ? void 0 : decoded;
}
function parseMultipart(text, from = 0, to = text.length, boundaryHint) {
  const lines = linesOf(text, from, to);
  let boundary = boundaryHint;
  let i = 0;
  if (!boundary) {
    const { headers, next } = readHeaders(text, lines, 0);
    const type = headers.values.get("content-type") ?? "";
    if (!/^multipart\//i.test(type)) return void 0;
    boundary = parameter(type, "boundary");
    i = next;
  }
  if (!boundary) return void 0;
  const delimiter = `--${boundary}`;
  const parts = [];
  let partStartLine;
  const closePart = (endLine) => {
    if (partStartLine === void 0) return;
    const { headers, next } = readHeaders(text, lines, partStartLine, endLine);
    const last = endLine - 1 >= next ? lines[endLine - 1] : void 0;
    const bodyStart = last ? headers.bodyStart : Math.min(headers.bodyStart, lines[endLine]?.start ?? to);
    const bodyEnd = last ? last.end : bodyStart;
    const type = headers.values.get("content-type") ?? "";
    const encoding = (headers.values.get("content-transfer-encoding") ?? "").toLowerCase();
    let end = Math.max(bodyStart, bodyEnd);
    if (encoding === "base64" || encoding === "quoted-printable") while (end > bodyStart && /\s/.test(text[end - 1])) end--;
    const raw = text.slice(bodyStart, end);
    let decoded;
    if (encoding === "base64") decoded = decodeBase64Text2(raw) ?? "";
    else if (encoding === "quoted-printable") decoded = decodeQuotedPrintable(raw);
    const disposition = headers.values.get("content-disposition") ?? "";
    parts.push({
      index: parts.length + 1,
      contentType: (type.split(";")[0] ?? "").trim().toLowerCase(),
      transferEncoding: encoding,
      filename: parameter(disposition, "filename") ?? parameter(type, "name"),
      bodyStart,
      bodyEnd: end,
      decoded,
      boundary: /^multipart\//i.test(type) ? parameter(type, "boundary") : void 0
    });
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    const content = text.slice(line.start, line.end).trimEnd();
    if (content === delimiter || content === `${delimiter}--`) {
      closePart(i);
      if (content.endsWith("--") && content !== delimiter) {
        partStartLine = void 0;
        break;
      }
      partStartLine = i + 1;
    }
  }
  if (partStartLine !== void 0) closePart(lines.length);
  return parts;
}
function kindOfPart(part, body) {
  switch (part.contentType) {
    case "text/x-shellscript":
    case "text/x-shellscript-per-boot":
    case "text/x-shellscript-per-instance":
    case "text/x-shellscript-per-once":
    case "text/cloud-boothook":
      return "shell";
    case "text/cloud-config":
    case "text/cloud-config-jsonp":
      return "cloud-init";
    case "multipart/mixed":
    case "multipart/alternative":
      return "user-data";
    case "text/x-include-url":
    case "text/x-include-once-url":
    case "text/part-handler":
    case "text/upstart-job":
    case "text/cloud-config-archive":
    case "text/jinja2":
      return void 0;
    default: {
      if (body.trim() === "") return void 0;
      return userDataKind(body);
    }
  }
}
var POWERSHELL_FILE = /\.(?:ps1|psm1)$/i;
var BATCH_FILE = /\.(?:bat|cmd)$/i;
function windowsScriptLanguage(doc) {
  if (doc.language === "powershell" || doc.language === "cmd") return doc.language;
  if (doc.kind === "powershell") return "powershell";
  if (doc.kind !== "user-data" && doc.kind !== "text") return void 0;
  const powershell = POWERSHELL_FILE.test(doc.path);
  if (!powershell && !BATCH_FILE.test(doc.path)) return void 0;
  if (doc.kind === "user-data" && userDataFormat(doc.text) !== "shell") return void 0;
  return powershell ? "powershell" : "cmd";
}
function windowsBlocks(doc) {
  const whole = windowsScriptLanguage(doc);
  if (whole) return [{ language: whole, start: 0, end: doc.text.length }];
  if (doc.kind !== "user-data" || userDataFormat(doc.text) !== "windows") return [];
  const out = [];
  const re = /<(powershell|script)(?:\s[^>]*)?>/gi;
  const text = doc.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tag = m[1].toLowerCase();
    const start = m.index + m[0].length;
    const close = text.toLowerCase().indexOf(`</${tag}>`, start);
    const end = close === -1 ? text.length : close;
    out.push({ language: tag === "powershell" ? "powershell" : "cmd", start, end });
    re.lastIndex = end;
  }
  return out;
}
function windowsStatements(doc, block) {
  const text = doc.text;
  const out = [];
  let start = block.start;
  let quote;
  let depth = 0;
  const push = (end) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const comment = block.language === "powershell" ? /^#/.test(trimmed) : /^(?:rem\b|::|@rem\b)/i.test(trimmed);
    if (trimmed !== "" && !comment) out.push({ text: raw.slice(lead).trimEnd(), start: start + lead, language: block.language });
  };
  const continuation = block.language === "powershell" ? "`" : "^";
  for (let i = block.start; i < block.end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = void 0;
      else if (c === "\n" && block.language === "cmd") quote = void 0;
      continue;
    }
    if (c === '"' || c === "'" && block.language === "powershell") {
      quote = c;
      continue;
    }
    if (block.language === "powershell" && (c === "{" || c === "(")) depth++;
    else if (block.language === "powershell" && (c === "}" || c === ")")) depth = Math.max(0, depth - 1);
    if (c === "\n") {
      let j = i - 1;
      if (text[j] === "\r") j--;
      if (text[j] === continuation) continue;
      if (depth > 0 && block.language === "powershell") continue;
      push(i);
      start = i + 1;
    } else if (c === ";" && block.language === "powershell" && depth === 0) {
      push(i);
      start = i + 1;
    } else if (c === "&" && block.language === "cmd" && text[i + 1] === "&") {
      push(i);
      start = i + 2;
      i++;
    }
  }
  push(block.end);
  return out;
}
function windowsWords(statement) {
  const out = [];
  const text = statement.text;
  const cont = statement.language === "powershell" ? "`" : "^";
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (/\s/.test(text[i]) || text[i] === cont && /[\r\n]/.test(text[i + 1] ?? ""))) i++;
    if (i >= text.length) break;
    const start = i;
    const c = text[i];
    if (c === '"' || c === "'" && statement.language === "powershell") {
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close + 1;
      out.push({ value: text.slice(i + 1, close === -1 ? text.length : close), start: statement.start + start, end: statement.start + end, contentStart: statement.start + start + 1, contentEnd: statement.start + (close === -1 ? text.length : close), quote: c });
      i = end;
      continue;
    }
    while (i < text.length && !/\s/.test(text[i])) i++;
    out.push({ value: text.slice(start, i), start: statement.start + start, end: statement.start + i, contentStart: statement.start + start, contentEnd: statement.start + i, quote: "" });
  }
  return out;
}

// src/parsers/cloud-init.ts
var cache = /* @__PURE__ */ new WeakMap();
function isCloudConfigDocument(doc) {
  return (doc.kind === "cloud-init" || doc.kind === "user-data") && userDataFormat(doc.text) === "cloud-config";
}
function cloudConfig(doc) {
  const cached = cache.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  const config = isCloudConfigDocument(doc) ? parseCloudConfig(doc.text) : null;
  cache.set(doc, config);
  return config ?? void 0;
}
function rangeOf2(node) {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}
function scalarString(node) {
  if (!isScalar(node)) return void 0;
  const v = node.value;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? node : void 0;
}
var TERRAFORM_DIRECTIVE = /%\{[^{}\n]*\}/g;
var JINJA_TAG = /\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
var JINJA_EXPRESSION = /\{\{[\s\S]*?\}\}/g;
function neutralizeTemplateSyntax(text) {
  const blank = (m) => m.replace(/[^\n]/g, " ");
  let out = text.includes("%{") ? text.replace(TERRAFORM_DIRECTIVE, blank) : text;
  if (/^## template: *jinja\b/i.test(out)) {
    out = out.replace(JINJA_TAG, blank).replace(JINJA_EXPRESSION, (m) => m.replace(/[^\n]/g, "_"));
  }
  return out;
}
function parseCloudConfig(source) {
  const text = neutralizeTemplateSyntax(source);
  const errors = [];
  const commands = [];
  const writeFiles = [];
  let parsed2;
  try {
    parsed2 = parseDocument(text, { strict: false, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { commands, writeFiles, errors: [errorSummary(error)] };
  }
  for (const e of parsed2.errors) errors.push(errorSummary(e));
  const root = parsed2.contents;
  if (!isMap(root)) return { commands, writeFiles, errors };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : void 0;
    const value = pair.value;
    if ((key === "runcmd" || key === "bootcmd") && isSeq(value)) {
      value.items.forEach((item, index) => {
        const single = scalarString(item);
        if (single) {
          const r = rangeOf2(single);
          commands.push({ section: key, index, form: "string", scalars: [single], start: r.start, end: r.end });
        } else if (isSeq(item)) {
          const scalars = item.items.map(scalarString).filter((s) => s !== void 0);
          const r = rangeOf2(item);
          if (scalars.length > 0) commands.push({ section: key, index, form: "argv", scalars, start: r.start, end: r.end });
        }
      });
    } else if (key === "write_files" && isSeq(value)) {
      value.items.forEach((item, index) => {
        if (!isMap(item)) return;
        let path;
        let contentScalar;
        let encoding = "";
        for (const p of item.items) {
          const k = isScalar(p.key) ? String(p.key.value) : "";
          const s = scalarString(p.value);
          if (!s) continue;
          const r2 = rangeOf2(s);
          if (k === "path") path = { value: String(s.value), start: r2.start, end: r2.end, decoded: false, scalar: s };
          else if (k === "content") contentScalar = s;
          else if (k === "encoding") encoding = String(s.value).toLowerCase();
        }
        let content;
        if (contentScalar) {
          const r2 = rangeOf2(contentScalar);
          const raw = String(contentScalar.value);
          const encoded = /(?:^|\+)(?:b64|base64)$/.test(encoding) || /^(?:gz|gzip)$/.test(encoding);
          const decoded = encoded ? decodeBase64Text2(raw) : void 0;
          content = encoded ? { value: decoded ?? "", start: r2.start, end: r2.end, decoded: true, scalar: contentScalar } : { value: raw, start: r2.start, end: r2.end, decoded: false, scalar: contentScalar };
        }
        const r = rangeOf2(item);
        writeFiles.push({ index, path, content, encoding, start: r.start, end: r.end });
      });
    }
  }
  return { commands, writeFiles, errors };
}
function escapeLength2(host, p) {
  const c = host[p + 1];
  if (c === "x") return 4;
  if (c === "u") return 6;
  if (c === "U") return 10;
  return 2;
}
function alignScalar(value, host, scalar) {
  const range = scalar.range;
  if (!range) return void 0;
  let p = range[0];
  const hostEnd = range[2];
  const type = scalar.type;
  if (type === ScalarType.QUOTE_DOUBLE || type === ScalarType.QUOTE_SINGLE) p += 1;
  else if (type === ScalarType.BLOCK_LITERAL || type === ScalarType.BLOCK_FOLDED) {
    const nl = host.indexOf("\n", p);
    if (nl === -1) return value === "" ? [] : void 0;
    p = nl + 1;
  }
  const pieces = [];
  let runStart = -1;
  let runHost = -1;
  const flush = (i2) => {
    if (runStart !== -1) {
      pieces.push({ text: value.slice(runStart, i2), hostStart: runHost, hostEnd: runHost + (i2 - runStart), verbatim: true });
      runStart = -1;
    }
  };
  let i = 0;
  while (i < value.length) {
    if (p >= hostEnd) return void 0;
    const c = value[i];
    const h = host[p];
    const doubleEscape = type === ScalarType.QUOTE_DOUBLE && h === "\\";
    if (h === c && !doubleEscape) {
      if (runStart === -1) {
        runStart = i;
        runHost = p;
      }
      i++;
      p++;
      continue;
    }
    flush(i);
    if (doubleEscape) {
      if (host[p + 1] === "\n" || host[p + 1] === "\r" && host[p + 2] === "\n") {
        p += host[p + 1] === "\r" ? 3 : 2;
        while (p < hostEnd && (host[p] === " " || host[p] === "	")) p++;
        continue;
      }
      const len = escapeLength2(host, p);
      pieces.push({ text: c, hostStart: p, hostEnd: p + len, verbatim: false });
      i++;
      p += len;
      continue;
    }
    if (type === ScalarType.QUOTE_SINGLE && c === "'" && h === "'" && host[p + 1] === "'") {
      pieces.push({ text: c, hostStart: p, hostEnd: p + 2, verbatim: false });
      i++;
      p += 2;
      continue;
    }
    const hostSpace = h === " " || h === "	" || h === "\r" || h === "\n";
    if ((c === " " || c === "\n") && hostSpace) {
      const from = p;
      while (p < hostEnd && /[ \t\r\n]/.test(host[p])) p++;
      pieces.push({ text: c, hostStart: from, hostEnd: p, verbatim: false });
      i++;
      continue;
    }
    if (hostSpace) {
      p++;
      continue;
    }
    return void 0;
  }
  flush(i);
  return pieces;
}
function appendScalar(builder, value, host, scalar) {
  const pieces = alignScalar(value, host, scalar);
  if (pieces) {
    for (const piece of pieces) {
      if (piece.verbatim) builder.verbatim(piece.text, piece.hostStart);
      else builder.synthetic(piece.text, piece.hostStart, piece.hostEnd);
    }
    return;
  }
  const r = scalar.range ?? [0, 0, 0];
  builder.synthetic(value, r[0], r[1]);
}
var SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function commandText(command, host) {
  const builder = new VirtualTextBuilder();
  if (command.form === "string") {
    const scalar = command.scalars[0];
    appendScalar(builder, String(scalar.value), host, scalar);
    return builder.build();
  }
  command.scalars.forEach((scalar, i) => {
    const r = scalar.range ?? [0, 0, 0];
    if (i > 0) {
      const prev = command.scalars[i - 1]?.range ?? r;
      builder.synthetic(" ", prev[1], r[0]);
    }
    const value = String(scalar.value);
    if (SHELL_SAFE.test(value)) appendScalar(builder, value, host, scalar);
    else if (!value.includes("'")) {
      builder.synthetic("'", r[0], r[0]);
      appendScalar(builder, value, host, scalar);
      builder.synthetic("'", r[1], r[1]);
    } else builder.synthetic(`'${value.replace(/'/g, `'\\''`)}'`, r[0], r[1]);
  });
  return builder.build();
}

// src/extract/copies.ts
function hasEscapes(text) {
  return text.includes("\\");
}
function hasYamlEscapes(text) {
  return text.includes("\\") || text.includes("''");
}
var BASE64_RUN = /[A-Za-z0-9+/]{8,}={0,2}/g;
function hasDecodableBase64(text) {
  for (const m of text.matchAll(BASE64_RUN)) {
    if (m[0].length % 4 === 0 && decodeBase64Text(m[0]) !== void 0) return true;
  }
  return false;
}
var HEREDOC_START = /^<<-?[ \t]*([A-Za-z_][\w-]*)[^\n]*\n/;
var PLAIN_QUOTED = /^"(?:[^"\\$%\n]|\$(?!\{)|%(?!\{))*"[ \t]*(?:(?:#|\/\/)[^\n]*)?(?:\r?\n|$)/;
function terraformValueExtents(text, name) {
  const out = [];
  const attribute = new RegExp(`\\b${name}\\b["']?[ \\t]*[=:][ \\t]*`, "g");
  for (const m of text.matchAll(attribute)) {
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 2);
    if (rest === "<<") {
      const head = HEREDOC_START.exec(text.slice(at, text.indexOf("\n", at) + 1 || text.length));
      if (!head) {
        out.push(void 0);
        continue;
      }
      const bodyStart = at + head[0].length;
      const close = new RegExp(`^[ \\t]*${head[1]}[ \\t]*\\r?$`, "m").exec(text.slice(bodyStart));
      out.push(close ? text.slice(at, bodyStart + close.index + close[0].length) : void 0);
    } else if (rest.startsWith('"')) {
      const literal = PLAIN_QUOTED.exec(text.slice(at, text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at) + 1));
      out.push(literal ? literal[0] : void 0);
    } else {
      out.push(void 0);
    }
  }
  return out;
}

// src/extract/cloud-init.ts
var cloudInitExtractor = {
  name: "cloud-init",
  kinds: ["cloud-init", "user-data"],
  keywords: /runcmd|bootcmd|write_files/,
  // write_files entries are classified by their path.
  produces: "any",
  // `encoding: b64|gzip` content is decoded; double-quoted scalars have escapes.
  copiesHost: (host) => !hasYamlEscapes(host.text) && !/\bencoding\s*:/.test(host.text),
  extract(document, notes) {
    const config = cloudConfig(document);
    if (!config) return [];
    if (config.errors.length > 0 && config.commands.length === 0 && config.writeFiles.length === 0) {
      notes.push({ id: "parse-error", level: "note", path: document.path, message: `${document.path}: cloud-config is not valid YAML (${config.errors[0]}); its commands were not scanned` });
      return [];
    }
    const out = [];
    for (const command of config.commands) {
      const { text, map } = commandText(command, document.text);
      out.push(createVirtualDocument(document, { kind: "shell", language: "shell", text, map, label: `cloud-init ${command.section}[${command.index}]`, bootstrap: true }));
    }
    for (const file of config.writeFiles) {
      if (!file.content || file.content.value === "") continue;
      const builder = new VirtualTextBuilder();
      if (file.content.decoded) builder.synthetic(file.content.value, file.content.start, file.content.end);
      else appendScalar(builder, file.content.value, document.text, file.content.scalar);
      const { text, map } = builder.build();
      const path = file.path?.value ?? `write_files[${file.index}]`;
      const kind = classifyFile(path, text.slice(0, 16384));
      out.push(
        createVirtualDocument(document, {
          kind,
          language: languageOf(path, kind),
          text,
          map,
          label: `cloud-init write_files[${file.index}] (${path})`,
          bootstrap: true
        })
      );
    }
    return out;
  }
};

// src/extract/multipart.ts
function partDocuments(doc, parts) {
  const out = [];
  for (const part of parts) {
    const raw = doc.text.slice(part.bodyStart, part.bodyEnd);
    const body = part.decoded ?? raw;
    const kind = kindOfPart(part, body);
    if (!kind) continue;
    const builder = new VirtualTextBuilder();
    if (part.decoded !== void 0) builder.synthetic(part.decoded, part.bodyStart, part.bodyEnd);
    else builder.verbatim(raw, part.bodyStart);
    let { text, map } = builder.build();
    if (kind === "user-data" && part.boundary) {
      const nested = parseMultipart(doc.text, part.bodyStart, part.bodyEnd, part.boundary);
      if (nested) {
        out.push(...partDocuments(doc, nested));
        continue;
      }
    }
    out.push(
      createVirtualDocument(doc, {
        kind,
        text,
        map,
        label: `multipart part ${part.index} (${part.contentType || "no content type"})`,
        bootstrap: true
      })
    );
  }
  return out;
}
var multipartUserDataExtractor = {
  name: "multipart user data",
  kinds: ["user-data", "cloud-init"],
  keywords: /multipart\//i,
  produces: ["user-data", "cloud-init", "shell", "powershell"],
  // base64 and quoted-printable parts are decoded, gzip parts inflated.
  copiesHost: (host) => !/Content-Transfer-Encoding|gzip/i.test(host.text),
  extract(document, notes) {
    if (userDataFormat(document.text) !== "multipart") return [];
    const parts = parseMultipart(document.text);
    if (!parts) {
      notes.push({ id: "parse-error", level: "note", path: document.path, message: `${document.path}: multipart user data declares no boundary; its parts were not scanned` });
      return [];
    }
    return partDocuments(document, parts);
  }
};

// src/detect/line-keywords.ts
var LineKeywords = class extends RegExp {
  #anchor;
  #others;
  constructor(anchor, others) {
    super(anchor.source, anchor.flags.replace(/[gy]/g, ""));
    this.#anchor = new RegExp(anchor.source, anchor.flags.replace(/[gy]/g, "") + "g");
    this.#others = others.map((r) => new RegExp(r.source, r.flags.replace(/[gy]/g, "")));
  }
  test(text) {
    const anchor = this.#anchor;
    anchor.lastIndex = 0;
    for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      let lineEnd2 = text.indexOf("\n", m.index + m[0].length);
      if (lineEnd2 === -1) lineEnd2 = text.length;
      const line = text.slice(lineStart, lineEnd2);
      if (this.#others.every((r) => r.test(line))) return true;
      anchor.lastIndex = lineEnd2 + 1;
      if (m[0].length === 0) anchor.lastIndex++;
    }
    return false;
  }
};
var AnyOf = class extends RegExp {
  #parts;
  constructor(parts) {
    super(parts.map((p) => `(?:${p.source})`).join("|"), "i");
    this.#parts = parts;
  }
  test(text) {
    return this.#parts.some((p) => p.test(text));
  }
};
var WordsNear = class extends RegExp {
  #anchor;
  #target;
  #maxGap;
  #continuation;
  /** Regex executions of the last `test` (a work counter for the growth tests). */
  lastWork = 0;
  constructor(anchor, target, maxGap, continuation, source) {
    super(source, "i");
    this.#anchor = new RegExp(anchor.source, "gi");
    this.#target = new RegExp(target.source, "gi");
    this.#maxGap = maxGap;
    this.#continuation = continuation;
  }
  test(text) {
    const anchor = this.#anchor;
    const target = this.#target;
    anchor.lastIndex = 0;
    let targetAt = -1;
    let targetSearchedFrom = -1;
    let breakAt = -1;
    this.lastWork = 0;
    for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
      this.lastWork++;
      const from = m.index + m[0].length;
      if (targetAt !== Infinity && targetAt < from) {
        if (targetSearchedFrom < from) {
          target.lastIndex = from;
          this.lastWork++;
          const t = target.exec(text);
          targetAt = t ? t.index : Infinity;
          targetSearchedFrom = from;
        }
      }
      if (targetAt === Infinity) return false;
      if (targetAt - from > this.#maxGap) continue;
      if (breakAt < from) breakAt = this.#nextBareBreak(text, from);
      if (breakAt === -1 || breakAt > targetAt) return true;
      if (m[0].length === 0) anchor.lastIndex++;
    }
    return false;
  }
  #nextBareBreak(text, from) {
    for (let i = text.indexOf("\n", from); i !== -1; i = text.indexOf("\n", i + 1)) {
      let p = i - 1;
      if (text[p] === "\r") p--;
      if (p < from || !this.#continuation.includes(text[p])) return i;
    }
    return -1;
  }
};

// src/parsers/shell.ts
var MAX_NESTING = 3;
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh", "busybox"]);
var cache2 = /* @__PURE__ */ new WeakMap();
function isShellDocument(doc) {
  if (doc.kind === "shell") return doc.language !== "powershell" && doc.language !== "cmd";
  if (doc.kind === "user-data") {
    if (windowsScriptLanguage(doc)) return false;
    const format2 = userDataFormat(doc.text);
    return format2 === "shell" || format2 === "boothook";
  }
  if (doc.kind === "cloud-init") return userDataFormat(doc.text) === "boothook";
  return false;
}
function shellScript(doc) {
  const cached = cache2.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  const script = isShellDocument(doc) ? scriptOfText(doc.text) : null;
  if (script?.incomplete) reportIncomplete(doc, "the shell parser ran out of its time budget");
  cache2.set(doc, script);
  return script ?? void 0;
}
var SCRIPT_CACHE_CHARS = 256 * 1024;
var scriptsByText = /* @__PURE__ */ new Map();
var scriptCacheChars = 0;
function scriptOfText(text) {
  const hit = scriptsByText.get(text);
  if (hit) {
    scriptsByText.delete(text);
    scriptsByText.set(text, hit);
    return hit;
  }
  const script = parseShell(text);
  if (text.length > SCRIPT_CACHE_CHARS / 4) return script;
  scriptsByText.set(text, script);
  scriptCacheChars += text.length;
  for (const oldest of scriptsByText.keys()) {
    if (scriptCacheChars <= SCRIPT_CACHE_CHARS) break;
    scriptsByText.delete(oldest);
    scriptCacheChars -= oldest.length;
  }
  return script;
}
function parseShell(text) {
  const source = neutralizeTemplateInterpolations(text);
  const builder = new ModelBuilder(source);
  builder.parseRange(source, 0, 0);
  return builder.finish();
}
function neutralizeTemplateInterpolations(text) {
  let out = text;
  if (out.includes("${")) out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*[.(][^{}$`\n]*)\}/g, (_m, inner) => `\${${inner.replace(/[^A-Za-z0-9_]/g, "_")}}`);
  return neutralizeTemplateEngines(out);
}
function neutralizeTemplateEngines(text) {
  if (!text.includes("{{") && !text.includes("{%") && !text.includes("<%")) return text;
  return text.replace(/\{\{[^{}\n]{1,200}\}\}|<%=[^%\n]{1,200}%>/g, (m) => `\${${"_".repeat(m.length - 3)}}`).replace(/\{%[^%\n]{0,400}%\}|<%[^%\n]{0,400}%>/g, (m) => " ".repeat(m.length));
}
function unescapeWord(raw) {
  return raw.replace(/\\(.)/gs, (_m, c) => c === "\n" ? "" : c);
}
function unescapeDoubleQuoted(raw) {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c) => c === "\n" ? "" : c);
}
function decodeAnsiC(raw) {
  const map = { n: "\n", t: "	", r: "\r", a: "\x07", b: "\b", e: "\x1B", E: "\x1B", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"' };
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, c) => {
    if (c.startsWith("x")) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return map[c] ?? c;
  });
}
var NO_VARIABLES = Object.freeze([]);
var NO_SUBSTITUTIONS = Object.freeze([]);
function plainWord(raw, start) {
  return {
    text: raw,
    start,
    end: start + raw.length,
    value: raw.includes("\\") ? unescapeWord(raw) : raw,
    loose: raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, "") : raw,
    kind: "literal",
    variables: NO_VARIABLES,
    substitutions: NO_SUBSTITUTIONS,
    contentStart: start,
    contentEnd: start + raw.length
  };
}
var typeTables;
function bashTypes() {
  if (typeTables) return typeTables;
  const language = getParser("bash").language;
  const types = language ? language.types : [];
  const named2 = types.map((_t, id) => language ? language.nodeTypeIsNamed(id) : true);
  const fields = language ? language.fields : [];
  typeTables = { types, named: named2, nameField: fields.indexOf("name"), valueField: fields.indexOf("value") };
  return typeTables;
}
var ERROR_TYPE_ID = 65535;
function typeName(tables, id) {
  return id === ERROR_TYPE_ID ? "ERROR" : tables.types[id] ?? "ERROR";
}
function isNamedType(tables, id) {
  return id === ERROR_TYPE_ID || (tables.named[id] ?? true);
}
var SUBSTITUTION_MARK = /\$\(|`|[<>]\(/g;
function substitutionMarks(source) {
  const out = [];
  SUBSTITUTION_MARK.lastIndex = 0;
  for (let m = SUBSTITUTION_MARK.exec(source); m; m = SUBSTITUTION_MARK.exec(source)) out.push(m.index);
  return out;
}
function holdsSubstitution(ctx, start, end) {
  const marks = ctx.marks;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (marks[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && marks[lo] < end;
}
function looseText(raw) {
  return raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, "") : raw;
}
function readWord(cursor, ctx, type) {
  const s = cursor.startIndex;
  const e = cursor.endIndex;
  const raw = ctx.source.slice(s, e);
  if (type === "word" || type === "number") return plainWord(raw, s + ctx.base);
  const base = ctx.base;
  const quoted = type === "raw_string" || type === "string";
  const dollarQuoted = (type === "ansi_c_string" || type === "translated_string") && raw.length >= 3;
  const contentStart = s + base + (dollarQuoted ? 2 : quoted ? 1 : 0);
  const contentEnd = e + base - (quoted && raw.length >= 2 || dollarQuoted ? 1 : 0);
  if (type === "string" && raw.length >= 2 && !/[$`\\]/.test(raw)) {
    const content = raw.slice(1, -1);
    return { text: raw, start: s + base, end: e + base, value: content, get loose() {
      return looseText(raw);
    }, kind: "literal", variables: NO_VARIABLES, substitutions: NO_SUBSTITUTIONS, contentStart, contentEnd };
  }
  const scan = { variables: [], substitutions: [], dynamic: false, substituted: false };
  const parsed2 = staticValueAt(cursor, ctx, type, s, e, scan);
  const value = scan.dynamic ? void 0 : parsed2;
  return {
    text: raw,
    start: s + base,
    end: e + base,
    value,
    // Computed on use, not stored: `raw` is a slice sharing the source's memory, a quote-free
    // copy is not. Stored, every enclosing word of a nested `"$(echo "$(…)")"` held its own
    // copy: quadratic memory (100 KB of nesting ran V8 out of heap and lost the whole report).
    get loose() {
      return looseText(raw);
    },
    kind: scan.substituted ? "command-substitution" : value === void 0 ? "expansion" : "literal",
    variables: scan.variables,
    substitutions: scan.substitutions,
    contentStart,
    contentEnd
  };
}
function staticValueAt(cursor, ctx, type, s, e, scan) {
  const source = ctx.source;
  switch (type) {
    case "simple_expansion":
    case "expansion": {
      scan.dynamic = true;
      let named2 = false;
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (!named2 && (childType === "variable_name" || childType === "special_variable_name")) {
          scan.variables.push(source.slice(cs, ce));
          named2 = true;
        } else staticValueAt(cursor, ctx, childType, cs, ce, scan);
      });
      return void 0;
    }
    case "command_substitution":
    case "process_substitution": {
      scan.dynamic = true;
      scan.substituted = true;
      const raw = source.slice(s, e);
      const open = raw.startsWith("$(") || raw.startsWith("<(") || raw.startsWith(">(") ? 2 : 1;
      scan.substitutions.push({ text: raw.slice(open, -1), start: s + ctx.base + open, end: e + ctx.base - 1 });
      return void 0;
    }
    case "arithmetic_expansion":
      scan.dynamic = true;
      return void 0;
    case "raw_string":
      return source.slice(s + 1, e - 1);
    case "ansi_c_string":
      return decodeAnsiC(source.slice(s + 2, e - 1));
    case "word":
    case "number":
    case "command_name":
    case "concatenation":
      return partsValueAt(cursor, ctx, s, e, scan);
    case "string":
    case "translated_string": {
      let out = "";
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (childType === "string_content") {
          if (out !== void 0) out += unescapeDoubleQuoted(source.slice(cs, ce));
          return;
        }
        const inner = staticValueAt(cursor, ctx, childType, cs, ce, scan);
        if (childType === "string" && inner !== void 0) {
          if (out !== void 0) out += inner;
        } else out = void 0;
      });
      return out;
    }
    default:
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => void staticValueAt(cursor, ctx, childType, cs, ce, scan));
      return void 0;
  }
}
function partsValueAt(cursor, ctx, s, e, scan) {
  const source = ctx.source;
  let out = "";
  let at = s;
  forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
    const v = staticValueAt(cursor, ctx, childType, cs, ce, scan);
    if (out === void 0) return;
    if (cs > at) out += unescapeWord(source.slice(at, cs));
    if (v === void 0) out = void 0;
    else out += v;
    at = ce;
  });
  if (out !== void 0 && at < e) out += unescapeWord(source.slice(at, e));
  return out;
}
function forEachNamedChild(cursor, ctx, visit3) {
  if (!cursor.gotoFirstChild()) return;
  do {
    const id = cursor.nodeTypeId;
    if (!isNamedType(ctx.tables, id)) continue;
    visit3(typeName(ctx.tables, id), cursor.startIndex, cursor.endIndex);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}
var WRAPPER_VALUE_OPTIONS = {
  sudo: /* @__PURE__ */ new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U", "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout", "--other-user"]),
  doas: /* @__PURE__ */ new Set(["-u", "-C"]),
  env: /* @__PURE__ */ new Set(["-u", "--unset", "-C", "--chdir", "-S", "--split-string"]),
  nice: /* @__PURE__ */ new Set(["-n", "--adjustment"]),
  ionice: /* @__PURE__ */ new Set(["-c", "-n", "-p", "--class", "--classdata"]),
  stdbuf: /* @__PURE__ */ new Set(["-i", "-o", "-e"]),
  timeout: /* @__PURE__ */ new Set(["-s", "--signal", "-k", "--kill-after"]),
  runuser: /* @__PURE__ */ new Set(["-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
  exec: /* @__PURE__ */ new Set(["-a"]),
  chroot: /* @__PURE__ */ new Set(["--userspec", "--groups"]),
  setpriv: /* @__PURE__ */ new Set([]),
  nohup: /* @__PURE__ */ new Set([]),
  time: /* @__PURE__ */ new Set(["-f", "--format", "-o", "--output"]),
  command: /* @__PURE__ */ new Set([]),
  builtin: /* @__PURE__ */ new Set([]),
  setsid: /* @__PURE__ */ new Set([]),
  unbuffer: /* @__PURE__ */ new Set([]),
  xargs: /* @__PURE__ */ new Set(["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--max-chars"])
};
function baseCommandName(word) {
  const value = word?.value;
  if (value === void 0) return void 0;
  const slash = value.lastIndexOf("/");
  return slash === -1 ? value : value.slice(slash + 1);
}
var ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;
function assignmentFromWord(word, via) {
  const m = ASSIGNMENT_WORD.exec(word.loose);
  if (!m) return void 0;
  const name = m[1];
  const at = word.text.indexOf(name);
  const nameStart = word.start + Math.max(0, at);
  const valueStart = nameStart + name.length + 1;
  const rawValue = word.text.slice(valueStart - word.start);
  const valueText = rawValue.replace(/^["']|["']$/g, "");
  const value = {
    text: rawValue,
    start: valueStart,
    end: word.end,
    value: word.value === void 0 ? void 0 : word.value.slice(name.length + 1),
    loose: valueText,
    kind: word.kind,
    variables: word.variables,
    substitutions: word.substitutions,
    contentStart: valueStart + (/^["']/.test(rawValue) ? 1 : 0),
    contentEnd: word.end - (/["']$/.test(rawValue) && rawValue.length > 1 ? 1 : 0)
  };
  return { name, nameStart, nameEnd: nameStart + name.length, value, via, exported: true, start: word.start };
}
function unwrapCommand(argv) {
  let words = [...argv];
  const assignments = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = baseCommandName(words[0]);
    if (name === void 0 || !(name in WRAPPER_VALUE_OPTIONS)) break;
    const valueOptions = WRAPPER_VALUE_OPTIONS[name];
    let i = 1;
    while (i < words.length) {
      const w = words[i];
      const v = w.value ?? w.loose;
      if (v === "--") {
        i++;
        break;
      }
      if (name === "env" || name === "sudo" || name === "doas") {
        const a = assignmentFromWord(w, "env");
        if (a && !v.startsWith("-")) {
          assignments.push(a);
          i++;
          continue;
        }
      }
      if (!v.startsWith("-") || v === "-") break;
      if (valueOptions.has(v) || /^-[a-zA-Z]$/.test(v) && valueOptions.has(v)) i += 2;
      else i++;
    }
    if ((name === "timeout" || name === "chroot") && i < words.length) i++;
    words = words.slice(i);
  }
  return { effective: words, assignments };
}
var WORD_LEVEL = /* @__PURE__ */ new Set([
  "number",
  "string",
  "translated_string",
  "concatenation",
  "simple_expansion",
  "expansion",
  "command_name",
  "file_redirect",
  "herestring_redirect",
  "heredoc_body",
  "arithmetic_expansion",
  "array",
  "subscript",
  "brace_expression",
  "test_command",
  "unary_expression",
  "binary_expression",
  "ternary_expression",
  "postfix_expression",
  "parenthesized_expression",
  "command_substitution",
  "process_substitution"
]);
var LEAVES = /* @__PURE__ */ new Set([
  "word",
  "raw_string",
  "ansi_c_string",
  "string_content",
  "variable_name",
  "special_variable_name",
  "file_descriptor",
  "heredoc_start",
  "heredoc_end",
  "heredoc_content",
  "comment",
  "test_operator",
  "regex",
  "extglob_pattern"
]);
var ARGUMENT_TYPES = /* @__PURE__ */ new Set([
  "word",
  "number",
  "string",
  "raw_string",
  "translated_string",
  "ansi_c_string",
  "concatenation",
  "expansion",
  "simple_expansion",
  "command_substitution",
  "process_substitution",
  "arithmetic_expansion",
  "brace_expression",
  "regex"
]);
var PLAIN_NAME = /^[A-Za-z0-9_./:+@%,-]+$/;
var VARIABLE_WORD = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/;
var ARGUMENT_TOKENS = /* @__PURE__ */ new Set(["==", "=~", "$"]);
var ModelBuilder = class {
  constructor(text) {
    this.text = text;
    this.deadline = performance.now() + parseBudgetMs(text.length);
  }
  text;
  commands = [];
  assignments = [];
  statementWrites = [];
  hasErrors = false;
  /**
   * Per parse, filled in pre-order before the commands they concern are built (document offsets):
   * the redirections of a `redirected_statement` by its body command's start, and the range
   * feeding a pipeline stage (the previous stage, or the command owning a heredoc piped on)
   * by the stage's start.
   */
  statementRedirects = /* @__PURE__ */ new Map();
  upstreamRanges = /* @__PURE__ */ new Map();
  /** Starts of the nested scripts already parsed (document offsets). */
  parsedRanges = /* @__PURE__ */ new Set();
  /** One budget for the whole script, nested parses included (see engine/budget.ts). */
  deadline;
  incomplete = false;
  finish() {
    this.commands.sort((a, b) => a.start - b.start);
    this.assignments.sort((a, b) => a.start - b.start);
    return { commands: this.commands, assignments: this.assignments, statementWrites: this.statementWrites, hasErrors: this.hasErrors, ...this.incomplete ? { incomplete: true } : {} };
  }
  /** Parses `source` (located at document offset `base`) and adds its commands. */
  parseRange(source, base, nesting) {
    let tree;
    try {
      const parsed2 = parseWithBudget("bash", source, this.deadline);
      if (parsed2.timedOut) {
        this.incomplete = true;
        this.hasErrors = true;
        return;
      }
      tree = parsed2.tree;
    } catch {
      this.hasErrors = true;
      return;
    }
    if (!tree) {
      this.hasErrors = true;
      return;
    }
    const saved = [this.statementRedirects, this.upstreamRanges];
    this.statementRedirects = /* @__PURE__ */ new Map();
    this.upstreamRanges = /* @__PURE__ */ new Map();
    try {
      const root = tree.rootNode;
      if (root.hasError) this.hasErrors = true;
      this.walk(root.walk(), { source, base, nesting, tables: bashTypes(), marks: substitutionMarks(source) });
    } finally {
      [this.statementRedirects, this.upstreamRanges] = saved;
      tree.delete();
    }
  }
  /**
   * Pre-order walk with one cursor. Commands, declarations and assignments are read where the
   * cursor meets them, then their subtree is skipped unless a substitution inside can hold
   * another command; words and other word-level nodes are skipped on the same condition. A
   * pipeline's earlier stage is always met before a later one, so links are resolved as
   * commands are built.
   */
  walk(cursor, ctx) {
    const tables = ctx.tables;
    const path = [];
    try {
      for (; ; ) {
        const id = cursor.nodeTypeId;
        let descend = false;
        if (isNamedType(tables, id)) {
          const type = typeName(tables, id);
          const parentType = path[path.length - 1];
          switch (type) {
            case "command": {
              const read = this.command(cursor, ctx, parentType, path[path.length - 2]);
              descend = read.irregular || holdsSubstitution(ctx, read.start, read.end);
              break;
            }
            case "declaration_command":
              this.declaration(cursor, ctx);
              descend = true;
              break;
            case "variable_assignment":
              if (parentType !== "command" && parentType !== "declaration_command" && parentType !== "variable_assignments") {
                this.assignment(cursor, ctx, "assignment", false);
              }
              descend = true;
              break;
            case "variable_assignments":
              forEachNamedChild(cursor, ctx, (childType) => {
                if (childType === "variable_assignment") this.assignment(cursor, ctx, "assignment", false);
              });
              descend = true;
              break;
            case "redirected_statement":
              this.statement(cursor, ctx);
              descend = true;
              break;
            case "pipeline":
              this.pipeline(cursor, ctx);
              descend = true;
              break;
            default:
              if (LEAVES.has(type)) descend = false;
              else if (WORD_LEVEL.has(type)) descend = holdsSubstitution(ctx, cursor.startIndex, cursor.endIndex);
              else descend = true;
          }
          if (descend && cursor.gotoFirstChild()) {
            path.push(type);
            continue;
          }
        }
        let more = false;
        while (!(more = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) break;
          path.pop();
        }
        if (!more) break;
      }
    } finally {
      cursor.delete();
    }
  }
  /** `{ …; } > f` writes the block's output; a command's own statement redirects wait for it. */
  statement(cursor, ctx) {
    let body;
    const redirects = [];
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        if (!isNamedType(ctx.tables, id)) continue;
        const type = typeName(ctx.tables, id);
        if (type.endsWith("_redirect")) redirects.push(...this.redirect(cursor, ctx, type, body));
        else if (!body && type !== "comment") body = { type, start: cursor.startIndex, end: cursor.endIndex };
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (!body) return;
    if (body.type === "command") {
      this.statementRedirects.set(body.start + ctx.base, redirects);
      return;
    }
    for (const redirect of redirects) {
      if (redirect.target && isWriteOperator(redirect.operator)) {
        this.statementWrites.push({ target: redirect.target, content: ctx.source.slice(body.start, body.end), via: "redirect", command: void 0 });
      }
    }
  }
  /** Records which stage feeds which. */
  pipeline(cursor, ctx) {
    let previous;
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === "comment") return;
      const stage = { start: start + ctx.base, end: end + ctx.base };
      if (previous) this.upstreamRanges.set(stage.start, previous);
      previous = stage;
    });
  }
  declaration(cursor, ctx) {
    if (!cursor.gotoFirstChild()) return;
    const keyword = ctx.source.slice(cursor.startIndex, cursor.endIndex);
    cursor.gotoParent();
    let via = "declare";
    let exported = false;
    if (keyword === "export") {
      via = "export";
      exported = true;
    } else if (keyword === "local") via = "local";
    else if (keyword === "readonly") via = "readonly";
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === "word" && /^-[a-zA-Z]*x/.test(ctx.source.slice(start, end))) exported = true;
    });
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === "variable_assignment") this.assignment(cursor, ctx, via, exported);
      else if (type === "variable_name") {
        const at = start + ctx.base;
        this.assignments.push({ name: ctx.source.slice(start, end), nameStart: at, nameEnd: end + ctx.base, value: void 0, via, exported, start: at });
      }
    });
  }
  /** The `variable_assignment` under the cursor: `name=value`, `name+=value`, `name[i]=value`. */
  assignment(cursor, ctx, via, exported) {
    const start = cursor.startIndex;
    let name;
    let nameStart = 0;
    let value;
    if (cursor.gotoFirstChild()) {
      do {
        const field = cursor.currentFieldId;
        if (field === ctx.tables.nameField && name === void 0) {
          nameStart = cursor.startIndex;
          if (typeName(ctx.tables, cursor.nodeTypeId) === "subscript" && cursor.gotoFirstChild()) {
            name = ctx.source.slice(cursor.startIndex, cursor.endIndex);
            cursor.gotoParent();
          } else name = ctx.source.slice(nameStart, cursor.endIndex);
        } else if (field === ctx.tables.valueField && value === void 0) {
          value = readWord(cursor, ctx, typeName(ctx.tables, cursor.nodeTypeId));
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (name === void 0) return void 0;
    const a = {
      name,
      nameStart: nameStart + ctx.base,
      nameEnd: nameStart + ctx.base + name.length,
      value,
      via,
      exported,
      start: start + ctx.base
    };
    this.assignments.push(a);
    return a;
  }
  /**
   * Builds the command under the cursor (left where it was found); returns its range in the
   * parsed source and whether it has a child that is not a word, assignment or redirect.
   */
  command(cursor, ctx, parentType, grandparentType) {
    const { base, nesting, source, tables } = ctx;
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    const start = startIndex + base;
    const argv = [];
    const prefix = [];
    const redirects = [];
    let irregular = false;
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        const type = typeName(tables, id);
        if (!isNamedType(tables, id)) {
          if (ARGUMENT_TOKENS.has(type)) argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === "word") {
          argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === "command_name") {
          const s = cursor.startIndex;
          const e = cursor.endIndex;
          const raw = source.slice(s, e);
          argv.push(PLAIN_NAME.test(raw) ? plainWord(raw, s + base) : readWord(cursor, ctx, type));
        } else if (type === "variable_assignment") {
          const a = this.assignment(cursor, ctx, "prefix", true);
          if (a) prefix.push(a);
        } else if (type.endsWith("_redirect")) {
          redirects.push(...this.redirect(cursor, ctx, type, void 0));
        } else if (ARGUMENT_TYPES.has(type)) {
          argv.push(readWord(cursor, ctx, type));
        } else if (type !== "comment") irregular = true;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (parentType === "redirected_statement") {
      const statement = this.statementRedirects.get(start);
      if (statement) redirects.push(...statement);
    }
    const { effective, assignments } = unwrapCommand(argv);
    for (const a of assignments) this.assignments.push(a);
    const linked = (t) => t === "pipeline" || t === "heredoc_redirect";
    const inPipe = linked(parentType) || parentType === "redirected_statement" && linked(grandparentType);
    const feeding = inPipe ? this.upstreamRanges.get(start) : void 0;
    const command = {
      argv,
      effective,
      assignments: [...prefix, ...assignments],
      redirects,
      upstream: feeding ? this.lastCommandIn(feeding, nesting) : void 0,
      start,
      end: endIndex + base,
      nesting
    };
    this.commands.push(command);
    if (nesting < MAX_NESTING) this.nestedScripts(command, nesting);
    return { start: startIndex, end: endIndex, irregular };
  }
  /** The redirect under the cursor; `owner` is the statement body a heredoc belongs to. */
  redirect(cursor, ctx, type, owner) {
    const { base, source, tables } = ctx;
    const s = cursor.startIndex;
    const e = cursor.endIndex;
    const start = s + base;
    const end = e + base;
    if (type === "heredoc_redirect") {
      let op;
      let delimiterRaw = "";
      let body;
      let lastOperator;
      const nested = [];
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) {
            op ??= source.slice(cursor.startIndex, cursor.endIndex);
            lastOperator = childType;
          } else if (childType === "heredoc_start") delimiterRaw = source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === "heredoc_body") body = { start: cursor.startIndex, end: cursor.endIndex };
          else if (childType.endsWith("_redirect")) {
            nested.push(...this.redirect(cursor, ctx, childType, void 0));
          } else if (owner && childType === "pipeline") {
            this.pipedFromHeredoc(cursor, ctx, owner);
          } else if (owner && childType !== "heredoc_end" && childType !== "comment" && (lastOperator === "|" || lastOperator === "|&")) {
            this.upstreamRanges.set(cursor.startIndex + base, { start: owner.start + base, end: owner.end + base });
          }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      const heredoc = {
        delimiter: delimiterRaw.replace(/["'\\]/g, ""),
        quoted: /["'\\]/.test(delimiterRaw),
        body: body ? source.slice(body.start, body.end) : "",
        bodyStart: (body ? body.start : e) + base,
        bodyEnd: (body ? body.end : e) + base
      };
      return [{ operator: op ?? "<<", heredoc, start, end }, ...nested];
    }
    if (type === "herestring_redirect") {
      let target;
      forEachNamedChild(cursor, ctx, (childType) => {
        if (childType !== "comment" && childType !== "ERROR") target ??= readWord(cursor, ctx, childType);
      });
      return [{ operator: "<<<", ...target ? { target } : {}, start, end }];
    }
    if (type === "file_redirect") {
      let descriptor = "";
      let operator = "";
      let dest;
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) operator += source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === "file_descriptor") descriptor = source.slice(cursor.startIndex, cursor.endIndex);
          else if (!dest && childType !== "comment" && childType !== "ERROR") dest = readWord(cursor, ctx, childType);
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      return [{ operator: descriptor + operator || ">", ...dest ? { target: dest } : {}, start, end }];
    }
    return [];
  }
  /** Links the first stage of a pipeline that opens with `|` (under the cursor) to the heredoc's command. */
  pipedFromHeredoc(cursor, ctx, owner) {
    if (!cursor.gotoFirstChild()) return;
    const id = cursor.nodeTypeId;
    const op = typeName(ctx.tables, id);
    if (!isNamedType(ctx.tables, id) && (op === "|" || op === "|&")) {
      while (cursor.gotoNextSibling()) {
        if (!isNamedType(ctx.tables, cursor.nodeTypeId)) continue;
        this.upstreamRanges.set(cursor.startIndex + ctx.base, { start: owner.start + ctx.base, end: owner.end + ctx.base });
        break;
      }
    }
    cursor.gotoParent();
  }
  /**
   * The last command at the top of `range` in this parse, as tree-sitter-bash nests it: the
   * stage itself, a statement's body, or the last command of a block. Commands are built in
   * pre-order, so the range's commands are the latest ones and a command nested in another
   * (`$(…)`) comes right after its container.
   */
  lastCommandIn(range, nesting) {
    let first = this.commands.length;
    for (let i = this.commands.length - 1; i >= 0; i--) {
      const c = this.commands[i];
      if (c.nesting !== nesting) continue;
      if (c.start < range.start) break;
      first = i;
    }
    let top;
    for (let i = first; i < this.commands.length; i++) {
      const c = this.commands[i];
      if (c.nesting !== nesting || c.start >= range.end) continue;
      if (!top || c.start >= top.end) top = c;
    }
    return top;
  }
  /**
   * `bash -c '…'`, `su - u -c "…"`, `sudo -u u bash <<'EOF'`, and a command kept in a variable
   * and run (`CMD='curl …'; $CMD`, `$($CMD)`, `eval "$CMD"`): parse the inner script too. Each
   * range is parsed once, however often it runs.
   */
  nestedScripts(command, nesting) {
    const inner = innerScripts(command);
    const stored = this.storedCommand(command);
    if (stored) inner.push(stored);
    for (const range of inner) {
      if (this.parsedRanges.has(range.start)) continue;
      this.parsedRanges.add(range.start);
      this.parseRange(this.text.slice(range.start, range.end), range.start, nesting + 1);
    }
  }
  /** The quoted value of the variable a command runs (`$CMD args`, `eval "$CMD"`), as a document range. */
  storedCommand(command) {
    const words = command.effective;
    const first = words[0];
    if (!first) return void 0;
    const runs = baseCommandName(first) === "eval" && words.length === 2 ? words[1] : first;
    const name = runs ? VARIABLE_WORD.exec(runs.text)?.[1] : void 0;
    if (!name) return void 0;
    for (let i = this.assignments.length - 1; i >= 0; i--) {
      const a = this.assignments[i];
      if (a.name !== name || a.start >= command.start) continue;
      const value = a.value;
      if (!value || !/^(["']).*\1$/s.test(value.text) || value.contentEnd <= value.contentStart) return void 0;
      return { start: value.contentStart, end: value.contentEnd };
    }
    return void 0;
  }
};
function innerScripts(command) {
  const out = [];
  const words = command.effective;
  const name = baseCommandName(words[0]);
  const stringRange = (w) => {
    if (!w) return;
    out.push({ start: w.contentStart, end: w.contentEnd });
  };
  const heredocRange = () => {
    for (const r of command.redirects) if (r.heredoc) out.push({ start: r.heredoc.bodyStart, end: r.heredoc.bodyEnd });
    for (const r of command.redirects) if (r.operator === "<<<" && r.target) stringRange(r.target);
  };
  if (name === void 0) {
    if (command.argv.length > 0 && baseCommandName(command.argv[0]) === "sudo") heredocRange();
    return out;
  }
  if (SHELLS.has(name)) {
    let sawC = false;
    let i = 1;
    for (; i < words.length; i++) {
      const v = words[i]?.value ?? "";
      if (v === "-o" || v === "+o" || v === "-O" || v === "+O") {
        i++;
        continue;
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        sawC = true;
        continue;
      }
      if (v.startsWith("-") || v.startsWith("+")) continue;
      break;
    }
    if (sawC) stringRange(words[i]);
    else if (i >= words.length || words[i]?.value === "-s") heredocRange();
    return out;
  }
  if (name === "su" || name === "runuser") {
    let found = false;
    for (let i = 1; i < words.length; i++) {
      const v = words[i]?.value ?? "";
      if (v === "-c" || v === "--command" || v === "--session-command") {
        stringRange(words[i + 1]);
        found = true;
        break;
      }
      if (v.startsWith("--command=")) {
        const w = words[i];
        const at = w.text.indexOf("=") + 1;
        const quote = /^["']/.test(w.text.slice(at)) ? 1 : 0;
        out.push({ start: w.start + at + quote, end: w.end - quote });
        found = true;
        break;
      }
    }
    if (!found) heredocRange();
    return out;
  }
  return out;
}
function commandName(command) {
  return baseCommandName(command.effective[0]);
}
function stdinTextOf(command) {
  for (const r of command.redirects) {
    if (r.heredoc) return r.heredoc.body;
    if (r.operator === "<<<" && r.target) return r.target.value ?? r.target.loose;
  }
  return void 0;
}
function outputTextOf(command) {
  const name = commandName(command);
  if (name === "echo" || name === "printf") return command.effective.slice(1).map((w) => w.value ?? w.loose).join(" ");
  if (name === "cat") return stdinTextOf(command);
  return void 0;
}
function hasStdinInput(command) {
  if (command.upstream) return true;
  return command.redirects.some(
    (r) => r.heredoc !== void 0 || r.operator === "<<<" || r.operator === "<" && r.target?.value !== "/dev/null"
  );
}
var WRITE_OPERATORS = /* @__PURE__ */ new Set([">", ">>", ">|", "&>", "&>>"]);
function isWriteOperator(operator) {
  const op = operator.startsWith("1") ? operator.slice(1) : operator;
  return WRITE_OPERATORS.has(op);
}
var COPY_COMMANDS = /* @__PURE__ */ new Set(["cp", "mv", "install", "ln", "rsync", "scp"]);
function fileWrites(script) {
  const out = [...script.statementWrites];
  for (const command of script.commands) {
    for (const r of command.redirects) {
      if (r.target && isWriteOperator(r.operator)) out.push({ target: r.target, content: outputTextOf(command), via: "redirect", command });
    }
    const name = commandName(command);
    const args2 = command.effective.slice(1);
    if (name === "tee") {
      const upstreamText = command.upstream ? outputTextOf(command.upstream) : void 0;
      const content = stdinTextOf(command) ?? upstreamText;
      for (const w of args2) if (!(w.value ?? w.loose).startsWith("-")) out.push({ target: w, content, via: "tee", command });
    } else if (name !== void 0 && COPY_COMMANDS.has(name)) {
      const operands = args2.filter((w) => !(w.value ?? w.loose).startsWith("-"));
      const last = operands.at(-1);
      if (operands.length >= 2 && last) out.push({ target: last, content: void 0, via: "copy", command });
    } else if (name === "aws" && args2[0]?.value === "s3" && (args2[1]?.value === "cp" || args2[1]?.value === "mv")) {
      const operands = args2.slice(2).filter((w) => !(w.value ?? w.loose).startsWith("-"));
      const last = operands.at(-1);
      if (operands.length >= 2 && last && !/^s3:\/\//.test(last.loose)) out.push({ target: last, content: void 0, via: "copy", command });
    } else if (name === "curl" || name === "wget") {
      for (let i = 0; i < args2.length; i++) {
        const v = args2[i]?.value ?? "";
        if (name === "curl" && (v === "-o" || v === "--output") || name === "wget" && (v === "-O" || v === "--output-document")) {
          const t = args2[i + 1];
          if (t && t.value !== "-") out.push({ target: t, content: void 0, via: "copy", command });
        }
      }
    }
  }
  return out;
}
function assignmentBefore(script, name, offset) {
  let found;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name === name && a.value !== void 0) found = a;
  }
  return found;
}
var AWS_GLOBAL_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "--profile",
  "--region",
  "--output",
  "--endpoint-url",
  "--query",
  "--color",
  "--ca-bundle",
  "--cli-read-timeout",
  "--cli-connect-timeout",
  "--cli-binary-format",
  "--cli-auto-prompt"
]);
function awsInvocation(command) {
  const words = command.effective;
  if (commandName(command) !== "aws") return void 0;
  let profile;
  const rest = [];
  let service;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const v = w.value ?? w.loose;
    if (AWS_GLOBAL_VALUE_OPTIONS.has(v)) {
      if (v === "--profile") profile = words[i + 1]?.value;
      i++;
      continue;
    }
    if (v.startsWith("--profile=")) {
      profile = v.slice("--profile=".length);
      continue;
    }
    if (v.startsWith("--") && /^--[a-z-]+=/.test(v) && AWS_GLOBAL_VALUE_OPTIONS.has(v.slice(0, v.indexOf("=")))) continue;
    if (!service) {
      if (v.startsWith("-")) continue;
      service = w;
      continue;
    }
    rest.push(w);
  }
  return { aws: words[0], service, args: rest, profile };
}
function heredocFileWrites(script) {
  const out = [];
  for (const command of script.commands) {
    const heredoc = command.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc) continue;
    const name = commandName(command);
    if (name === "cat") {
      for (const r of command.redirects) if (r.target && isWriteOperator(r.operator)) out.push({ path: r.target, heredoc });
    } else if (name === "tee") {
      for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith("-")) out.push({ path: w, heredoc });
    }
  }
  for (const command of script.commands) {
    const heredoc = command.upstream?.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc || commandName(command) !== "tee" || commandName(command.upstream) !== "cat") continue;
    for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith("-")) out.push({ path: w, heredoc });
  }
  return out;
}

// src/extract/shell-heredoc.ts
var WRITTEN_KINDS = /* @__PURE__ */ new Set(["shell", "dockerfile"]);
var HEREDOC_FILE_WRITE = new LineKeywords(/<</, [/>|\btee\b/i, /(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b/i]);
var WRITTEN_FILE_INTEREST = new AnyOf([
  /169\.254\.169\.254|fd00:ec2::254|instance-data|AWS_|\.aws[\\/]|\bA[KS]IA[A-Z0-9]{12}|s3cfg|\.boto\b|create-access-key/i,
  new LineKeywords(/\baws\b/i, [/\bconfigure\b/i])
]);
var heredocFileExtractor = {
  name: "shell heredoc files",
  kinds: ["shell", "user-data", "cloud-init"],
  keywords: HEREDOC_FILE_WRITE,
  produces: ["shell", "dockerfile"],
  // Heredoc bodies, as they are in the script.
  copiesHost: () => true,
  extract(document) {
    if (!WRITTEN_FILE_INTEREST.test(document.text)) return [];
    const script = shellScript(document);
    if (!script) return [];
    const out = [];
    const seen2 = /* @__PURE__ */ new Set();
    for (const { path, heredoc } of heredocFileWrites(script)) {
      const target = path.value ?? path.loose;
      if (seen2.has(heredoc.bodyStart) || heredoc.bodyEnd <= heredoc.bodyStart) continue;
      const body = document.text.slice(heredoc.bodyStart, heredoc.bodyEnd);
      const kind = classifyFile(target, body.slice(0, 16384));
      if (!WRITTEN_KINDS.has(kind)) continue;
      seen2.add(heredoc.bodyStart);
      const { text, map } = new VirtualTextBuilder().verbatim(body, heredoc.bodyStart).build();
      out.push(createVirtualDocument(document, { kind, language: languageOf(target, kind), text, map, label: `heredoc > ${target}` }));
    }
    return out;
  }
};

// src/iam/data.ts
import { closeSync as closeSync2, existsSync as existsSync5, openSync as openSync2, readFileSync as readFileSync2, readSync as readSync2 } from "node:fs";
import { dirname as dirname5, join as join4 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var dataDir;
function dataDirectory() {
  if (dataDir) return dataDir;
  let dir = dirname5(fileURLToPath3(import.meta.url));
  for (; ; ) {
    const pkg = join4(dir, "package.json");
    if (existsSync5(pkg)) {
      try {
        if (JSON.parse(readFileSync2(pkg, "utf8")).name === "credlint") return dataDir = join4(dir, "data");
      } catch {
      }
    }
    const up = dirname5(dir);
    if (up === dir) throw new Error("credlint: cannot find the package root (package.json named credlint) holding data/");
    dir = up;
  }
}
var catalogueFile;
var managedFile;
function loadCatalogueFile() {
  return catalogueFile ??= JSON.parse(readFileSync2(join4(dataDirectory(), "iam-actions.json"), "utf8"));
}
function loadManagedPoliciesFile() {
  return managedFile ??= JSON.parse(readFileSync2(join4(dataDirectory(), "aws-managed-policies.json"), "utf8"));
}
function iamDataVersions() {
  const head = (file) => {
    try {
      const fd = openSync2(join4(dataDirectory(), file), "r");
      const buf = Buffer.alloc(512);
      const n = readSync2(fd, buf, 0, buf.length, 0);
      closeSync2(fd);
      const first = buf.subarray(0, n).toString("utf8").split("\n")[0];
      const m = /^\{"source":(\{[^}]*\})/.exec(first);
      return m ? JSON.parse(m[1]) : void 0;
    } catch {
      return void 0;
    }
  };
  const catalogue = head("iam-actions.json");
  const managedPolicies = head("aws-managed-policies.json");
  return { ...catalogue ? { catalogue } : {}, ...managedPolicies ? { managedPolicies } : {} };
}

// src/iam/catalog.ts
var LEVEL_OF = { L: "List", R: "Read", W: "Write", P: "Permissions management", T: "Tagging" };
var catalog;
function getCatalog() {
  if (catalog) return catalog;
  const file = loadCatalogueFile();
  const services = /* @__PURE__ */ new Map();
  let count = 0;
  for (const [prefix, entry] of Object.entries(file.services)) {
    const actions = [];
    const byLowerName = /* @__PURE__ */ new Map();
    for (const [name, code] of Object.entries(entry.a)) {
      const colon = code.indexOf(":");
      const level = LEVEL_OF[colon < 0 ? code : code.slice(0, colon)] ?? "Write";
      const types = colon < 0 ? [] : code.slice(colon + 1).split(",");
      const action = {
        service: prefix,
        name,
        id: `${prefix}:${name}`,
        level,
        resourceTypes: types.map((t) => t.startsWith("!") ? t.slice(1) : t),
        requiredTypes: types.filter((t) => t.startsWith("!")).map((t) => t.slice(1))
      };
      actions.push(action);
      byLowerName.set(name.toLowerCase(), action);
    }
    count += actions.length;
    services.set(prefix, { prefix, actions, byLowerName, resourceArns: new Map(Object.entries(entry.r)) });
  }
  const cache9 = /* @__PURE__ */ new Map();
  catalog = {
    source: file.source,
    services,
    actionCount: count,
    action(id) {
      const colon = id.indexOf(":");
      if (colon < 0) return void 0;
      return services.get(id.slice(0, colon).toLowerCase())?.byLowerName.get(id.slice(colon + 1).toLowerCase());
    },
    expand(pattern) {
      const key = pattern.toLowerCase();
      const hit = cache9.get(key);
      if (hit) return hit;
      let out;
      if (key === "*") out = [...services.values()].flatMap((s) => s.actions);
      else {
        const colon = key.indexOf(":");
        if (colon < 0) out = [];
        else {
          const svc = key.slice(0, colon);
          const name = key.slice(colon + 1);
          const svcs = hasWildcard(svc) ? [...services.values()].filter((s) => wildcardRegex(svc).test(s.prefix)) : [services.get(svc)].filter((s) => s !== void 0);
          if (name === "*") out = svcs.flatMap((s) => s.actions);
          else if (!hasWildcard(name)) out = svcs.map((s) => s.byLowerName.get(name)).filter((a) => a !== void 0);
          else {
            const re = wildcardRegex(name);
            out = svcs.flatMap((s) => s.actions.filter((a) => re.test(a.name)));
          }
        }
      }
      cache9.set(key, out);
      return out;
    }
  };
  return catalog;
}
function hasWildcard(s) {
  return s.includes("*") || s.includes("?");
}
var regexCache = /* @__PURE__ */ new Map();
function wildcardRegex(pattern) {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "is");
    regexCache.set(pattern, re);
  }
  return re;
}
function asciiStartsWithIgnoreCase(s, lower) {
  if (s.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
var matchers = /* @__PURE__ */ new Map();
function matcherOf(pattern) {
  let m = matchers.get(pattern);
  if (m) return m;
  const lower = pattern.toLowerCase();
  const firstWild = lower.search(/[*?]/);
  const literal = firstWild < 0 ? lower : lower.slice(0, firstWild);
  if (!/^[\x00-\x7f]*$/.test(pattern)) {
    const re = wildcardRegex(pattern);
    m = (id) => re.test(id);
  } else if (firstWild < 0) m = (id) => id.length === lower.length && asciiStartsWithIgnoreCase(id, lower);
  else if (firstWild === lower.length - 1 && lower.endsWith("*")) m = (id) => asciiStartsWithIgnoreCase(id, literal);
  else {
    const re = wildcardRegex(pattern);
    m = (id) => asciiStartsWithIgnoreCase(id, literal) && re.test(id);
  }
  matchers.set(pattern, m);
  return m;
}
function patternCovers(pattern, id) {
  return pattern === "*" || matcherOf(pattern)(id);
}
function isWriteLevel(level) {
  return level === "Write" || level === "Permissions management" || level === "Tagging";
}
function countLevels(actions) {
  const out = { List: 0, Read: 0, Write: 0, "Permissions management": 0, Tagging: 0 };
  for (const a of actions) out[a.level]++;
  return out;
}
function nearestNames(candidates, wanted, max = 3) {
  const w = wanted.toLowerCase();
  const scored = [];
  const limit = Math.max(2, Math.floor(w.length / 3));
  for (const name of candidates) {
    const d = editDistance(w, name.toLowerCase(), limit);
    if (d <= limit) scored.push({ name, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, max).map((s) => s.name);
}
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

// src/iam/cli-actions.ts
var UNKNOWN = "\0";
var SERVICE_PREFIX = {
  s3api: "s3",
  s3control: "s3",
  elbv2: "elasticloadbalancing",
  elb: "elasticloadbalancing",
  efs: "elasticfilesystem",
  emr: "elasticmapreduce",
  deploy: "codedeploy",
  stepfunctions: "states",
  configservice: "config",
  opensearch: "es",
  sesv2: "ses",
  apigatewayv2: "apigateway",
  dynamodbstreams: "dynamodb",
  "iot-data": "iot",
  kinesisanalyticsv2: "kinesisanalytics",
  "mediastore-data": "mediastore",
  "timestream-write": "timestream",
  "timestream-query": "timestream",
  resourcegroupstaggingapi: "tag",
  "sso-admin": "sso",
  "lex-models": "lex",
  "lexv2-models": "lex",
  "lexv2-runtime": "lex",
  "sagemaker-runtime": "sagemaker",
  "bedrock-runtime": "bedrock",
  "bedrock-agent": "bedrock",
  "bedrock-agent-runtime": "bedrock",
  "marketplace-catalog": "aws-marketplace",
  "ecr-public": "ecr-public",
  "cognito-idp": "cognito-idp",
  "rds-data": "rds-data"
};
var UNMAPPED_SERVICES = /* @__PURE__ */ new Set(["apigateway", "apigatewayv2"]);
var LOCAL_COMMANDS = /* @__PURE__ */ new Set(["configure", "help", "history", "cli-dev", "login", "logout"]);
var EXCEPTIONS = {
  "s3api list-objects": ["s3:ListBucket"],
  "s3api list-objects-v2": ["s3:ListBucket"],
  "s3api list-object-versions": ["s3:ListBucketVersions"],
  "s3api head-object": ["s3:GetObject"],
  "s3api head-bucket": ["s3:ListBucket"],
  "s3api list-buckets": ["s3:ListAllMyBuckets"],
  "s3api delete-objects": ["s3:DeleteObject"],
  "s3api copy-object": ["s3:PutObject"],
  "s3api upload-part-copy": ["s3:PutObject"],
  "s3api create-multipart-upload": ["s3:PutObject"],
  "s3api upload-part": ["s3:PutObject"],
  "s3api complete-multipart-upload": ["s3:PutObject"],
  "s3api list-parts": ["s3:ListMultipartUploadParts"],
  "s3api list-multipart-uploads": ["s3:ListBucketMultipartUploads"],
  "s3api select-object-content": ["s3:GetObject"],
  "s3api get-bucket-encryption": ["s3:GetEncryptionConfiguration"],
  "s3api put-bucket-encryption": ["s3:PutEncryptionConfiguration"],
  "s3api delete-bucket-encryption": ["s3:PutEncryptionConfiguration"],
  "s3api get-bucket-lifecycle-configuration": ["s3:GetLifecycleConfiguration"],
  "s3api put-bucket-lifecycle-configuration": ["s3:PutLifecycleConfiguration"],
  "s3api delete-bucket-lifecycle": ["s3:PutLifecycleConfiguration"],
  "s3api get-bucket-replication": ["s3:GetReplicationConfiguration"],
  "s3api put-bucket-replication": ["s3:PutReplicationConfiguration"],
  "s3api delete-bucket-replication": ["s3:PutReplicationConfiguration"],
  "s3api get-bucket-accelerate-configuration": ["s3:GetAccelerateConfiguration"],
  "s3api put-bucket-accelerate-configuration": ["s3:PutAccelerateConfiguration"],
  "s3api get-bucket-analytics-configuration": ["s3:GetAnalyticsConfiguration"],
  "s3api get-bucket-inventory-configuration": ["s3:GetInventoryConfiguration"],
  "s3api get-bucket-metrics-configuration": ["s3:GetMetricsConfiguration"],
  "s3api get-public-access-block": ["s3:GetBucketPublicAccessBlock"],
  "s3api put-public-access-block": ["s3:PutBucketPublicAccessBlock"],
  "s3api delete-public-access-block": ["s3:PutBucketPublicAccessBlock"],
  "s3api get-object-lock-configuration": ["s3:GetBucketObjectLockConfiguration"],
  "s3api put-object-lock-configuration": ["s3:PutBucketObjectLockConfiguration"],
  "s3api get-bucket-notification-configuration": ["s3:GetBucketNotification"],
  "s3api put-bucket-notification-configuration": ["s3:PutBucketNotification"],
  "s3api get-bucket-policy-status": ["s3:GetBucketPolicyStatus"],
  "ecr get-login-password": ["ecr:GetAuthorizationToken"],
  "ecr get-login": ["ecr:GetAuthorizationToken"],
  "ecr-public get-login-password": ["ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken"],
  "codeartifact login": ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint", "sts:GetServiceBearerToken"],
  "eks update-kubeconfig": ["eks:DescribeCluster"],
  "logs tail": ["logs:FilterLogEvents"],
  "ec2 wait instance-running": ["ec2:DescribeInstances"],
  "ec2 wait instance-stopped": ["ec2:DescribeInstances"],
  "ec2 wait instance-terminated": ["ec2:DescribeInstances"],
  "ec2 wait instance-exists": ["ec2:DescribeInstances"],
  "ec2 wait instance-status-ok": ["ec2:DescribeInstanceStatus"],
  "ec2 wait system-status-ok": ["ec2:DescribeInstanceStatus"],
  "ec2 wait volume-available": ["ec2:DescribeVolumes"],
  "ec2 wait volume-in-use": ["ec2:DescribeVolumes"],
  "ec2 wait snapshot-completed": ["ec2:DescribeSnapshots"],
  "ec2 wait image-available": ["ec2:DescribeImages"],
  "dynamodb wait table-exists": ["dynamodb:DescribeTable"]
};
var NO_PERMISSION = /* @__PURE__ */ new Set(["sts get-caller-identity", "eks get-token", "rds generate-db-auth-token", "ecr-public get-login"]);
var COMPOSITE = /* @__PURE__ */ new Set(["cloudformation deploy", "cloudformation package", "deploy push", "deploy register", "emr create-cluster", "eks create-cluster"]);
function s3Url(word) {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(word.template);
  if (!m) return void 0;
  return { bucket: m[1], key: m[2] };
}
function bucketArn(bucket) {
  return `arn:aws:s3:::${bucket}`;
}
function objectArn(bucket, key) {
  return `arn:aws:s3:::${bucket}/${key}`;
}
function named(value, arn) {
  return value.startsWith("arn:") ? value : arn(value);
}
var U = UNKNOWN;
function lowLevelResources(service, op, action, args2) {
  const one = (name) => args2.get(name)?.[0]?.template;
  const all = (name) => (args2.get(name) ?? []).map((w) => w.template);
  switch (service) {
    case "s3api": {
      const bucket = one("--bucket");
      const types = getCatalog().action(action)?.resourceTypes ?? [];
      if (types.length === 0) return ["*"];
      if (bucket === void 0) return void 0;
      if (types.includes("object")) {
        if (action === "s3:GetObject" && (op === "copy-object" || op === "upload-part-copy")) {
          const src = one("--copy-source");
          return src === void 0 ? void 0 : [`arn:aws:s3:::${src.replace(/^\/+/, "").replace(/\?versionId=.*$/, "")}`];
        }
        const key = one("--key");
        return [objectArn(bucket, key ?? U)];
      }
      return [bucketArn(bucket)];
    }
    case "ssm": {
      const names = op === "get-parameters" ? all("--names") : op === "get-parameters-by-path" ? all("--path") : all("--name");
      if (names.length === 0) return void 0;
      return names.map((n) => named(n, (x) => `arn:aws:ssm:${U}:${U}:parameter/${x.replace(/^\//, "")}`));
    }
    case "secretsmanager": {
      const id = one("--secret-id");
      return id === void 0 ? void 0 : [named(id, (x) => `arn:aws:secretsmanager:${U}:${U}:secret:${x}-${U}`)];
    }
    case "dynamodb": {
      const t = one("--table-name");
      return t === void 0 ? void 0 : [named(t, (x) => `arn:aws:dynamodb:${U}:${U}:table/${x}`)];
    }
    case "lambda": {
      const f = one("--function-name");
      return f === void 0 ? void 0 : [named(f, (x) => `arn:aws:lambda:${U}:${U}:function:${x}`)];
    }
    case "sns": {
      const t = one("--topic-arn");
      return t === void 0 ? void 0 : [t];
    }
    case "sqs": {
      const url = one("--queue-url");
      const m = url === void 0 ? null : /^https?:\/\/(?:sqs\.)?([^./]+)\.(?:queue\.)?amazonaws\.com(?:\.cn)?\/([^/]+)\/([^/?]+)$/.exec(url);
      return m ? [`arn:aws:sqs:${m[1]}:${m[2]}:${m[3]}`] : void 0;
    }
    default:
      return void 0;
  }
}
function options(words) {
  const args2 = /* @__PURE__ */ new Map();
  const flags = /* @__PURE__ */ new Set();
  const positional = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.template.startsWith("--")) {
      const eq = w.template.indexOf("=");
      if (eq > 0) {
        args2.set(w.template.slice(0, eq), [{ template: w.template.slice(eq + 1), known: w.known }]);
        continue;
      }
      const values = [];
      while (i + 1 < words.length && !words[i + 1].template.startsWith("--")) values.push(words[++i]);
      if (values.length === 0) flags.add(w.template);
      else args2.set(w.template, values);
    } else positional.push(w);
  }
  return { args: args2, flags, positional };
}
var S3_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "--exclude",
  "--include",
  "--acl",
  "--sse-kms-key-id",
  "--sse-c",
  "--sse-c-key",
  "--sse-c-copy-source",
  "--sse-c-copy-source-key",
  "--storage-class",
  "--grants",
  "--website-redirect",
  "--content-type",
  "--cache-control",
  "--content-disposition",
  "--content-encoding",
  "--content-language",
  "--expires",
  "--metadata",
  "--metadata-directive",
  "--expected-size",
  "--source-region",
  "--page-size",
  "--request-payer",
  "--expires-in",
  "--checksum-algorithm",
  "--checksum-mode",
  "--copy-props",
  "--index-document",
  "--error-document",
  "--region",
  "--output",
  "--query",
  "--profile",
  "--endpoint-url",
  "--ca-bundle",
  "--cli-read-timeout",
  "--cli-connect-timeout"
]);
var S3_FLAGS = /* @__PURE__ */ new Set([
  "--recursive",
  "--quiet",
  "--delete",
  "--force",
  "--follow-symlinks",
  "--no-follow-symlinks",
  "--only-show-errors",
  "--no-progress",
  "--human-readable",
  "--summarize",
  "--exact-timestamps",
  "--size-only",
  "--no-guess-mime-type",
  "--ignore-glacier-warnings",
  "--force-glacier-transfer",
  "--no-overwrite",
  "--debug",
  "--no-verify-ssl",
  "--no-paginate",
  "--bucket-name-prefix"
]);
function s3Options(words) {
  const flags = /* @__PURE__ */ new Set();
  const positional = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const t = w.template;
    if (!t.startsWith("--")) {
      positional.push(w);
      continue;
    }
    const name = t.includes("=") ? t.slice(0, t.indexOf("=")) : t;
    if (name === "--sse") {
      if (!t.includes("=") && /^(?:AES256|aws:kms(?::dsse)?)$/.test(words[i + 1]?.template ?? "")) i++;
      flags.add("--sse");
    } else if (S3_VALUE_OPTIONS.has(name)) {
      if (name === "--acl" || name === "--grants") flags.add("--acl");
      if (!t.includes("=")) i++;
    } else if (S3_FLAGS.has(name)) flags.add(name);
    else if (name === "--dryrun") flags.add(name);
    else return { flags, positional, unknownOption: name };
  }
  return { flags, positional };
}
function basename2(path) {
  const parts = path.split("/");
  return parts[parts.length - 1] || U;
}
function s3HighLevel(op, words) {
  const command = `aws s3 ${op}`;
  const { flags, positional, unknownOption } = s3Options(words);
  if (unknownOption) return { state: "unresolved", command, reason: `option ${unknownOption} is not mapped` };
  if (flags.has("--dryrun")) return { state: "none", command };
  const recursive = flags.has("--recursive");
  const needs = [];
  const url = (w) => w ? s3Url(w) : void 0;
  const objects = (u, many) => objectArn(u.bucket, many ? `${u.key ?? ""}${U}` : u.key === void 0 || u.key === "" || u.key.endsWith("/") ? `${u.key ?? ""}${U}` : u.key);
  switch (op) {
    case "ls": {
      const u = url(positional[0]);
      if (!positional[0]) return { state: "mapped", command, needs: [{ action: "s3:ListAllMyBuckets", resource: "*" }] };
      if (!u) return { state: "unresolved", command, reason: "the S3 URL is not known" };
      return { state: "mapped", command, needs: [{ action: "s3:ListBucket", resource: bucketArn(u.bucket) }] };
    }
    case "mb":
    case "rb":
    case "website": {
      const u = url(positional[0]);
      if (!u) return { state: "unresolved", command, reason: "the bucket is not known" };
      if (op === "mb") needs.push({ action: "s3:CreateBucket", resource: bucketArn(u.bucket) });
      else if (op === "website") needs.push({ action: "s3:PutBucketWebsite", resource: bucketArn(u.bucket) });
      else {
        if (flags.has("--force")) needs.push({ action: "s3:ListBucket", resource: bucketArn(u.bucket) }, { action: "s3:DeleteObject", resource: objectArn(u.bucket, U) });
        needs.push({ action: "s3:DeleteBucket", resource: bucketArn(u.bucket) });
      }
      return { state: "mapped", command, needs };
    }
    case "rm": {
      const u = url(positional[0]);
      if (!u) return { state: "unresolved", command, reason: "the S3 URL is not known" };
      if (recursive) needs.push({ action: "s3:ListBucket", resource: bucketArn(u.bucket) });
      needs.push({ action: "s3:DeleteObject", resource: objects(u, recursive) });
      return { state: "mapped", command, needs };
    }
    case "presign": {
      const u = url(positional[0]);
      if (!u || u.key === void 0) return { state: "unresolved", command, reason: "the S3 URL is not known" };
      return { state: "mapped", command, needs: [{ action: "s3:GetObject", resource: objectArn(u.bucket, u.key) }] };
    }
    case "cp":
    case "mv":
    case "sync": {
      if (positional.length !== 2) return { state: "unresolved", command, reason: "source and destination are not known" };
      const [srcWord, dstWord] = positional;
      const src = url(srcWord);
      const dst = url(dstWord);
      if (!src && !dst) {
        return /^s3:|^\u0000/.test(srcWord.template) || /^s3:|^\u0000/.test(dstWord.template) ? { state: "unresolved", command, reason: "the S3 URL is not known" } : { state: "none", command };
      }
      const many = recursive || op === "sync";
      if (src) {
        if (many) needs.push({ action: "s3:ListBucket", resource: bucketArn(src.bucket) });
        needs.push({ action: "s3:GetObject", resource: objects(src, many) });
        if (op === "mv") needs.push({ action: "s3:DeleteObject", resource: objects(src, many) });
      } else if (/^\u0000/.test(srcWord.template)) return { state: "unresolved", command, reason: "the source is not known" };
      if (dst) {
        let key = dst.key;
        if (!many && (key === void 0 || key === "" || key.endsWith("/"))) key = `${key ?? ""}${src ? basename2(src.key ?? U) : basename2(srcWord.template)}`;
        if (op === "sync") needs.push({ action: "s3:ListBucket", resource: bucketArn(dst.bucket) });
        const written = many ? objectArn(dst.bucket, `${dst.key ?? ""}${U}`) : objectArn(dst.bucket, key ?? U);
        needs.push({ action: "s3:PutObject", resource: written });
        if (flags.has("--acl")) needs.push({ action: "s3:PutObjectAcl", resource: written });
        if (op === "sync" && flags.has("--delete")) needs.push({ action: "s3:DeleteObject", resource: objectArn(dst.bucket, `${dst.key ?? ""}${U}`) });
      } else if (/^\u0000/.test(dstWord.template)) return { state: "unresolved", command, reason: "the destination is not known" };
      if (src && !dst && op === "sync" && flags.has("--delete")) {
      }
      return { state: "mapped", command, needs: dedupe(needs) };
    }
    default:
      return { state: "unresolved", command, reason: `aws s3 ${op} is not mapped` };
  }
}
function dedupe(needs) {
  const seen2 = /* @__PURE__ */ new Set();
  return needs.filter((n) => {
    const k = `${n.action}\0${n.resource}`;
    if (seen2.has(k)) return false;
    seen2.add(k);
    return true;
  });
}
function cliCallNeeds(serviceWord, words) {
  if (!serviceWord) return { state: "none", command: "aws" };
  if (!serviceWord.known) return { state: "unresolved", command: "aws \u2026", reason: "the service is not known" };
  const service = serviceWord.template;
  if (LOCAL_COMMANDS.has(service)) return { state: "none", command: `aws ${service}` };
  const opWord = words[0];
  if (!opWord) return { state: "none", command: `aws ${service}` };
  if (!opWord.known) return { state: "unresolved", command: `aws ${service} \u2026`, reason: "the operation is not known" };
  const op = opWord.template;
  const command = `aws ${service} ${op}`;
  if (op === "help" || words.some((w) => w.template === "--generate-cli-skeleton" || w.template === "help")) return { state: "none", command };
  if (service === "s3") return s3HighLevel(op, words.slice(1));
  const rest = words.slice(op === "wait" ? 2 : 1);
  const key = op === "wait" ? `${service} wait ${words[1]?.template ?? ""}` : `${service} ${op}`;
  const shown = op === "wait" ? `${command} ${words[1]?.template ?? ""}`.trim() : command;
  if (NO_PERMISSION.has(key)) return { state: "none", command: shown };
  if (COMPOSITE.has(key)) return { state: "unresolved", command: shown, reason: `${shown} runs operations decided at run time` };
  if (UNMAPPED_SERVICES.has(service)) return { state: "unresolved", command: shown, reason: `${service} actions are HTTP verbs on resource paths` };
  const prefix = SERVICE_PREFIX[service] ?? service;
  const catalog2 = getCatalog();
  let actions;
  const listed = EXCEPTIONS[key];
  if (listed) actions = [...listed];
  else if (op === "wait") return { state: "unresolved", command: shown, reason: `${shown} is not mapped` };
  else {
    const found = catalog2.action(`${prefix}:${op.replace(/-/g, "")}`);
    if (!found) return { state: "unresolved", command: shown, reason: catalog2.services.has(prefix) ? `no IAM action ${prefix}:${op.replace(/-/g, "")} in the catalogue` : `service ${service} is not in the catalogue` };
    actions = [found.id];
  }
  const { args: args2 } = options(rest);
  if (service === "ec2" && op === "run-instances" && args2.has("--iam-instance-profile")) actions.push("iam:PassRole");
  if (service === "s3api" && (op === "copy-object" || op === "upload-part-copy")) actions.unshift("s3:GetObject");
  const needs = [];
  for (const id of actions) {
    const action = catalog2.action(id)?.id ?? id;
    const types = catalog2.action(action)?.resourceTypes ?? [];
    if (types.length === 0) {
      needs.push({ action, resource: "*" });
      continue;
    }
    const resources = lowLevelResources(service, op, action, args2) ?? [U];
    for (const resource of resources) needs.push({ action, resource });
  }
  return { state: "mapped", command: shown, needs: dedupe(needs) };
}
function renderResource(template) {
  return template.replace(/\u0000+/g, "*");
}
var MAPPED_FAMILIES = {
  highLevelS3: ["ls", "cp", "mv", "rm", "sync", "mb", "rb", "presign", "website"],
  exceptions: Object.keys(EXCEPTIONS),
  servicePrefixes: SERVICE_PREFIX
};

// src/iac/bootstrap.ts
function userDataValue(graph, node) {
  if (node.cfn) {
    const props = node.cfn.properties;
    if (node.kind === "launch-template") return getPath(props, ["LaunchTemplateData", "UserData"]);
    if (node.kind === "fleet") return mapGet(asList(getPath(props, ["SpotFleetRequestConfigData", "LaunchSpecifications"]))[0], "UserData");
    return mapGet(props, "UserData");
  }
  if (node.tf) {
    const b = node.tf;
    return (b.attribute("user_data") ?? b.attribute("user_data_base64") ?? b.blocks("launch_specification")[0]?.attribute("user_data"))?.value();
  }
  return graph.attribute(node, ["user_data"])?.value;
}
function rangeIn(doc, ancestor, start, end) {
  let current = doc;
  let range = { start, end };
  while (current !== ancestor && current.host) {
    range = current.host.map.mapRange(range.start, range.end);
    current = current.host.document;
  }
  return range;
}
var NESTED = [cloudInitExtractor, multipartUserDataExtractor, heredocFileExtractor];
var MAX_DEPTH2 = 3;
function shellDocuments(doc, depth, out) {
  if (isShellDocument(doc)) out.push(doc);
  if (depth >= MAX_DEPTH2) return;
  const notes = [];
  for (const ex of NESTED) {
    if (!ex.kinds.includes(doc.kind)) continue;
    if (ex.keywords && !ex.keywords.test(doc.text)) continue;
    for (const child of ex.extract(doc, notes)) shellDocuments(child, depth + 1, out);
  }
}
function cliWord(w) {
  if (w.value !== void 0) return { template: w.value, known: true };
  const template = w.loose.replace(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?$!-]/g, UNKNOWN);
  return { template, known: false };
}
var CREDENTIAL_VARIABLES = /* @__PURE__ */ new Set([
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_SECURITY_TOKEN",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_CONFIG_FILE",
  "AWS_ROLE_ARN",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
]);
var WEB_SERVICES = /^(?:nginx|httpd|apache2|apache|tomcat\d*|lighttpd|caddy|haproxy|traefik|jenkins|grafana-server|gunicorn|uwsgi|php\d*(?:\.\d+)?-fpm|node|pm2(?:-[\w-]+)?|nodejs|flask|jupyter|jupyterhub|wordpress|code-server)(?:\.service)?$/;
var CONTAINER_SERVICES = /^(?:docker|containerd|ecs|kubelet|k3s|crio|podman)(?:\.service)?$/;
function startsService(cmd, names) {
  const name = commandName(cmd);
  const args2 = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (name === "systemctl") return args2.some((a) => /^(?:start|enable|restart)$/.test(a)) && args2.some((a) => names.test(a));
  if (name === "service") return names.test(args2[0] ?? "") && /^(?:start|restart)$/.test(args2[1] ?? "");
  if (name === "chkconfig") return names.test(args2[0] ?? "") && args2[1] === "on";
  return false;
}
function isWebServer(cmd) {
  const name = commandName(cmd) ?? "";
  const args2 = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (startsService(cmd, WEB_SERVICES)) return true;
  if (/^(?:nginx|httpd|apachectl|gunicorn|uvicorn|hypercorn|caddy|lighttpd)$/.test(name)) return !args2.includes("-t") && !args2.includes("-v");
  if (/^python[\d.]*$/.test(name)) return args2.includes("http.server") || args2.includes("SimpleHTTPServer");
  if (name === "php") return args2.includes("-S");
  if (name === "flask") return args2[0] === "run";
  if (name === "pm2") return args2[0] === "start";
  if (name === "npm" || name === "yarn") return args2[0] === "start";
  if (name === "docker" || name === "podman" || name === "nerdctl") return args2[0] === "run" && args2.some((a) => a === "-p" || a === "--publish" || a.startsWith("--publish=") || /^-p\d/.test(a) || a === "-P");
  return false;
}
function startsContainers(cmd) {
  const name = commandName(cmd) ?? "";
  const args2 = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (startsService(cmd, CONTAINER_SERVICES)) return true;
  if (name === "docker" || name === "podman" || name === "nerdctl") return args2[0] === "run" || args2[0] === "compose" && args2.includes("up") || args2[0] === "service";
  if (name === "docker-compose") return args2.includes("up");
  if (name === "ctr") return args2.includes("run");
  if (/(?:^|\/)bootstrap\.sh$/.test(cmd.effective[0]?.value ?? "") && /eks/.test(cmd.effective[0]?.value ?? "")) return true;
  return name === "nodeadm" || name === "kubeadm" || name === "k3s";
}
var AWS_CALL_TEXT = /a[\\'"$\s]*w[\\'"$\s]*s(?![A-Za-z0-9_.-])|\\[0-7xuU]/;
var cache3 = /* @__PURE__ */ new WeakMap();
function cachedFor(doc, node) {
  let perDoc = cache3.get(doc);
  if (!perDoc) cache3.set(doc, perDoc = /* @__PURE__ */ new Map());
  let entry = perDoc.get(node);
  if (!entry) perDoc.set(node, entry = {});
  return entry;
}
function bootstrapOf(doc, graph, node) {
  const entry = cachedFor(doc, node);
  if (entry.full !== void 0) return entry.full ?? void 0;
  const b = computeBootstrap(doc, graph, node, "full");
  entry.full = b ?? null;
  return b;
}
function bootstrapCallsOf(doc, graph, node) {
  const entry = cachedFor(doc, node);
  if (entry.full !== void 0) return entry.full ?? void 0;
  if (entry.calls !== void 0) return entry.calls ?? void 0;
  const b = computeBootstrap(doc, graph, node, "calls");
  entry.calls = b ?? null;
  return b;
}
function computeBootstrap(doc, graph, node, scope) {
  const value = userDataValue(graph, node);
  if (!value) return void 0;
  const root = userDataDocument(doc, value, `user data of ${node.id}`, node.tf?.attribute("user_data_base64") !== void 0 && node.tf.attribute("user_data") === void 0);
  if (!root) return void 0;
  const docs = [];
  shellDocuments(root, 0, docs);
  if (scope === "calls" && !docs.some((d) => AWS_CALL_TEXT.test(d.text))) return { calls: [] };
  const events = [];
  let webServer;
  let containers;
  const seen2 = /* @__PURE__ */ new Set();
  for (const d of docs) {
    const script = shellScript(d);
    if (!script) continue;
    for (const a of script.assignments) {
      if (CREDENTIAL_VARIABLES.has(a.name) && a.via !== "prefix" && a.via !== "env") events.push({ at: rangeIn(d, doc, a.start, a.start + 1).start, doc: d, switchesCredentials: true });
    }
    for (const w of fileWrites(script)) {
      if (/\.aws\/(?:credentials|config)\b/.test(w.target.loose)) events.push({ at: rangeIn(d, doc, w.target.start, w.target.end).start, doc: d, switchesCredentials: true });
    }
    for (const cmd of script.commands) {
      const r = rangeIn(d, doc, cmd.start, cmd.end);
      if (!webServer && isWebServer(cmd)) webServer = r;
      if (!containers && startsContainers(cmd)) containers = r;
      const inv = awsInvocation(cmd);
      if (!inv) continue;
      const key = `${docs.indexOf(d)}:${cmd.start}:${cmd.end}`;
      if (seen2.has(key)) continue;
      seen2.add(key);
      const isConfigure = inv.service?.value === "configure" && ["set", "import"].includes(inv.args[0]?.value ?? "");
      events.push({ at: r.start, cmd, doc: d, switchesCredentials: isConfigure });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const calls = [];
  let switched = false;
  for (const e of events) {
    if (e.switchesCredentials) switched = true;
    const cmd = e.cmd;
    if (!cmd) continue;
    const inv = awsInvocation(cmd);
    if (!inv) continue;
    const awsWord = inv.aws;
    const last = cmd.effective[cmd.effective.length - 1] ?? awsWord;
    const range = rangeIn(e.doc, doc, awsWord.start, last.end);
    const words = cmd.effective.slice(1).map(cliWord);
    const globalOptions = words.some((w) => /^--(?:profile|endpoint-url|no-sign-request)\b/.test(w.template));
    const ownCredentials = cmd.assignments.some((a) => CREDENTIAL_VARIABLES.has(a.name));
    const mapping = cliCallNeeds(inv.service ? cliWord(inv.service) : void 0, inv.args.map(cliWord));
    calls.push({ command: mapping.command, range, mapping, credentials: switched || globalOptions || ownCredentials || inv.profile !== void 0 ? "other" : "role" });
  }
  return { calls, ...webServer ? { webServer } : {}, ...containers ? { containers } : {} };
}

// src/iam/policy.ts
function policyString(value) {
  const range = valueTokenRange(value);
  if (value.kind === "string") {
    if (value.hasPlaceholders) return { state: "partial", value: value.value, range };
    return { state: "known", value: value.value, range };
  }
  if (value.kind === "number" || value.kind === "bool") return { state: "known", value: String(value.value), range };
  return { state: "unknown", range };
}
function policyList(entry) {
  const v = entry.value;
  const items = [];
  let incomplete = false;
  if (v.kind === "list" || hasAlternatives(v)) {
    for (const item of branchItems(v)) {
      if (item.kind === "list" || item.kind === "map" || item.kind === "null") incomplete = true;
      else items.push(policyString(item));
    }
  } else if (v.kind === "string" || v.kind === "number" || v.kind === "bool") items.push(policyString(v));
  else incomplete = true;
  if (items.some((i) => i.state === "unknown")) incomplete = true;
  return { keyRange: entry.keyRange, range: v.range, items, incomplete };
}
function principalOf(entry) {
  const v = entry.value;
  if (v.kind === "string" || v.kind === "number") {
    const s = policyString(v);
    return { keyRange: entry.keyRange, range: v.range, ...s.state === "known" && s.value === "*" ? { star: s } : {}, types: /* @__PURE__ */ new Map(), incomplete: s.state !== "known" || s.value !== "*" };
  }
  if (v.kind !== "map") return { keyRange: entry.keyRange, range: v.range, types: /* @__PURE__ */ new Map(), incomplete: true };
  const types = /* @__PURE__ */ new Map();
  for (const e of v.entries) {
    const list = policyList(e);
    const prev = types.get(e.key);
    types.set(e.key, prev ? { ...prev, items: [...prev.items, ...list.items], incomplete: prev.incomplete || list.incomplete } : list);
  }
  return { keyRange: entry.keyRange, range: v.range, types, incomplete: false };
}
function conditionOf(entry) {
  const out = [];
  let incomplete = false;
  if (entry.value.kind !== "map") return { keyRange: entry.keyRange, entries: [], incomplete: true };
  for (const op of entry.value.entries) {
    if (op.value.kind !== "map") {
      incomplete = true;
      continue;
    }
    for (const k of op.value.entries) out.push({ operator: op.key, key: k.key, keyRange: k.keyRange, values: policyList(k) });
  }
  return { keyRange: entry.keyRange, entries: out, incomplete };
}
function policyFromValue(value, meta) {
  if (!value) return void 0;
  if (hasAlternatives(value)) return conditionalDocument(value, meta);
  const doc = documentValue(value);
  if (doc === "unknown") return { ...metaOf(meta), statements: [], incomplete: true };
  if (!doc) return void 0;
  const statementEntry = mapEntry(doc, "Statement");
  const versionEntry = mapEntry(doc, "Version");
  const st = statementEntry?.value;
  const items = branchItems(st);
  return build(items, meta, versionEntry, st === void 0 || st.kind !== "list" && st.kind !== "map" && !hasAlternatives(st));
}
function hasAlternatives(v) {
  return v?.kind === "unknown" && v.alternatives !== void 0;
}
function conditionalDocument(value, meta) {
  let incomplete = false;
  let any = false;
  let version;
  const statementsOf = (v) => {
    if (hasAlternatives(v)) return { kind: "unknown", reason: "dynamic", range: v.range, ...v.condition !== void 0 ? { condition: v.condition } : {}, alternatives: v.alternatives.map(statementsOf) };
    const empty = { kind: "list", items: [], range: v.range };
    if (isNoValue(v)) return empty;
    const doc = documentValue(v);
    if (doc === "unknown") any = incomplete = true;
    if (!doc || doc === "unknown") return empty;
    any = true;
    version ??= mapEntry(doc, "Version");
    const st = mapGet(doc, "Statement");
    if (st === void 0 || st.kind !== "list" && st.kind !== "map" && !hasAlternatives(st)) incomplete = true;
    return st ?? empty;
  };
  const items = branchItems(statementsOf(value));
  if (!any) return void 0;
  return build(items, meta, version, incomplete);
}
function policyFromStatements(statements, meta) {
  return build(statements, meta, void 0, false);
}
function metaOf(meta) {
  return { kind: meta.kind, label: meta.label, range: meta.range, ...meta.managed ? { managed: meta.managed } : {}, ...meta.foreign ? { foreign: true } : {}, ...meta.elsewhere ? { elsewhere: meta.elsewhere } : {} };
}
function build(items, meta, versionEntry, incompleteFromStart) {
  let incomplete = incompleteFromStart;
  const statements = [];
  const document = {
    ...metaOf(meta),
    ...versionEntry ? { version: policyString(versionEntry.value), versionRange: versionEntry.keyRange } : {},
    statements,
    get incomplete() {
      return incomplete;
    }
  };
  items.forEach((item, index) => {
    if (item.kind !== "map") {
      incomplete = true;
      return;
    }
    const e = (k) => mapEntry(item, k);
    const effectEntry = e("Effect");
    const effectValue2 = effectEntry ? policyString(effectEntry.value) : void 0;
    const effectText = effectValue2?.state === "known" ? effectValue2.value : void 0;
    const effect = effectText === "Allow" || effectText === "Deny" ? effectText : void 0;
    const sid = e("Sid");
    const when = branchChoices(item);
    const st = {
      index,
      ...when.length > 0 ? { when } : {},
      ...sid && sid.value.kind === "string" ? { sid: sid.value.value } : {},
      ...effect ? { effect } : {},
      effectRange: effectEntry ? valueTokenRange(effectEntry.value) : item.range,
      range: item.range,
      ...opt("action", e("Action"), policyList),
      ...opt("notAction", e("NotAction"), policyList),
      ...opt("resource", e("Resource"), policyList),
      ...opt("notResource", e("NotResource"), policyList),
      ...opt("principal", e("Principal"), principalOf),
      ...opt("notPrincipal", e("NotPrincipal"), principalOf),
      ...opt("condition", e("Condition"), conditionOf),
      document
    };
    statements.push(st);
  });
  return document;
}
function opt(key, entry, f) {
  return entry ? { [key]: f(entry) } : {};
}
function documentValue(value) {
  if (value.kind === "map") return value;
  if (value.kind === "ref" || value.kind === "unknown") return "unknown";
  if (value.kind !== "string") return void 0;
  if (value.encoded) return value.encoded.kind === "map" ? value.encoded : "unknown";
  const parsed2 = parseJsonString(value);
  if (parsed2 === void 0) return value.hasPlaceholders ? "unknown" : void 0;
  return parsed2.kind === "map" ? parsed2 : void 0;
}
var jsonCache = /* @__PURE__ */ new WeakMap();
function parseJsonString(value) {
  const cached = jsonCache.get(value);
  if (cached !== void 0) return cached ?? void 0;
  let out = null;
  const text = value.value.trim();
  if (text.startsWith("{")) {
    const doc = createDocument({ path: "policy.json", kind: "text", language: "json", text: value.value });
    const [root] = parseYamlDocuments(doc);
    if (root && root.kind === "map" && !/^\s*\{[\s\S]*\$\{[^}"]*\}\s*[,}\]]/.test(stripStrings(value.value))) {
      out = remap(root, value);
    }
  }
  jsonCache.set(value, out);
  return out ?? void 0;
}
function stripStrings(text) {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}
function remap(v, host) {
  const r = (range) => substringRange(host, range.start, range.end);
  switch (v.kind) {
    case "string": {
      const range = r(v.range);
      const inner = substringRange(host, v.range.start + 1, Math.max(v.range.start + 1, v.range.end - 1));
      const placeholders = host.hasPlaceholders === true && v.value.includes("${");
      return { kind: "string", value: v.value, range, pieces: [{ text: v.value, start: inner.start, end: inner.end, verbatim: false }], ...placeholders ? { hasPlaceholders: true } : {} };
    }
    case "list":
      return { kind: "list", items: v.items.map((i) => remap(i, host)), range: r(v.range) };
    case "map":
      return { kind: "map", entries: v.entries.map((e) => ({ key: e.key, keyRange: r(e.keyRange), value: remap(e.value, host) })), range: r(v.range) };
    default:
      return { ...v, range: r(v.range) };
  }
}
function policyFromPlain(plain, meta, at) {
  return policyFromValue(plainValue(plain, at), meta);
}
function plainValue(v, range) {
  if (typeof v === "string") return { kind: "string", value: v, range };
  if (typeof v === "number") return { kind: "number", value: v, range };
  if (typeof v === "boolean") return { kind: "bool", value: v, range };
  if (v === null || v === void 0) return { kind: "null", range };
  if (Array.isArray(v)) return { kind: "list", items: v.map((i) => plainValue(i, range)), range };
  return { kind: "map", entries: Object.entries(v).map(([key, val]) => ({ key, keyRange: range, value: plainValue(val, range) })), range };
}
function resourceStar(st) {
  return st.resource?.items.find((i) => i.state === "known" && i.value === "*");
}

// src/iam/sam-templates.ts
var T = {
  S3ReadPolicy: [{ actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"], resources: ["arn:${AWS::Partition}:s3:::${BucketName}", "arn:${AWS::Partition}:s3:::${BucketName}/*"] }],
  S3WritePolicy: [{ actions: ["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], resources: ["arn:${AWS::Partition}:s3:::${BucketName}", "arn:${AWS::Partition}:s3:::${BucketName}/*"] }],
  S3CrudPolicy: [{ actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"], resources: ["arn:${AWS::Partition}:s3:::${BucketName}", "arn:${AWS::Partition}:s3:::${BucketName}/*"] }],
  S3FullAccessPolicy: [
    { actions: ["s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"], resources: ["arn:${AWS::Partition}:s3:::${BucketName}/*"] },
    { actions: ["s3:ListBucket", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"], resources: ["arn:${AWS::Partition}:s3:::${BucketName}"] }
  ],
  DynamoDBReadPolicy: [{ actions: ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*"] }],
  DynamoDBWritePolicy: [{ actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*"] }],
  DynamoDBCrudPolicy: [{ actions: ["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*"] }],
  SQSSendMessagePolicy: [{ actions: ["sqs:SendMessage*"], resources: ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}"] }],
  SQSPollerPolicy: [{ actions: ["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], resources: ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}"] }],
  SNSPublishMessagePolicy: [{ actions: ["sns:Publish"], resources: ["arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}"] }],
  LambdaInvokePolicy: [{ actions: ["lambda:InvokeFunction"], resources: ["arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*"] }],
  StepFunctionsExecutionPolicy: [{ actions: ["states:StartExecution"], resources: ["arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}"] }],
  SSMParameterReadPolicy: [
    { actions: ["ssm:DescribeParameters"], resources: ["*"] },
    { actions: ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"], resources: ["arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ParameterName}"] }
  ],
  KMSDecryptPolicy: [{ actions: ["kms:Decrypt"], resources: ["arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}"] }],
  KMSEncryptPolicy: [{ actions: ["kms:Encrypt"], resources: ["arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}"] }],
  AWSSecretsManagerGetSecretValuePolicy: [{ actions: ["secretsmanager:GetSecretValue"], resources: ["${SecretArn}"] }],
  EventBridgePutEventsPolicy: [{ actions: ["events:PutEvents"], resources: ["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${EventBusName}"] }],
  KinesisStreamReadPolicy: [
    { actions: ["kinesis:ListStreams", "kinesis:DescribeLimits"], resources: ["arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*"] },
    { actions: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator"], resources: ["arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${StreamName}"] }
  ],
  CloudWatchPutMetricPolicy: [{ actions: ["cloudwatch:PutMetricData"], resources: ["*"] }],
  VPCAccessPolicy: [{ actions: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"], resources: ["*"] }],
  AMIDescribePolicy: [{ actions: ["ec2:DescribeImages"], resources: ["*"] }],
  CloudFormationDescribeStacksPolicy: [{ actions: ["cloudformation:DescribeStacks"], resources: ["arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/*"] }],
  EC2DescribePolicy: [{ actions: ["ec2:DescribeRegions", "ec2:DescribeInstances"], resources: ["*"] }],
  AWSXrayWriteOnlyAccessPolicy: [{ actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"], resources: ["*"] }]
};
function samPolicyTemplate(name, params, at) {
  const statements = T[name];
  if (!statements) return void 0;
  const str = (value, placeholders) => ({ kind: "string", value, range: at, ...placeholders ? { hasPlaceholders: true } : {} });
  const fill = (arn) => {
    const text = arn.replace(/\$\{(\w+)\}/g, (whole, p) => knownString(mapGet(params, p)) ?? whole);
    return str(text, text.includes("${"));
  };
  return statements.map((s) => {
    const entries = [
      { key: "Effect", keyRange: at, value: str("Allow", false) },
      { key: "Action", keyRange: at, value: { kind: "list", items: s.actions.map((a) => str(a, false)), range: at } },
      { key: "Resource", keyRange: at, value: { kind: "list", items: s.resources.map(fill), range: at } }
    ];
    return { kind: "map", entries, range: at };
  });
}

// src/js/parse.ts
import { existsSync as existsSync6 } from "node:fs";
import { createRequire as createRequire4 } from "node:module";
import { dirname as dirname6, join as join5 } from "node:path";
import { fileURLToPath as fileURLToPath4 } from "node:url";
var require5 = createRequire4(import.meta.url);
var parser;
function loadParser() {
  if (parser === void 0) {
    const beside = join5(dirname6(fileURLToPath4(import.meta.url)), "ts-parser.cjs");
    try {
      parser = require5(existsSync6(beside) ? beside : "@typescript-eslint/parser");
    } catch {
      parser = null;
    }
  }
  return parser ?? void 0;
}
var provided;
function provideProgram(text, program) {
  provided = program ? { text, program } : void 0;
}
var parsed = /* @__PURE__ */ new WeakMap();
var TS_EXT = /\.[cm]?tsx?$/i;
var JSX_EXT = /\.(?:[cm]?jsx?|tsx)$/i;
var DECLARATION_FILE = /\.d\.[cm]?tsx?$/i;
var MAX_JS_PARSE_CHARS = 1024 * 1024;
function programFor(doc) {
  if (provided && provided.text === doc.text) return provided.program;
  if (DECLARATION_FILE.test(doc.path)) return void 0;
  const cached = parsed.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  if (doc.text.length > MAX_JS_PARSE_CHARS) {
    reportIncomplete(doc, `the JS/TS syntax analysis skips files over ${MAX_JS_PARSE_CHARS / 1024 / 1024} MiB`);
    parsed.set(doc, null);
    return void 0;
  }
  const program = parseProgram(doc.text, doc.path);
  parsed.set(doc, program ?? null);
  return program;
}
var PARSE_OPTIONS2 = {
  range: true,
  loc: false,
  comment: false,
  tokens: false,
  sourceType: "module",
  ecmaVersion: "latest",
  errorOnUnknownASTType: false,
  lib: [],
  preserveNodeMaps: false,
  jsDocParsingMode: "none",
  suppressDeprecatedPropertyWarnings: true
};
function parseProgram(text, path) {
  const loaded = loadParser();
  if (!loaded) return void 0;
  const { parse: parse3 } = loaded;
  const isTs = TS_EXT.test(path);
  const attempts = isTs ? [/\.tsx$/i.test(path)] : [JSX_EXT.test(path) || !isTs, false];
  for (let i = 0; i < attempts.length; i++) {
    const jsx = attempts[i];
    if (i > 0 && !jsx && !jsxModeCanDiffer(text)) break;
    try {
      const program = parse3(text, { ...PARSE_OPTIONS2, jsx });
      program.tokens = void 0;
      program.comments = void 0;
      return program;
    } catch {
    }
  }
  return void 0;
}
var OPERAND_WORDS = /* @__PURE__ */ new Set([
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "of",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "as",
  "satisfies",
  "keyof",
  "type",
  "declare",
  "readonly",
  "async"
]);
var WORD_CHAR = /[\w$]/;
function jsxModeCanDiffer(text) {
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
    if (text.charCodeAt(at + 1) === 47 && text.charCodeAt(at + 2) !== 42) return true;
    let end = at;
    while (end > 0 && (text[end - 1] === " " || text[end - 1] === "	")) end--;
    let start = end;
    while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
    if (start === end) return true;
    if (OPERAND_WORDS.has(text.slice(start, end))) return true;
  }
  return false;
}

// src/js/static.ts
var MAX_DEPTH3 = 16;
var StaticScope = class {
  constructor(program) {
    this.program = program;
    walk(program, (node) => {
      if (node.type === "ImportDeclaration") {
        const module = String(node.source.value);
        for (const spec of node.specifiers) {
          const imported = spec.type === "ImportNamespaceSpecifier" ? "*" : spec.type === "ImportDefaultSpecifier" ? "default" : moduleExportName(spec.imported);
          this.bindImport(spec.local.name, { module, imported });
        }
      } else if (node.type === "VariableDeclaration") {
        for (const decl of node.declarations) this.bindDeclarator(decl, node.kind);
      } else if (node.type === "TSImportEqualsDeclaration" && node.moduleReference.type === "TSExternalModuleReference") {
        const expr = node.moduleReference.expression;
        if (expr.type === "Literal" && typeof expr.value === "string") this.bindImport(node.id.name, { module: expr.value, imported: "*" });
      } else if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") {
        if (node.id) this.shadow(node.id.name);
      }
    });
  }
  program;
  consts = /* @__PURE__ */ new Map();
  imports = /* @__PURE__ */ new Map();
  /** The initialiser of the file's only `const` binding of `name`. */
  constBinding(name) {
    return this.consts.get(name) ?? void 0;
  }
  importOf(name) {
    return this.imports.get(name) ?? void 0;
  }
  /** True when `name` is declared anywhere in the file (so it is not a global). */
  isDeclared(name) {
    return this.consts.has(name) || this.imports.has(name);
  }
  shadow(name) {
    this.consts.set(name, null);
    if (!this.imports.has(name)) this.imports.set(name, null);
  }
  bindImport(name, binding) {
    const known = this.imports.get(name);
    this.imports.set(name, known === void 0 ? binding : null);
    if (!this.consts.has(name)) this.consts.set(name, null);
  }
  bindDeclarator(decl, kind) {
    const init = decl.init ? unwrap(decl.init) : void 0;
    const required = init ? requiredModule(init) : void 0;
    if (decl.id.type === "Identifier") {
      const name = decl.id.name;
      if (required !== void 0) return this.bindImport(name, { module: required, imported: "*" });
      if (init?.type === "MemberExpression" && !init.computed && init.property.type === "Identifier") {
        const inner = requiredModule(unwrap(init.object));
        if (inner !== void 0) return this.bindImport(name, { module: inner, imported: init.property.name });
      }
      const known = this.consts.has(name);
      this.consts.set(name, !known && kind === "const" && init ? init : null);
      if (!this.imports.has(name)) this.imports.set(name, null);
      return;
    }
    if (decl.id.type === "ObjectPattern" && required !== void 0) {
      for (const prop of decl.id.properties) {
        if (prop.type === "Property" && !prop.computed && prop.value.type === "Identifier") {
          const key = propertyKeyName(prop);
          if (key !== void 0) this.bindImport(prop.value.name, { module: required, imported: key });
        }
      }
      return;
    }
    walk(decl.id, (n) => {
      if (n.type === "Identifier") this.shadow(n.name);
    });
  }
};
var scopes = /* @__PURE__ */ new WeakMap();
function staticScopeOf(program) {
  let scope = scopes.get(program);
  if (!scope) {
    scope = new StaticScope(program);
    scopes.set(program, scope);
  }
  return scope;
}
function unwrap(node) {
  let n = node;
  while (n.type === "TSAsExpression" || n.type === "TSSatisfiesExpression" || n.type === "TSNonNullExpression" || n.type === "TSTypeAssertion") {
    n = n.expression;
  }
  return n;
}
function requiredModule(node) {
  if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments.length === 1) {
    const arg = node.arguments[0];
    if (arg.type === "Literal" && typeof arg.value === "string") return arg.value;
  }
  return void 0;
}
function moduleExportName(node) {
  return node.type === "Identifier" ? node.name : node.value;
}
function propertyKeyName(prop, scope) {
  const key = prop.key;
  if (!prop.computed) {
    if (key.type === "Identifier") return key.name;
    if (key.type === "Literal") return String(key.value);
    return void 0;
  }
  if (!scope) return key.type === "Literal" ? String(key.value) : void 0;
  const value = evaluate2(key, scope);
  return value.kind === "string" || value.kind === "number" ? String(value.value) : void 0;
}
function evaluate2(node, scope, depth = 0) {
  if (depth > MAX_DEPTH3) return { kind: "unknown", node };
  const n = isExpression(node) ? unwrap(node) : node;
  switch (n.type) {
    case "Literal":
      if (typeof n.value === "string") return { kind: "string", value: n.value, node: n };
      if (typeof n.value === "number") return { kind: "number", value: n.value, node: n };
      if (typeof n.value === "boolean") return { kind: "boolean", value: n.value, node: n };
      if (n.value === null && !("regex" in n) && !("bigint" in n)) return { kind: "null", value: null, node: n };
      return { kind: "unknown", node: n };
    case "TemplateLiteral": {
      let out = "";
      for (let i = 0; i < n.quasis.length; i++) {
        const cooked = n.quasis[i].value.cooked;
        if (typeof cooked !== "string") return { kind: "unknown", node: n };
        out += cooked;
        const expr = n.expressions[i];
        if (expr) {
          const v = evaluate2(expr, scope, depth + 1);
          if (v.kind !== "string" && v.kind !== "number") return { kind: "unknown", node: n };
          out += String(v.value);
        }
      }
      return { kind: "string", value: out, node: n };
    }
    case "Identifier": {
      const init = scope.constBinding(n.name);
      return init ? evaluate2(init, scope, depth + 1) : { kind: "unknown", node: n };
    }
    case "ArrayExpression": {
      const elements = [];
      for (const el of n.elements) {
        if (!el) continue;
        if (el.type === "SpreadElement") {
          const spread = evaluate2(el.argument, scope, depth + 1);
          if (spread.kind !== "array") return { kind: "unknown", node: n };
          elements.push(...spread.elements);
        } else {
          elements.push(evaluate2(el, scope, depth + 1));
        }
      }
      return { kind: "array", elements, node: n };
    }
    case "ObjectExpression": {
      const properties = /* @__PURE__ */ new Map();
      for (const prop of n.properties) {
        if (prop.type === "SpreadElement") {
          const spread = evaluate2(prop.argument, scope, depth + 1);
          if (spread.kind === "object") for (const [k, v] of spread.properties) properties.set(k, v);
          continue;
        }
        const key = propertyKeyName(prop, scope);
        if (key === void 0) continue;
        const value = prop.kind === "init" && !prop.method ? evaluate2(prop.value, scope, depth + 1) : evaluate2(prop.value, scope, depth + 1);
        properties.set(key, { property: prop, value });
      }
      return { kind: "object", properties, node: n };
    }
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return { kind: "function", returns: returnedValues(n, scope, depth + 1), node: n };
    case "AwaitExpression":
      return evaluate2(n.argument, scope, depth + 1);
    case "CallExpression":
      if (n.callee.type === "MemberExpression" && n.callee.object.type === "Identifier" && n.callee.object.name === "Promise" && !scope.isDeclared("Promise") && memberName(n.callee) === "resolve" && n.arguments.length === 1 && n.arguments[0].type !== "SpreadElement") {
        return evaluate2(n.arguments[0], scope, depth + 1);
      }
      return { kind: "unknown", node: n };
    case "MemberExpression": {
      const object = evaluate2(n.object, scope, depth + 1);
      const name = memberName(n, scope);
      if (name === void 0) return { kind: "unknown", node: n };
      if (object.kind === "object") return object.properties.get(name)?.value ?? { kind: "unknown", node: n };
      if (object.kind === "array" && /^\d+$/.test(name)) return object.elements[Number(name)] ?? { kind: "unknown", node: n };
      return { kind: "unknown", node: n };
    }
    case "BinaryExpression":
      if (n.operator === "+") {
        const left = evaluate2(n.left, scope, depth + 1);
        const right = evaluate2(n.right, scope, depth + 1);
        if (left.kind === "string" && right.kind === "string") return { kind: "string", value: left.value + right.value, node: n };
      }
      return { kind: "unknown", node: n };
    default:
      return { kind: "unknown", node: n };
  }
}
function returnedValues(fn, scope, depth) {
  if (fn.body.type !== "BlockStatement") return [evaluate2(fn.body, scope, depth)];
  const out = [];
  walk(fn.body, (node) => {
    if (node.type === "ReturnStatement" && node.argument) out.push(evaluate2(node.argument, scope, depth));
  }, (node) => node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression");
  return out;
}
function memberName(node, scope) {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : node.property.type === "PrivateIdentifier" ? void 0 : void 0;
  const prop = node.property;
  if (prop.type === "Literal") return String(prop.value);
  if (!scope) return void 0;
  const value = evaluate2(prop, scope);
  return value.kind === "string" || value.kind === "number" ? String(value.value) : void 0;
}
function qualifiedName(node, scope) {
  const path = [];
  let n = isExpression(node) ? unwrap(node) : node;
  for (let i = 0; i < MAX_DEPTH3; i++) {
    if (n.type === "MemberExpression") {
      const name = memberName(n, scope);
      if (name === void 0) return void 0;
      path.unshift(name);
      n = unwrap(n.object);
      continue;
    }
    if (n.type === "ChainExpression") {
      n = n.expression;
      continue;
    }
    if (n.type === "CallExpression") {
      const mod = requiredModule(n);
      return mod !== void 0 ? { module: mod, path } : void 0;
    }
    if (n.type !== "Identifier") return void 0;
    const binding = scope.importOf(n.name);
    if (binding) return { module: binding.module, path: binding.imported === "*" ? path : [binding.imported, ...path] };
    if (scope.isDeclared(n.name)) {
      const init = scope.constBinding(n.name);
      if (init && (init.type === "MemberExpression" || init.type === "Identifier")) {
        const inner = qualifiedName(init, scope);
        return inner ? { module: inner.module, path: [...inner.path, ...path] } : void 0;
      }
      return void 0;
    }
    return { module: void 0, path: [n.name, ...path] };
  }
  return void 0;
}
function isExpression(node) {
  return node.type !== "Property" && node.type !== "SpreadElement" && node.type !== "Program";
}
var NOT_CHILDREN = /* @__PURE__ */ new Set(["parent", "loc", "range", "tokens", "comments", "typeAnnotation", "returnType", "typeParameters", "typeArguments"]);
function walk(root, visit3, skip) {
  const nodes = [root];
  const parents = [void 0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    visit3(node, parents.pop());
    if (node !== root && skip?.(node)) continue;
    const first = nodes.length;
    for (const key in node) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const v of value) {
          if (isNode(v)) {
            nodes.push(v);
            parents.push(node);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
      }
    }
    for (let a = first, b = nodes.length - 1; a < b; a++, b--) {
      const t = nodes[a];
      nodes[a] = nodes[b];
      nodes[b] = t;
    }
  }
}
function isNode(value) {
  return typeof value === "object" && value !== null && typeof value.type === "string";
}

// src/js/cdk-iam.ts
var CDK_KEYWORDS = /aws-cdk-lib|@aws-cdk\//;
var SERVICE_MODULE = /^(?:aws-cdk-lib\/aws-([\w-]+)|@aws-cdk\/aws-([\w-]+?)(?:-alpha)?)$/;
function cdkName(node, scope) {
  const q = qualifiedName(node, scope);
  if (!q || q.module === void 0) return void 0;
  const m = SERVICE_MODULE.exec(q.module);
  if (m) return { service: m[1] ?? m[2], path: q.path };
  if (q.module === "aws-cdk-lib" || q.module === "monocdk") {
    const [ns, ...rest] = q.path;
    const sm = ns !== void 0 ? /^aws_(\w+)$/.exec(ns) : null;
    if (sm) return { service: sm[1].replace(/_/g, "-"), path: rest };
  }
  return void 0;
}
function isIam(node, scope, ...path) {
  const n = cdkName(node, scope);
  return n !== void 0 && n.service === "iam" && n.path.length === path.length && n.path.every((p, i) => p === path[i]);
}
var IMPLICIT_ROLES = {
  lambda: { Function: "lambda.amazonaws.com", SingletonFunction: "lambda.amazonaws.com", DockerImageFunction: "lambda.amazonaws.com" },
  "lambda-nodejs": { NodejsFunction: "lambda.amazonaws.com" },
  "lambda-python": { PythonFunction: "lambda.amazonaws.com" },
  "lambda-go": { GoFunction: "lambda.amazonaws.com" },
  codebuild: { Project: "codebuild.amazonaws.com", PipelineProject: "codebuild.amazonaws.com" },
  stepfunctions: { StateMachine: "states.amazonaws.com" },
  ecs: { TaskDefinition: "ecs-tasks.amazonaws.com", FargateTaskDefinition: "ecs-tasks.amazonaws.com", Ec2TaskDefinition: "ecs-tasks.amazonaws.com" }
};
function args(call) {
  return call.arguments.filter((a) => a.type !== "SpreadElement");
}
var LocalBindings = class {
  byName = /* @__PURE__ */ new Map();
  constructor(program) {
    const functions = [];
    const decls = [];
    walk(program, (node) => {
      if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") functions.push(node.range);
      else if (node.type === "VariableDeclaration" && node.kind === "const") {
        for (const d of node.declarations) if (d.id.type === "Identifier" && d.init) decls.push({ name: d.id.name, init: d.init, at: d.range[0] });
      }
    });
    for (const d of decls) {
      const list = this.byName.get(d.name) ?? [];
      list.push({ init: d.init, scope: innermost(functions, d.at) ?? program.range });
      this.byName.set(d.name, list);
    }
    this.functions = functions;
    this.program = program.range;
  }
  functions;
  program;
  /** The initialiser `name` has at position `at`, or undefined. */
  lookup(name, at) {
    const list = this.byName.get(name);
    if (!list || list.length < 2) return void 0;
    const around = this.functions.filter(([s, e]) => s <= at && at < e).sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    for (const [s, e] of [...around, this.program]) {
      const here3 = list.filter((d) => d.scope[0] === s && d.scope[1] === e);
      if (here3.length === 1) return here3[0].init;
      if (here3.length > 1) return void 0;
    }
    return void 0;
  }
};
function innermost(ranges, at) {
  let best;
  for (const r of ranges) if (r[0] <= at && at < r[1] && (!best || r[1] - r[0] < best[1] - best[0])) best = r;
  return best;
}
function resolved(node, scope, locals) {
  if (!node) return void 0;
  let n = node.type === "ChainExpression" ? node.expression : node;
  for (let i = 0; i < 16; i++) {
    if (n.type === "TSAsExpression" || n.type === "TSNonNullExpression" || n.type === "TSSatisfiesExpression" || n.type === "TSTypeAssertion") {
      n = unwrap(n);
      continue;
    }
    if (n.type !== "Identifier") return n;
    const init = scope.constBinding(n.name) ?? locals?.lookup(n.name, n.range[0]);
    if (!init) return n;
    n = init;
  }
  return n;
}
function stringValue(v, text) {
  if (v.kind === "string") {
    const [s, e] = v.node.range;
    const quoted = (v.node.type === "Literal" || v.node.type === "TemplateLiteral" && v.node.expressions.length === 0) && e - s >= 2;
    const inner = quoted ? text.slice(s + 1, e - 1) : void 0;
    const pieces = quoted ? [{ text: v.value, start: s + 1, end: e - 1, verbatim: inner === v.value }] : void 0;
    return { kind: "string", value: v.value, range: { start: s, end: e }, ...pieces ? { pieces } : {} };
  }
  if (v.kind === "number") return { kind: "number", value: v.value, range: rangeOf3(v.node) };
  if (v.kind === "boolean") return { kind: "bool", value: v.value, range: rangeOf3(v.node) };
  const partial = partialTemplate(v.node, text);
  if (partial) return partial;
  return { kind: "unknown", reason: "dynamic", range: rangeOf3(v.node) };
}
function partialTemplate(node, text) {
  if (node.type !== "TemplateLiteral" || node.expressions.length === 0) return void 0;
  let value = "";
  for (let i = 0; i < node.quasis.length; i++) {
    const cooked = node.quasis[i].value.cooked;
    if (typeof cooked !== "string") return void 0;
    value += cooked;
    const expr = node.expressions[i];
    if (expr) value += "${" + text.slice(expr.range[0], expr.range[1]).replace(/[{}$\s]/g, "") + "}";
  }
  return { kind: "string", value, range: rangeOf3(node), pieces: [{ text: value, start: node.range[0] + 1, end: node.range[1] - 1, verbatim: false }], hasPlaceholders: true };
}
function rangeOf3(node) {
  return { start: node.range[0], end: node.range[1] };
}
function plainValue2(v, text, scope) {
  if (v.kind === "array") return { kind: "list", items: v.elements.map((e) => plainValue2(e, text, scope)), range: rangeOf3(v.node) };
  if (v.kind === "object") {
    const entries = [];
    for (const [key, prop] of v.properties) entries.push({ key, keyRange: rangeOf3(prop.property.key), value: plainValue2(prop.value, text, scope) });
    return { kind: "map", entries, range: rangeOf3(v.node) };
  }
  if (v.kind === "null") return { kind: "null", range: rangeOf3(v.node) };
  return stringValue(v, text);
}
function listValue(v, text) {
  if (v.kind === "array") return { kind: "list", items: v.elements.map((e) => e.kind === "array" || e.kind === "object" ? { kind: "unknown", reason: "dynamic", range: rangeOf3(e.node) } : stringValue(e, text)), range: rangeOf3(v.node) };
  return { kind: "unknown", reason: "dynamic", range: rangeOf3(v.node) };
}
function emptyParts() {
  return { types: /* @__PURE__ */ new Map(), conditions: [], assumeAction: "sts:AssumeRole", incomplete: false };
}
function addType(parts, type, value) {
  const list = parts.types.get(type) ?? [];
  list.push(value);
  parts.types.set(type, list);
}
function principalParts(node, ctx, parts = emptyParts(), depth = 0) {
  const n = resolved(node, ctx.scope, ctx.locals);
  if (!n || depth > 8) {
    parts.incomplete = true;
    return parts;
  }
  const whole = rangeOf3(n);
  const unknown2 = () => ({ kind: "unknown", reason: "dynamic", range: whole });
  if (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed && n.callee.property.type === "Identifier") {
    const method = n.callee.property.name;
    if (method === "withConditions" || method === "withSessionTags" || method === "withSourceIdentity") {
      principalParts(n.callee.object, ctx, parts, depth + 1);
      const [c] = args(n);
      if (method === "withConditions" && c) conditionEntries(c, ctx, parts.conditions);
      return parts;
    }
  }
  if (n.type === "NewExpression") {
    const name = cdkName(n.callee, ctx.scope);
    const a = args(n);
    const arg = (i) => a[i] ? stringValue(evaluate2(a[i], ctx.scope), ctx.text) : unknown2();
    if (name?.service === "iam" && name.path.length === 1) {
      switch (name.path[0]) {
        case "AnyPrincipal":
          addType(parts, "AWS", { kind: "string", value: "*", range: whole });
          return parts;
        case "StarPrincipal":
          parts.star = { kind: "string", value: "*", range: whole };
          return parts;
        case "ArnPrincipal":
          addType(parts, "AWS", arg(0));
          return parts;
        case "AccountPrincipal": {
          const acct = arg(0);
          const id = acct.kind === "string" || acct.kind === "number" ? String(acct.value) : void 0;
          addType(parts, "AWS", id !== void 0 ? { kind: "string", value: `arn:\${AWS::Partition}:iam::${id}:root`, range: whole, hasPlaceholders: true } : unknown2());
          return parts;
        }
        case "AccountRootPrincipal":
          addType(parts, "AWS", { kind: "string", value: "arn:${AWS::Partition}:iam::${AWS::AccountId}:root", range: whole, hasPlaceholders: true });
          return parts;
        case "ServicePrincipal":
          addType(parts, "Service", arg(0));
          return parts;
        case "CanonicalUserPrincipal":
          addType(parts, "CanonicalUser", arg(0));
          return parts;
        case "OrganizationPrincipal":
          addType(parts, "AWS", { kind: "string", value: "*", range: whole });
          parts.conditions.push({ key: "StringEquals", keyRange: whole, value: { kind: "map", range: whole, entries: [{ key: "aws:PrincipalOrgID", keyRange: whole, value: arg(0) }] } });
          return parts;
        case "FederatedPrincipal":
        case "WebIdentityPrincipal":
        case "OpenIdConnectPrincipal":
        case "SamlPrincipal":
        case "SamlConsolePrincipal": {
          const kind = name.path[0];
          addType(parts, "Federated", kind === "FederatedPrincipal" || kind === "WebIdentityPrincipal" ? arg(0) : unknown2());
          parts.assumeAction = /Saml/.test(kind) ? "sts:AssumeRoleWithSAML" : kind === "FederatedPrincipal" ? a[2] ? "sts:AssumeRole" : "sts:AssumeRole" : "sts:AssumeRoleWithWebIdentity";
          if (kind === "FederatedPrincipal" && a[2]) {
            const act = evaluate2(a[2], ctx.scope);
            if (act.kind === "string") parts.assumeAction = act.value;
          }
          const c = a[1];
          if (c) conditionEntries(c, ctx, parts.conditions);
          return parts;
        }
        case "CompositePrincipal":
          for (const p of a) principalParts(p, ctx, parts, depth + 1);
          return parts;
      }
    }
  }
  addType(parts, "AWS", unknown2());
  return parts;
}
function conditionEntries(node, ctx, out) {
  const v = plainValue2(evaluate2(node, ctx.scope), ctx.text, ctx.scope);
  if (v.kind === "map") out.push(...v.entries);
  else out.push({ key: "?", keyRange: v.range, value: { kind: "unknown", reason: "dynamic", range: v.range } });
}
function principalValue(parts, range) {
  if (parts.star && parts.types.size === 0) return parts.star;
  const entries = [...parts.types].map(([key, items]) => ({ key, keyRange: range, value: { kind: "list", items, range } }));
  if (parts.star) entries.push({ key: "AWS", keyRange: range, value: parts.star });
  return { kind: "map", entries, range };
}
var LIST_PROPS = { actions: "Action", notActions: "NotAction", resources: "Resource", notResources: "NotResource" };
var ADD_LIST = { addActions: "Action", addNotActions: "NotAction", addResources: "Resource", addNotResources: "NotResource" };
var cache4 = /* @__PURE__ */ new WeakMap();
function cdkIamModel(program, text) {
  let model = cache4.get(program);
  if (!model) {
    model = analyse(program, text);
    cache4.set(program, model);
  }
  return model;
}
function analyse(program, text) {
  const scope = staticScopeOf(program);
  const ctx = { scope, text, locals: new LocalBindings(program) };
  const statements = /* @__PURE__ */ new Map();
  const documents = /* @__PURE__ */ new Map();
  const policies = /* @__PURE__ */ new Map();
  const principals = /* @__PURE__ */ new Map();
  const managedRefs = /* @__PURE__ */ new Map();
  const calls = [];
  const assignments = [];
  const thisProps = /* @__PURE__ */ new Map();
  const carried = [];
  walk(program, (node) => {
    if (node.type === "NewExpression") {
      const name = cdkName(node.callee, scope);
      if (!name) return;
      const label = constructLabel(node, name.path.join("."), scope, name.service);
      if (name.service === "iam" && name.path.length === 1) {
        const kind = name.path[0];
        if (kind === "PolicyStatement") statements.set(node, statementOf(node, ctx));
        else if (kind === "PolicyDocument") documents.set(node, documentOf(node, ctx));
        else if (kind === "Policy" || kind === "ManagedPolicy") policies.set(node, { node, managed: kind === "ManagedPolicy", label, statements: [], documents: [], incomplete: false });
        else if (kind === "Role" || kind === "User" || kind === "Group") {
          principals.set(node, { id: `cdk:${node.range[0]}`, kind: kind.toLowerCase(), label, range: idRange(node), assumedBy: [], carriers: [], implicit: false, attachments: [], groups: [], unknownPolicies: false });
        }
        return;
      }
      const service = IMPLICIT_ROLES[name.service]?.[name.path[name.path.length - 1] ?? ""];
      const given2 = propsOf(node, 2, scope);
      const roleProp = given2?.kind === "object" ? given2.properties.get("role") ?? given2.properties.get("taskRole") : void 0;
      if (roleProp) carried.push({ node, label, role: roleProp.property.value });
      if (service && name.path.length === 1) {
        if (roleProp) return;
        principals.set(node, { id: `cdk:${node.range[0]}`, kind: "role", label: `the role CDK creates for ${label}`, range: idRange(node), assumedBy: [service], carriers: [label], implicit: true, attachments: [], groups: [], unknownPolicies: false });
      }
    } else if (node.type === "CallExpression") {
      calls.push(node);
      if (node.callee.type === "MemberExpression") {
        if (isIam(node.callee, scope, "PolicyStatement", "fromJson")) {
          const [a] = args(node);
          const e = emptyStatement(node);
          e.json = a ? plainValue2(evaluate2(a, scope), text, scope) : { kind: "unknown", reason: "dynamic", range: rangeOf3(node) };
          statements.set(node, e);
        } else if (isIam(node.callee, scope, "PolicyDocument", "fromJson")) {
          const [a] = args(node);
          documents.set(node, { node, statements: [], json: a ? plainValue2(evaluate2(a, scope), text, scope) : { kind: "unknown", reason: "dynamic", range: rangeOf3(node) }, incomplete: false });
        } else {
          const ref = managedRef(node, ctx);
          if (ref !== void 0) managedRefs.set(node, ref);
        }
      }
    } else if (node.type === "AssignmentExpression" && node.operator === "=") {
      assignments.push(node);
      if (node.left.type === "MemberExpression" && node.left.object.type === "ThisExpression" && !node.left.computed && node.left.property.type === "Identifier") {
        const key = node.left.property.name;
        thisProps.set(key, thisProps.has(key) ? null : node.right);
      }
    } else if (node.type === "PropertyDefinition" && !node.computed && node.key.type === "Identifier" && node.value) {
      const key = node.key.name;
      thisProps.set(key, thisProps.has(key) ? null : node.value);
    }
  });
  const target = (node) => {
    let n = resolved(node, scope, ctx.locals);
    for (let i = 0; i < 8 && n; i++) {
      if (n.type === "MemberExpression" && n.object.type === "ThisExpression" && !n.computed && n.property.type === "Identifier") {
        const v = thisProps.get(n.property.name);
        if (!v) return n;
        n = resolved(v, scope, ctx.locals);
        continue;
      }
      return n;
    }
    return n;
  };
  const statementAt = (node) => {
    const t = target(node);
    return t ? statements.get(t) : void 0;
  };
  for (const call of calls) {
    if (call.callee.type !== "MemberExpression" || call.callee.computed || call.callee.property.type !== "Identifier") continue;
    const method = call.callee.property.name;
    const st = statementAt(call.callee.object);
    if (!st) continue;
    const key = ADD_LIST[method];
    if (key) {
      for (const a of call.arguments) {
        if (a.type === "SpreadElement") {
          const v = evaluate2(a.argument, scope);
          if (v.kind === "array") for (const e of v.elements) pushItem(st, key, call.callee.property, stringValue(e, text));
          else pushItem(st, key, call.callee.property, { kind: "unknown", reason: "dynamic", range: rangeOf3(a) });
        } else pushItem(st, key, call.callee.property, stringValue(evaluate2(a, scope), text));
      }
    } else if (method === "addAllResources") {
      pushItem(st, "Resource", call.callee.property, { kind: "string", value: "*", range: rangeOf3(call.callee.property) });
    } else if (method === "addPrincipals") {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf3(call.callee.property);
      for (const a of call.arguments) principalParts(a.type === "SpreadElement" ? a.argument : a, ctx, st.principal);
    } else if (method === "addNotPrincipals") {
      st.notPrincipal ??= emptyParts();
      st.notPrincipalKey ??= rangeOf3(call.callee.property);
      for (const a of call.arguments) principalParts(a.type === "SpreadElement" ? a.argument : a, ctx, st.notPrincipal);
    } else if (method === "addAnyPrincipal") {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf3(call.callee.property);
      addType(st.principal, "AWS", { kind: "string", value: "*", range: rangeOf3(call) });
    } else if (method === "addArnPrincipal" || method === "addAwsAccountPrincipal" || method === "addServicePrincipal" || method === "addFederatedPrincipal" || method === "addCanonicalUserPrincipal" || method === "addAccountRootPrincipal") {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf3(call.callee.property);
      const [a] = args(call);
      const v = a ? stringValue(evaluate2(a, scope), text) : { kind: "unknown", reason: "dynamic", range: rangeOf3(call) };
      if (method === "addArnPrincipal") addType(st.principal, "AWS", v);
      else if (method === "addServicePrincipal") addType(st.principal, "Service", v);
      else if (method === "addFederatedPrincipal") addType(st.principal, "Federated", v);
      else if (method === "addCanonicalUserPrincipal") addType(st.principal, "CanonicalUser", v);
      else addType(st.principal, "AWS", { kind: "unknown", reason: "dynamic", range: rangeOf3(call) });
    } else if (method === "addCondition" || method === "addConditions") {
      st.conditions ??= [];
      st.conditionKey ??= rangeOf3(call.callee.property);
      const a = args(call);
      if (method === "addConditions" && a[0]) conditionEntries(a[0], ctx, st.conditions);
      else if (a[0]) {
        const op = evaluate2(a[0], scope);
        const value = a[1] ? plainValue2(evaluate2(a[1], scope), text, scope) : { kind: "unknown", reason: "dynamic", range: rangeOf3(call) };
        st.conditions.push({ key: op.kind === "string" ? op.value : "?", keyRange: rangeOf3(a[0]), value: op.kind === "string" ? value : { kind: "unknown", reason: "dynamic", range: rangeOf3(call) } });
      }
    } else if (method === "addFields" || method === "copy") {
    }
  }
  for (const st of statements.values()) st.value = statementValue(st);
  const consumed = /* @__PURE__ */ new Set();
  const out = { principals: [...principals.values()], documents: [] };
  const docs = [];
  const docCache2 = /* @__PURE__ */ new Map();
  const makeDoc = (items, kind, label, range, extraIncomplete = false) => {
    const key = `${kind}\0${range.start}\0${range.end}`;
    const prev = docCache2.get(key);
    if (prev) return prev;
    const values = [];
    for (const i of items) {
      const st = statementAt(i);
      if (st?.value) {
        consumed.add(st.node);
        values.push(st.value);
      } else values.push({ kind: "unknown", reason: "dynamic", range: rangeOf3(i) });
    }
    const d = policyFromStatements(values, { kind, label, range });
    const doc = extraIncomplete ? { ...d, incomplete: true } : d;
    docCache2.set(key, doc);
    docs.push(doc);
    return doc;
  };
  const statementItems = (v) => {
    if (!v) return { items: [], incomplete: false };
    if (v.kind !== "array") return { items: [], incomplete: true };
    return { items: v.elements.map((e) => e.node), incomplete: false };
  };
  const documentFrom = (node, kind, label, range) => {
    const t = target(node);
    const d = t ? documents.get(t) : void 0;
    if (!d) return void 0;
    consumed.add(d.node);
    if (d.json) {
      const doc = policyFromValue(d.json, { kind, label, range });
      if (doc) {
        const key = `${kind}\0${range.start}\0${range.end}`;
        if (!docCache2.has(key)) {
          docCache2.set(key, doc);
          docs.push(doc);
        }
        return docCache2.get(key);
      }
      return void 0;
    }
    return makeDoc(d.statements, kind, label, range, d.incomplete);
  };
  for (const d of documents.values()) {
    if (d.json || d.node.type !== "NewExpression") continue;
    const props = propsOf(d.node, 0, scope);
    const st = props?.kind === "object" ? props.properties.get("statements")?.value : void 0;
    const { items, incomplete } = statementItems(st);
    d.statements.push(...items);
    if (incomplete || props && props.kind !== "object") d.incomplete = true;
  }
  for (const call of calls) {
    if (call.callee.type !== "MemberExpression" || call.callee.computed || call.callee.property.type !== "Identifier" || call.callee.property.name !== "addStatements") continue;
    const t = target(call.callee.object);
    const items = call.arguments.map((a) => a.type === "SpreadElement" ? a.argument : a);
    if (t && documents.has(t)) documents.get(t).statements.push(...items);
    else if (t && policies.has(t)) policies.get(t).statements.push(...items);
  }
  const policyDocs = /* @__PURE__ */ new Map();
  const policyDoc = (p) => {
    let d = policyDocs.get(p.node);
    if (d) return d;
    const props = propsOf(p.node, 2, scope);
    const obj = props?.kind === "object" ? props : void 0;
    const { items, incomplete } = statementItems(obj?.properties.get("statements")?.value);
    const range = idRange(p.node);
    const docProp = obj?.properties.get("document");
    const fromDoc = docProp ? documentFrom(docProp.property.value, "identity", `${p.label} (document)`, rangeOf3(docProp.property.key)) : void 0;
    d = makeDoc([...items, ...p.statements], "identity", p.label, range, incomplete || props !== void 0 && !obj || docProp !== void 0 && !fromDoc);
    consumed.add(p.node);
    policyDocs.set(p.node, d);
    if (fromDoc) policyDocs.set(p.node, d.statements.length === 0 && !incomplete ? fromDoc : d);
    if (fromDoc && d.statements.length > 0) p.extra = fromDoc;
    return policyDocs.get(p.node);
  };
  const attachPolicy = (pr, node, range) => {
    const t = target(node);
    if (t && policies.has(t)) {
      const p = policies.get(t);
      const d = policyDoc(p);
      pr.attachments.push({ document: d, range, via: p.managed ? "customer-managed" : "inline" });
      const extra = p.extra;
      if (extra) pr.attachments.push({ document: extra, range, via: p.managed ? "customer-managed" : "inline" });
      return;
    }
    const ref = t ? managedRefs.get(t) : void 0;
    if (ref) {
      pr.attachments.push(ref);
      return;
    }
    pr.unknownPolicies = true;
  };
  const principalAt = (node) => {
    let t = target(node);
    if (t?.type === "MemberExpression" && !t.computed && t.property.type === "Identifier" && /^(?:role|taskRole)$/.test(t.property.name)) t = target(t.object);
    if (!t) return void 0;
    const own = principals.get(t);
    if (own) return own;
    const via = carried.find((c) => c.node === t);
    return via ? principals.get(target(via.role)) : void 0;
  };
  for (const c of carried) {
    const r = target(c.role);
    const pr = r ? principals.get(r) : void 0;
    if (pr && !pr.carriers.includes(c.label)) pr.carriers.push(c.label);
  }
  const principalList = (v) => v?.kind === "array" ? v.elements.map((e) => principalAt(e.node)).filter((p) => p !== void 0) : [];
  for (const p of policies.values()) {
    const props = propsOf(p.node, 2, scope);
    if (props?.kind !== "object") continue;
    for (const key of ["roles", "users", "groups"]) {
      for (const pr of principalList(props.properties.get(key)?.value)) attachPolicy(pr, p.node, idRange(p.node));
    }
  }
  for (const [node, pr] of principals) {
    if (pr.implicit) {
      const props2 = propsOf(node, 2, scope);
      const initial = props2?.kind === "object" ? props2.properties.get("initialPolicy") : void 0;
      if (initial) {
        const { items, incomplete } = statementItems(initial.value);
        pr.attachments.push({ document: makeDoc(items, "identity", `${pr.label} (initialPolicy)`, rangeOf3(initial.property.key), incomplete), range: rangeOf3(initial.property.key), via: "inline" });
      }
      continue;
    }
    const props = propsOf(node, 2, scope);
    if (props?.kind !== "object") {
      if (props) pr.unknownPolicies = true;
      continue;
    }
    const assumed = props.properties.get("assumedBy");
    if (assumed && pr.kind === "role") {
      const parts = principalParts(assumed.property.value, ctx);
      const keyRange = rangeOf3(assumed.property.key);
      const entries = [
        { key: "Effect", keyRange, value: { kind: "string", value: "Allow", range: keyRange } },
        { key: "Action", keyRange, value: { kind: "string", value: parts.assumeAction, range: keyRange } },
        { key: "Principal", keyRange, value: principalValue(parts, rangeOf3(assumed.property.value)) }
      ];
      if (parts.conditions.length > 0) entries.push({ key: "Condition", keyRange, value: { kind: "map", entries: parts.conditions, range: keyRange } });
      const trust = policyFromStatements([{ kind: "map", entries, range: rangeOf3(assumed.property) }], { kind: "trust", label: `${pr.label} (assumedBy)`, range: keyRange });
      docs.push(trust);
      pr.trust = trust;
      for (const s of parts.types.get("Service") ?? []) if (s.kind === "string") pr.assumedBy.push(s.value);
    }
    const inline = props.properties.get("inlinePolicies");
    if (inline) {
      if (inline.value.kind !== "object") pr.unknownPolicies = true;
      else {
        for (const [name, entry] of inline.value.properties) {
          const range = rangeOf3(entry.property.key);
          const d = documentFrom(entry.property.value, "identity", `${pr.label} (inline policy ${name})`, range);
          if (d) pr.attachments.push({ document: d, range, via: "inline" });
          else pr.unknownPolicies = true;
        }
      }
    }
    const managed = props.properties.get("managedPolicies");
    if (managed) {
      if (managed.value.kind !== "array") pr.unknownPolicies = true;
      else for (const e of managed.value.elements) attachPolicy(pr, e.node, rangeOf3(e.node));
    }
    for (const g of principalList(props.properties.get("groups")?.value)) if (g.kind === "group") pr.groups.push(g);
  }
  const defaultPolicies = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (call.callee.type !== "MemberExpression" || call.callee.computed || call.callee.property.type !== "Identifier") continue;
    const method = call.callee.property.name;
    const a = args(call);
    const recv = call.callee.object;
    switch (method) {
      case "addToPolicy":
      case "addToPrincipalPolicy":
      case "addToRolePolicy":
      case "addToTaskRolePolicy": {
        if (!a[0] || !statementAt(a[0])) break;
        const pr = principalAt(recv);
        if (pr) {
          const dp = defaultPolicies.get(pr) ?? { items: [], range: rangeOf3(call.callee.property) };
          dp.items.push(a[0]);
          defaultPolicies.set(pr, dp);
        } else {
          makeDoc([a[0]], "identity", `the policy statement added by ${method}`, rangeOf3(a[0]));
        }
        break;
      }
      case "addToResourcePolicy":
        if (a[0] && statementAt(a[0])) makeDoc([a[0]], "resource", `the resource policy statement added by ${method}`, rangeOf3(a[0]));
        break;
      case "addManagedPolicy":
      case "attachInlinePolicy": {
        const pr = principalAt(recv);
        if (pr && a[0]) attachPolicy(pr, a[0], rangeOf3(a[0]));
        break;
      }
      case "attachToRole":
      case "attachToUser":
      case "attachToGroup": {
        const pr = principalAt(a[0]);
        const t = target(recv);
        if (pr && t && policies.has(t)) attachPolicy(pr, t, rangeOf3(call.callee.property));
        break;
      }
      case "addToGroup": {
        const u = principalAt(recv);
        const g = principalAt(a[0]);
        if (u?.kind === "user" && g?.kind === "group") u.groups.push(g);
        break;
      }
      case "addUser": {
        const g = principalAt(recv);
        const u = principalAt(a[0]);
        if (u?.kind === "user" && g?.kind === "group") u.groups.push(g);
        break;
      }
    }
  }
  for (const [pr, dp] of defaultPolicies) {
    pr.attachments.push({ document: makeDoc(dp.items, "identity", `${pr.label} (default policy)`, dp.range), range: dp.range, via: "inline" });
  }
  for (const p of policies.values()) if (!consumed.has(p.node)) policyDoc(p);
  for (const d of documents.values()) {
    if (consumed.has(d.node)) continue;
    const hasPrincipal = d.json ? /"?Principal/.test(text.slice(d.node.range[0], d.node.range[1])) : d.statements.some((s) => statementAt(s)?.principal);
    documentFrom(d.node, hasPrincipal ? "resource" : "identity", "the policy document", rangeOf3(d.node.callee));
  }
  for (const st of statements.values()) {
    if (consumed.has(st.node)) continue;
    const json = st.json?.kind === "map" ? st.json : void 0;
    const hasPrincipal = st.principal !== void 0 || st.notPrincipal !== void 0 || json?.entries.some((e) => e.key === "Principal" || e.key === "NotPrincipal") === true;
    makeDoc([st.node], hasPrincipal ? "resource" : "identity", "the policy statement", rangeOf3(st.node.callee));
  }
  void assignments;
  out.documents.push(...docs.sort((x, y) => x.range.start - y.range.start));
  return out;
}
function emptyStatement(node) {
  return { node, entries: /* @__PURE__ */ new Map(), lists: /* @__PURE__ */ new Map(), conditions: void 0 };
}
function pushItem(st, key, keyNode, item) {
  let l = st.lists.get(key);
  if (!l) {
    l = { keyRange: rangeOf3(keyNode), items: [], unknown: false };
    st.lists.set(key, l);
  }
  l.items.push(item);
}
function propsOf(node, index, scope) {
  const a = node.arguments[index];
  if (!a) return void 0;
  if (a.type === "SpreadElement") return { kind: "unknown", node: a };
  return evaluate2(a, scope);
}
function statementOf(node, ctx) {
  const st = emptyStatement(node);
  const props = propsOf(node, 0, ctx.scope);
  const callee = rangeOf3(node.callee);
  st.entries.set("Effect", { key: "Effect", keyRange: callee, value: { kind: "string", value: "Allow", range: callee } });
  if (!props) return st;
  if (props.kind !== "object") {
    st.entries.set("Effect", { key: "Effect", keyRange: callee, value: { kind: "unknown", reason: "dynamic", range: rangeOf3(props.node) } });
    for (const key of ["Action", "Resource"]) st.lists.set(key, { keyRange: callee, items: [{ kind: "unknown", reason: "dynamic", range: rangeOf3(props.node) }], unknown: true });
    return st;
  }
  for (const [name, prop] of props.properties) {
    const keyRange = rangeOf3(prop.property.key);
    const listKey = LIST_PROPS[name];
    if (listKey) {
      const v = listValue(prop.value, ctx.text);
      st.lists.set(listKey, { keyRange, items: v.kind === "list" ? [...v.items] : [v], unknown: v.kind !== "list" });
    } else if (name === "effect") {
      st.entries.set("Effect", { key: "Effect", keyRange, value: effectValue(prop.property.value, ctx) });
    } else if (name === "principals" || name === "notPrincipals") {
      const parts = emptyParts();
      const v = prop.value;
      if (v.kind === "array") for (const e of v.elements) principalParts(e.node, ctx, parts);
      else parts.incomplete = true;
      if (name === "principals") {
        st.principal = parts;
        st.principalKey = keyRange;
      } else {
        st.notPrincipal = parts;
        st.notPrincipalKey = keyRange;
      }
    } else if (name === "conditions") {
      st.conditions = [];
      st.conditionKey = keyRange;
      conditionEntries(prop.property.value, ctx, st.conditions);
    } else if (name === "sid") {
      st.entries.set("Sid", { key: "Sid", keyRange, value: stringValue(prop.value, ctx.text) });
    }
  }
  return st;
}
function effectValue(node, ctx) {
  const n = resolved(node, ctx.scope, ctx.locals) ?? node;
  const range = rangeOf3(node);
  const name = cdkName(n, ctx.scope);
  if (name?.service === "iam" && name.path.length === 2 && name.path[0] === "Effect") {
    if (name.path[1] === "DENY") return { kind: "string", value: "Deny", range };
    if (name.path[1] === "ALLOW") return { kind: "string", value: "Allow", range };
  }
  const v = evaluate2(node, ctx.scope);
  if (v.kind === "string" && (v.value === "Allow" || v.value === "Deny")) return { kind: "string", value: v.value, range };
  return { kind: "unknown", reason: "dynamic", range };
}
function documentOf(node, _ctx) {
  return { node, statements: [], incomplete: false };
}
function statementValue(st) {
  const range = rangeOf3(st.node);
  if (st.json) {
    if (st.json.kind !== "map" || st.lists.size === 0) return st.json;
  }
  const entries = st.json?.kind === "map" ? [...st.json.entries] : [...st.entries.values()];
  for (const [key, l] of st.lists) entries.push({ key, keyRange: l.keyRange, value: l.unknown && l.items.length === 1 ? l.items[0] : { kind: "list", items: l.items, range: l.keyRange } });
  const allConditions = [...st.conditions ?? [], ...st.principal?.conditions ?? [], ...st.notPrincipal?.conditions ?? []];
  if (st.principal) entries.push({ key: "Principal", keyRange: st.principalKey ?? range, value: st.principal.incomplete ? { kind: "unknown", reason: "dynamic", range: st.principalKey ?? range } : principalValue(st.principal, st.principalKey ?? range) });
  if (st.notPrincipal) entries.push({ key: "NotPrincipal", keyRange: st.notPrincipalKey ?? range, value: principalValue(st.notPrincipal, st.notPrincipalKey ?? range) });
  if (st.conditions !== void 0 || allConditions.length > 0) {
    const keyRange = st.conditionKey ?? st.principalKey ?? range;
    entries.push({ key: "Condition", keyRange, value: { kind: "map", entries: allConditions, range: keyRange } });
  }
  return { kind: "map", entries, range };
}
function managedRef(call, ctx) {
  const range = rangeOf3(call);
  const a = args(call);
  const text = (n) => {
    if (!n) return void 0;
    const v = evaluate2(n, ctx.scope);
    if (v.kind === "string") return v.value;
    const p = partialTemplate(v.node, ctx.text);
    return p?.kind === "string" ? p.value : void 0;
  };
  if (isIam(call.callee, ctx.scope, "ManagedPolicy", "fromAwsManagedPolicyName")) {
    const name = text(a[0]);
    return { ...name !== void 0 ? { managedArn: `arn:aws:iam::aws:policy/${name}` } : {}, range, via: "aws-managed" };
  }
  if (isIam(call.callee, ctx.scope, "ManagedPolicy", "fromManagedPolicyArn")) {
    const arn = text(a[2]);
    return { ...arn !== void 0 ? { managedArn: arn } : {}, range, via: /:iam::aws:policy\//.test(arn ?? "") ? "aws-managed" : "customer-managed" };
  }
  if (isIam(call.callee, ctx.scope, "ManagedPolicy", "fromManagedPolicyName") || isIam(call.callee, ctx.scope, "Policy", "fromPolicyName")) {
    return { range, via: "customer-managed" };
  }
  return void 0;
}
function constructLabel(node, className, scope, service) {
  const id = node.arguments[1];
  const v = id && id.type !== "SpreadElement" ? evaluate2(id, scope) : void 0;
  const cls = `${service.replace(/-/g, "_")}.${className}`;
  return v?.kind === "string" ? `${cls} '${v.value}'` : cls;
}
function idRange(node) {
  const id = node.arguments[1];
  if (id && id.type === "Literal" && typeof id.value === "string") return { start: id.range[0] + 1, end: id.range[1] - 1 };
  return rangeOf3(node.callee);
}

// src/iam/sources.ts
var MANAGED_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?|\$\{[^}]+\}):iam::aws:policy\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;
var managedCache = /* @__PURE__ */ new Map();
function awsManagedPolicy(arnOrName, at) {
  const m = MANAGED_ARN.exec(arnOrName.trim());
  const name = m ? m[2] : /^[\w+=,.@-]+$/.test(arnOrName) ? arnOrName : void 0;
  if (!name) return void 0;
  const entry = loadManagedPoliciesFile().policies[name];
  if (!entry) return void 0;
  const key = `${name}\0${at.start}\0${at.end}`;
  const cached = managedCache.get(key);
  if (cached !== void 0) return cached ?? void 0;
  const doc = policyFromPlain(entry.d, { kind: "identity", label: `AWS managed policy ${name}`, range: at, managed: name }, at) ?? null;
  if (managedCache.size > 5e3) managedCache.clear();
  managedCache.set(key, doc);
  return doc ?? void 0;
}
function isServiceRolePolicy(name) {
  return name !== void 0 && loadManagedPoliciesFile().policies[name]?.p.startsWith("service-role/") === true;
}
function isManagedArnText(s) {
  return s !== void 0 && MANAGED_ARN.test(s.trim());
}
function textOf(v) {
  return v?.kind === "string" ? v.value : knownString(v);
}
var foreignDocs = /* @__PURE__ */ new WeakMap();
function policyOfValue(value, meta) {
  if (!meta.foreign || !meta.elsewhere) return policyFromValue(value, meta);
  const key = `${meta.kind}\0${meta.label}\0${meta.range.start}:${meta.range.end}\0${meta.elsewhere.absPath}`;
  let byMeta = foreignDocs.get(value);
  if (!byMeta) foreignDocs.set(value, byMeta = /* @__PURE__ */ new Map());
  const hit = byMeta.get(key);
  if (hit !== void 0) return hit ?? void 0;
  const doc = policyFromValue(value, meta);
  byMeta.set(key, doc ?? null);
  return doc;
}
var Builder = class {
  documents = [];
  principals = [];
  seen = /* @__PURE__ */ new Map();
  reach = /* @__PURE__ */ new Map();
  /** Registers a document once (the same data source or managed policy may be attached many times). */
  add(doc) {
    if (!doc) return void 0;
    if (doc.managed || doc.foreign) return doc;
    const first = doc.statements[0];
    const key = `${doc.kind}\0${doc.range.start}\0${first ? `${first.range.start}:${first.range.end}` : "none"}`;
    const prev = this.seen.get(key);
    if (prev) return prev;
    this.seen.set(key, doc);
    this.documents.push(doc);
    return doc;
  }
  principal(init) {
    const p = { policies: [], groups: [], assumedBy: [], carriers: [], unknownPolicies: false, ...init };
    this.principals.push(p);
    return p;
  }
  attach(p, doc, range, via, elsewhere, when) {
    if (!doc) {
      p.unknownPolicies = true;
      return;
    }
    p.policies.push({ document: doc, range, via, ...elsewhere ? { elsewhere } : {}, ...when && when.length > 0 ? { when } : {} });
    const list = this.reach.get(doc);
    if (list) {
      if (!list.includes(p)) list.push(p);
    } else this.reach.set(doc, [p]);
  }
  model() {
    const documents = [...this.documents].sort((a, b) => a.range.start - b.range.start);
    return { documents, principals: this.principals, principalsOf: (d) => this.reach.get(d) ?? [] };
  }
};
function trustedServices(trust) {
  const out = [];
  for (const st of trust?.statements ?? []) {
    if (st.effect !== "Allow") continue;
    for (const s of st.principal?.types.get("Service")?.items ?? []) if (s.state !== "unknown" && s.value) out.push(s.value.replace(/\$\{AWS::URLSuffix\}/g, "amazonaws.com"));
  }
  return out;
}
function carriersOf(graph, role) {
  const out = /* @__PURE__ */ new Set();
  for (const r of graph.referrers(role)) {
    if (r.kind === "instance-profile") {
      for (const c of graph.referrers(r)) if (c.kind !== "other" && c.kind !== "instance-profile") out.add(describeNode(c));
    } else if (!["policy", "policy-attachment", "role", "user", "group", "group-membership", "other"].includes(r.kind) || /Lambda|lambda|ECS|ecs|CodeBuild|codebuild|Batch|batch|Glue|glue|SageMaker|sagemaker|StepFunctions|sfn|AppRunner|apprunner/.test(r.type)) {
      if (!/Policy|policy_attachment|_policy$|InstanceProfile|instance_profile/.test(r.type)) out.add(describeNode(r));
    }
  }
  return [...out].sort();
}
var CFN_RESOURCE_POLICIES = {
  "AWS::S3::BucketPolicy": "PolicyDocument",
  "AWS::S3::AccessPoint": "Policy",
  "AWS::S3ObjectLambda::AccessPointPolicy": "PolicyDocument",
  "AWS::SQS::QueuePolicy": "PolicyDocument",
  "AWS::SNS::TopicPolicy": "PolicyDocument",
  "AWS::KMS::Key": "KeyPolicy",
  "AWS::KMS::ReplicaKey": "KeyPolicy",
  "AWS::ECR::Repository": "RepositoryPolicyText",
  "AWS::ECR::RegistryPolicy": "PolicyText",
  "AWS::SecretsManager::ResourcePolicy": "ResourcePolicy",
  "AWS::Events::EventBusPolicy": "Statement",
  "AWS::OpenSearchService::Domain": "AccessPolicies",
  "AWS::Elasticsearch::Domain": "AccessPolicies",
  "AWS::EFS::FileSystem": "FileSystemPolicy",
  "AWS::Backup::BackupVault": "AccessPolicy",
  "AWS::ApiGateway::RestApi": "Policy",
  "AWS::Logs::ResourcePolicy": "PolicyDocument",
  "AWS::Glue::ResourcePolicy": "PolicyInJson",
  "AWS::CodeArtifact::Domain": "PermissionsPolicyDocument",
  "AWS::CodeArtifact::Repository": "PermissionsPolicyDocument",
  "AWS::Lambda::LayerVersionPermission": "",
  "AWS::S3Express::BucketPolicy": "PolicyDocument",
  "AWS::IoT::Policy": ""
};
function cfnModel(doc, graph, b) {
  const props = (n) => n.cfn?.properties;
  const byName = /* @__PURE__ */ new Map();
  for (const n of graph.nodes) {
    const nameKey = n.kind === "role" ? "RoleName" : n.kind === "user" ? "UserName" : n.kind === "group" ? "GroupName" : n.type === "AWS::IAM::ManagedPolicy" ? "ManagedPolicyName" : void 0;
    const name = nameKey ? knownString(mapGet(props(n), nameKey)) : void 0;
    if (name) byName.set(`${n.kind}:${name}`, n);
  }
  const principals = /* @__PURE__ */ new Map();
  const targetOf = (v, kind) => {
    if (v.kind === "ref") return principals.get(v.target);
    const s = knownString(v);
    if (s !== void 0) {
      const n = byName.get(`${kind}:${s}`) ?? byName.get(`${kind}:${s.split("/").pop()}`);
      return n ? principals.get(n.id) : void 0;
    }
    if (v.kind === "string" && v.hasPlaceholders) {
      const m = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}$/.exec(v.value);
      if (m) return principals.get(m[1]);
    }
    return void 0;
  };
  const label = (n, what) => `${describeNode(n)}${what ? ` (${what})` : ""}`;
  for (const n of graph.nodes) {
    if (n.kind === "role" || n.kind === "user" || n.kind === "group") {
      principals.set(n.id, b.principal({ id: n.id, kind: n.kind, label: describeNode(n), range: n.nameRange, local: true }));
    } else if (n.type === "AWS::Serverless::Function" || n.type === "AWS::Serverless::StateMachine") {
      if (mapGet(props(n), "Role") === void 0) {
        const service = n.type === "AWS::Serverless::Function" ? "lambda.amazonaws.com" : "states.amazonaws.com";
        principals.set(n.id, b.principal({ id: n.id, kind: "role", label: `the role SAM creates for ${describeNode(n)}`, range: n.nameRange, local: true, assumedBy: [service], carriers: [describeNode(n)], implicit: true }));
      }
    }
  }
  const managedArns = (p, value) => {
    for (const arn of branchItems(value)) attachArn(b, graph, p, arn, (t) => targetPolicy(t));
  };
  const customer = /* @__PURE__ */ new Map();
  const targetPolicy = (n) => {
    if (customer.has(n.id)) return customer.get(n.id);
    const d = b.add(policyFromValue(mapGet(props(n), "PolicyDocument"), { kind: "identity", label: label(n, ""), range: n.nameRange }));
    customer.set(n.id, d);
    return d;
  };
  for (const n of graph.nodes) {
    const p = props(n);
    const principal = principals.get(n.id);
    if (principal && (n.kind === "role" || n.kind === "user" || n.kind === "group")) {
      for (const pol of branchItems(mapGet(p, "Policies"))) {
        const name = knownString(mapGet(pol, "PolicyName"));
        const entry = mapEntry(pol, "PolicyDocument");
        const d = b.add(policyFromValue(entry?.value, { kind: "identity", label: label(n, `inline policy${name ? ` ${name}` : ""}`), range: entry?.keyRange ?? n.nameRange }));
        b.attach(principal, d, entry?.keyRange ?? n.nameRange, "inline", void 0, branchChoices(pol));
      }
      const policies = mapGet(p, "Policies");
      if (policies && policies.kind !== "list" && !(policies.kind === "unknown" && policies.alternatives)) principal.unknownPolicies = true;
      managedArns(principal, mapGet(p, "ManagedPolicyArns"));
      if (n.kind === "role") {
        const trust = mapEntry(p, "AssumeRolePolicyDocument");
        const t = b.add(policyFromValue(trust?.value, { kind: "trust", label: label(n, "trust policy"), range: trust?.keyRange ?? n.nameRange }));
        if (t) principal.trust = t;
        principal.assumedBy.push(...trustedServices(t));
        principal.carriers.push(...carriersOf(graph, n));
      }
      if (n.kind === "user") for (const g of branchItems(mapGet(p, "Groups"))) {
        const gp = targetOf(g, "group");
        if (gp) principal.groups.push(gp);
      }
      continue;
    }
    if (principal && (n.type === "AWS::Serverless::Function" || n.type === "AWS::Serverless::StateMachine")) {
      samPolicies(b, graph, principal, mapEntry(p, "Policies"), n);
      continue;
    }
    if (n.type === "AWS::IAM::Policy" || n.type === "AWS::IAM::ManagedPolicy" || n.type === "AWS::IAM::RolePolicy" || n.type === "AWS::IAM::UserPolicy" || n.type === "AWS::IAM::GroupPolicy") {
      const d = targetPolicy(n);
      const via = n.type === "AWS::IAM::ManagedPolicy" ? "customer-managed" : "inline";
      for (const [key2, kind] of [["Roles", "role"], ["Users", "user"], ["Groups", "group"], ["RoleName", "role"], ["UserName", "user"], ["GroupName", "group"]]) {
        for (const v of branchItems(mapGet(p, key2))) {
          const target = targetOf(v, kind);
          if (target) b.attach(target, d, n.nameRange, via, void 0, branchChoices(v));
        }
      }
      continue;
    }
    if (n.type === "AWS::IAM::UserToGroupAddition") {
      const group = targetOf(mapGet(p, "GroupName") ?? { kind: "null", range: n.nameRange }, "group");
      if (group) for (const u of branchItems(mapGet(p, "Users"))) targetOf(u, "user")?.groups.push(group);
      continue;
    }
    const key = CFN_RESOURCE_POLICIES[n.type];
    if (key) {
      const entry = mapEntry(p, key);
      if (entry) b.add(policyFromValue(entry.value, { kind: "resource", label: label(n, key), range: entry.keyRange }));
      else if (n.type === "AWS::Events::EventBusPolicy" && p) {
        void p;
      }
    }
  }
  void doc;
}
function samPolicies(b, graph, p, entry, n) {
  if (!entry) return;
  const v = entry.value;
  if (v.kind === "map" && mapGet(v, "Statement")) {
    b.attach(p, b.add(policyFromValue(v, { kind: "identity", label: `${describeNode(n)} (Policies)`, range: entry.keyRange })), entry.keyRange, "inline");
    return;
  }
  for (const item of branchItems(v)) {
    if (item.kind === "map" && mapGet(item, "Statement")) {
      b.attach(p, b.add(policyFromValue(item, { kind: "identity", label: `${describeNode(n)} (Policies)`, range: item.range })), item.range, "inline");
    } else if (item.kind === "map" && item.entries.length === 1) {
      const t = item.entries[0];
      const statements = samPolicyTemplate(t.key, t.value, t.keyRange);
      if (statements === void 0) p.unknownPolicies = true;
      else b.attach(p, b.add(policyFromStatements(statements, { kind: "identity", label: `${describeNode(n)} (SAM policy template ${t.key})`, range: t.keyRange })), t.keyRange, "aws-managed");
    } else attachArn(b, graph, p, item, () => void 0);
  }
}
function attachArn(b, graph, p, arn, local, extra, elsewhere) {
  const text = textOf(arn) ?? extra?.(arn);
  const range = valueTokenRange(arn);
  const when = branchChoices(arn);
  if (text !== void 0) {
    const m = awsManagedPolicy(text, range);
    if (m) return b.attach(p, m, range, "aws-managed", elsewhere, when);
    if (isManagedArnText(text)) return b.attach(p, void 0, range, "aws-managed", elsewhere);
  }
  const r = graph.resolve(arn);
  if (r?.state === "node" && (r.node.kind === "policy" || r.node.type === "AWS::IAM::ManagedPolicy")) return b.attach(p, local(r.node), range, "customer-managed", elsewhere, when);
  b.attach(p, void 0, range, "customer-managed", elsewhere);
}
var TF_RESOURCE_POLICIES = {
  aws_s3_bucket_policy: "policy",
  aws_s3_bucket: "policy",
  aws_s3_access_point: "policy",
  aws_s3control_access_point_policy: "policy",
  aws_sqs_queue_policy: "policy",
  aws_sqs_queue: "policy",
  aws_sns_topic_policy: "policy",
  aws_sns_topic: "policy",
  aws_kms_key: "policy",
  aws_kms_key_policy: "policy",
  aws_kms_replica_key: "policy",
  aws_ecr_repository_policy: "policy",
  aws_ecr_registry_policy: "policy",
  aws_ecrpublic_repository_policy: "policy",
  aws_secretsmanager_secret_policy: "policy",
  aws_secretsmanager_secret: "policy",
  aws_opensearch_domain_policy: "access_policies",
  aws_opensearch_domain: "access_policies",
  aws_elasticsearch_domain_policy: "access_policies",
  aws_elasticsearch_domain: "access_policies",
  aws_efs_file_system_policy: "policy",
  aws_glacier_vault: "access_policy",
  aws_backup_vault_policy: "policy",
  aws_api_gateway_rest_api_policy: "policy",
  aws_api_gateway_rest_api: "policy",
  aws_cloudwatch_log_resource_policy: "policy_document",
  aws_cloudwatch_event_bus_policy: "policy",
  aws_glue_resource_policy: "policy",
  aws_codeartifact_domain_permissions_policy: "policy_document",
  aws_codeartifact_repository_permissions_policy: "policy_document",
  aws_media_store_container_policy: "policy",
  aws_vpc_endpoint_policy: "policy",
  aws_vpc_endpoint: "policy"
};
function tfModel(doc, graph, b) {
  const file = parseTerraform(doc);
  const mod = moduleOf(file);
  const attr = (n, name) => n.tf.attribute(name);
  const principals = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  for (const n of graph.nodes) {
    const kind = n.type === "aws_iam_role" ? "role" : n.type === "aws_iam_user" ? "user" : n.type === "aws_iam_group" ? "group" : void 0;
    if (!kind) continue;
    const p = b.principal({ id: n.id, kind, label: describeNode(n), range: n.nameRange, local: n.local });
    principals.set(n.id, p);
    const name = textOf(attr(n, "name")?.value());
    if (name) byName.set(`${kind}:${name}`, p);
  }
  const elsewhere = (n) => n.local ? void 0 : { absPath: n.tf.file.path, text: n.tf.file.text };
  const targetOf = (v, kind) => {
    if (!v) return void 0;
    const r = graph.resolve(v);
    if (r?.state === "node") return principals.get(r.node.id);
    const s = textOf(v);
    return s !== void 0 ? byName.get(`${kind}:${s}`) : void 0;
  };
  const external = /* @__PURE__ */ new Map();
  const principalOf2 = (n, v, kind, whole) => {
    if (!v || v.kind === "null") return void 0;
    const local = targetOf(v, kind);
    if (local) return local;
    const text = n.tf.file.text;
    const written = v.range.end > v.range.start && v.range.end <= text.length ? text.slice(v.range.start, v.range.end).trim() : whole;
    const expr = (written.length > 0 && written.length <= 200 ? written : whole).replace(/\s+/g, " ");
    const name = expr.replace(/^(data\.aws_iam_(?:role|user|group)\.[\w-]+(?:\[[^\]]*\])?)\.(?:name|id|arn|unique_id)$/, "$1");
    const key = `${kind}:${/\b(?:each|count)\./.test(name) ? `${n.id}:` : ""}${name}`;
    let p = external.get(key);
    if (!p) {
      p = b.principal({ id: `external:${key}`, kind, label: `${kind} ${name}`, range: valueTokenRange(v), local: false, external: true, unknownPolicies: true });
      external.set(key, p);
    }
    return p;
  };
  const docOf = (n, name, kind, what) => {
    const a = attr(n, name);
    if (!a) return void 0;
    const range = n.local ? a.nameRange : n.nameRange;
    const where = elsewhere(n);
    return b.add(policyOfValue(a.value(), { kind, label: `${describeNode(n)}${what ? ` (${what})` : ""}`, range, ...where ? { foreign: true, elsewhere: where } : {} }));
  };
  const customer = /* @__PURE__ */ new Map();
  const customerPolicy = (n) => {
    if (!customer.has(n.id)) customer.set(n.id, docOf(n, "policy", "identity", ""));
    return customer.get(n.id);
  };
  const dataPolicyArn = (v) => {
    const m = v.kind === "unknown" && v.label ? /^data\.aws_iam_policy\.([\w-]+)\.arn$/.exec(v.label) : null;
    if (!m) return void 0;
    const block = mod.data.get(`aws_iam_policy.${m[1]}`);
    const arn = textOf(block?.attribute("arn")?.value());
    if (arn) return arn;
    const name = knownString(block?.attribute("name")?.value());
    return name ? `arn:aws:iam::aws:policy/${name}` : void 0;
  };
  const attachArns = (p, v, n) => {
    const where = elsewhere(n);
    for (const arn of v?.kind === "list" ? v.items : v ? [v] : []) attachArn(b, graph, p, arn, customerPolicy, dataPolicyArn, where);
    if (v && v.kind !== "list" && v.kind !== "string") p.unknownPolicies = true;
  };
  for (const n of graph.nodes) {
    const block = n.tf;
    const p = principals.get(n.id);
    if (p) {
      for (const ip of block.blocks("inline_policy")) {
        const a = ip.attribute("policy");
        const name = knownString(ip.attribute("name")?.value());
        const where = elsewhere(n);
        const d = a ? b.add(policyOfValue(a.value(), { kind: "identity", label: `${describeNode(n)} (inline_policy${name ? ` ${name}` : ""})`, range: n.local ? a.nameRange : n.nameRange, ...where ? { foreign: true, elsewhere: where } : {} })) : void 0;
        if (a) b.attach(p, d, n.local ? a.nameRange : n.nameRange, "inline", where);
      }
      if (block.blocks("dynamic").some((d) => d.labels[0]?.value === "inline_policy")) p.unknownPolicies = true;
      attachArns(p, attr(n, "managed_policy_arns")?.value(), n);
      if (n.type === "aws_iam_role") {
        const t = docOf(n, "assume_role_policy", "trust", "assume_role_policy");
        if (t) p.trust = t;
        p.assumedBy.push(...trustedServices(t));
        p.carriers.push(...carriersOf(graph, n));
      }
      continue;
    }
    switch (n.type) {
      case "aws_iam_policy":
        customerPolicy(n);
        break;
      case "aws_iam_role_policy":
      case "aws_iam_user_policy":
      case "aws_iam_group_policy": {
        const kind = n.type === "aws_iam_role_policy" ? "role" : n.type === "aws_iam_user_policy" ? "user" : "group";
        const d = docOf(n, "policy", "identity", "");
        const a = attr(n, kind);
        const target = principalOf2(n, a?.value(), kind, a?.source() ?? "");
        if (target) b.attach(target, d, n.nameRange, "inline", elsewhere(n));
        break;
      }
      case "aws_iam_role_policy_attachment":
      case "aws_iam_user_policy_attachment":
      case "aws_iam_group_policy_attachment": {
        const kind = n.type === "aws_iam_role_policy_attachment" ? "role" : n.type === "aws_iam_user_policy_attachment" ? "user" : "group";
        const a = attr(n, kind);
        const target = principalOf2(n, a?.value(), kind, a?.source() ?? "");
        if (target) attachArns(target, attr(n, "policy_arn")?.value(), n);
        break;
      }
      case "aws_iam_role_policy_attachments_exclusive":
      case "aws_iam_user_policy_attachments_exclusive":
      case "aws_iam_group_policy_attachments_exclusive": {
        const kind = n.type === "aws_iam_role_policy_attachments_exclusive" ? "role" : n.type === "aws_iam_user_policy_attachments_exclusive" ? "user" : "group";
        const a = attr(n, `${kind}_name`);
        const target = principalOf2(n, a?.value(), kind, a?.source() ?? "");
        if (target) attachArns(target, attr(n, "policy_arns")?.value(), n);
        break;
      }
      case "aws_iam_policy_attachment":
        for (const [key, kind] of [["roles", "role"], ["users", "user"], ["groups", "group"]]) {
          const a = attr(n, key);
          const v = a?.value();
          if (v?.kind !== "list") continue;
          for (const item of v.items) {
            const target = principalOf2(n, item, kind, a?.source() ?? "");
            if (target) attachArns(target, attr(n, "policy_arn")?.value(), n);
          }
        }
        break;
      case "aws_iam_group_membership": {
        const group = targetOf(attr(n, "group")?.value(), "group");
        if (group) for (const u of asList(attr(n, "users")?.value())) targetOf(u, "user")?.groups.push(group);
        break;
      }
      case "aws_iam_user_group_membership": {
        const user = targetOf(attr(n, "user")?.value(), "user");
        if (user) for (const g of asList(attr(n, "groups")?.value())) {
          const gp = targetOf(g, "group");
          if (gp) user.groups.push(gp);
        }
        break;
      }
      default: {
        const key = TF_RESOURCE_POLICIES[n.type];
        if (key) docOf(n, key, "resource", key);
      }
    }
  }
  for (const blk of file.blocks) {
    if (blk.type !== "data" || blk.labels[0]?.value !== "aws_iam_policy_document" || !blk.labels[1]) continue;
    const value = terraformPolicyDocument(blk);
    if (!value) continue;
    const hasPrincipals = blk.blocks("statement").some((s) => s.blocks("principals").length > 0 || s.blocks("not_principals").length > 0);
    const assume = hasPrincipals && /sts:AssumeRole/i.test(blk.blocks("statement").map((s) => s.attribute("actions")?.source() ?? "").join(" "));
    b.add(policyFromValue(value, { kind: assume ? "trust" : hasPrincipals ? "resource" : "identity", label: `data.aws_iam_policy_document.${blk.labels[1].value}`, range: blk.labels[1].range }));
  }
}
function policyFileModel(doc, b) {
  const [root] = parseYamlDocuments(doc);
  if (root?.kind !== "map") return;
  const st = mapGet(root, "Statement");
  if (!st || st.kind !== "list" && st.kind !== "map") return;
  const statements = asList(st);
  const principal = statements.some((s) => mapGet(s, "Principal") !== void 0 || mapGet(s, "NotPrincipal") !== void 0);
  const assume = principal && statements.every((s) => asList(mapGet(s, "Action")).some((a) => /^sts:(?:AssumeRole|AssumeRoleWith\w+|TagSession|SetSourceIdentity|\*)$/i.test(knownString(a) ?? "")));
  const name = baseName(doc.path);
  b.add(policyFromValue(markPlaceholders(root), { kind: assume ? "trust" : principal ? "resource" : "identity", label: name, range: mapEntry(root, "Statement").keyRange }));
}
function markPlaceholders(v) {
  if (v.kind === "string") return v.value.includes("${") || v.value.includes("{{") ? { ...v, hasPlaceholders: true } : v;
  if (v.kind === "list") return { ...v, items: v.items.map(markPlaceholders) };
  if (v.kind === "map") {
    if (v.entries.length === 1 && /^(?:Ref|Fn::\w+)$/.test(v.entries[0].key)) return { kind: "unknown", reason: "dynamic", range: v.range, label: v.entries[0].key };
    return { ...v, entries: v.entries.map((e) => ({ ...e, value: markPlaceholders(e.value) })) };
  }
  return v;
}
var SERVERLESS_NAME = /^serverless(?:\.[\w-]+)?\.ya?ml$/i;
function serverlessModel(root, b) {
  const provider = mapGet(root, "provider");
  const p = b.principal({ id: "serverless:provider", kind: "role", label: "the Serverless Framework provider role", range: mapEntry(root, "provider")?.keyRange ?? root.range, local: true, assumedBy: ["lambda.amazonaws.com"], implicit: true });
  const functions = mapGet(root, "functions");
  for (const f of functions?.kind === "map" ? functions.entries : []) p.carriers.push(`Serverless function ${f.key}`);
  const statementsAt = (owner, entry, what) => {
    if (!entry) return;
    const v = markPlaceholders(entry.value);
    if (v.kind !== "list") {
      owner.unknownPolicies = true;
      return;
    }
    b.attach(owner, b.add(policyFromStatements(v.items, { kind: "identity", label: what, range: entry.keyRange })), entry.keyRange, "inline");
  };
  const role = getEntryPath(provider, ["iam", "role"]);
  if (role && role.value.kind !== "map") p.unknownPolicies = true;
  statementsAt(p, getEntryPath(provider, ["iam", "role", "statements"]), "provider.iam.role.statements");
  statementsAt(p, mapEntry(provider, "iamRoleStatements"), "provider.iamRoleStatements");
  for (const arns of [getEntryPath(provider, ["iam", "role", "managedPolicies"]), mapEntry(provider, "iamManagedPolicies")]) {
    if (!arns) continue;
    for (const arn of asList(markPlaceholders(arns.value))) {
      const text = textOf(arn);
      const range = valueTokenRange(arn);
      const m = text !== void 0 ? awsManagedPolicy(text, range) : void 0;
      b.attach(p, m, range, "aws-managed");
    }
  }
  for (const f of functions?.kind === "map" ? functions.entries : []) {
    const entry = mapEntry(f.value, "iamRoleStatements");
    if (!entry) continue;
    const fp = b.principal({ id: `serverless:function:${f.key}`, kind: "role", label: `the role of Serverless function ${f.key}`, range: f.keyRange, local: true, assumedBy: ["lambda.amazonaws.com"], carriers: [`Serverless function ${f.key}`], implicit: true });
    statementsAt(fp, entry, `functions.${f.key}.iamRoleStatements`);
  }
}
function getEntryPath(v, path) {
  let cur = v;
  let entry;
  for (const step of path) {
    entry = mapEntry(cur, step);
    if (!entry) return void 0;
    cur = entry.value;
  }
  return entry;
}
function cdkModel(doc, b) {
  if (!CDK_KEYWORDS.test(doc.text)) return;
  const program = programFor(doc);
  if (!program) return;
  const cdk = cdkIamModel(program, doc.text);
  for (const d of cdk.documents) b.add(d);
  const made = /* @__PURE__ */ new Map();
  for (const c of cdk.principals) {
    const p = b.principal({ id: c.id, kind: c.kind, label: c.label, range: c.range, local: true, assumedBy: c.assumedBy, carriers: c.carriers, ...c.implicit ? { implicit: true } : {} });
    if (c.trust) p.trust = b.add(c.trust);
    if (c.unknownPolicies) p.unknownPolicies = true;
    made.set(c, p);
  }
  for (const c of cdk.principals) {
    const p = made.get(c);
    for (const g of c.groups) p.groups.push(made.get(g));
    for (const a of c.attachments) {
      if (a.document) b.attach(p, b.add(a.document), a.range, a.via);
      else b.attach(p, a.managedArn !== void 0 ? awsManagedPolicy(a.managedArn, a.range) : void 0, a.range, a.via);
    }
  }
}
var models = /* @__PURE__ */ new WeakMap();
var POLICY_KEYWORDS = /Statement|statement|ManagedPolicyArns|managed_policy_arns|policy_arn|Policies|iamManagedPolicies|managedPolicies|aws_iam_|ManagedPolicy|assumedBy|Principal\(/;
var POLICY_KIND_KEYWORDS = { javascript: CDK_KEYWORDS };
function iamModel(doc) {
  const cached = models.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let model = null;
  const b = new Builder();
  if (doc.kind === "cloudformation") {
    const graph = resourceGraph(doc);
    if (graph) cfnModel(doc, graph, b);
    if (SERVERLESS_NAME.test(baseName(doc.path))) {
      const t = parseCloudFormation(doc);
      if (t) serverlessModel(t.root, b);
    }
    model = b.model();
  } else if (doc.kind === "terraform") {
    const graph = resourceGraph(doc);
    if (graph && graph.format === "terraform" && !graph.nodes.some((n) => n.plan)) tfModel(doc, graph, b);
    model = b.model();
  } else if (doc.kind === "text" && (doc.language === "json" || doc.language === "yaml")) {
    if (SERVERLESS_NAME.test(baseName(doc.path))) {
      const [root] = parseYamlDocuments(doc);
      if (root?.kind === "map") serverlessModel(root, b);
    } else if (doc.language === "json" && /"Statement"\s*:/.test(doc.text)) policyFileModel(doc, b);
    model = b.model();
  } else if (doc.kind === "javascript") {
    cdkModel(doc, b);
    model = b.model();
  }
  models.set(doc, model);
  return model ?? void 0;
}

// src/iam/effective.ts
var cache5 = /* @__PURE__ */ new WeakMap();
function effectiveOf(p) {
  const hit = cache5.get(p);
  if (hit) return hit;
  const allows = [];
  const denies = [];
  let incomplete = p.unknownPolicies;
  for (const owner of [p, ...p.groups]) {
    if (owner !== p && owner.unknownPolicies) incomplete = true;
    for (const attached of owner.policies) {
      if (attached.document.incomplete) incomplete = true;
      for (const st of attached.document.statements) {
        if (st.effect === "Allow") allows.push({ statement: st, attached, owner });
        else if (st.effect === "Deny") denies.push({ statement: st, attached, owner });
        else incomplete = true;
      }
    }
  }
  const eff = { principal: p, allows, denies, incomplete };
  cache5.set(p, eff);
  return eff;
}
var listMatchers = /* @__PURE__ */ new WeakMap();
function listCovers(list, id) {
  let compiled = listMatchers.get(list);
  if (!compiled) {
    const tests = [];
    let unknown2 = list.incomplete;
    for (const item of list.items) {
      if (item.state !== "known") unknown2 = true;
      else tests.push(item.value === "*" ? () => true : matcherOf(item.value));
    }
    compiled = { tests, unknown: unknown2 };
    listMatchers.set(list, compiled);
  }
  for (const test of compiled.tests) if (test(id)) return true;
  return compiled.unknown ? void 0 : false;
}
function coversAction(st, id) {
  if (st.action) return listCovers(st.action, id);
  if (st.notAction) {
    const c = listCovers(st.notAction, id);
    return c === void 0 ? void 0 : !c;
  }
  return void 0;
}
function isBroadResourceText(s) {
  if (s.state === "unknown") return void 0;
  const v = s.value.replace(/\$\{[^}]*\}/g, "${}");
  if (v === "*") return true;
  const parts = v.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return s.state === "partial" ? void 0 : false;
  const service = parts[2];
  const resource = parts.slice(5).join(":");
  if (resource === "*") return true;
  if (service === "s3") return resource === "*/*";
  return /^[A-Za-z][\w-]*[:/]\*$/.test(resource);
}
var anyResourceCache = /* @__PURE__ */ new WeakMap();
function coversAnyResource(st) {
  if (anyResourceCache.has(st)) return anyResourceCache.get(st);
  const answer = anyResourceOf(st);
  anyResourceCache.set(st, answer);
  return answer;
}
function anyResourceOf(st) {
  if (st.resource) {
    let unknown2 = st.resource.incomplete;
    for (const item of st.resource.items) {
      const b = isBroadResourceText(item);
      if (b === true) return true;
      if (b === void 0) unknown2 = true;
    }
    return unknown2 ? void 0 : false;
  }
  if (st.notResource) return true;
  return void 0;
}
function unconditional(st) {
  return st.condition === void 0;
}
function deniedBroadly(eff, id) {
  for (const d of eff.denies) {
    if (coversAction(d.statement, id) === false) continue;
    if (coversAnyResource(d.statement) === false) continue;
    return d;
  }
  return void 0;
}
function allowedBroadly(eff, id, conditionOk) {
  if (deniedBroadly(eff, id)) return void 0;
  for (const g of eff.allows) {
    const st = g.statement;
    if (!(unconditional(st) || conditionOk?.(st))) continue;
    if (coversAction(st, id) === true && coversAnyResource(st) === true) return g;
  }
  return void 0;
}
var notActionCache = /* @__PURE__ */ new Map();
function allExcept(items) {
  const key = [...items].sort().join("\0");
  let hit = notActionCache.get(key);
  if (!hit) {
    const catalog2 = getCatalog();
    const excluded = new Set(items.flatMap((i) => catalog2.expand(i)));
    hit = catalog2.expand("*").filter((a) => !excluded.has(a));
    notActionCache.set(key, hit);
  }
  return hit;
}
var docCache = /* @__PURE__ */ new WeakMap();
var managedDocCache = /* @__PURE__ */ new Map();
function documentBroadActions(grants) {
  const doc = grants[0].attached.document;
  const cached = doc.managed ? managedDocCache.get(doc.managed) : docCache.get(doc);
  if (cached) return cached;
  const contentKey = doc.managed ? void 0 : grants.map(grantKey).join("");
  const byContent = contentKey === void 0 ? void 0 : contentCache.get(contentKey);
  if (byContent) {
    docCache.set(doc, byContent);
    return byContent;
  }
  const catalog2 = getCatalog();
  const all = catalog2.expand("*");
  let out;
  if (grants.some((g) => g.statement.action?.items.some((i) => i.state === "known" && i.value === "*"))) out = all;
  else {
    const found = /* @__PURE__ */ new Set();
    for (const g of grants) {
      const st = g.statement;
      if (st.action) {
        for (const item of st.action.items) if (item.state === "known") for (const a of catalog2.expand(item.value)) found.add(a);
      } else if (st.notAction && !st.notAction.incomplete && st.notAction.items.every((i) => i.state === "known")) {
        for (const a of allExcept(st.notAction.items.map((i) => i.value))) found.add(a);
      }
    }
    out = found.size === all.length ? all : [...found];
  }
  if (doc.managed) managedDocCache.set(doc.managed, out);
  else docCache.set(doc, out);
  if (contentKey !== void 0) {
    if (contentCache.size >= 1024) contentCache.clear();
    contentCache.set(contentKey, out);
  }
  return out;
}
var contentCache = /* @__PURE__ */ new Map();
function grantKey(g) {
  const st = g.statement;
  if (st.action) return `A${st.action.items.map((i) => i.state === "known" ? i.value : "").join("")}`;
  if (st.notAction && !st.notAction.incomplete && st.notAction.items.every((i) => i.state === "known")) return `N${st.notAction.items.map((i) => i.value).join("")}`;
  return "-";
}
function broadActions(eff) {
  let hit = broadCache.get(eff);
  if (!hit) {
    hit = computeBroadActions(eff);
    broadCache.set(eff, hit);
  }
  return hit;
}
var broadCache = /* @__PURE__ */ new WeakMap();
var statementIds = /* @__PURE__ */ new WeakMap();
var nextStatementId = 0;
var afterDenies = /* @__PURE__ */ new WeakMap();
function withoutDenied(actions, eff) {
  const denies = eff.denies.filter((d) => coversAnyResource(d.statement) !== false);
  if (denies.length === 0) return actions;
  const key = denies.map((d) => {
    let id = statementIds.get(d.statement);
    if (id === void 0) statementIds.set(d.statement, id = nextStatementId++);
    return id;
  }).join(",");
  let byDenies = afterDenies.get(actions);
  if (!byDenies) afterDenies.set(actions, byDenies = /* @__PURE__ */ new Map());
  let left = byDenies.get(key);
  if (!left) {
    left = actions.filter((a) => !denies.some((d) => coversAction(d.statement, a.id) !== false));
    if (byDenies.size >= 64) byDenies.clear();
    byDenies.set(key, left);
  }
  return left;
}
var listIds = /* @__PURE__ */ new WeakMap();
var nextListId = 0;
function listId(list) {
  let id = listIds.get(list);
  if (id === void 0) listIds.set(list, id = nextListId++);
  return id;
}
var unions = /* @__PURE__ */ new Map();
var unionEntries = 0;
function computeBroadActions(eff) {
  const catalog2 = getCatalog();
  const total = catalog2.actionCount;
  const byDoc = /* @__PURE__ */ new Map();
  for (const g of eff.allows) {
    if (!unconditional(g.statement) || !g.statement.resource?.items.some((i) => i.state === "known" && i.value === "*")) continue;
    const key = g.attached.document.managed ?? g.attached.document;
    const list = byDoc.get(key);
    if (list) list.push(g);
    else byDoc.set(key, [g]);
  }
  if (byDoc.size === 0) return { actions: [], total };
  const parts = [...byDoc.values()].map(documentBroadActions);
  const all = catalog2.expand("*");
  let actions;
  if (parts.some((p) => p === all)) actions = all;
  else if (parts.length === 1) actions = parts[0];
  else {
    const key = parts.map(listId).join(",");
    const cached = unions.get(key);
    if (cached) actions = cached;
    else {
      const union = /* @__PURE__ */ new Set();
      for (const p of parts) for (const a of p) union.add(a);
      actions = union.size === all.length ? all : [...union];
      if (unionEntries > 4e6) {
        unions.clear();
        unionEntries = 0;
      }
      unions.set(key, actions);
      unionEntries += actions.length;
    }
  }
  if (eff.denies.length === 0) return { actions, total };
  return { actions: withoutDenied(actions, eff), total };
}
var setCache = /* @__PURE__ */ new WeakMap();
function actionSet(actions) {
  let s = setCache.get(actions);
  if (!s) {
    s = new Set(actions);
    setCache.set(actions, s);
  }
  return s;
}

// src/iam/simulate.ts
var PSEUDO = /^\$\{(?:AWS::(?:Partition|Region|AccountId|URLSuffix)|data\.aws_(?:partition|region|caller_identity)\.[\w-]+\.[\w-]+|var\.(?:region|aws_region|account_id|partition))\}$/;
function patternOf(s) {
  if (s.state === "unknown" || s.value === void 0) return void 0;
  let v = s.value;
  let exact = true;
  if (v.startsWith("arn:")) {
    const fields = [];
    let rest = v;
    for (let i = 0; i < 5; i++) {
      const m = /^((?:\$\{[^}]*\}|[^:$]|\$(?!\{))*):/.exec(rest);
      if (!m) break;
      fields.push(m[1]);
      rest = rest.slice(m[0].length);
    }
    if (fields.length === 5) {
      const [, , service, region, account] = fields;
      const f = (x) => PSEUDO.test(x) ? "*" : x;
      v = ["arn", "*", service, f(region), f(account), rest].join(":");
    }
  }
  if (/\$\{[^}]*\}/.test(v)) {
    exact = false;
    v = v.replace(/\$\{[^}]*\}/g, "*");
  }
  return { pattern: v, exact };
}
function globRegex(pattern) {
  const body = [...pattern].map((c) => c === "*" ? "[\\s\\S]*" : c === "?" ? "[^\\u0000]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${body}$`);
}
function literalPrefix(s, wild) {
  const i = s.search(wild);
  return i < 0 ? s : s.slice(0, i);
}
function literalSuffix(s, wild) {
  const rev = [...s].reverse().join("");
  return [...literalPrefix(rev, wild)].reverse().join("");
}
function patternMatches(s, requested) {
  const p = patternOf(s);
  if (!p) return void 0;
  const req = requested.startsWith("arn:") ? requested.replace(/^arn:[^:]*:/, "arn:aws:") : requested;
  if (p.exact && globRegex(p.pattern).test(req)) return true;
  if (!/\u0000/.test(req)) return globRegex(p.pattern).test(req) ? p.exact ? true : void 0 : false;
  return disjoint(p.pattern, req) ? false : void 0;
}
function disjointText(pattern, req) {
  const pw = /[*?]/;
  const rw = /\u0000/;
  const pp = literalPrefix(pattern, pw);
  const rp = literalPrefix(req, rw);
  if (!pp.startsWith(rp) && !rp.startsWith(pp)) return true;
  const ps = literalSuffix(pattern, pw);
  const rs = literalSuffix(req, rw);
  return !ps.endsWith(rs) && !rs.endsWith(ps);
}
function disjoint(pattern, req) {
  const pf = pattern.split(":");
  const rf = req.split(":");
  if (pf[0] === "arn" && rf[0] === "arn" && pf.length >= 6 && rf.length >= 6) {
    for (const i of [2, 3, 4]) if (disjointText(pf[i], rf[i])) return true;
    return disjointText(pf.slice(5).join(":"), rf.slice(5).join(":"));
  }
  return disjointText(pattern, req);
}
function coversResource(st, requested) {
  const list = st.resource ?? st.notResource;
  if (!list) return void 0;
  let unknown2 = list.incomplete;
  let hit = false;
  for (const item of list.items) {
    const m = patternMatches(item, requested);
    if (m === true) {
      hit = true;
      break;
    }
    if (m === void 0) unknown2 = true;
  }
  const inList = hit ? true : unknown2 ? void 0 : false;
  if (st.resource) return inList;
  return inList === void 0 ? void 0 : !inList;
}
function and(a, b) {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return void 0;
}
function applies(st, action, resource) {
  const m = and(coversAction(st, action), coversResource(st, resource));
  if (m === false) return false;
  if (st.condition) return void 0;
  return m;
}
function decide(eff, action, resource, resourcePolicies2 = []) {
  let denyMaybe = false;
  for (const d of eff.denies) {
    const a = applies(d.statement, action, resource);
    if (a === true) return { decision: "denied", grant: d };
    if (a === void 0) denyMaybe = true;
  }
  let allowMaybe = eff.incomplete;
  for (const g of eff.allows) {
    const a = applies(g.statement, action, resource);
    if (a === true) return denyMaybe ? { decision: "unknown" } : { decision: "allowed", grant: g };
    if (a === void 0) allowMaybe = true;
  }
  if (allowMaybe) return { decision: "unknown" };
  for (const doc of resourcePolicies2) {
    if (doc.incomplete) return { decision: "unknown" };
    for (const st of doc.statements) {
      if (st.effect === "Deny") continue;
      if (and(coversAction(st, action), coversResource(st, resource)) !== false) return { decision: "unknown" };
    }
  }
  return { decision: "denied" };
}

// src/iam/bootstrap-policy.ts
var AGENT_POLICIES = /* @__PURE__ */ new Set([
  "AmazonSSMManagedInstanceCore",
  "AmazonSSMManagedEC2InstanceDefaultPolicy",
  "AmazonSSMPatchAssociation",
  "CloudWatchAgentServerPolicy",
  "AWSXrayWriteOnlyAccess",
  "AWSXRayDaemonWriteAccess",
  "AmazonEC2RoleforAWSCodeDeploy"
]);
function withoutAgentPolicies(eff) {
  const allows = eff.allows.filter((g) => !AGENT_POLICIES.has(g.attached.document.managed ?? ""));
  return allows.length === eff.allows.length ? eff : { ...eff, allows };
}
var COMPUTE_KINDS = ["instance", "launch-template", "launch-configuration", "spot-request"];
function mentions(v, id) {
  if (!v) return false;
  if (v.kind === "ref") return v.target === id || v.target.startsWith(`${id}.`);
  if (v.kind === "list") return v.items.some((i) => mentions(i, id));
  if (v.kind === "map") return v.entries.some((e) => mentions(e.value, id));
  if (v.kind === "string") return v.value.includes(`\${${id}`);
  return false;
}
function roleLeavesFile(doc, role) {
  if (role.format === "cloudformation") return (parseCloudFormation(doc)?.outputs ?? []).some((o) => mentions(o.value, role.id));
  if (!role.tf) return false;
  const name = role.id.split(".").slice(1).join(".");
  const re = new RegExp(`\\baws_iam_role\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`);
  return moduleOf(role.tf.file).files.some((f) => f.blocks.some((b) => b.type === "output" && re.test(b.attribute("value")?.source() ?? "")));
}
function instanceRoleOf(doc, graph, node) {
  const profileSetting = graph.instanceProfileOf(node);
  if (!profileSetting) return void 0;
  const p = graph.resolve(profileSetting.value);
  if (p?.state !== "node" || p.node.kind !== "instance-profile") return void 0;
  const roles = graph.rolesOf(p.node);
  if (roles.length !== 1) return void 0;
  const roleSetting = roles[0];
  const r = graph.resolve(roleSetting.value);
  if (r?.state !== "node" || r.node.kind !== "role") return void 0;
  const principal = iamModel(doc)?.principals.find((x) => x.id === r.node.id);
  if (!principal) return void 0;
  return { profileSetting, profile: p.node, roleSetting, role: r.node, principal };
}
function settingRange(attr) {
  const v = attr.value;
  if (v.kind === "map") {
    const inner = v.entries.find((e) => ["Arn", "Name", "arn", "name"].includes(e.key));
    if (inner) return valueTokenRange(inner.value);
  }
  return valueTokenRange(v);
}
function resourcePolicies(doc) {
  return (iamModel(doc)?.documents ?? []).filter((d) => d.kind === "resource");
}
function bootstrapPermissions(doc, graph, node) {
  const bootstrap = bootstrapOf(doc, graph, node);
  if (!bootstrap) return void 0;
  return judged(doc, node, bootstrap, instanceRoleOf(doc, graph, node));
}
function roleBootstrapPermissions(doc, graph, node) {
  const role = instanceRoleOf(doc, graph, node);
  if (!role) return void 0;
  const bootstrap = bootstrapCallsOf(doc, graph, node);
  return bootstrap ? judged(doc, node, bootstrap, role) : void 0;
}
function judged(doc, node, bootstrap, role) {
  const effective = role ? effectiveOf(role.principal) : void 0;
  const shared = role ? roleLeavesFile(doc, role.role) : false;
  const policies = resourcePolicies(doc);
  const decided = [];
  const unresolved = [];
  for (const call of bootstrap.calls) {
    const m = call.mapping;
    if (m.state === "none") continue;
    if (call.credentials === "other") {
      unresolved.push({ call, reason: "runs with other credentials than the instance role (a profile, exported keys or a credentials file)" });
      continue;
    }
    if (m.state === "unresolved") {
      unresolved.push({ call, reason: m.reason });
      continue;
    }
    decided.push({
      call,
      needs: m.needs.map((n) => {
        const verdict2 = effective ? decide(effective, n.action, n.resource, policies) : { decision: "unknown" };
        return { ...n, verdict: shared && verdict2.decision === "denied" && !verdict2.grant ? { decision: "unknown" } : verdict2 };
      })
    });
  }
  return { node, bootstrap, role, effective, decided, unresolved };
}
function documentBootstraps(doc) {
  const graph = resourceGraph(doc);
  if (!graph) return [];
  const out = [];
  for (const node of graph.localNodes([...COMPUTE_KINDS])) {
    const b = bootstrapPermissions(doc, graph, node);
    if (b) out.push(b);
  }
  return out;
}
function proposePolicy(needs) {
  const byAction = /* @__PURE__ */ new Map();
  for (const n of needs) {
    const set = byAction.get(n.action) ?? /* @__PURE__ */ new Set();
    set.add(renderResource(n.resource));
    byAction.set(n.action, set);
  }
  for (const set of byAction.values()) if (set.has("*")) {
    for (const r of [...set]) if (r !== "*") set.delete(r);
  }
  const byResources = /* @__PURE__ */ new Map();
  for (const [action, set] of byAction) {
    const resources = [...set].sort();
    const key = resources.join("\n");
    const entry = byResources.get(key) ?? { actions: [], resources };
    entry.actions.push(action);
    byResources.set(key, entry);
  }
  const statements = [...byResources.values()].map((e) => ({ Effect: "Allow", Action: e.actions.sort(), Resource: e.resources })).sort((a, b) => a.Action[0].localeCompare(b.Action[0]));
  return { Version: "2012-10-17", Statement: statements };
}
function neededBy(b) {
  return b.decided.flatMap((d) => d.needs.map(({ action, resource }) => ({ action, resource })));
}
function policyJson(policy) {
  return JSON.stringify(policy, null, 2);
}
function tfName(node) {
  const base = (node.id.split(".").pop() ?? node.id).replace(/[^A-Za-z0-9_-]/g, "_");
  return `${/^[A-Za-z_]/.test(base) ? base : `r_${base}`}_bootstrap`;
}
function policyHcl(policy, node) {
  const q = (s) => JSON.stringify(s);
  const lines = [`data "aws_iam_policy_document" "${tfName(node)}" {`];
  for (const st of policy.Statement) {
    lines.push("  statement {", `    actions   = [${st.Action.map(q).join(", ")}]`, `    resources = [${st.Resource.map(q).join(", ")}]`, "  }");
  }
  lines.push("}");
  return lines.join("\n");
}
function policiesOf(p) {
  const names = [...new Set([p, ...p.groups].flatMap((o) => o.policies.map((a) => a.document.label)))];
  return names.length === 0 ? "no policies" : names.join(", ");
}

// src/iam/checks.ts
var standalone = /* @__PURE__ */ new WeakMap();
function principalsReaching(model, doc) {
  const reached = model.principalsOf(doc);
  if (reached.length > 0) return reached;
  let p = standalone.get(doc);
  if (!p) {
    p = { id: `document:${doc.label}`, kind: "role", label: doc.label, range: doc.range, local: true, policies: [{ document: doc, range: doc.range, via: "inline" }], groups: [], assumedBy: [], carriers: [], unknownPolicies: false };
    standalone.set(doc, p);
  }
  return [p];
}
function undoneByDeny(model, doc, actionId) {
  return principalsReaching(model, doc).every((p) => deniedBroadly(effectiveOf(p), actionId) !== void 0);
}
function identityDocuments(document) {
  const model = iamModel(document);
  if (!model) return void 0;
  return { model, docs: model.documents.filter((d) => d.kind === "identity") };
}
var NOT_NARROWING = /* @__PURE__ */ new Set(["aws:securetransport", "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:requestedregion", "aws:currenttime", "aws:epochtime", "aws:sourceip", "aws:useragent", "aws:referer", "aws:viaawsservice", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:principaltype", "aws:tokenissuetime"]);
function unscopedAllows(document) {
  const found = identityDocuments(document);
  if (!found) return void 0;
  const allows = [];
  for (const doc of found.docs) {
    for (const st of doc.statements) {
      if (st.effect !== "Allow" || !st.action) continue;
      const star = resourceStar(st);
      if (!star || hasNarrowingCondition(st)) continue;
      allows.push({ doc, statement: st, star });
    }
  }
  return allows.length > 0 ? { model: found.model, allows } : void 0;
}
function hasNarrowingCondition(st) {
  const c = st.condition;
  if (!c) return false;
  if (c.incomplete) return true;
  return c.entries.some((e) => !NOT_NARROWING.has(e.key.toLowerCase()) && !allValuesStar(e));
}
function allValuesStar(e) {
  return !e.values.incomplete && e.values.items.length > 0 && e.values.items.every((i) => i.state === "known" && i.value === "*");
}
var COMPUTE_SERVICES = {
  "ec2.amazonaws.com": "EC2",
  "lambda.amazonaws.com": "Lambda",
  "edgelambda.amazonaws.com": "Lambda@Edge",
  "ecs-tasks.amazonaws.com": "ECS tasks",
  "ecs.amazonaws.com": "ECS",
  "codebuild.amazonaws.com": "CodeBuild",
  "glue.amazonaws.com": "Glue",
  "sagemaker.amazonaws.com": "SageMaker",
  "batch.amazonaws.com": "Batch",
  "states.amazonaws.com": "Step Functions",
  "build.apprunner.amazonaws.com": "App Runner",
  "tasks.apprunner.amazonaws.com": "App Runner",
  "elasticmapreduce.amazonaws.com": "EMR",
  "datapipeline.amazonaws.com": "Data Pipeline",
  "eks.amazonaws.com": "EKS",
  "pods.eks.amazonaws.com": "EKS pods",
  "ssm.amazonaws.com": "Systems Manager"
};
function computeServices(p) {
  const out = /* @__PURE__ */ new Set();
  for (const s of p.assumedBy) {
    const name = COMPUTE_SERVICES[s.toLowerCase().replace(/\.cn$/, "")];
    if (name) out.add(name);
  }
  return [...out];
}
function whoRunsIt(p) {
  const services = computeServices(p);
  if (services.length === 0) return void 0;
  const carriers = p.carriers.slice(0, 3);
  const more = p.carriers.length > 3 ? ` and ${p.carriers.length - 3} more` : "";
  return `${services.join(", ")}${carriers.length > 0 ? ` (${carriers.join(", ")}${more})` : ""}`;
}
function describeCounts(actions) {
  const c = countLevels(actions);
  const parts = [];
  if (c.Write) parts.push(`${c.Write} write`);
  if (c["Permissions management"]) parts.push(`${c["Permissions management"]} permissions-management`);
  if (c.Tagging) parts.push(`${c.Tagging} tagging`);
  if (c.Read) parts.push(`${c.Read} read`);
  if (c.List) parts.push(`${c.List} list`);
  return parts.length === 0 ? "no" : parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
function isReportedWildcard(pattern) {
  if (!hasWildcard(pattern)) return false;
  if (pattern === "*" || /^[^:]*:\*$/.test(pattern)) return true;
  return getCatalog().expand(pattern).some((a) => a.level === "Write" || a.level === "Permissions management");
}
function placeOf(g, range) {
  const elsewhere = g.attached.via === "aws-managed" ? g.attached.elsewhere : g.attached.document.elsewhere;
  return elsewhere ? { range, elsewhere } : { range };
}
function fileOf(g, here3) {
  return (g.attached.via === "aws-managed" ? g.attached.elsewhere : g.attached.document.elsewhere)?.absPath ?? here3;
}
function inModuleOrder(grants, here3) {
  const keyed = grants.map((g, i) => ({ g, i, file: fileOf(g, here3) }));
  keyed.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.i - b.i);
  return keyed.map((k) => k.g);
}
function findingPlace(p, lead, others) {
  if (!lead.elsewhere) return { range: lead.range };
  const at = others.find((o) => !o.elsewhere)?.range ?? (p.local ? p.range : void 0);
  if (!at) return void 0;
  return { range: at, refersTo: { absPath: lead.elsewhere.absPath, text: lead.elsewhere.text, start: lead.range.start, end: lead.range.end } };
}
function placedHere(p) {
  return [p, ...p.groups].some((o) => o.policies.some((a) => !(a.via === "aws-managed" ? a.elsewhere : a.document.elsewhere)));
}
function assumedOnlyByServices(p) {
  if (p.kind !== "role" || p.assumedBy.length === 0) return false;
  if (!p.trust) return p.implicit === true;
  if (p.trust.incomplete) return false;
  const allows = p.trust.statements.filter((st) => st.effect === "Allow");
  return allows.length > 0 && allows.every((st) => st.principal !== void 0 && !st.notPrincipal && !st.principal.star && !st.principal.incomplete && [...st.principal.types.keys()].every((t) => t === "Service") && !(st.principal.types.get("Service")?.incomplete ?? true));
}
function withoutServiceOwnGrants(eff) {
  if (!assumedOnlyByServices(eff.principal)) return eff;
  const allows = eff.allows.filter((g) => !isServiceRolePolicy(g.attached.document.managed));
  return allows.length === eff.allows.length ? eff : { ...eff, allows };
}
function grantsCoexist(grants) {
  return compatibleChoices(grants.flatMap((g) => [g.attached.when ?? [], g.statement.when ?? []]));
}

// rules/bootstrap-permissions-match-role.ts
var OVER_GRANT_MIN = 20;
function proposal(b) {
  const policy = proposePolicy(neededBy(b));
  return {
    proposedPolicy: policy,
    ...b.node.format === "terraform" ? { proposedPolicyHcl: policyHcl(policy, b.node) } : {},
    ...b.unresolved.length > 0 ? { unresolvedCalls: b.unresolved.map((u) => `${u.call.command}: ${u.reason}`) } : {}
  };
}
function check(context, b) {
  const role = b.role;
  if (!role || !b.effective) return;
  const resource = describeNode(b.node);
  const roleName = role.principal.label;
  const policies = policiesOf(role.principal);
  let props;
  const byRange = /* @__PURE__ */ new Map();
  for (const d of b.decided) {
    if (!d.needs.some((n) => n.verdict.decision === "denied")) continue;
    const key = `${d.call.range.start}:${d.call.range.end}`;
    byRange.set(key, [...byRange.get(key) ?? [], d]);
  }
  for (const group of byRange.values()) {
    const denied = group.flatMap((d) => d.needs.filter((n) => n.verdict.decision === "denied"));
    const actions = [...new Set(denied.map((n) => n.action))];
    const resources = [...new Set(denied.map((n) => renderResource(n.resource)))].filter((r) => r !== "*");
    const commands = [...new Set(group.map((d) => d.call.command))];
    const first = group[0];
    props ??= proposal(b);
    context.report({
      messageId: "denied",
      data: {
        actions: actions.join(", "),
        on: resources.length > 0 ? ` on ${resources.join(", ")}` : "",
        command: commands.join("`, `"),
        resource,
        role: roleName,
        policies
      },
      start: first.call.range.start,
      end: first.call.range.end,
      identity: `${b.node.id}:${commands.join(",")}:${actions.join(",")}:${resources.join(",")}`,
      properties: props
    });
  }
  if (b.decided.length === 0 || b.unresolved.length > 0) return;
  const used = new Set(neededBy(b).map((n) => n.action.toLowerCase()));
  const unused = broadActions(withoutAgentPolicies(b.effective)).actions.filter((a) => isWriteLevel(a.level) && !used.has(a.id.toLowerCase()));
  if (unused.length < OVER_GRANT_MIN) return;
  const at = settingRange(role.profileSetting);
  context.report({
    messageId: "overGrant",
    data: { role: roleName, policies, grants: describeCounts(unused), resource, used: [...new Set(neededBy(b).map((n) => n.action))].sort().join(", ") },
    start: at.start,
    end: at.end,
    identity: `${b.node.id}:over-grant`,
    severity: "note",
    properties: props ?? proposal(b)
  });
}
var bootstrap_permissions_match_role_default = defineRule({
  id: "bootstrap-permissions-match-role",
  description: "Enforce that the AWS calls in an instance's user data match what its instance profile role allows",
  fullDescription: "Each AWS CLI call in the user data of an instance, launch template or launch configuration is mapped to the IAM actions and resources it needs and checked against the effective permissions of the role behind its instance profile. A call the role cannot make fails at boot, and the usual fix \u2014 a personal access key in the script or AdministratorAccess on the role \u2014 is worse than the bug. A role that grants far more than the script uses is noted.",
  severity: "warning",
  securitySeverity: 5,
  precision: "high",
  cwe: ["CWE-269", "CWE-250"],
  tags: ["security", "aws", "iam", "ec2", "least-privilege", "bootstrap"],
  kinds: ["cloudformation", "terraform"],
  keywords: /UserData|user_data/,
  messages: {
    denied: "AccessDenied on {{actions}}{{on}}: `{{command}}` in the user data of {{resource}} runs as {{role}}, whose policies ({{policies}}) do not allow it; grant exactly that (`credlint policy` prints the least-privilege policy) instead of adding access keys or AdministratorAccess",
    overGrant: "{{role}} ({{policies}}) grants {{grants}} actions on every resource that the user data of {{resource}} never uses (it needs {{used}}); unless other software on the instance needs them, replace its policies with the least-privilege policy (`credlint policy`)"
  },
  recommendation: [
    "Give the role exactly what the bootstrap calls: `credlint policy <template> --resource <instance>` prints the ",
    'least-privilege policy (JSON, and a `data "aws_iam_policy_document"` block for Terraform) for the calls it found, ',
    "and lists the calls it could not resolve. Attach it to the role behind the instance profile; never work around a ",
    "denied call with `aws configure` and personal keys, or with AdministratorAccess."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/cli/latest/reference/s3/"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE_KINDS])) {
      const b = roleBootstrapPermissions(context.document, graph, node);
      if (b) check(context, b);
    }
  }
});

// rules/no-admin-policy.ts
var NEAR_ADMIN_SHARE = 0.85;
function grantPlace(g, wanted) {
  if (g.attached.via === "aws-managed") return placeOf(g, g.attached.range);
  const item = g.statement.action?.items.find((i) => i.state === "known" && wanted(i.value));
  return placeOf(g, item?.range ?? g.statement.notAction?.keyRange ?? g.statement.action?.items[0]?.range ?? g.statement.effectRange);
}
function locate(all, wanted, here3) {
  const grants = inModuleOrder(all, here3);
  for (const g2 of grants) {
    if (g2.attached.via === "aws-managed") return placeOf(g2, g2.attached.range);
    const item = g2.statement.action?.items.find((i) => i.state === "known" && wanted(i.value));
    if (item) return placeOf(g2, item.range);
  }
  const g = grants[0];
  return g ? grantPlace(g, () => false) : void 0;
}
var iamPm;
function iamPermissionsManagement() {
  return iamPm ??= getCatalog().expand("iam:*").filter((a) => a.level === "Permissions management");
}
function verdict(p, here3) {
  const eff = effectiveOf(p);
  const { actions, total } = broadActions(eff);
  if (actions.length === 0) return void 0;
  const onStar = eff.allows.filter((g) => !g.statement.condition && g.statement.resource?.items.some((i) => i.state === "known" && i.value === "*")).sort((a, b) => Number(a.owner !== p) - Number(b.owner !== p));
  const managed = [...new Set(onStar.filter((g) => g.attached.document.managed).map((g) => g.attached.document.managed))];
  const named2 = managed.length > 0 ? ` through ${managed.join(", ")}` : "";
  const own = p.local ? { range: p.range } : void 0;
  if (actions.length === total) {
    const star = onStar.filter((g) => g.statement.action?.items.some((i) => i.state === "known" && i.value === "*"));
    const grants = star.length > 0 ? star : onStar;
    const at = locate(grants, (v) => v === "*", here3) ?? own;
    return at ? { level: "admin", how: `every one of the ${total} actions on every resource${named2}`, at, grants } : void 0;
  }
  const iamWrites = iamPermissionsManagement();
  const have = actionSet(actions);
  if (iamWrites.every((a) => have.has(a))) {
    const iamGrants = onStar.filter((g) => g.attached.document.managed || g.statement.action?.items.some((i) => i.state === "known" && /^(?:iam:\*|\*)$/i.test(i.value)) || g.statement.notAction);
    const grants = iamGrants.length > 0 ? iamGrants : onStar;
    const at = locate(grants, (v) => /^iam:\*$/i.test(v), here3) ?? own;
    return at ? { level: "near-admin", how: `all ${iamWrites.length} IAM permissions-management actions on every resource${named2}, so it can grant itself anything`, at, grants } : void 0;
  }
  if (actions.length >= NEAR_ADMIN_SHARE * total) {
    const broad = onStar.filter((g) => g.attached.document.managed || g.statement.notAction);
    const at = locate(broad, () => false, here3) ?? locate(onStar, () => false, here3) ?? own;
    return at ? { level: "near-admin", how: `${actions.length} of the ${total} actions on every resource${named2}`, at, grants: broad.length > 0 ? broad : onStar } : void 0;
  }
  return void 0;
}
function report(context, p, v, standalone2) {
  const place = findingPlace(p, v.at, v.grants.map((g) => grantPlace(g, () => false)));
  if (!place) return;
  const runs = whoRunsIt(p);
  const data = { principal: p.label, how: v.how, runs: runs ?? "" };
  const identity = `${p.id}:${v.level}`;
  const where = { start: place.range.start, end: place.range.end, identity, ...place.refersTo ? { refersTo: place.refersTo } : {} };
  if (runs) context.report({ messageId: v.level === "admin" ? "adminCompute" : "nearAdminCompute", data, ...where, severity: "error" });
  else if (standalone2) context.report({ messageId: v.level === "admin" ? "adminPolicy" : "nearAdminPolicy", data, ...where, ...v.level === "near-admin" ? { severity: "warning" } : {} });
  else context.report({ messageId: v.level === "admin" ? "admin" : "nearAdmin", data, ...where, ...v.level === "near-admin" ? { severity: "warning" } : {} });
}
var no_admin_policy_default = defineRule({
  id: "no-admin-policy",
  description: "Disallow full or near-full administrative access on a role, user or group",
  fullDescription: "A principal whose policies together allow every action on every resource (`*` on `*`, AdministratorAccess, or an equivalent set of statements) \u2014 or nearly so (PowerUserAccess, IAMFullAccess, `iam:*`, which can grant itself the rest) \u2014 turns any compromise of what uses it into a compromise of the account. On a role that EC2, Lambda, ECS tasks or CodeBuild assume, whoever reaches that machine owns the account.",
  severity: "error",
  securitySeverity: 9,
  precision: "very-high",
  cwe: ["CWE-269", "CWE-250"],
  tags: ["security", "aws", "iam", "least-privilege"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  supersedes: ["no-wildcard-action"],
  messages: {
    adminCompute: "{{principal}} has full administrative access ({{how}}) and runs on {{runs}}: whoever reaches that machine owns the account",
    nearAdminCompute: "{{principal}} has near-administrative access ({{how}}) and runs on {{runs}}: whoever reaches that machine can take over the account",
    admin: "{{principal}} has full administrative access ({{how}})",
    nearAdmin: "{{principal}} has near-administrative access ({{how}})",
    adminPolicy: "{{principal}} grants full administrative access ({{how}}) to whatever it is attached to",
    nearAdminPolicy: "{{principal}} grants near-administrative access ({{how}}) to whatever it is attached to"
  },
  recommendation: [
    "Grant the actions and resources the workload uses \u2014 for an instance that reads one bucket, `s3:GetObject` on ",
    "`arn:aws:s3:::bucket/*` \u2014 instead of AdministratorAccess, PowerUserAccess or `*`. IAM Access Analyzer can generate ",
    "a least-privilege policy from CloudTrail activity. Keep administrator access for people, behind MFA and SSO, never on ",
    "a role that compute assumes."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_generate-policy.html"
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found) return;
    const { model } = found;
    const here3 = context.document.absPath ?? context.document.path;
    for (const p of model.principals) {
      if (!p.local && !placedHere(p)) continue;
      const v = verdict(p, here3);
      if (v) report(context, p, v, false);
    }
    for (const doc of found.docs) {
      if (model.principalsOf(doc).length > 0) continue;
      const [p] = principalsReaching(model, doc);
      const v = p ? verdict(p, here3) : void 0;
      if (p && v) report(context, p, v, true);
    }
  }
});

// src/extract/called-scripts.ts
import { dirname as dirname7, posix, resolve as resolvePath2 } from "node:path";
import { existsSync as existsSync7, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";

// src/parsers/powershell.ts
var VARIABLE = /\$(?:\{[^}\n]*\}|[A-Za-z_][\w]*(?::[A-Za-z_][\w]*)?|[?^$_])/y;
var SPLAT = /@[A-Za-z_]\w*/y;
var REDIRECT = /(?:[1-6*]?>>?(?:&[12])?|<)/y;
var WORD_BREAK = /[\s;|(){}[\],'"\u2018\u2019\u201c\u201d]/;
function isSpace(c) {
  return c === " " || c === "	" || c === "\f" || c === "\v" || c === "\xA0";
}
function expandedVariables(body) {
  const out = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "`") {
      i++;
      continue;
    }
    if (c !== "$") continue;
    VARIABLE.lastIndex = i;
    const m = VARIABLE.exec(body);
    if (m) {
      out.push(m[0].replace(/^\$\{?|\}$/g, ""));
      i += m[0].length - 1;
    } else if (body[i + 1] === "(") out.push("(");
  }
  return out;
}
var BACKTICK_ESCAPES = { "0": "\0", a: "\x07", b: "\b", e: "\x1B", f: "\f", n: "\n", r: "\r", t: "	", v: "\v" };
function unescapeDouble(body) {
  return body.replace(/`(.)|""/gs, (m, c) => m === '""' ? '"' : BACKTICK_ESCAPES[c] ?? c);
}
function tokenizePowerShell(text, from = 0, to = text.length) {
  const out = [];
  let i = from;
  let space = true;
  const push = (t) => {
    out.push({ ...t, text: t.text ?? text.slice(t.start, t.end), spaceBefore: space });
    space = false;
  };
  const op = (start, end) => push({ type: "operator", start, end, value: text.slice(start, end), loose: text.slice(start, end), quote: "", here: false, variables: [], contentStart: start, contentEnd: end });
  while (i < to) {
    const c = text[i];
    if (isSpace(c) || c === "\r" && text[i + 1] === "\n") {
      i++;
      space = true;
      continue;
    }
    if (c === "`" && (text[i + 1] === "\n" || text[i + 1] === "\r" && text[i + 2] === "\n")) {
      i += text[i + 1] === "\r" ? 3 : 2;
      space = true;
      continue;
    }
    if (c === "\n") {
      op(i, i + 1);
      out[out.length - 1].type = "newline";
      i++;
      space = true;
      continue;
    }
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 || nl > to ? to : nl;
      space = true;
      continue;
    }
    if (c === "<" && text[i + 1] === "#") {
      const close = text.indexOf("#>", i + 2);
      i = close === -1 || close + 2 > to ? to : close + 2;
      space = true;
      continue;
    }
    if (c === "@" && (text[i + 1] === "'" || text[i + 1] === '"') && /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 40))) {
      const q = text[i + 1];
      const bodyStart = text.indexOf("\n", i) + 1;
      let close = -1;
      for (let k = bodyStart; k < to; ) {
        if (text[k] === q && text[k + 1] === "@") {
          close = k;
          break;
        }
        const nl = text.indexOf("\n", k);
        if (nl === -1 || nl >= to) break;
        k = nl + 1;
      }
      const end = close === -1 ? to : close + 2;
      let bodyEnd = close === -1 ? to : close;
      if (bodyEnd > bodyStart && text[bodyEnd - 1] === "\n") bodyEnd--;
      if (bodyEnd > bodyStart && text[bodyEnd - 1] === "\r") bodyEnd--;
      const body = text.slice(bodyStart, Math.max(bodyStart, bodyEnd));
      const variables = q === '"' ? expandedVariables(body) : [];
      push({ type: "string", start: i, end, value: variables.length ? void 0 : q === '"' ? unescapeDouble(body) : body, loose: body, quote: q, here: true, variables, contentStart: bodyStart, contentEnd: Math.max(bodyStart, bodyEnd) });
      i = end;
      continue;
    }
    if (c === "'" || c === "\u2018" || c === "\u2019") {
      let k = i + 1;
      for (; k < to; k++) {
        const d = text[k];
        if (d === "'" || d === "\u2018" || d === "\u2019") {
          if (text[k + 1] === "'") {
            k++;
            continue;
          }
          break;
        }
      }
      const end = Math.min(k + 1, to);
      const body = text.slice(i + 1, Math.min(k, to));
      push({ type: "string", start: i, end, value: body.replace(/''/g, "'"), loose: body, quote: "'", here: false, variables: [], contentStart: i + 1, contentEnd: Math.min(k, to) });
      i = end;
      continue;
    }
    if (c === '"' || c === "\u201C" || c === "\u201D") {
      let k = i + 1;
      let paren = 0;
      for (; k < to; k++) {
        const d = text[k];
        if (d === "`") {
          k++;
          continue;
        }
        if (d === "$" && text[k + 1] === "(") {
          paren++;
          k++;
          continue;
        }
        if (paren > 0) {
          if (d === "(") paren++;
          else if (d === ")") paren--;
          continue;
        }
        if (d === '"' || d === "\u201C" || d === "\u201D") {
          if (text[k + 1] === '"') {
            k++;
            continue;
          }
          break;
        }
      }
      const end = Math.min(k + 1, to);
      const body = text.slice(i + 1, Math.min(k, to));
      const variables = expandedVariables(body);
      push({ type: "string", start: i, end, value: variables.length ? void 0 : unescapeDouble(body), loose: body, quote: '"', here: false, variables, contentStart: i + 1, contentEnd: Math.min(k, to) });
      i = end;
      continue;
    }
    if (c === "$" && text[i + 1] === "(") {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "@" && (text[i + 1] === "(" || text[i + 1] === "{")) {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "$") {
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(text);
      if (m && i + m[0].length <= to) {
        const name = m[0].replace(/^\$\{?|\}$/g, "");
        push({ type: "variable", start: i, end: i + m[0].length, value: void 0, loose: m[0], quote: "", here: false, variables: [name], contentStart: i, contentEnd: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if (c === "@") {
      SPLAT.lastIndex = i;
      const m = SPLAT.exec(text);
      if (m) {
        push({ type: "splat", start: i, end: i + m[0].length, value: void 0, loose: m[0], quote: "", here: false, variables: [m[0].slice(1)], contentStart: i, contentEnd: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if ("(){}[];,".includes(c)) {
      op(i, i + 1);
      i++;
      continue;
    }
    if (c === "|" || c === "&") {
      const two = text[i + 1] === c;
      op(i, i + (two ? 2 : 1));
      i += two ? 2 : 1;
      continue;
    }
    if (c === ":" && text[i + 1] === ":") {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "." && (i + 1 >= to || isSpace(text[i + 1])) && space) {
      op(i, i + 1);
      i++;
      continue;
    }
    if (/[=+\-*/]/.test(c) && text[i + 1] === "=" && c !== "=") {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "=") {
      op(i, i + (text[i + 1] === "=" ? 2 : 1));
      i += text[i + 1] === "=" ? 2 : 1;
      continue;
    }
    if (space && (c === ">" || c === "<" || /[1-6*]/.test(c) && text[i + 1] === ">")) {
      REDIRECT.lastIndex = i;
      const m = REDIRECT.exec(text);
      if (m) {
        op(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    const start = i;
    const option = c === "-";
    let value = "";
    while (i < to) {
      const d = text[i];
      if (WORD_BREAK.test(d)) break;
      if (d === "=" && !option) break;
      if (d === "`") {
        if (text[i + 1] === "\n" || text[i + 1] === "\r" || i + 1 >= to) break;
        value += text[i + 1];
        i += 2;
        continue;
      }
      if (d === "$" && i > start) break;
      value += d;
      i++;
    }
    if (i === start) {
      value = c;
      i++;
    }
    push({ type: "word", start, end: i, value, loose: value, quote: "", here: false, variables: [], contentStart: start, contentEnd: i });
  }
  return out;
}
var ASSIGNMENT_OPERATORS = /* @__PURE__ */ new Set(["=", "+=", "-=", "*=", "/="]);
var CLOSERS = /* @__PURE__ */ new Set([")", "}", "]"]);
var OPENERS = { "(": "(", "$(": "$(", "@(": "@(", "{": "{", "@{": "@{", "[": "[" };
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  i = 0;
  commands = [];
  assignments = [];
  peek() {
    return this.tokens[this.i];
  }
  isOp(t, ...values) {
    return t !== void 0 && t.type === "operator" && values.includes(t.text);
  }
  list(closer, depth) {
    const out = [];
    for (; ; ) {
      const t = this.peek();
      if (!t) break;
      if (t.type === "newline" || this.isOp(t, ";", "&&", "||")) {
        this.i++;
        continue;
      }
      if (t.type === "operator" && CLOSERS.has(t.text)) {
        this.i++;
        if (closer === void 0 || t.text === closer) {
          if (closer !== void 0) break;
          continue;
        }
        break;
      }
      const before = this.i;
      out.push(this.statement(closer, depth));
      if (this.i === before) this.i++;
    }
    return out;
  }
  statement(closer, depth) {
    const first = this.peek();
    let assignment;
    let j = this.i;
    if (this.isOp(this.tokens[j], "[")) {
      let k = j;
      while (k < this.tokens.length && !this.isOp(this.tokens[k], "]")) k++;
      if (this.tokens[k + 1]?.type === "variable") j = k + 1;
    }
    const target = this.tokens[j];
    const operator = this.tokens[j + 1];
    let assignedTo;
    if (target?.type === "variable" && operator?.type === "operator" && ASSIGNMENT_OPERATORS.has(operator.text)) {
      this.i = j + 2;
      assignedTo = target.variables[0];
      while (this.peek()?.type === "newline") this.i++;
    }
    const pipeline = [];
    let upstream;
    for (; ; ) {
      const command = this.command(closer, depth, upstream, pipeline.length === 0 ? assignedTo : void 0);
      pipeline.push(command);
      upstream = command;
      if (!this.isOp(this.peek(), "|")) break;
      this.i++;
      while (this.peek()?.type === "newline") this.i++;
    }
    if (assignedTo !== void 0 && target) {
      const value = pipeline[0];
      assignment = {
        name: assignedTo,
        nameStart: target.start + (target.text.startsWith("${") ? 2 : 1),
        nameEnd: target.end - (target.text.startsWith("${") ? 1 : 0),
        operator: operator.text,
        value: value.elements,
        valueStart: value.start,
        valueEnd: value.end,
        start: first.start
      };
      this.assignments.push(assignment);
    }
    const last = pipeline.at(-1);
    return { assignment, pipeline, start: first.start, end: Math.max(last.end, first.end) };
  }
  command(closer, depth, upstream, assignedTo) {
    const elements = [];
    const startToken = this.peek();
    const index = this.commands.length;
    this.commands.push(void 0);
    for (; ; ) {
      const t = this.peek();
      if (!t || t.type === "newline" || this.isOp(t, ";", "|", "&&", "||")) break;
      if (t.type === "operator" && CLOSERS.has(t.text)) break;
      const open = t.type === "operator" ? OPENERS[t.text] : void 0;
      if (open) {
        this.i++;
        const close = open === "{" || open === "@{" ? "}" : open === "[" ? "]" : ")";
        const statements = this.list(close, depth + 1);
        const prev = this.tokens[this.i - 1];
        elements.push({ type: "group", open, start: t.start, end: prev && prev.end > t.start ? prev.end : t.end, statements });
        continue;
      }
      elements.push(t);
      this.i++;
    }
    const last = elements.at(-1);
    const start = elements[0]?.start ?? startToken?.start ?? 0;
    const command = { elements, start, end: last?.end ?? start, upstream, depth, assignedTo };
    this.commands[index] = command;
    return command;
  }
};
function parsePowerShell(text, from = 0, to = text.length) {
  const parser2 = new Parser(tokenizePowerShell(text, from, to));
  const statements = parser2.list(void 0, 0);
  return { statements, commands: parser2.commands.filter((c) => c !== void 0), assignments: parser2.assignments, start: from, end: to };
}
var cache6 = /* @__PURE__ */ new WeakMap();
function powerShellScripts(doc) {
  const cached = cache6.get(doc);
  if (cached) return cached;
  let scripts = [];
  if (doc.kind === "powershell" || doc.language === "powershell") scripts = [parsePowerShell(doc.text)];
  else if (windowsScriptLanguage(doc) === "powershell") scripts = [parsePowerShell(doc.text)];
  else if (doc.kind === "user-data") {
    scripts = windowsBlocks(doc).filter((b) => b.language === "powershell").map((b) => parsePowerShell(doc.text, b.start, b.end));
  }
  cache6.set(doc, scripts);
  return scripts;
}
function isToken(e) {
  return e !== void 0 && e.type !== "group";
}
function staticValue(e) {
  if (!e) return void 0;
  if (e.type !== "group") return e.type === "word" || e.type === "string" ? e.value : void 0;
  if (e.open !== "(" || e.statements.length !== 1) return void 0;
  const only = e.statements[0]?.pipeline;
  if (only?.length !== 1 || only[0]?.elements.length !== 1) return void 0;
  return staticValue(only[0].elements[0]);
}
function looseValue(e, text) {
  if (!e) return "";
  if (e.type !== "group") return e.value ?? e.loose;
  return text.slice(e.start, e.end);
}
function nameIndex(command) {
  const first = command.elements[0];
  if (isToken(first) && first.type === "operator" && (first.text === "&" || first.text === ".")) return 1;
  return 0;
}
function psCommandName(command) {
  const at = nameIndex(command);
  const e = command.elements[at];
  if (!isToken(e) || e.type !== "word" && !(e.type === "string" && at === 1)) return void 0;
  const v = e.value ?? e.loose;
  return v.replace(/^.*[\\/]/, "").replace(/\.(?:exe|cmd|bat)$/i, "").toLowerCase();
}
function psResolvedCommandName(script, command) {
  const direct = psCommandName(command);
  if (direct !== void 0) return direct;
  const e = command.elements[nameIndex(command)];
  const v = isToken(e) && e.type === "variable" ? resolvedValue(script, e) : void 0;
  return v?.replace(/^.*[\\/]/, "").replace(/\.(?:exe|cmd|bat)$/i, "").toLowerCase();
}
function psCommandWord(command) {
  const e = command.elements[nameIndex(command)];
  return isToken(e) ? e : void 0;
}
function isDotSourced(command) {
  const first = command.elements[0];
  return isToken(first) && first.type === "operator" && first.text === ".";
}
function psArguments(command) {
  return command.elements.slice(nameIndex(command) + 1);
}
function psParameter(command, names) {
  const args2 = psArguments(command);
  for (let k = 0; k < args2.length; k++) {
    const a = args2[k];
    if (!isToken(a) || a.type !== "word" || !a.text.startsWith("-")) continue;
    const colon = a.text.indexOf(":");
    const name = colon > 0 ? a.text.slice(0, colon) : a.text;
    if (!names.test(name)) continue;
    if (colon === a.text.length - 1) {
      const next2 = args2[k + 1];
      return { parameter: a, value: next2 && (next2.type === "group" || !next2.spaceBefore) ? next2 : void 0 };
    }
    if (colon > 0 && colon < a.text.length - 1) {
      const start = a.start + colon + 1;
      const v = a.text.slice(colon + 1);
      return { parameter: a, value: { ...a, start, contentStart: start, text: v, value: v, loose: v } };
    }
    const next = args2[k + 1];
    const isSwitch = isToken(next) && next.type === "word" && /^-[A-Za-z]/.test(next.text) && colon < 0;
    return { parameter: a, value: isSwitch ? void 0 : next };
  }
  return void 0;
}
function psPositionals(command) {
  const args2 = psArguments(command);
  const out = [];
  for (let k = 0; k < args2.length; k++) {
    const a = args2[k];
    if (isToken(a) && a.type === "word" && /^-[A-Za-z]/.test(a.text)) {
      const next = args2[k + 1];
      const adjacent = a.text.endsWith(":") && next !== void 0 && (next.type === "group" || !next.spaceBefore);
      const takesValue = adjacent || !a.text.includes(":") && next !== void 0 && !(isToken(next) && next.type === "word" && /^-[A-Za-z]/.test(next.text));
      if (takesValue) k++;
      continue;
    }
    out.push(a);
  }
  return out;
}
function hashtableEntries(group) {
  if (!group || group.type !== "group" || group.open !== "@{") return [];
  const out = [];
  for (const s of group.statements) {
    const els = s.pipeline[0]?.elements ?? [];
    const key = els[0];
    const eq = els[1];
    const k = staticValue(key);
    if (k === void 0 || !isToken(eq) || eq.text !== "=") continue;
    out.push({ key: k, keyElement: key, value: els.slice(2) });
  }
  return out;
}
function psAssignmentBefore(script, name, offset) {
  const lower = name.toLowerCase();
  let found;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name.toLowerCase() === lower) found = a;
  }
  return found;
}
function resolvedValue(script, e, depth = 0) {
  const direct = staticValue(e);
  if (direct !== void 0 || !isToken(e) || depth > 4) return direct;
  if (e.type === "variable") {
    const a = psAssignmentBefore(script, e.variables[0], e.start);
    if (a && a.value.length === 1) return resolvedValue(script, a.value[0], depth + 1);
  }
  return void 0;
}
function splattedEntries(script, command) {
  const out = [];
  for (const e of psArguments(command)) {
    if (!isToken(e) || e.type !== "splat") continue;
    const a = psAssignmentBefore(script, e.variables[0], e.start);
    if (a && a.value.length === 1) out.push(...hashtableEntries(a.value[0]));
  }
  return out;
}
function callArguments(group) {
  if (!group || group.type !== "group" || group.open !== "(") return [];
  const els = group.statements.flatMap((s) => s.pipeline.flatMap((c) => c.elements));
  const out = [[]];
  for (const e of els) {
    if (isToken(e) && e.type === "operator" && e.text === ",") out.push([]);
    else out[out.length - 1].push(e);
  }
  return out.filter((a) => a.length > 0);
}
function psWords(command, text) {
  const out = [];
  for (const e of command.elements) {
    if (e.type === "group") {
      out.push({ value: text.slice(e.start, e.end), start: e.start, end: e.end, contentStart: e.start, contentEnd: e.end, quote: "", literal: false, element: e });
      continue;
    }
    if (e.type === "operator" && (e.text === "&" || e.text === ".")) continue;
    out.push({ value: e.value ?? e.loose, start: e.start, end: e.end, contentStart: e.contentStart, contentEnd: e.contentEnd, quote: e.quote, literal: e.value !== void 0 && (e.type === "word" || e.type === "string"), element: e });
  }
  return out;
}

// src/extract/called-scripts.ts
var MAX_BYTES = 1024 * 1024;
var calledDocuments = /* @__PURE__ */ new WeakSet();
function isCalledScriptDocument(doc) {
  return calledDocuments.has(doc);
}
function relativeTarget(raw) {
  let p = raw.trim().replace(/^["']|["']$/g, "");
  p = p.replace(/^(?:\$PSScriptRoot|\$\{PSScriptRoot\}|\$\(\s*Split-Path\s+-Parent\s+\$MyInvocation\.MyCommand\.Path\s*\)|\$\(dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\}|BASH_SOURCE)"?\)|\$\{0%\/\*\}|\$\{BASH_SOURCE%\/\*\})[\\/]/i, "./");
  if (p === "" || /[$`%*?]/.test(p) || /^(?:[A-Za-z]:|\\\\|\/)/.test(p)) return void 0;
  return p.replace(/\\/g, "/");
}
function powerShellCalls(doc) {
  const out = [];
  for (const script of powerShellScripts(doc)) {
    for (const command of script.commands) {
      const name = psCommandName(command);
      const word = psCommandWord(command);
      let target;
      if (name && /^(?:powershell|pwsh)$/.test(name)) target = psParameter(command, /^-(?:File|f)$/i)?.value;
      else if (word && (isDotSourced(command) || /\.ps1$/i.test(word.value ?? word.loose))) target = word;
      if (!target || !isToken(target)) continue;
      const rel = relativeTarget(target.value ?? target.loose);
      if (rel && /\.ps1$/i.test(rel)) out.push({ target: rel, start: target.contentStart, end: target.contentEnd });
    }
  }
  return out;
}
var SHELLS2 = /* @__PURE__ */ new Set(["bash", "sh", "dash", "zsh", "ksh"]);
function shellCalls(doc) {
  const script = shellScript(doc);
  if (!script) return [];
  const out = [];
  for (const command of script.commands) {
    if (command.nesting > 0) continue;
    const name = commandName(command);
    const words = command.effective;
    let target;
    if (name === "." || name === "source") target = words[1];
    else if (name !== void 0 && SHELLS2.has(name)) target = words.slice(1).find((w) => !(w.value ?? w.loose).startsWith("-"));
    else if (/^\.{1,2}\//.test(words[0]?.value ?? "")) target = words[0];
    if (!target) continue;
    const rel = relativeTarget(target.value ?? target.loose);
    if (rel) out.push({ target: rel, start: target.contentStart, end: target.contentEnd });
  }
  return out;
}
var calledScriptExtractor = {
  name: "called scripts",
  kinds: ["shell", "powershell", "user-data"],
  keywords: /(?:^|[\s;&|(])(?:\.|source|bash|sh|&|powershell(?:\.exe)?|pwsh)\s+\S|\.(?:ps1|sh)\b/m,
  produces: ["shell", "powershell"],
  // Reads the called files from disk next to a file on disk: never a copy, never nested.
  filesOnly: true,
  extract(doc) {
    if (doc.depth !== 0 || !doc.absPath || !isBootstrapContext(doc)) return [];
    const dir = dirname7(doc.absPath);
    const out = [];
    const seen2 = /* @__PURE__ */ new Set();
    for (const call of [...powerShellCalls(doc), ...shellCalls(doc)]) {
      const full = resolvePath2(dir, call.target);
      if (full === doc.absPath || seen2.has(full)) continue;
      seen2.add(full);
      let text;
      try {
        if (!existsSync7(full) || !statSync2(full).isFile() || statSync2(full).size > MAX_BYTES) continue;
        text = readFileSync3(full, "utf8");
      } catch {
        continue;
      }
      const kind = classifyFile(call.target, text.slice(0, 16384));
      if (kind !== "shell" && kind !== "powershell") continue;
      const own = { ...doc, path: posix.normalize(posix.join(posix.dirname(doc.path), call.target)), kind, host: void 0, bootstrap: false };
      if (isBootstrapContext(own)) continue;
      const called = documentFromPieces(doc, [{ text, start: call.start, end: call.end, verbatim: false }], { kind, label: `script called: ${call.target}`, bootstrap: true });
      calledDocuments.add(called);
      out.push(called);
    }
    return out;
  }
};

// src/detect/aws-env-vars.ts
var AWS_CREDENTIAL_VARIABLES = /* @__PURE__ */ new Map([
  ["AWS_ACCESS_KEY_ID", "access-key-id"],
  ["AWS_ACCESS_KEY", "access-key-id"],
  ["AWS_SECRET_ACCESS_KEY", "secret-access-key"],
  ["AWS_SECRET_KEY", "secret-access-key"],
  ["AWS_SESSION_TOKEN", "session-token"],
  ["AWS_SECURITY_TOKEN", "session-token"]
]);
function awsCredentialVariable(name) {
  return AWS_CREDENTIAL_VARIABLES.get(name);
}
function awsCredentialVariableIgnoreCase(name) {
  return AWS_CREDENTIAL_VARIABLES.get(name.toUpperCase());
}
var AWS_CREDENTIAL_VARIABLE_SOURCE = "AWS_(?:ACCESS_KEY(?:_ID)?|SECRET(?:_ACCESS)?_KEY|SESSION_TOKEN|SECURITY_TOKEN)";
function configureCredentialKey(key) {
  const m = /(?:^|\.)(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)$/i.exec(key);
  if (!m) return void 0;
  const name = m[1].toLowerCase();
  return name === "aws_access_key_id" ? "access-key-id" : name === "aws_secret_access_key" ? "secret-access-key" : "session-token";
}

// src/detect/aws-configure.ts
function inputOf(command) {
  if (command.upstream) return "a pipe";
  for (const r of command.redirects) {
    if (r.heredoc) return "a heredoc";
    if (r.operator === "<<<") return "a here-string";
    if (r.operator === "<") return "a file redirect";
  }
  return "standard input";
}
function literalSecret(word, kind) {
  if (!word || word.kind !== "literal" || !word.value) return void 0;
  return { start: word.contentStart, end: word.contentEnd, kind };
}
var EXPECT_SPAWN = /\bspawn\b[ \t]+(?:-\S+[ \t]+)*(?:\S*\/)?aws(?:\.exe)?\b[^\n;]*?\b(configure)\b[ \t]*([\w-]*)/dg;
function expectUses(text, offset, out) {
  for (const m of text.matchAll(EXPECT_SPAWN)) {
    const sub = m[2] ?? "";
    if (sub !== "" && !sub.startsWith("-") && sub !== "import") continue;
    const at = offset + (m.indices?.[1]?.[0] ?? m.index);
    out.push({ form: sub === "import" ? "import" : "interactive", start: at, end: at + "configure".length, input: "an expect script" });
  }
}
function shellUses(doc) {
  const script = shellScript(doc);
  if (!script) return [];
  const out = [];
  for (const command of script.commands) {
    const name = command.effective[0]?.value?.replace(/^.*\//, "");
    if (name === "expect") {
      const args2 = command.effective;
      for (let i = 1; i < args2.length; i++) {
        if (args2[i]?.value === "-c") {
          const w = args2[i + 1];
          if (w) expectUses(doc.text.slice(w.contentStart, w.contentEnd), w.contentStart, out);
        }
      }
    }
    for (const r of command.redirects) if (r.heredoc) expectUses(r.heredoc.body, r.heredoc.bodyStart, out);
    const aws = awsInvocation(command);
    if (!aws || aws.service?.value !== "configure") continue;
    const service = aws.service;
    const sub = aws.args[0]?.value;
    if (sub === "set") {
      const keyWord = aws.args[1];
      const key = keyWord?.value ?? keyWord?.loose;
      const kind = key ? configureCredentialKey(key) : void 0;
      if (!keyWord || !key || !kind) continue;
      const secret = literalSecret(aws.args[2], kind);
      out.push({ form: "set", start: keyWord.contentStart, end: keyWord.contentEnd, key, ...secret ? { secret } : {} });
    } else if (sub === "import") {
      out.push({ form: "import", start: service.start, end: service.end });
    } else if (sub === void 0 || sub.startsWith("-")) {
      if (hasStdinInput(command)) out.push({ form: "interactive", start: service.start, end: service.end, input: inputOf(command) });
    }
  }
  return out;
}
function literalValue(word) {
  if ("literal" in word) return word.literal && word.value !== "" && !word.value.startsWith("(");
  return word.value !== "" && !/[%!]/.test(word.value) && !word.value.startsWith("$") && !word.value.startsWith("(");
}
var AWS_EXE = /^(?:.*[\\/])?aws(?:\.exe|\.cmd)?$/i;
var GLOBAL_WITH_VALUE = /^--(?:profile|region|output|endpoint-url|query|color|ca-bundle|cli-read-timeout|cli-connect-timeout|cli-binary-format)$/i;
function configureInWords(words, piped, out) {
  let j = 1;
  while (j < words.length && words[j].value.startsWith("-")) j += GLOBAL_WITH_VALUE.test(words[j].value) ? 2 : 1;
  const service = words[j];
  if (!service || service.value.toLowerCase() !== "configure") return;
  const rest = words.slice(j + 1).filter((w, k, all) => !(GLOBAL_WITH_VALUE.test(w.value) || k > 0 && GLOBAL_WITH_VALUE.test(all[k - 1]?.value ?? "")));
  const sub = rest[0]?.value.toLowerCase();
  if (sub === "set") {
    const keyWord = rest[1];
    const kind = keyWord ? configureCredentialKey(keyWord.value) : void 0;
    if (!keyWord || !kind) return;
    const valueWord = rest[2];
    const secret = valueWord && literalValue(valueWord) ? { start: valueWord.contentStart, end: valueWord.contentEnd, kind } : void 0;
    out.push({ form: "set", start: keyWord.contentStart, end: keyWord.contentEnd, key: keyWord.value, ...secret ? { secret } : {} });
  } else if (sub === "import") {
    out.push({ form: "import", start: service.start, end: service.end });
  } else if ((sub === void 0 || sub.startsWith("-")) && piped) {
    out.push({ form: "interactive", start: service.start, end: service.end, input: "a pipe" });
  }
}
function powerShellUses(doc) {
  const out = [];
  for (const script of powerShellScripts(doc)) {
    for (const command of script.commands) {
      if (psResolvedCommandName(script, command) !== "aws") continue;
      const words = psWords(command, doc.text);
      configureInWords(words, command.upstream !== void 0, out);
    }
  }
  return out;
}
function windowsUses(doc) {
  const out = [];
  for (const block of windowsBlocks(doc)) {
    if (block.language !== "cmd") continue;
    for (const statement of windowsStatements(doc, block)) {
      if (!/configure/i.test(statement.text)) continue;
      const words = windowsWords(statement);
      for (let i = 0; i < words.length; i++) {
        if (!AWS_EXE.test(words[i].value)) continue;
        let j = i + 1;
        while (j < words.length && words[j].value.startsWith("-")) j += GLOBAL_WITH_VALUE.test(words[j].value) ? 2 : 1;
        const service = words[j];
        if (!service || service.value.toLowerCase() !== "configure") continue;
        const rest = words.slice(j + 1).filter((w, k, all) => !(GLOBAL_WITH_VALUE.test(w.value) || k > 0 && GLOBAL_WITH_VALUE.test(all[k - 1]?.value ?? "")));
        const sub = rest[0]?.value.toLowerCase();
        if (sub === "set") {
          const keyWord = rest[1];
          const kind = keyWord ? configureCredentialKey(keyWord.value) : void 0;
          if (!keyWord || !kind) continue;
          const valueWord = rest[2];
          const secret = valueWord && literalValue(valueWord) ? { start: valueWord.contentStart, end: valueWord.contentEnd, kind } : void 0;
          out.push({ form: "set", start: keyWord.contentStart, end: keyWord.contentEnd, key: keyWord.value, ...secret ? { secret } : {} });
        } else if (sub === "import") {
          out.push({ form: "import", start: service.start, end: service.end });
        } else if ((sub === void 0 || sub.startsWith("-")) && /\|\s*(?:&\s*)?(?:"[^"]*"|'[^']*'|\S+)\s+(?:--\S+\s+\S+\s+)*configure\b/i.test(statement.text.slice(0, service.end - statement.start))) {
          out.push({ form: "interactive", start: service.start, end: service.end, input: "a pipe" });
        }
      }
    }
  }
  return out;
}
function findConfigureCredentialUses(doc) {
  const uses = [...shellUses(doc), ...powerShellUses(doc), ...windowsUses(doc)];
  const seen2 = /* @__PURE__ */ new Set();
  return uses.filter((u) => seen2.has(u.start) ? false : (seen2.add(u.start), true));
}
var CONFIGURE_KEYWORD_SOURCE = String.raw`\baws(?:\.exe|\.cmd)?\b(?:[^\n]|[\\\x60^]\r?\n){0,400}?\bconfigure\b`;
var CONFIGURE_KEYWORDS = new WordsNear(/\baws(?:\.exe|\.cmd)?\b/, /\bconfigure\b/, 400, "\\`^", CONFIGURE_KEYWORD_SOURCE);

// src/parsers/dockerfile.ts
var dockerfileAst = lazyRequire("dockerfile-ast", "dockerfile-ast.cjs");
var cache7 = /* @__PURE__ */ new WeakMap();
function dockerfile(doc) {
  if (doc.kind !== "dockerfile") return void 0;
  const cached = cache7.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let model;
  try {
    model = parseDockerfile(doc);
  } catch {
    model = null;
  }
  cache7.set(doc, model);
  return model ?? void 0;
}
function jsonStrings(text, offset) {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("[")) return void 0;
  const out = [];
  const re = /"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of text.matchAll(re)) {
    let value;
    try {
      value = JSON.parse(m[0]);
    } catch {
      return void 0;
    }
    out.push({ value, start: offset + m.index + 1, end: offset + m.index + m[0].length - 1 });
  }
  try {
    const parsed2 = JSON.parse(trimmed.trimEnd());
    if (!Array.isArray(parsed2)) return void 0;
  } catch {
    return void 0;
  }
  return out;
}
function parseDockerfile(doc) {
  const lines = doc.lines;
  const toOffset = (p) => lines.lineStart(p.line + 1) + p.character;
  const range = (r) => ({ start: toOffset(r.start), end: toOffset(r.end) });
  const parsed2 = dockerfileAst().DockerfileParser.parse(doc.text.includes("\r") ? doc.text.replace(/\r(?!\n)/g, " ") : doc.text);
  const instructions = [];
  const shells = /* @__PURE__ */ new Map();
  let stage = -1;
  const add = (ins, onbuild, keywordOverride) => {
    const keyword = (keywordOverride ?? ins.getKeyword()).toUpperCase();
    if (keyword === "FROM" && !onbuild) stage++;
    const whole = range(ins.getRange());
    const kw = range(ins.getInstructionRange());
    const anyIns = ins;
    const flags = (anyIns.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue(), ...range(f.getRange()) }));
    const args2 = ins.getArguments().map((a) => ({ value: a.getValue(), ...range(a.getRange()) }));
    const properties = keyword === "ENV" || keyword === "ARG" || keyword === "LABEL" ? (anyIns.getProperties?.() ?? []).map((p) => {
      const valueRange2 = p.getValueRange();
      const value = p.getValue();
      return {
        name: { value: p.getName(), ...range(p.getNameRange()) },
        value: value !== null && valueRange2 ? { value, ...range(valueRange2) } : void 0
      };
    }) : [];
    const heredocs = (anyIns.getHeredocs?.() ?? []).map((h) => {
      const content = h.getContentRange();
      const r = content ? range(content) : { start: whole.end, end: whole.end };
      return { name: h.getName(), contentStart: r.start, contentEnd: r.end };
    });
    const argsStart = args2[0]?.start ?? whole.end;
    const json = keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT" || keyword === "SHELL" ? jsonStrings(doc.text.slice(argsStart, whole.end), argsStart) : void 0;
    const instruction = {
      keyword,
      keywordStart: kw.start,
      start: whole.start,
      end: whole.end,
      stage,
      flags,
      args: args2,
      properties,
      heredocs,
      argsStart,
      json,
      onbuild
    };
    instructions.push(instruction);
    if (keyword === "SHELL" && json && json.length > 0) {
      const shell = (json[0]?.value ?? "").toLowerCase().replace(/^.*[\\/]/, "").replace(/\.exe$/, "");
      if (shell === "powershell" || shell === "pwsh" || shell === "cmd") shells.set(stage, shell);
      else shells.delete(stage);
    }
  };
  for (const ins of parsed2.getInstructions()) {
    add(ins, false);
    if (ins.getKeyword().toUpperCase() === "ONBUILD") {
      const trigger = ins.getTriggerInstruction?.();
      if (trigger) add(trigger, true);
    }
  }
  return { instructions, stageCount: stage + 1, escape: parsed2.getEscapeCharacter(), shells };
}
function enclosingDockerfile(doc) {
  for (let current = doc; current; current = current.host?.document) {
    if (current.kind === "dockerfile") return current;
  }
  return void 0;
}

// rules/no-aws-configure-in-bootstrap.ts
var no_aws_configure_in_bootstrap_default = defineRule({
  id: "no-aws-configure-in-bootstrap",
  description: "Disallow storing access keys with `aws configure` in user data, cloud-init and provisioning scripts",
  fullDescription: "Running `aws configure set aws_secret_access_key \u2026` (or an interactive `aws configure` fed by a pipe, a heredoc or expect, or `aws configure import --csv`) while an instance boots writes a long-lived IAM user key to ~/.aws/credentials on every machine launched, and the key itself sits in the user data, which anyone who can describe the instance or reach its metadata service can read. An instance profile gives the instance short-lived credentials that rotate automatically and need no key at all.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-522"],
  tags: ["security", "aws", "ec2", "bootstrap"],
  kinds: ["shell", "powershell", "user-data", "cloud-init"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  keywords: CONFIGURE_KEYWORDS,
  messages: {
    configureSet: "`aws configure set {{key}}` stores AWS credentials on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials",
    configureInteractive: "`aws configure` answered by {{input}} stores a long-lived access key on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials",
    configureImport: "`aws configure import` copies IAM user access keys from a CSV file onto the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials"
  },
  recommendation: [
    "Remove `aws configure` from the bootstrap script and delete the IAM user key it used (it is in the user data and ",
    "in every image or instance built from it). Attach an IAM role to the instance through an instance profile ",
    "(`IamInstanceProfile` in CloudFormation, `iam_instance_profile` in Terraform); the AWS CLI and SDKs then get ",
    "temporary credentials from the instance metadata service with no configuration. Non-credential settings are ",
    "fine: `aws configure set region \u2026` and `aws configure set output \u2026`."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (enclosingDockerfile(doc)) return;
    if (isCalledScriptDocument(doc)) return;
    const severity = isBootstrapContext(doc) ? void 0 : "warning";
    for (const use of findConfigureCredentialUses(doc)) {
      const messageId = use.form === "set" ? "configureSet" : use.form === "import" ? "configureImport" : "configureInteractive";
      context.report({
        messageId,
        data: { key: use.key ?? "", input: use.input ?? "" },
        start: use.start,
        end: use.end,
        ...use.secret ? { secrets: [use.secret] } : {},
        identity: `${use.form}:${use.key ?? ""}:${doc.text.slice(use.start, use.end)}`,
        ...severity ? { severity } : {}
      });
    }
  }
});

// src/detect/placeholders.ts
var REFERENCE_PATTERNS = [
  /^\$\{[^}]*\}?$/,
  // ${VAR}, ${VAR:-x}, ${{ secrets.X }} (GitHub Actions)
  /^\$[A-Za-z_][\w]*$/,
  // $VAR
  /^\$\(.*\)?$/,
  // $(command)
  /^\$\{\{.*\}\}$/,
  // ${{ secrets.AWS_SECRET }}
  /^\{\{.*\}\}$/,
  // {{ var }} (Jinja, Helm, Mustache), {{resolve:secretsmanager:…}}
  /^\{\{\s*resolve:/i,
  /^\{[A-Za-z_][\w.:-]*\}$/,
  // {key} format strings
  /^%[A-Za-z_][\w()]*%$/,
  // %VAR% (Windows), %(name)s handled below
  /^%\([\w.]+\)[sd]$/,
  // %(secret)s
  /^#\{[^}]*\}$/,
  // #{var} (Ruby interpolation, Octopus)
  /^@[A-Za-z_][\w.]*@$/,
  // @VAR@ (Maven filtering)
  /^__[A-Za-z][\w]*__$/,
  // __SECRET__ (token replacement)
  /^<[^<>]*>$/,
  // <YOUR_SECRET_KEY>
  /^\[[^\]]*\]$/,
  // [secret key]
  /^\([^)]*\)$/,
  /^!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|If|Join|Select)\b/,
  // CloudFormation short forms
  /^\{\s*["']?(?:Ref|Fn::\w+)["']?\s*:/,
  // { "Ref": … } / { "Fn::Sub": … }
  /^Fn::/,
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/i,
  /^(?:ssm|secretsmanager|ssm-secure|vault|op|awssm|env|file|secret|aws-sm|aws-ssm):\/?/i,
  // ssm:/path, vault:secret/…, op://
  /^@Microsoft\.KeyVault\(/i,
  /^(?:var|local|module|data|each|count|self|terraform)\.[\w.[\]"'*-]+$/,
  // Terraform references
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|os\.Getenv|System\.getenv|System\.Environment|Environment\.GetEnvironmentVariable|ENV|env|getenv|Deno\.env|config|settings|secrets|vars|inputs|params|props|context)\b[.[(]/,
  /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.)[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^)]*\))+$/,
  // member access / call: cfg.aws.secret, getSecret()
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/
  // an UPPER_SNAKE name where a value should be: MY_SECRET_KEY
];
var PLACEHOLDER_WORDS = /(?<![a-z])(?:your|example|examples|placeholder|change[-_ ]?me|changeit|replace|replace[-_ ]?me|dummy|sample|redacted|fixme|todo|insert|enter[-_ ]?(?:your|the|a)|put[-_ ]?your|notreal|not[-_]a[-_]real|fake|mock|demo|here)(?![a-z])/;
function wordForm(v) {
  return v.replace(/([a-z])(?=[A-Z])/g, "$1_").toLowerCase();
}
var PLACEHOLDER_VALUES = /* @__PURE__ */ new Set([
  "test",
  "testing",
  "secret",
  "secrets",
  "key",
  "password",
  "passwd",
  "pass",
  "token",
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "foo",
  "bar",
  "baz",
  "foobar",
  "abc",
  "abc123",
  "123",
  "1234",
  "12345",
  "123456",
  "default",
  "demo",
  "value",
  "string",
  "str",
  "required",
  "optional",
  "tbd",
  "n/a",
  "na",
  "unset",
  "false",
  "true",
  "my-secret",
  "mysecret",
  "supersecret",
  "secretkey",
  "secret_key",
  "accesskey",
  "access_key",
  "test123",
  "testkey",
  "test-key"
]);
var FILLER = /x{4,}|X{4,}|\*{3,}|#{4,}|\.{3,}|…|_{4,}|-{4,}|0{6,}|(?:xX|Xx){2,}/;
var QUOTES = /^(["'`])(.*)\1$/s;
function isDocumentationExampleKeyShape(v) {
  return /^(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE$/.test(v) || /^[A-Za-z0-9/+]{30}EXAMPLEKEY$/.test(v);
}
function isPlaceholder(value) {
  let v = value.trim();
  const quoted = QUOTES.exec(v);
  if (quoted) v = quoted[2].trim();
  if (v.length === 0) return true;
  if (isDocumentationExampleKeyShape(v)) return false;
  if (PLACEHOLDER_VALUES.has(v.toLowerCase())) return true;
  if (FILLER.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(wordForm(v))) return true;
  if (/\$\{|\{\{|\$\(/.test(v)) return true;
  for (const re of REFERENCE_PATTERNS) if (re.test(v)) return true;
  if (v.length >= 4 && /^(.)\1+$/.test(v)) return true;
  return false;
}

// src/detect/aws-keys.ts
var ACCESS_KEY_ID_BODY_SOURCE = "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}";
var ACCESS_KEY_ID_SOURCE = `(?<![A-Za-z0-9])${ACCESS_KEY_ID_BODY_SOURCE}(?![A-Za-z0-9])`;
var ESCAPED_ACCESS_KEY_ID = new RegExp(String.raw`(?:\\[nrtbfv]|%[0-9A-Fa-f]{2}|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4})(` + ACCESS_KEY_ID_BODY_SOURCE + ")(?![A-Za-z0-9])", "g");
function accessKeyIdMatches(text) {
  const out = [];
  for (const m of text.matchAll(accessKeyIdPattern())) out.push({ index: m.index, value: m[0] });
  if (!text.includes("\\") && !text.includes("%")) return out;
  const escaped = [];
  for (const m of text.matchAll(ESCAPED_ACCESS_KEY_ID)) {
    const value = m[1];
    escaped.push({ index: m.index + m[0].length - value.length, value });
  }
  if (escaped.length === 0) return out;
  const seen2 = new Set(out.map((m) => m.index));
  return [...out, ...escaped.filter((m) => !seen2.has(m.index))].sort((a, b) => a.index - b.index);
}
function accessKeyIdPattern() {
  return new RegExp(ACCESS_KEY_ID_SOURCE, "g");
}
var DOC_EXAMPLE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
var DOC_EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
function isDocumentationExampleKeyId(id) {
  return id === DOC_EXAMPLE_ACCESS_KEY_ID || id.endsWith("EXAMPLE");
}
function isDocumentationExampleSecret(secret) {
  return secret === DOC_EXAMPLE_SECRET_ACCESS_KEY || /EXAMPLE(?:KEY)?$/.test(secret);
}
function isDocumentationExampleToken(token) {
  return token.includes("EXAMPLE");
}
var VOWELS = /[AEIOU]/g;
function looksLikeWordRun(keyId) {
  const body = keyId.slice(4);
  if (/[0-9]/.test(body)) return false;
  const vowels = body.match(VOWELS)?.length ?? 0;
  return vowels / body.length >= 0.35;
}
var KEY_ID_PLACEHOLDER_WORDS = /EXAMPLE|SAMPLE|FAKE|DUMMY|TEST|PLACEHOLDER|REPLACE|CHANGEME|REDACTED|YOUR|ACCESSKEY/;
function looksLikePlaceholderKeyId(keyId) {
  const body = keyId.slice(4);
  if (new Set(body).size < 6) return true;
  if (/(.)\1{4}/.test(body)) return true;
  let ascending = 1;
  for (let i = 1; i < body.length; i++) {
    ascending = body.charCodeAt(i) === body.charCodeAt(i - 1) + 1 ? ascending + 1 : 1;
    if (ascending >= 6) return true;
  }
  return KEY_ID_PLACEHOLDER_WORDS.test(body);
}
function isImplausibleKeyId(keyId) {
  return isDocumentationExampleKeyId(keyId) || looksLikeWordRun(keyId) || looksLikePlaceholderKeyId(keyId);
}
function keyIdType(id) {
  if (id.startsWith("AKIA")) return "long-term";
  if (id.startsWith("ASIA")) return "temporary";
  return "other";
}
var BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function decodeAccountId(keyId) {
  if (keyId.length !== 20 || !/^A[KS]IA/.test(keyId)) return void 0;
  const fifth = keyId[4];
  if (fifth === "I" || fifth === "J") return void 0;
  let bits = 0n;
  for (let i = 4; i < 14; i++) {
    const v = BASE32.indexOf(keyId[i]);
    if (v < 0) return void 0;
    bits = bits << 5n | BigInt(v);
  }
  const z = bits >> 2n;
  const account = (z & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, "0");
}

// src/detect/credential-context.ts
var SECRET_ACCESS_KEY_NAMES = {
  kind: "secret-access-key",
  coreSource: "secret",
  normalized: /(?:secret(?:access)?key|awssecret(?:access)?|s3secret)\d*$/
};
var SESSION_TOKEN_NAMES = {
  kind: "session-token",
  coreSource: "(?:session|security)[-_. ]?token",
  normalized: /(?:session|security)token\d*$/
};
var ACCESS_KEY_ID_NAMES = {
  kind: "access-key-id",
  coreSource: "access[-_.]?key",
  // Not `…secretaccesskey`, which ends the same way.
  normalized: /(?<!secret)accesskey(?:id)?\d*$/
};
var CREDENTIAL_NAME_SETS = [SECRET_ACCESS_KEY_NAMES, SESSION_TOKEN_NAMES, ACCESS_KEY_ID_NAMES];
function normalizeCredentialName(name) {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function isCredentialName(name, set) {
  return set.normalized.test(normalizeCredentialName(name));
}
var NAME_CHAR = /[A-Za-z0-9_.$-]/;
var QUOTE_CHARS = "\"'`";
var SUBSCRIPT_CLOSE = /[ \t]*\]/y;
var PAIR_VALUE = /[ \t]*(?:[,;][ \t]*)?(?:\r?\n[ \t]*(?:-[ \t]*)?)?["']?(?:value|Value|VALUE|ParameterValue|OptionValue|defaultValue)["']?[ \t]*[:=][ \t]*/y;
var TYPED_ASSIGNMENT = /[ \t]*:[ \t]*[A-Za-z_][\w.<>?|&[\]]*[ \t]*=(?![=>])[ \t]*/y;
var AUTO_PROPERTY = /[ \t]*\{[ \t]*get;[^}\n]*\}[ \t]*=[ \t]*/y;
var ASSIGNMENT = /[ \t]*(?:=>|:=|<-|\?\?=|\|\|=|=(?!=)|:(?![:=]))[ \t]*/y;
var CALL_COMMA = /[ \t]*,[ \t]*/y;
var XML_CLOSE = /(?:[ \t][^<>\n]*)?>[ \t]*/y;
var WHITESPACE = /[ \t]+(?=[^\s=:,;)\]}>#])/y;
var BARE_VALUE = /(?:\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\{\{[^}\n]{0,256}\}\}|[^\s"'`,;)}\]<>&|\\]){1,4096}/y;
var MAX_VALUE_LENGTH = 4096;
function indexOfBounded(text, ch, from, limit) {
  const end = Math.min(text.length, limit);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === ch) return i;
    if (c === "\n") return -1;
  }
  return -1;
}
function stickyMatch(re, text, at) {
  re.lastIndex = at;
  return re.exec(text);
}
function readValue(text, at, untilLessThan) {
  let p = at;
  if (/[@rRbBfFuU]/.test(text[p] ?? "") && QUOTE_CHARS.includes(text[p + 1] ?? "")) p++;
  if (text[p] === "\\" && (text[p + 1] === '"' || text[p + 1] === "'")) {
    const m2 = stickyMatch(BARE_VALUE, text, p + 2);
    if (!m2) return void 0;
    return { value: m2[0], start: p + 2, end: p + 2 + m2[0].length, quote: text[p + 1] };
  }
  const ch = text[p] ?? "";
  if (QUOTE_CHARS.includes(ch)) {
    const close = indexOfBounded(text, ch, p + 1, p + 1 + MAX_VALUE_LENGTH);
    if (close === -1) return void 0;
    let s = p + 1;
    let e = close;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return { value: text.slice(s, e), start: s, end: e, quote: ch };
  }
  if (untilLessThan) {
    const lt = indexOfBounded(text, "<", p, p + MAX_VALUE_LENGTH);
    if (lt === -1) return void 0;
    let e = lt;
    while (e > p && /\s/.test(text[e - 1])) e--;
    return { value: text.slice(p, e), start: p, end: e, quote: "" };
  }
  const m = stickyMatch(BARE_VALUE, text, p);
  if (!m) return { value: "", start: p, end: p, quote: "" };
  return { value: m[0], start: p, end: p + m[0].length, quote: "" };
}
function findCredentialAssignments(text, sets, options2 = {}) {
  const from = options2.from ?? 0;
  const to = options2.to ?? text.length;
  const core = new RegExp(sets.map((s) => `(?:${s.coreSource})`).join("|"), "gi");
  core.lastIndex = from;
  const out = [];
  let lastNameEnd = -1;
  for (let hit = core.exec(text); hit !== null && hit.index < to; hit = core.exec(text)) {
    if (hit.index < lastNameEnd) continue;
    let nameStart = hit.index;
    while (nameStart > 0 && NAME_CHAR.test(text[nameStart - 1])) nameStart--;
    let nameEnd = hit.index + hit[0].length;
    while (nameEnd < text.length && NAME_CHAR.test(text[nameEnd])) nameEnd++;
    if (nameEnd <= lastNameEnd) continue;
    lastNameEnd = nameEnd;
    core.lastIndex = nameEnd;
    while (nameEnd > nameStart && /[.-]/.test(text[nameEnd - 1])) nameEnd--;
    const name = text.slice(nameStart, nameEnd);
    const normalized = normalizeCredentialName(name);
    const set = sets.find((s) => s.normalized.test(normalized));
    if (!set) continue;
    const found = readAssignment(text, nameStart, nameEnd);
    if (!found) continue;
    out.push({ kind: set.kind, name, nameStart, nameEnd, ...found });
    if (found.quote === "" && found.valueEnd > nameEnd) {
      core.lastIndex = found.valueEnd;
      lastNameEnd = found.valueEnd;
    }
  }
  return out;
}
function readAssignment(text, nameStart, nameEnd) {
  const before = text[nameStart - 1] ?? "";
  let p = nameEnd;
  const quoted = QUOTE_CHARS.includes(before) && text[p] === before;
  if (quoted) p++;
  const result = (v, syntax) => v ? { value: v.value, valueStart: v.start, valueEnd: v.end, quote: v.quote, syntax } : void 0;
  let m = stickyMatch(PAIR_VALUE, text, p);
  if (m) {
    const v = readValue(text, p + m[0].length, false);
    if (v && v.value) return result(v, "name-value-pair");
  }
  if (quoted) {
    const sub = stickyMatch(SUBSCRIPT_CLOSE, text, p);
    if (sub) p += sub[0].length;
  }
  if (before === "<" || quoted && text[p] === ">") {
    m = stickyMatch(XML_CLOSE, text, p);
    if (m) return result(readValue(text, p + m[0].length, true), "xml");
  }
  m = stickyMatch(TYPED_ASSIGNMENT, text, p) ?? stickyMatch(AUTO_PROPERTY, text, p) ?? stickyMatch(ASSIGNMENT, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), "assignment");
  if (quoted) {
    m = stickyMatch(CALL_COMMA, text, p);
    if (m) return result(readValue(text, p + m[0].length, false), "call-argument");
    return void 0;
  }
  m = stickyMatch(WHITESPACE, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), "whitespace");
  return void 0;
}
var SECRET_ACCESS_KEY_CANDIDATE_SOURCE = "(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])";
function secretAccessKeyCandidatePattern() {
  return new RegExp(SECRET_ACCESS_KEY_CANDIDATE_SOURCE, "g");
}
var PAIRING_LINE_DISTANCE = 5;
var lastIndex;
function candidateIndex(text) {
  if (lastIndex?.text === text) return lastIndex;
  const starts = [];
  const ends = [];
  const values = [];
  const encoded = hasSecretEscape(text) ? encodedRuns(text) : [];
  let e = 0;
  const pushEncodedBefore = (limit) => {
    for (; e < encoded.length && encoded[e].start < limit; e++) {
      const r = encoded[e];
      if (r.padding === 0 && r.value.length === 40) {
        starts.push(r.start);
        ends.push(r.end);
        values.push(r.value);
      }
    }
  };
  for (const m of text.matchAll(secretAccessKeyCandidatePattern())) {
    pushEncodedBefore(m.index + 1);
    const last = e > 0 ? encoded[e - 1] : void 0;
    if (last && m.index < last.end) continue;
    const next = encoded[e];
    if (next && next.start < m.index + 40) continue;
    starts.push(m.index);
    ends.push(m.index + 40);
    values.push(m[0]);
  }
  pushEncodedBefore(Infinity);
  const newlines = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines.push(i);
  lastIndex = { text, starts, ends, values, newlines, verdicts: /* @__PURE__ */ new Map() };
  return lastIndex;
}
function lowerBound(arr, x) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function windowRange(index, offset, lines) {
  const { newlines, starts, text } = index;
  const line = lowerBound(newlines, offset);
  const firstLine = line - lines;
  const from = firstLine <= 0 ? 0 : newlines[firstLine - 1] + 1;
  const lastLine = line + lines;
  const to = lastLine < newlines.length ? newlines[lastLine] : text.length;
  return [lowerBound(starts, from), lowerBound(starts, to - 39)];
}
function accepted(index, accept, i) {
  let verdicts = index.verdicts.get(accept);
  if (!verdicts) {
    verdicts = new Uint8Array(index.starts.length).fill(2);
    index.verdicts.set(accept, verdicts);
  }
  if (verdicts[i] === 2) verdicts[i] = accept(index.values[i]) ? 1 : 0;
  return verdicts[i] === 1;
}
function secretCandidatesNearAny(text, offsets, accept, lines = PAIRING_LINE_DISTANCE) {
  if (offsets.length === 0) return [];
  const index = candidateIndex(text);
  const out = [];
  let next = 0;
  for (const offset of offsets) {
    const [lo, hi] = windowRange(index, offset, lines);
    for (let i = Math.max(lo, next); i < hi; i++) {
      if (!accepted(index, accept, i)) continue;
      out.push({ value: index.values[i], start: index.starts[i], end: index.ends[i] });
    }
    next = Math.max(next, hi);
  }
  return out;
}
function firstSecretCandidateNear(text, offset, accept, lines = PAIRING_LINE_DISTANCE) {
  const index = candidateIndex(text);
  const [lo, hi] = windowRange(index, offset, lines);
  for (let i = lo; i < hi && i < lo + 64; i++) {
    if (!accepted(index, accept, i)) continue;
    return { value: index.values[i], start: index.starts[i], end: index.ends[i] };
  }
  return void 0;
}
function nearestByLine(items, line, distance = PAIRING_LINE_DISTANCE) {
  const firstAtOrAfter = (target) => {
    let lo2 = 0;
    let hi = items.length;
    while (lo2 < hi) {
      const mid = lo2 + hi >>> 1;
      if (items[mid].line < target) lo2 = mid + 1;
      else hi = mid;
    }
    return lo2;
  };
  const lo = firstAtOrAfter(line);
  const after = items[lo];
  const before = lo > 0 ? items[firstAtOrAfter(items[lo - 1].line)] : void 0;
  const dAfter = after ? after.line - line : Infinity;
  const dBefore = before ? line - before.line : Infinity;
  const best = dBefore <= dAfter ? before : after;
  const d = Math.min(dBefore, dAfter);
  return best && d <= distance ? best : void 0;
}
function findKeyIds(text, lineOf) {
  const out = [];
  for (const m of accessKeyIdMatches(text)) {
    const id = m.value;
    if (isImplausibleKeyId(id)) continue;
    out.push({ value: id, start: m.index, end: m.index + id.length, line: lineOf(m.index), account: decodeAccountId(id) });
  }
  return out;
}
function accountListing(account, settings) {
  if (account === void 0) return "none";
  if (settings.denyAccountIds.includes(account)) return "deny";
  if (settings.allowAccountIds.includes(account)) return "allow";
  return "none";
}
function acceptSecretValue(value, line, keyIds, settings, checks) {
  if (!checks.looksLike(value) || isPlaceholder(value)) return false;
  const pair = nearestByLine(keyIds, line);
  const listing = accountListing(pair?.account, settings);
  if (listing === "allow") return false;
  if (listing !== "deny" && checks.isExample(value)) return false;
  return { pair };
}
var SharedKeywords = class extends RegExp {
  #lastText;
  #lastResult = false;
  #inner;
  constructor(source, flags = "") {
    super(source, flags);
    this.#inner = new RegExp(source, flags);
  }
  test(text) {
    if (text === this.#lastText) return this.#lastResult;
    this.#lastResult = this.#inner.test(text);
    this.#lastText = text;
    return this.#lastResult;
  }
};
var AnyKeywords = class extends RegExp {
  #parts;
  constructor(parts) {
    super(parts.map((p) => `(?:${p.source})`).join("|"), "i");
    this.#parts = parts;
  }
  test(text) {
    return this.#parts.some((p) => p.test(text));
  }
};
var KEY_LITERAL_KEYWORDS = new SharedKeywords("A(?:KIA|SIA|BIA|CCA|3T|QoD)|IQoJ|FwoG");
var CREDENTIAL_NAME_KEYWORDS = new SharedKeywords(
  CREDENTIAL_NAME_SETS.map((s) => s.coreSource).join("|"),
  "i"
);
var CREDENTIAL_KEYWORDS = new AnyKeywords([KEY_LITERAL_KEYWORDS, CREDENTIAL_NAME_KEYWORDS]);
var scans = /* @__PURE__ */ new WeakMap();
function credentialScan(document) {
  let scan = scans.get(document);
  if (!scan) {
    const { text } = document;
    scan = {
      // Both pre-filters are memoised per text: when a rule's keyword test already ran them
      // on this document, these checks are free, and each skips a whole-text scan when it fails.
      assignments: CREDENTIAL_NAME_KEYWORDS.test(text) ? findCredentialAssignments(text, CREDENTIAL_NAME_SETS) : [],
      keyIds: KEY_LITERAL_KEYWORDS.test(text) ? findKeyIds(text, (offset) => document.lines.lineOf(offset)) : []
    };
    scans.set(document, scan);
  }
  return scan;
}

// rules/no-committed-credentials-file.ts
var SHARED_FILE_KEYS = /* @__PURE__ */ new Set(["awsaccesskeyid", "awssecretaccesskey", "awssessiontoken", "awssecuritytoken"]);
var S3CMD_KEYS = /* @__PURE__ */ new Set(["accesskey", "secretkey"]);
var DOTENV_KEYS = /* @__PURE__ */ new Set(["awsaccesskeyid", "awssecretaccesskey"]);
var SECTION_SOURCE = "^[ \\t]*\\[([^\\]\\r\\n]+)\\][ \\t]*\\r?$";
var sectionPattern = () => new RegExp(SECTION_SOURCE, "gm");
var INI_LINE = /^[ \t]*(?:\[[^\]\r\n]+\]|[\w.\- ]+[ \t]*[=:].*|[#;].*)?\r?$/;
var S3CMD_MARKER = /^[ \t]*(?:host_base|host_bucket|signature_v2|gpg_command)[ \t]*=/m;
var INI_AWS_KEY_LINE = /^[ \t]*aws_(?:access_key_id|secret_access_key)[ \t]*[=:]/m;
var CONSOLE_CSV_HEADER = /^\uFEFF?[ \t]*(?:"?User name"?[ \t]*,[ \t]*(?:"?Password"?[ \t]*,[ \t]*)?)?"?Access key ID"?[ \t]*,[ \t]*"?Secret access key"?/i;
var SECRET_KIND = {
  "access-key-id": "access-key-id",
  "secret-access-key": "secret-access-key",
  "session-token": "session-token"
};
function lineStartOf(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function isLiteral(a) {
  return a.value.length > 0 && !isPlaceholder(a.value);
}
function looksLikeIni(text) {
  if (!(text.includes("aws_access_key_id") || text.includes("aws_secret_access_key")) || !INI_AWS_KEY_LINE.test(text)) return false;
  if (!sectionPattern().test(text)) return false;
  let meaningful = 0;
  let ini = 0;
  for (const line of text.split("\n", 5e3)) {
    if (line.trim() === "") continue;
    meaningful++;
    if (INI_LINE.test(line)) ini++;
  }
  return meaningful > 0 && ini / meaningful >= 0.8;
}
function splitCsvLine(line, lineStart) {
  const cells = [];
  let pos = 0;
  for (const raw of line.split(",")) {
    let s = pos;
    let e = pos + raw.length;
    while (s < e && /[\s"]/.test(line[s])) s++;
    while (e > s && /[\s"]/.test(line[e - 1])) e--;
    cells.push({ value: line.slice(s, e), start: lineStart + s, end: lineStart + e });
    pos += raw.length + 1;
  }
  return cells;
}
var no_committed_credentials_file_default = defineRule({
  id: "no-committed-credentials-file",
  description: "Disallow committing AWS credentials files, console access key downloads and dotenv files with AWS keys",
  fullDescription: "An AWS shared credentials or config file with keys (whatever its name), an .s3cfg or .boto with keys, the CSV the IAM console offers when an access key is created, or a dotenv file that sets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY to literal values does not belong in a repository: every clone, fork, CI cache and backup then holds a working key pair. This rule reports the practice, so it fires even on the AWS documentation example keys.",
  severity: "error",
  securitySeverity: 9,
  precision: "very-high",
  cwe: ["CWE-798", "CWE-538"],
  tags: ["security", "secrets", "aws"],
  // `shell` for direnv's `.envrc`: a committed file of exports loaded into every shell in the directory.
  kinds: ["aws-config", "text", "dotenv", "shell"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  // Shared with the other credential rules: one scan per document.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    credentialsFile: "AWS credentials file with static keys for {{profiles}} is committed; deactivate the keys, delete the file from the repository and its history, and keep credentials in ~/.aws outside any checkout",
    accessKeyCsv: "IAM console access key download ({{users}}) is committed; deactivate the key pair and delete the file from the repository and its history",
    dotenv: "dotenv file sets {{variables}} to literal values; deactivate the keys, remove them and let the SDK use an IAM role or a profile outside the repository"
  },
  recommendation: [
    "Deactivate the key pair in IAM first (a committed key must be treated as leaked), then delete the file and purge it ",
    "from history (`git filter-repo`, BFG). Add the file name to `.gitignore`. ",
    "Keep personal credentials in `~/.aws/credentials` outside any checkout \u2014 better, use `aws sso login` or a `credential_process` \u2014 ",
    "and give workloads an IAM role. For dotenv files, commit a `.env.example` with empty values or `${VAR}` references instead."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document } = context;
    if (document.kind === "dotenv" || document.kind === "shell" && !document.host && /(?:^|\/)\.envrc$/i.test(document.path)) {
      return checkDotenv(document, context.report);
    }
    if (document.kind === "shell") return;
    const { text } = document;
    if (CONSOLE_CSV_HEADER.test(text.trimStart())) return checkConsoleCsv(text, context.report);
    if (document.kind === "aws-config" || looksLikeIni(text)) return checkIni(document, context.report);
  }
});
function secretRanges(assignments) {
  return assignments.map((a) => ({ start: a.valueStart, end: a.valueEnd, kind: SECRET_KIND[a.kind] }));
}
function checkIni(document, report3) {
  const { text } = document;
  const s3cmd = S3CMD_MARKER.test(text) || /(?:^|\/)\.?s3cfg$/i.test(document.path);
  const keys = credentialScan(document).assignments.filter((a) => {
    if (a.syntax !== "assignment" || !isLiteral(a)) return false;
    if (text.slice(lineStartOf(text, a.nameStart), a.nameStart).trim() !== "") return false;
    const name = normalizeCredentialName(a.name);
    return SHARED_FILE_KEYS.has(name) || s3cmd && S3CMD_KEYS.has(name);
  });
  const first = keys[0];
  if (!first) return;
  const sections = [...text.matchAll(sectionPattern())].map((m) => ({ label: `[${m[1].trim()}]`, start: m.index }));
  const profiles = [];
  for (const key of keys) {
    let label = "(no section)";
    for (const s of sections) if (s.start < key.nameStart) label = s.label;
    if (!profiles.includes(label)) profiles.push(label);
  }
  report3({
    messageId: "credentialsFile",
    data: { profiles: profiles.join(", ") },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value
  });
}
function checkConsoleCsv(text, report3) {
  const lines = text.split("\n");
  let offset = 0;
  let header;
  const rows = [];
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, "");
    const cells = splitCsvLine(line, offset);
    offset += rawLine.length + 1;
    if (line.trim() === "") continue;
    if (!header) {
      header = cells.map((c) => c.value.replace(/^\uFEFF/, "").toLowerCase());
      continue;
    }
    const id = cells[header.indexOf("access key id")];
    const secret = cells[header.indexOf("secret access key")];
    const userIndex = header.indexOf("user name");
    const cell = [id, secret].find((c) => c !== void 0 && c.value.length > 0 && !isPlaceholder(c.value));
    if (!cell) continue;
    const secrets = [];
    if (id?.value) secrets.push({ start: id.start, end: id.end, kind: "access-key-id" });
    if (secret?.value) secrets.push({ start: secret.start, end: secret.end, kind: "secret-access-key" });
    rows.push({ user: userIndex >= 0 ? cells[userIndex]?.value : void 0, cell, secrets });
  }
  const first = rows[0];
  if (!first) return;
  const users = [...new Set(rows.map((r) => r.user).filter((u) => !!u))];
  report3({
    messageId: "accessKeyCsv",
    data: { users: users.length > 0 ? `user ${users.join(", ")}` : `${rows.length} key pair${rows.length === 1 ? "" : "s"}` },
    start: first.cell.start,
    end: first.cell.end,
    secrets: rows.flatMap((r) => r.secrets),
    identity: first.cell.value
  });
}
function checkDotenv(document, report3) {
  const { text } = document;
  const keys = credentialScan(document).assignments.filter((a) => {
    if (a.kind === "session-token") return false;
    if (a.syntax !== "assignment" || !isLiteral(a)) return false;
    if (!DOTENV_KEYS.has(normalizeCredentialName(a.name)) || !/^[A-Z_]+$/.test(a.name)) return false;
    return /^[ \t]*(?:export[ \t]+)?$/.test(text.slice(lineStartOf(text, a.nameStart), a.nameStart));
  });
  const first = keys[0];
  if (!first) return;
  report3({
    messageId: "dotenv",
    data: { variables: [...new Set(keys.map((k) => k.name))].join(" and ") },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value
  });
}

// src/iam/sensitive.ts
var CREDENTIAL_ACTIONS = new Set(
  [
    "iam:CreateAccessKey",
    "iam:UpdateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UploadSSHPublicKey",
    "sts:GetFederationToken",
    "sts:AssumeRole",
    "secretsmanager:GetSecretValue",
    "secretsmanager:BatchGetSecretValue",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "ssm:GetParameterHistory",
    "kms:Decrypt",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "rds-db:connect",
    "sso:GetRoleCredentials",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:DownloadDefaultKeyPair",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "codeartifact:GetAuthorizationToken",
    "cognito-identity:GetCredentialsForIdentity",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "ec2:GetPasswordData",
    "ec2-instance-connect:SendSSHPublicKey",
    "ec2-instance-connect:SendSerialConsoleSSHPublicKey",
    "eks:GetToken",
    "glue:GetConnection",
    "glue:GetConnections",
    "appsync:GetApiKey",
    "ds:ResetUserPassword",
    "cloud9:CreateEnvironmentToken"
  ].map((a) => a.toLowerCase())
);
var ESCALATION_PATHS = [
  { name: "create a new default version of a managed policy", actions: ["iam:CreatePolicyVersion"] },
  { name: "switch a managed policy to another version", actions: ["iam:SetDefaultPolicyVersion"] },
  { name: "create access keys for another user", actions: ["iam:CreateAccessKey"] },
  { name: "set a console password for another user", actions: ["iam:CreateLoginProfile"] },
  { name: "change another user's console password", actions: ["iam:UpdateLoginProfile"] },
  { name: "attach any policy to a user", actions: ["iam:AttachUserPolicy"] },
  { name: "attach any policy to a group", actions: ["iam:AttachGroupPolicy"] },
  { name: "attach any policy to a role and assume it", actions: ["iam:AttachRolePolicy", "sts:AssumeRole"] },
  { name: "write an inline policy on a user", actions: ["iam:PutUserPolicy"] },
  { name: "write an inline policy on a group", actions: ["iam:PutGroupPolicy"] },
  { name: "write an inline policy on a role and assume it", actions: ["iam:PutRolePolicy", "sts:AssumeRole"] },
  { name: "add a user to any group", actions: ["iam:AddUserToGroup"] },
  { name: "rewrite a role's trust policy and assume it", actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"] },
  { name: "pass a role to a new EC2 instance", actions: ["iam:PassRole", "ec2:RunInstances"], passTo: "ec2.amazonaws.com" },
  { name: "pass a role to a new Lambda function and invoke it", actions: ["iam:PassRole", "lambda:CreateFunction"], passTo: "lambda.amazonaws.com", anyOf: ["lambda:InvokeFunction", "lambda:CreateEventSourceMapping", "lambda:AddPermission"] },
  { name: "pass a role to a Glue development endpoint", actions: ["iam:PassRole", "glue:CreateDevEndpoint"], passTo: "glue.amazonaws.com" },
  { name: "pass a role to a Glue job", actions: ["iam:PassRole", "glue:CreateJob"], passTo: "glue.amazonaws.com", anyOf: ["glue:StartJobRun", "glue:CreateTrigger"] },
  { name: "pass a role to a CloudFormation stack", actions: ["iam:PassRole", "cloudformation:CreateStack"], passTo: "cloudformation.amazonaws.com" },
  { name: "pass a role to a Data Pipeline", actions: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], passTo: "datapipeline.amazonaws.com" },
  { name: "pass a role to a SageMaker notebook", actions: ["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"], passTo: "sagemaker.amazonaws.com" },
  { name: "pass a role to a CodeBuild project", actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"], passTo: "codebuild.amazonaws.com" },
  { name: "replace a Lambda function's code", actions: ["lambda:UpdateFunctionCode"] },
  { name: "rewrite an instance's user data and restart it", actions: ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"] },
  { name: "publish a launch template version with new user data", actions: ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"] },
  { name: "push an SSH key to any instance (EC2 Instance Connect)", actions: ["ec2-instance-connect:SendSSHPublicKey"] },
  { name: "run commands on instances with their roles (SSM)", actions: ["ssm:SendCommand"] },
  { name: "open a shell on instances with their roles (SSM)", actions: ["ssm:StartSession"] }
];

// rules/no-credential-exposure.ts
var no_credential_exposure_default = defineRule({
  id: "no-credential-exposure",
  description: 'Disallow actions that hand out credentials or secrets on Resource "*"',
  fullDescription: 'Actions such as `iam:CreateAccessKey`, `iam:CreateLoginProfile`, `sts:AssumeRole`, `sts:GetFederationToken`, `secretsmanager:GetSecretValue`, `ssm:GetParameter*`, `kms:Decrypt`, `rds-db:connect` or `redshift:GetClusterCredentials` return credentials or secrets. On `Resource: "*"` they reach every user, role, secret, parameter, key and database of the account: one compromised workload reads them all, or mints long-lived keys for any user.',
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-522", "CWE-732"],
  tags: ["security", "aws", "iam", "secrets", "credentials"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    credentialAction: "{{action}} on every resource hands out {{what}}: scope it to the {{types}} the workload needs"
  },
  recommendation: [
    "Scope the action to the resources the workload uses: `secretsmanager:GetSecretValue` on `!Ref DbSecret`, ",
    "`ssm:GetParameter*` on `arn:aws:ssm:<region>:<account>:parameter/app/*`, `kms:Decrypt` on the key ARN, ",
    "`sts:AssumeRole` on the role ARN, `iam:CreateAccessKey` on `arn:aws:iam::<account>:user/${aws:username}`."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html"
  ],
  defaultOptions: {},
  check(context) {
    const found = unscopedAllows(context.document);
    if (!found) return;
    const catalog2 = getCatalog();
    for (const { doc, statement: st } of found.allows) {
      for (const item of st.action.items) {
        if (item.state !== "known") continue;
        const pattern = item.value;
        if (isReportedWildcard(pattern)) continue;
        const hits = [...CREDENTIAL_ACTIONS].filter((id) => patternCovers(pattern, id) && catalog2.action(id)?.resourceTypes.length !== 0 && !undoneByDeny(found.model, doc, id));
        if (hits.length === 0) continue;
        const actions = hits.map((id) => catalog2.action(id)?.id ?? id);
        const first = catalog2.action(hits[0]);
        const types = [...new Set(hits.flatMap((id) => catalog2.action(id)?.resourceTypes.slice(0, 1) ?? []))].join(", ") || "resources";
        context.report({
          messageId: "credentialAction",
          data: { action: hasWildcard(pattern) ? `"${pattern}" (${actions.join(", ")})` : first?.id ?? pattern, what: whatItHandsOut(hits), types: `${types}${types === "resources" ? "" : " ARNs"}` },
          start: item.range.start,
          end: item.range.end,
          identity: `${doc.label}:${st.index}:${pattern}`
        });
      }
    }
  }
});
function whatItHandsOut(ids) {
  const id = ids[0];
  if (/^iam:(?:create|update)accesskey$/.test(id)) return "access keys for every IAM user of the account";
  if (/^iam:(?:create|update)loginprofile$/.test(id)) return "console passwords for every IAM user of the account";
  if (id.startsWith("iam:")) return "credentials for every IAM user of the account";
  if (id.startsWith("sts:assumerole")) return "the credentials of every role that trusts this account";
  if (id.startsWith("sts:")) return "temporary credentials";
  if (id.startsWith("secretsmanager:")) return "every secret of the account";
  if (id.startsWith("ssm:")) return "every parameter of the account, SecureString values included";
  if (id.startsWith("kms:")) return "the plaintext of everything encrypted with any key of the account";
  if (id.startsWith("rds-db:") || id.startsWith("redshift")) return "credentials for every database of the account";
  if (id.startsWith("ec2-instance-connect:") || id === "ec2:getpassworddata") return "login access to every instance of the account";
  return "credentials";
}

// src/iac/exposure.ts
function propertiesOf(node) {
  if (node.cfn) return node.cfn.properties;
  if (node.tf) return blockValue(node.tf);
  return node.plan?.values;
}
var blockCache = /* @__PURE__ */ new WeakMap();
function blockValue(b) {
  const hit = blockCache.get(b);
  if (hit) return hit;
  const entries = b.attributes().map((a) => ({
    key: a.name,
    keyRange: a.nameRange,
    get value() {
      return a.value();
    }
  }));
  const nested = /* @__PURE__ */ new Map();
  for (const nb of b.blocks()) {
    const e = nested.get(nb.type) ?? { keyRange: nb.typeRange, items: [] };
    e.items.push(blockValue(nb));
    nested.set(nb.type, e);
  }
  for (const [key, e] of nested) entries.push({ key, keyRange: e.keyRange, value: { kind: "list", items: e.items, range: e.keyRange } });
  const v = { kind: "map", entries, range: b.range };
  blockCache.set(b, v);
  return v;
}
function isTrue(v) {
  const s = knownString(v);
  return s !== void 0 && s.toLowerCase() === "true";
}
function targets(graph, v) {
  const out = [];
  for (const item of asList(v)) {
    const r = graph.resolve(item);
    if (r?.state === "node") out.push(r.node);
  }
  return out;
}
function refersTo(graph, v, node) {
  return targets(graph, v).includes(node);
}
var OPEN_CIDRS = /* @__PURE__ */ new Set(["0.0.0.0/0", "::/0"]);
function openIngress(graph, sg) {
  const props = propertiesOf(sg);
  const inline = sg.format === "cloudformation" ? asList(mapGet(props, "SecurityGroupIngress")) : asList(mapGet(props, "ingress"));
  const cidrKeys = sg.format === "cloudformation" ? ["CidrIp", "CidrIpv6"] : ["cidr_blocks", "ipv6_cidr_blocks"];
  const describe = (sgName, cidr) => `${sgName} allows inbound traffic from ${cidr}`;
  for (const rule of inline) {
    for (const key of cidrKeys) {
      for (const c of asList(mapGet(rule, key))) {
        const s = knownString(c);
        if (s && OPEN_CIDRS.has(s.trim())) return { range: valueTokenRange(c), message: describe(sg.id, s.trim()) };
      }
    }
  }
  for (const n of graph.nodes) {
    const p = propertiesOf(n);
    let group;
    let cidrs = [];
    if (n.type === "AWS::EC2::SecurityGroupIngress") {
      group = mapGet(p, "GroupId") ?? mapGet(p, "GroupName");
      cidrs = [mapGet(p, "CidrIp"), mapGet(p, "CidrIpv6")].filter((x) => x !== void 0);
    } else if (n.type === "aws_security_group_rule" && knownString(mapGet(p, "type")) === "ingress") {
      group = mapGet(p, "security_group_id");
      cidrs = [...asList(mapGet(p, "cidr_blocks")), ...asList(mapGet(p, "ipv6_cidr_blocks"))];
    } else if (n.type === "aws_vpc_security_group_ingress_rule") {
      group = mapGet(p, "security_group_id");
      cidrs = [mapGet(p, "cidr_ipv4"), mapGet(p, "cidr_ipv6")].filter((x) => x !== void 0);
    } else continue;
    if (!refersTo(graph, group, sg)) continue;
    for (const c of cidrs) {
      const s = knownString(c);
      if (s && OPEN_CIDRS.has(s.trim()) && n.local) return { range: valueTokenRange(c), message: describe(sg.id, s.trim()) };
    }
  }
  return void 0;
}
function securityGroupsOf(graph, node) {
  const p = propertiesOf(node);
  const data = node.format === "cloudformation" && node.kind === "launch-template" ? mapGet(p, "LaunchTemplateData") : p;
  const keys = node.format === "cloudformation" ? ["SecurityGroupIds", "SecurityGroups"] : ["vpc_security_group_ids", "security_groups"];
  const out = [];
  for (const k of keys) out.push(...targets(graph, mapGet(data, k)));
  const nics = asList(mapGet(data, node.format === "cloudformation" ? "NetworkInterfaces" : "network_interfaces"));
  for (const nic of nics) for (const k of node.format === "cloudformation" ? ["GroupSet", "Groups"] : ["security_groups"]) out.push(...targets(graph, mapGet(nic, k)));
  return [...new Set(out)].filter((n) => n.type === "AWS::EC2::SecurityGroup" || n.type === "aws_security_group");
}
function groupsLaunching(graph, node) {
  return graph.nodes.filter((n) => n.kind === "autoscaling-group" && graph.launchTemplatesOf(n).some((v) => graph.resolve(v)?.state === "node" && graph.resolve(v).node === node));
}
function publicAddress(graph, node) {
  const cfn = node.format === "cloudformation";
  const p = propertiesOf(node);
  const data = cfn && node.kind === "launch-template" ? mapGet(p, "LaunchTemplateData") : p;
  const nics = cfn ? asList(mapGet(data, "NetworkInterfaces")) : [...asList(mapGet(data, "network_interfaces")), ...asList(mapGet(data, "network_interface"))];
  const assocKey = cfn ? "AssociatePublicIpAddress" : "associate_public_ip_address";
  for (const holder of [data, ...nics]) {
    const e = mapEntry(holder, assocKey);
    if (e && isTrue(e.value)) return { range: valueTokenRange(e.value), message: `${node.id} gets a public IP address` };
  }
  if ([data, ...nics].some((h) => mapEntry(h, assocKey) && !isTrue(mapGet(h, assocKey)))) return void 0;
  const subnetValues = [mapGet(data, cfn ? "SubnetId" : "subnet_id"), ...nics.map((n) => mapGet(n, cfn ? "SubnetId" : "subnet_id"))].filter((v) => v !== void 0);
  for (const g of groupsLaunching(graph, node)) subnetValues.push(...asList(mapGet(propertiesOf(g), cfn ? "VPCZoneIdentifier" : "vpc_zone_identifier")));
  for (const subnet of targets(graph, subnetValues.length === 1 && subnetValues[0].kind === "list" ? subnetValues[0] : { kind: "list", items: subnetValues, range: node.nameRange })) {
    const e = mapEntry(propertiesOf(subnet), cfn ? "MapPublicIpOnLaunch" : "map_public_ip_on_launch");
    if (e && isTrue(e.value) && subnet.local) return { range: valueTokenRange(e.value), message: `${node.id} is launched into ${subnet.id}, which gives every instance a public IP address` };
  }
  if (node.kind === "instance") {
    for (const n of graph.nodes) {
      if (!n.local) continue;
      const key = n.type === "AWS::EC2::EIP" || n.type === "AWS::EC2::EIPAssociation" ? "InstanceId" : n.type === "aws_eip" ? "instance" : n.type === "aws_eip_association" ? "instance_id" : void 0;
      if (key && refersTo(graph, mapGet(propertiesOf(n), key), node)) return { range: n.nameRange, message: `${n.id} gives ${node.id} a public Elastic IP address` };
    }
    if (subnetValues.length === 0 && nics.length === 0) return { range: node.typeRange, message: `${node.id} names no subnet: it is launched into the default VPC, whose subnets give it a public IP address` };
  }
  return void 0;
}
function internetFacing(lb) {
  const p = propertiesOf(lb);
  if (lb.format === "cloudformation") {
    const scheme = mapGet(p, "Scheme");
    if (!scheme) return "default";
    return knownString(scheme) === "internet-facing" ? scheme : void 0;
  }
  const internal = mapGet(p, "internal");
  if (!internal) return "default";
  return knownString(internal) === "false" ? internal : void 0;
}
var LB_TYPES = /* @__PURE__ */ new Set(["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer", "aws_lb", "aws_alb", "aws_elb"]);
var TG_TYPES = /* @__PURE__ */ new Set(["AWS::ElasticLoadBalancingV2::TargetGroup", "aws_lb_target_group", "aws_alb_target_group"]);
var LISTENER_TYPES = /* @__PURE__ */ new Set(["AWS::ElasticLoadBalancingV2::Listener", "aws_lb_listener", "aws_alb_listener"]);
function publicLoadBalancer(graph, node) {
  const cfn = node.format === "cloudformation";
  const fronted = [node, ...groupsLaunching(graph, node)];
  const lbStep = (lb) => {
    const f = internetFacing(lb);
    if (!f || !lb.local) return void 0;
    return { range: f === "default" ? lb.nameRange : valueTokenRange(f), message: `${lb.id} is an internet-facing load balancer${f === "default" ? " (the default scheme)" : ""}` };
  };
  for (const lb of graph.nodes.filter((n) => LB_TYPES.has(n.type) && /ElasticLoadBalancing::|aws_elb/.test(n.type))) {
    const step = lbStep(lb);
    if (!step) continue;
    if (refersTo(graph, mapGet(propertiesOf(lb), cfn ? "Instances" : "instances"), node)) return [step, { range: lb.nameRange, message: `${lb.id} sends traffic to ${node.id}` }];
    for (const g of fronted.slice(1)) if (refersTo(graph, mapGet(propertiesOf(g), cfn ? "LoadBalancerNames" : "load_balancers"), lb)) return [step, { range: g.nameRange, message: `${lb.id} sends traffic to ${g.id}, which launches ${node.id}` }];
  }
  for (const tg of graph.nodes.filter((n) => TG_TYPES.has(n.type))) {
    let attach;
    const tp = propertiesOf(tg);
    for (const t of asList(mapGet(tp, "Targets"))) if (refersTo(graph, mapGet(t, "Id"), node)) attach = { range: valueTokenRange(mapGet(t, "Id")), message: `${tg.id} targets ${node.id}` };
    for (const a of graph.nodes) {
      if (attach) break;
      if ((a.type === "aws_lb_target_group_attachment" || a.type === "aws_alb_target_group_attachment") && refersTo(graph, mapGet(propertiesOf(a), "target_group_arn"), tg) && refersTo(graph, mapGet(propertiesOf(a), "target_id"), node)) attach = { range: a.nameRange, message: `${a.id} registers ${node.id} in ${tg.id}` };
      if (a.type === "aws_autoscaling_attachment" && refersTo(graph, mapGet(propertiesOf(a), "lb_target_group_arn"), tg) && fronted.slice(1).some((g) => refersTo(graph, mapGet(propertiesOf(a), "autoscaling_group_name"), g))) attach = { range: a.nameRange, message: `${a.id} registers the group launching ${node.id} in ${tg.id}` };
    }
    for (const g of fronted.slice(1)) if (!attach && refersTo(graph, mapGet(propertiesOf(g), cfn ? "TargetGroupARNs" : "target_group_arns"), tg)) attach = { range: g.nameRange, message: `${g.id} launches ${node.id} into ${tg.id}` };
    if (!attach) continue;
    for (const listener of graph.nodes.filter((n) => LISTENER_TYPES.has(n.type))) {
      const lp = propertiesOf(listener);
      const actions = asList(mapGet(lp, cfn ? "DefaultActions" : "default_action"));
      const forwards = actions.some((a) => refersTo(graph, mapGet(a, cfn ? "TargetGroupArn" : "target_group_arn"), tg) || asList(getPath(a, cfn ? ["ForwardConfig", "TargetGroups"] : ["forward", 0, "target_group"])).some((t) => refersTo(graph, mapGet(t, cfn ? "TargetGroupArn" : "arn"), tg)));
      if (!forwards) continue;
      for (const lb of targets(graph, mapGet(lp, cfn ? "LoadBalancerArn" : "load_balancer_arn"))) {
        const step = lbStep(lb);
        if (step) return [step, { range: listener.nameRange, message: `${listener.id} forwards to ${tg.id}` }, attach];
      }
    }
  }
  return void 0;
}
function exposureOf(graph, node) {
  const lb = publicLoadBalancer(graph, node);
  if (lb) return lb;
  const address = publicAddress(graph, node);
  if (!address) return void 0;
  const groups = [...securityGroupsOf(graph, node), ...groupsLaunching(graph, node).flatMap((g) => securityGroupsOf(graph, g))];
  for (const sg of groups) {
    const open = openIngress(graph, sg);
    if (open && sg.local) return [address, open];
  }
  return void 0;
}

// src/iam/danger.ts
var ESCALATIONS = [
  ["iam:CreatePolicyVersion"],
  ["iam:SetDefaultPolicyVersion"],
  ["iam:AttachRolePolicy"],
  ["iam:AttachUserPolicy"],
  ["iam:AttachGroupPolicy"],
  ["iam:PutRolePolicy"],
  ["iam:PutUserPolicy"],
  ["iam:PutGroupPolicy"],
  ["iam:UpdateAssumeRolePolicy"],
  ["iam:AddUserToGroup"],
  ["iam:PassRole", "ec2:RunInstances"],
  ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
  ["iam:PassRole", "cloudformation:CreateStack"],
  ["lambda:UpdateFunctionCode"],
  ["ssm:SendCommand"],
  ["ec2-instance-connect:SendSSHPublicKey"]
];
var BASELINE_GRANTS = /* @__PURE__ */ new Set(["AmazonSSMManagedInstanceCore\0ssm:getparameter", "AmazonSSMManagedInstanceCore\0ssm:getparameters"]);
function dangerOf(eff) {
  const { actions, total } = broadActions(eff);
  if (actions.length > 0 && actions.length === total) {
    const grant = allowedBroadly(eff, "*:*") ?? allowedBroadly(eff, "iam:CreateAccessKey");
    if (grant) return { kind: "admin", what: "has full administrative access (every action on every resource)", grant, action: "*" };
  }
  for (const path of ESCALATIONS) {
    const grants = path.map((a) => allowedBroadly(eff, getCatalog().action(a)?.id ?? a));
    if (grants.every((g) => g !== void 0)) return { kind: "escalation", what: `can grant itself any permission (${path.join(" + ")} on every resource)`, grant: grants[0], action: path[0] };
  }
  for (const id of CREDENTIAL_ACTIONS) {
    const action = getCatalog().action(id)?.id ?? id;
    const g = allowedBroadly(eff, action, void 0);
    if (g && !BASELINE_GRANTS.has(`${g.attached.document.managed ?? ""}\0${action.toLowerCase()}`)) return { kind: "credentials", what: `can hand out credentials or secrets (${action} on every resource)`, grant: g, action };
    if (g) {
      const other = eff.allows.find((x) => x !== g && !x.attached.document.managed && allowedBroadly({ ...eff, allows: [x] }, action));
      if (other) return { kind: "credentials", what: `can hand out credentials or secrets (${action} on every resource)`, grant: other, action };
    }
  }
  return void 0;
}
function grantRange(g, action) {
  if (g.attached.via === "aws-managed") return g.attached.range;
  if (g.attached.document.foreign) return void 0;
  const st = g.statement;
  const item = st.action?.items.find((i) => i.state === "known" && (action === "*" ? i.value === "*" : patternCovers(i.value, action)));
  return item?.range ?? st.notAction?.keyRange ?? st.action?.keyRange ?? st.effectRange;
}

// rules/no-credential-theft-path.ts
function hops(attr) {
  const s = knownString(attr?.value);
  return s !== void 0 && /^\d+$/.test(s.trim()) ? Number(s) : void 0;
}
function tokenlessMetadata(graph, node, bootstrap) {
  const options2 = graph.metadataOptionsOf(node);
  if (knownString(options2?.httpEndpoint?.value)?.toLowerCase() === "disabled") return void 0;
  const inherited = graph.launchTemplatesOf(node).length > 0;
  if (!options2) {
    if (inherited) return void 0;
    return [{ range: node.typeRange, message: `${node.id} sets no metadata options: the metadata service answers IMDSv1 requests, without a token, by default` }];
  }
  const tokens = options2.httpTokens;
  if (!tokens) return inherited ? void 0 : [{ range: options2.range, message: "the metadata options do not require tokens: IMDSv1 stays enabled" }];
  const value = knownString(tokens.value);
  if (value === void 0) return void 0;
  if (value.toLowerCase() !== "required") return [{ range: valueTokenRange(tokens.value), message: `http tokens "${value}": the metadata service answers IMDSv1 requests without a token` }];
  const limit = hops(options2.hopLimit);
  if (limit !== void 0 && limit > 1 && options2.hopLimit && bootstrap?.containers) {
    return [
      { range: valueTokenRange(options2.hopLimit.value), message: `hop limit ${limit}: the metadata token reaches processes ${limit - 1} network hop${limit > 2 ? "s" : ""} away` },
      { range: bootstrap.containers, message: "the user data starts containers, which reach the metadata service and its token through that hop limit" }
    ];
  }
  return void 0;
}
function summary(steps, node) {
  return steps.map((s) => s.message.startsWith(`${node.id} `) ? s.message.slice(node.id.length + 1) : s.message).join("; ");
}
var no_credential_theft_path_default = defineRule({
  id: "no-credential-theft-path",
  description: "Disallow instances where internet exposure, token-less instance metadata and a powerful role line up",
  fullDescription: "An instance reachable from the internet (a public address with a security group open to 0.0.0.0/0 or ::/0, or an internet-facing load balancer in front), whose metadata service answers without a session token (IMDSv1, or a hop limit above 1 with containers), and whose instance profile role can act as administrator, escalate its privileges or hand out credentials: one server-side request forgery in anything it serves yields credentials that own the account. That is the SSRF \u2192 IMDSv1 \u2192 role credentials \u2192 data chain behind real breaches.",
  severity: "error",
  securitySeverity: 9.6,
  precision: "high",
  cwe: ["CWE-918", "CWE-522", "CWE-269"],
  tags: ["security", "aws", "ec2", "imds", "iam", "ssrf"],
  kinds: ["cloudformation", "terraform"],
  keywords: /SecurityGroup|security_group|LoadBalanc|aws_lb|aws_alb|aws_elb/,
  messages: {
    theftPath: "{{resource}} is reachable from the internet ({{exposure}}), its metadata service answers without a token ({{metadata}}) and it runs as {{role}}, which {{danger}}: one SSRF on it hands out credentials to the account \u2014 require IMDSv2, and scope the role"
  },
  recommendation: [
    "Break the chain at every link you can: require IMDSv2 (`MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}`, ",
    '`metadata_options { http_tokens = "required" }`), give the role only what the instance uses (`credlint policy` ',
    "prints what its user data needs), and put the instance behind a load balancer in a private subnet instead of a ",
    "public IP with a security group open to the world."
  ].join(""),
  references: [
    "https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE_KINDS])) {
      const role = instanceRoleOf(context.document, graph, node);
      if (!role) continue;
      const exposure = exposureOf(graph, node);
      if (!exposure) continue;
      const danger = dangerOf(effectiveOf(role.principal));
      if (!danger) continue;
      const bootstrap = bootstrapOf(context.document, graph, node);
      const metadata = tokenlessMetadata(graph, node, bootstrap);
      if (!metadata) continue;
      const statement = grantRange(danger.grant, danger.action) ?? role.principal.range;
      const steps = [
        ...exposure.map((s) => ({ ...s.range, message: s.message })),
        ...bootstrap?.webServer ? [{ ...bootstrap.webServer, message: "the user data starts a web server: a request forgery surface" }] : [],
        ...metadata.map((s) => ({ ...s.range, message: s.message })),
        { ...settingRange(role.profileSetting), message: `${node.id} runs with instance profile ${role.profile.id}` },
        { ...valueTokenRange(role.roleSetting.value), message: `${role.profile.id} holds ${role.principal.label}` },
        { ...statement, message: `${danger.grant.attached.document.label}: ${role.principal.label} ${danger.what}` }
      ];
      context.report({
        messageId: "theftPath",
        data: {
          resource: describeNode(node),
          exposure: summary(exposure, node),
          metadata: summary(metadata.slice(0, 1), node),
          role: role.principal.label,
          danger: danger.what
        },
        start: node.nameRange.start,
        end: node.nameRange.end,
        identity: `${node.id}:theft-path`,
        related: steps,
        flow: true
      });
    }
  }
});

// src/detect/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = value.length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function charClasses(value) {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  return { upper, lower, digit, other };
}
function classOf(c) {
  if (c >= 65 && c <= 90) return 0;
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  return 3;
}
function classChangeRatio(value) {
  if (value.length < 2) return 0;
  let changes = 0;
  let prev = classOf(value.charCodeAt(0));
  for (let i = 1; i < value.length; i++) {
    const cls = classOf(value.charCodeAt(i));
    if (cls !== prev) changes++;
    prev = cls;
  }
  return changes / (value.length - 1);
}
function isHexOnly(value) {
  return /^[0-9a-fA-F]+$/.test(value);
}
var BASE64_VALUE = /^[A-Za-z0-9+/]+={0,2}$/;
function decodeBase64(value) {
  if (!BASE64_VALUE.test(value)) return void 0;
  const body = value.replace(/=+$/, "");
  if (body.length % 4 === 1) return void 0;
  return Buffer.from(body, "base64");
}
function isBase64OfText(value) {
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length < 8) return false;
  let printable = 0;
  for (const b of bytes) if (b >= 32 && b < 127 || b === 9 || b === 10 || b === 13) printable++;
  return printable / bytes.length >= 0.9;
}
function looksLikeWords(value) {
  const pieces = value.match(/[A-Z]?[a-z]{2,}/g) ?? [];
  let covered = 0;
  for (const p of pieces) {
    if (p.length >= 3 && /[aeiouy]/i.test(p) && /[bcdfghjklmnpqrstvwxz]/i.test(p)) covered += p.length;
  }
  return covered / value.length >= 0.7;
}
var SECRET_ACCESS_KEY_SHAPE = /^[A-Za-z0-9/+]{40}$/;
var SECRET_ACCESS_KEY_MIN_ENTROPY = 4;
var SECRET_ACCESS_KEY_MIN_CLASS_CHANGES = 0.3;
function looksLikeSecretAccessKey(value) {
  if (!SECRET_ACCESS_KEY_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  if (isHexOnly(value)) return false;
  if (shannonEntropy(value) < SECRET_ACCESS_KEY_MIN_ENTROPY) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (looksLikeWords(value)) return false;
  if (isBase64OfText(value)) return false;
  return true;
}
var SESSION_TOKEN_PREFIXES = ["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE", "AQoDYXdzE"];
var SESSION_TOKEN_SHAPE = /^[A-Za-z0-9+/]{100,}={0,2}$/;
function looksLikeSessionToken(value) {
  if (!SESSION_TOKEN_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  const known = SESSION_TOKEN_PREFIXES.some((p) => value.startsWith(p));
  if (shannonEntropy(value) < (known ? 4 : 4.5)) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (!known && (looksLikeWords(value) || isBase64OfText(value))) return false;
  return true;
}

// rules/no-credentials-in-environment.ts
var MIN_CREDENTIAL_LENGTH = 16;
var ACCESS_KEY_ID_EXACT = new RegExp(`^${ACCESS_KEY_ID_SOURCE}$`);
var WHAT = {
  "access-key-id": "access key id",
  "secret-access-key": "secret access key",
  "session-token": "session token",
  secret: "secret"
};
function keyShape(value, examples = false) {
  if (ACCESS_KEY_ID_EXACT.test(value)) {
    if (examples && isDocumentationExampleKeyId(value)) return "access-key-id";
    return isImplausibleKeyId(value) ? void 0 : "access-key-id";
  }
  if (looksLikeSecretAccessKey(value)) return !examples && isDocumentationExampleSecret(value) ? void 0 : "secret-access-key";
  if (looksLikeSessionToken(value)) return "session-token";
  return void 0;
}
function looksLike(kind, value) {
  return keyShape(value, true) === kind;
}
function classify(name, value) {
  const aws = awsCredentialVariableIgnoreCase(name.trim());
  if (aws) return value.length >= MIN_CREDENTIAL_LENGTH ? { messageId: "awsVariable", kind: aws } : void 0;
  const set = CREDENTIAL_NAME_SETS.find((s) => isCredentialName(name, s));
  if (set && looksLike(set.kind, value)) return { messageId: "keyLikeValue", kind: set.kind };
  return void 0;
}
function report2(context, entry, verdict2, text, range, secret) {
  context.report({
    messageId: verdict2.messageId,
    data: { name: entry.name, where: entry.where, value: displaySecret(text, verdict2.kind, context.settings), what: WHAT[verdict2.kind] },
    start: range.start,
    end: range.end,
    secrets: [{ start: secret.start, end: secret.end, kind: verdict2.kind }],
    identity: `${entry.where}:${entry.name}`
  });
}
function literalOf(entry) {
  const v = entry.value;
  if (v.kind !== "string" || v.hasPlaceholders) return void 0;
  let from = entry.slice?.[0] ?? 0;
  let to = entry.slice?.[1] ?? v.value.length;
  while (from < to && /\s/.test(v.value[from])) from++;
  while (to > from && /\s/.test(v.value[to - 1])) to--;
  if (to - from >= 2 && /["']/.test(v.value[from]) && v.value[to - 1] === v.value[from]) {
    from++;
    to--;
  }
  const text = v.value.slice(from, to);
  const whole = from === 0 && to === v.value.length;
  const raw = whole ? valueTokenRange(v) : substringRange(v, from, to);
  const range = entry.map ? entry.map(raw) : raw;
  const first = v.pieces?.[0];
  const last = v.pieces?.[v.pieces.length - 1];
  if (whole && !entry.map && !v.fromFile && first && last && (first.start < v.range.start || last.end > v.range.end)) {
    return { text, range: v.range, secret: { start: first.start, end: last.end } };
  }
  return { text, range, secret: range };
}
function checkEntry(context, entry) {
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text) || entry.reference?.test(literal.text)) return;
  const verdict2 = classify(entry.classifyAs ?? entry.name, literal.text);
  if (verdict2) report2(context, entry, verdict2, literal.text, literal.range, literal.secret);
}
function mapEntries(value, where, map) {
  if (value?.kind !== "map") return [];
  return value.entries.map((e) => ({ name: e.key, value: e.value, where, ...map ? { map } : {} }));
}
function pairEntries(list, where, keys, map) {
  const out = [];
  for (const item of asList(list)) {
    const name = knownString(mapGet(item, keys.name));
    const value = mapGet(item, keys.value);
    if (name !== void 0 && value) out.push({ name, value, where, ...map ? { map } : {} });
  }
  return out;
}
function structureOf(context, value) {
  if (!value) return void 0;
  if (value.kind === "map" || value.kind === "list") return { root: value };
  if (value.kind !== "string") return void 0;
  if (value.encoded) return { root: value.encoded };
  const head = value.value.trimStart()[0];
  if (head !== "[" && head !== "{") return void 0;
  const virtual = documentFromPieces(context.document, piecesOf(value), { kind: "text", language: "json", label: "JSON string", bootstrap: false });
  const root = parseYamlDocuments(virtual)[0];
  const host = virtual.host;
  if (!root || !host) return void 0;
  return { root, map: (r) => host.map.mapRange(r.start, r.end) };
}
function containerEntries(containers, where, cfn, map) {
  const k = cfn ? { name: "Name", env: "Environment", value: "Value" } : { name: "name", env: "environment", value: "value" };
  const out = [];
  for (const c of asList(containers)) {
    const cname = knownString(mapGet(c, k.name));
    const w = cname ? `${where}, container ${cname}` : where;
    out.push(...pairEntries(mapGet(c, k.env), w, { name: k.name, value: k.value }, map));
  }
  return out;
}
function batchEntries(props, where, cfn, maps = {}) {
  const key = (s) => cfn ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  const out = [];
  if (props.container) out.push(...pairEntries(mapGet(props.container, key("environment")), where, { name: key("name"), value: key("value") }, maps.container));
  for (const range of asList(mapGet(props.node, key("nodeRangeProperties")))) {
    out.push(...pairEntries(getPath(range, [key("container"), key("environment")]), where, { name: key("name"), value: key("value") }, maps.node));
  }
  for (const task of asList(mapGet(props.ecs, key("taskProperties")))) {
    out.push(...containerEntries(mapGet(task, key("containers")), where, cfn, maps.ecs));
  }
  return out;
}
var EB_ENV_NAMESPACE = "aws:elasticbeanstalk:application:environment";
function cloudFormationEntries(template) {
  const out = [];
  const globals = getPath(template.root, ["Globals", "Function", "Environment", "Variables"]);
  out.push(...mapEntries(globals, "SAM Globals.Function"));
  for (const r of template.resources) {
    const p = r.properties;
    if (!p) continue;
    switch (r.type) {
      case "AWS::Lambda::Function":
      case "AWS::Serverless::Function":
        out.push(...mapEntries(getPath(p, ["Environment", "Variables"]), `Lambda function ${r.logicalId}`));
        break;
      case "AWS::ECS::TaskDefinition":
        out.push(...containerEntries(mapGet(p, "ContainerDefinitions"), `ECS task definition ${r.logicalId}`, true));
        break;
      case "AWS::Batch::JobDefinition": {
        const props = {};
        const container = mapGet(p, "ContainerProperties");
        const node = mapGet(p, "NodeProperties");
        const ecs = mapGet(p, "EcsProperties");
        if (container) props.container = container;
        if (node) props.node = node;
        if (ecs) props.ecs = ecs;
        out.push(...batchEntries(props, `Batch job definition ${r.logicalId}`, true));
        break;
      }
      case "AWS::CodeBuild::Project":
        for (const v of asList(getPath(p, ["Environment", "EnvironmentVariables"]))) {
          if (!isPlaintextCodeBuildVariable(mapGet(v, "Type"))) continue;
          out.push(...pairEntries(v, `CodeBuild project ${r.logicalId}`, { name: "Name", value: "Value" }));
        }
        break;
      case "AWS::ElasticBeanstalk::Environment":
      case "AWS::ElasticBeanstalk::ConfigurationTemplate":
        for (const o of asList(mapGet(p, "OptionSettings"))) {
          if (knownString(mapGet(o, "Namespace")) !== EB_ENV_NAMESPACE) continue;
          out.push(...pairEntries(o, `Elastic Beanstalk ${r.type.endsWith("Environment") ? "environment" : "configuration template"} ${r.logicalId}`, { name: "OptionName", value: "Value" }));
        }
        break;
      case "AWS::AppRunner::Service": {
        const where = `App Runner service ${r.logicalId}`;
        const keys = { name: "Name", value: "Value" };
        out.push(...pairEntries(getPath(p, ["SourceConfiguration", "ImageRepository", "ImageConfiguration", "RuntimeEnvironmentVariables"]), where, keys));
        out.push(...pairEntries(getPath(p, ["SourceConfiguration", "CodeRepository", "CodeConfiguration", "CodeConfigurationValues", "RuntimeEnvironmentVariables"]), where, keys));
        break;
      }
      default:
        break;
    }
  }
  return out;
}
function isPlaintextCodeBuildVariable(type) {
  if (!type) return true;
  return knownString(type)?.toUpperCase() === "PLAINTEXT";
}
function cloudFormationSsmParameters(template) {
  const out = [];
  for (const r of template.resources) {
    if (r.type !== "AWS::SSM::Parameter" || !r.properties) continue;
    const value = mapGet(r.properties, "Value");
    if (!value) continue;
    out.push({ name: knownString(mapGet(r.properties, "Name")) ?? r.logicalId, type: knownString(mapGet(r.properties, "Type")), value });
  }
  return out;
}
function isBlock(n) {
  return typeof n.blocks === "function";
}
function tfChildren(n, name) {
  if (!n) return [];
  if (isBlock(n)) {
    const blocks = n.blocks(name);
    if (blocks.length > 0) return [...blocks];
    return asList(n.attribute(name)?.value()).filter((v) => v.kind === "map");
  }
  return asList(mapGet(n, name)).filter((v) => v.kind === "map");
}
function tfValue(n, name) {
  if (!n) return void 0;
  return isBlock(n) ? n.attribute(name)?.value() : mapGet(n, name);
}
function tfPath(n, path) {
  let current = n ? [n] : [];
  for (const step of path) current = current.flatMap((c) => tfChildren(c, step));
  return current;
}
function terraformEntries(context, blocks) {
  const out = [];
  for (const b of blocks) {
    const type = b.labels[0]?.value ?? "";
    const id = `${type}.${b.labels[1]?.value ?? ""}`;
    switch (type) {
      case "aws_lambda_function":
        for (const env of tfChildren(b, "environment")) out.push(...mapEntries(tfValue(env, "variables"), `Lambda function ${id}`));
        break;
      case "aws_ecs_task_definition": {
        const s = structureOf(context, tfValue(b, "container_definitions"));
        if (s) out.push(...containerEntries(s.root, `ECS task definition ${id}`, false, s.map));
        break;
      }
      case "aws_batch_job_definition": {
        const container = structureOf(context, tfValue(b, "container_properties"));
        const node = structureOf(context, tfValue(b, "node_properties"));
        const ecs = structureOf(context, tfValue(b, "ecs_properties"));
        const props = {};
        const maps = {};
        if (container) {
          props.container = container.root;
          if (container.map) maps.container = container.map;
        }
        if (node) {
          props.node = node.root;
          if (node.map) maps.node = node.map;
        }
        if (ecs) {
          props.ecs = ecs.root;
          if (ecs.map) maps.ecs = ecs.map;
        }
        out.push(...batchEntries(props, `Batch job definition ${id}`, false, maps));
        break;
      }
      case "aws_codebuild_project":
        for (const v of tfPath(b, ["environment", "environment_variable"])) {
          if (!isPlaintextCodeBuildVariable(tfValue(v, "type"))) continue;
          const name = knownString(tfValue(v, "name"));
          const value = tfValue(v, "value");
          if (name !== void 0 && value) out.push({ name, value, where: `CodeBuild project ${id}` });
        }
        break;
      case "aws_elastic_beanstalk_environment":
      case "aws_elastic_beanstalk_configuration_template":
        for (const s of tfChildren(b, "setting")) {
          if (knownString(tfValue(s, "namespace")) !== EB_ENV_NAMESPACE) continue;
          const name = knownString(tfValue(s, "name"));
          const value = tfValue(s, "value");
          if (name !== void 0 && value) out.push({ name, value, where: `Elastic Beanstalk ${type.endsWith("environment") ? "environment" : "configuration template"} ${id}` });
        }
        break;
      case "aws_apprunner_service": {
        const where = `App Runner service ${id}`;
        for (const c of tfPath(b, ["source_configuration", "image_repository", "image_configuration"])) out.push(...mapEntries(tfValue(c, "runtime_environment_variables"), where));
        for (const c of tfPath(b, ["source_configuration", "code_repository", "code_configuration", "code_configuration_values"])) out.push(...mapEntries(tfValue(c, "runtime_environment_variables"), where));
        break;
      }
      default:
        break;
    }
  }
  return out;
}
function terraformSsmParameters(blocks) {
  const out = [];
  for (const b of blocks) {
    if (b.labels[0]?.value !== "aws_ssm_parameter") continue;
    const name = knownString(b.attribute("name")?.value()) ?? `aws_ssm_parameter.${b.labels[1]?.value ?? ""}`;
    const type = knownString(b.attribute("type")?.value());
    for (const attr of ["value", "insecure_value"]) {
      const value = b.attribute(attr)?.value();
      if (value) out.push({ name, type: b.attribute("type") ? type : void 0, value });
    }
  }
  return out;
}
function checkSsmParameter(context, p, format2) {
  if (p.type === void 0 || !/^String(?:List)?$/.test(p.type)) return;
  const entry = { name: p.name.split("/").pop() ?? p.name, value: p.value, where: `SSM parameter ${p.name}` };
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text)) return;
  const kind = keyShape(literal.text) ?? classify(entry.name, literal.text)?.kind;
  if (!kind) return;
  context.report({
    messageId: "ssmParameter",
    data: { parameter: p.name, type: p.type, what: WHAT[kind], value: displaySecret(literal.text, kind, context.settings), store: format2 === "cloudformation" ? "the stack template" : "the Terraform state" },
    start: literal.range.start,
    end: literal.range.end,
    secrets: [{ start: literal.secret.start, end: literal.secret.end, kind }],
    identity: `ssm:${p.name}`
  });
}
var COMPOSE_ROOT = /^services[ \t]*:/m;
var K8S_API_VERSION = /^apiVersion[ \t]*:/m;
var K8S_KIND = /^kind[ \t]*:/m;
var ECS_JSON = /"containerDefinitions"\s*:/;
var K8S_JSON_API_VERSION = /"apiVersion"\s*:/;
var K8S_JSON_KIND = /"kind"\s*:/;
function composeEntries(root) {
  const services = mapGet(root, "services");
  if (services?.kind !== "map") return [];
  const out = [];
  for (const service of services.entries) {
    if (service.value.kind !== "map") continue;
    const where = `docker-compose service ${service.key}`;
    const env = mapGet(service.value, "environment");
    if (env?.kind === "map") out.push(...mapEntries(env, where));
    else if (env?.kind === "list") {
      for (const item of env.items) {
        if (item.kind !== "string") continue;
        const eq = item.value.indexOf("=");
        if (eq <= 0) continue;
        out.push({ name: item.value.slice(0, eq), value: item, where, slice: [eq + 1, item.value.length] });
      }
    }
  }
  return out;
}
function kubernetesEnvHolders(value, out, depth = 0) {
  if (!value || depth > 16) return;
  if (value.kind === "list") value.items.forEach((i) => kubernetesEnvHolders(i, out, depth + 1));
  if (value.kind !== "map") return;
  const env = mapGet(value, "env");
  if (env?.kind === "list" && env.items.some((i) => mapGet(i, "name") !== void 0)) out.push(value);
  for (const e of value.entries) if (e.key !== "env") kubernetesEnvHolders(e.value, out, depth + 1);
}
function kubernetesEntries(root) {
  const kind = knownString(mapGet(root, "kind"));
  if (!kind || mapGet(root, "apiVersion") === void 0) return [];
  const name = knownString(getPath(root, ["metadata", "name"]));
  const object = `Kubernetes ${kind}${name ? ` ${name}` : ""}`;
  if (kind === "Secret" || kind === "SealedSecret" || kind === "ExternalSecret") return [];
  if (kind === "ConfigMap") return mapEntries(mapGet(root, "data"), object);
  if (kind === "List") return asList(mapGet(root, "items")).flatMap(kubernetesEntries);
  const containers = [];
  for (const e of root.kind === "map" ? root.entries : []) if (e.key !== "metadata") kubernetesEnvHolders(e.value, containers);
  const out = [];
  for (const c of containers) {
    const cname = knownString(mapGet(c, "name"));
    const where = `${object}${cname ? `, container ${cname}` : ""}`;
    for (const item of asList(mapGet(c, "env"))) {
      if (mapGet(item, "valueFrom")) continue;
      out.push(...pairEntries(item, where, { name: "name", value: "value" }));
    }
  }
  return out;
}
var GITHUB_WORKFLOW_PATH = /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i;
var GITLAB_CI_NAME = /^(?:\.|.+\.)gitlab-ci\.ya?ml$/i;
var SERVERLESS_NAME2 = /^serverless\.ya?ml$/i;
var GITHUB_EXPRESSION = /\$\{\{/;
var GITLAB_EXPANSION = /\$(?:\{|[A-Za-z_])/;
var SERVERLESS_VARIABLE = /\$\{/;
var CREDENTIAL_NAME_IN_TEXT = /(?:secret|access)[\W_]{0,2}(?:access[\W_]{0,2})?key|(?:aws|s3)[\W_]{0,2}secret|(?:session|security)[\W_]{0,2}token/i;
function ciFormatOf(path) {
  const base = baseName(path.replace(/\\/g, "/"));
  if (GITHUB_WORKFLOW_PATH.test(path)) return "github-actions";
  if (GITLAB_CI_NAME.test(base)) return "gitlab-ci";
  if (SERVERLESS_NAME2.test(base)) return "serverless";
  return void 0;
}
var CONFIGURE_AWS_CREDENTIALS_INPUTS = /* @__PURE__ */ new Map([
  ["aws-access-key-id", "AWS_ACCESS_KEY_ID"],
  ["aws-secret-access-key", "AWS_SECRET_ACCESS_KEY"],
  ["aws-session-token", "AWS_SESSION_TOKEN"]
]);
function githubActionsEntries(root) {
  const reference = GITHUB_EXPRESSION;
  const env = (value, where) => mapEntries(value, where).map((e) => ({ ...e, reference }));
  const out = env(mapGet(root, "env"), "GitHub Actions workflow");
  const jobs = mapGet(root, "jobs");
  for (const job of jobs?.kind === "map" ? jobs.entries : []) {
    if (job.value.kind !== "map") continue;
    const where = `GitHub Actions workflow job ${job.key}`;
    out.push(...env(mapGet(job.value, "env"), where));
    out.push(...env(getPath(job.value, ["container", "env"]), `${where} container`));
    const services = mapGet(job.value, "services");
    for (const s of services?.kind === "map" ? services.entries : []) out.push(...env(mapGet(s.value, "env"), `${where} service ${s.key}`));
    for (const [i, step] of asList(mapGet(job.value, "steps")).entries()) {
      const stepWhere = `${where} step ${i + 1}`;
      out.push(...env(mapGet(step, "env"), stepWhere));
      const uses = knownString(mapGet(step, "uses"))?.trim().toLowerCase();
      if (!uses?.startsWith("aws-actions/configure-aws-credentials")) continue;
      const inputs = mapGet(step, "with");
      for (const e of inputs?.kind === "map" ? inputs.entries : []) {
        const classifyAs = CONFIGURE_AWS_CREDENTIALS_INPUTS.get(e.key.toLowerCase());
        if (classifyAs) out.push({ name: e.key, value: e.value, where: stepWhere, classifyAs, reference });
      }
    }
  }
  return out;
}
var GITLAB_GLOBAL_KEYWORDS = /* @__PURE__ */ new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec", "types"]);
function gitlabVariables(value, where) {
  if (value?.kind !== "map") return [];
  const out = [];
  for (const e of value.entries) {
    const v = e.value.kind === "map" ? mapGet(e.value, "value") : e.value;
    if (v) out.push({ name: e.key, value: v, where, reference: GITLAB_EXPANSION });
  }
  return out;
}
function gitlabRuleVariables(holder, where) {
  return asList(mapGet(holder, "rules")).flatMap((r) => gitlabVariables(mapGet(r, "variables"), where));
}
function gitlabEntries(root) {
  if (root.kind !== "map") return [];
  const out = [...gitlabVariables(mapGet(root, "variables"), "GitLab CI global variables")];
  out.push(...gitlabRuleVariables(mapGet(root, "workflow"), "GitLab CI workflow rules"));
  for (const e of root.entries) {
    if (GITLAB_GLOBAL_KEYWORDS.has(e.key) || e.value.kind !== "map") continue;
    const where = `GitLab CI job ${e.key}`;
    out.push(...gitlabVariables(mapGet(e.value, "variables"), where));
    out.push(...gitlabRuleVariables(e.value, `${where} rules`));
  }
  return out;
}
function serverlessEntries(doc, root) {
  const env = (value, where) => mapEntries(value, where).filter((e) => {
    const start = valueTokenRange(e.value).start;
    const before = doc.text.slice(Math.max(0, start - 60), start).split("\n").pop() ?? "";
    return !/![A-Za-z][\w:]*[ \t]+["']?$/.test(before);
  }).map((e) => ({ ...e, reference: SERVERLESS_VARIABLE }));
  const out = env(getPath(root, ["provider", "environment"]), "Serverless provider");
  const functions = mapGet(root, "functions");
  for (const f of functions?.kind === "map" ? functions.entries : []) out.push(...env(mapGet(f.value, "environment"), `Serverless function ${f.key}`));
  return out;
}
function ciEntries(context, format2) {
  const { document: doc } = context;
  if (!CREDENTIAL_NAME_IN_TEXT.test(doc.text)) return [];
  const out = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== "map") continue;
    if (format2 === "github-actions") out.push(...githubActionsEntries(root));
    else if (format2 === "gitlab-ci") out.push(...gitlabEntries(root));
    else out.push(...serverlessEntries(doc, root));
  }
  return out;
}
function textEntries(context) {
  const { document: doc } = context;
  const text = doc.text;
  if (doc.language === "json") {
    const ecs = ECS_JSON.test(text);
    const k8s2 = K8S_JSON_API_VERSION.test(text) && K8S_JSON_KIND.test(text);
    if (!ecs && !k8s2) return [];
    const root = parseYamlDocuments(doc)[0];
    if (!root) return [];
    const family = knownString(mapGet(root, "family"));
    return [
      ...ecs ? containerEntries(mapGet(root, "containerDefinitions"), `ECS task definition${family ? ` ${family}` : ""}`, false) : [],
      ...k8s2 ? kubernetesEntries(root) : []
    ];
  }
  if (doc.language !== "yaml") return [];
  const ci = ciFormatOf(doc.path);
  if (ci) return ciEntries(context, ci);
  const compose = COMPOSE_ROOT.test(text);
  const k8s = K8S_API_VERSION.test(text) && K8S_KIND.test(text);
  if (!compose && !k8s) return [];
  const out = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== "map") continue;
    if (compose) out.push(...composeEntries(root));
    if (k8s) out.push(...kubernetesEntries(root));
  }
  return out;
}
var no_credentials_in_environment_default = defineRule({
  id: "no-credentials-in-environment",
  description: "Disallow literal AWS credentials in the environment of Lambda, ECS, Batch, CodeBuild, Beanstalk, App Runner, compose, Kubernetes, GitHub Actions, GitLab CI and Serverless workloads",
  fullDescription: "Environment variables and plain SSM String parameters are configuration, not secret storage: they are shown in the console, returned by describe/get APIs, stored in plain text in the CloudFormation template or Terraform state, and visible to `docker inspect` and `kubectl get -o yaml`. Every one of these services runs with an IAM role (execution role, task role, service role, instance profile, IRSA), so static AWS keys in its environment are both unnecessary and exposed.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-526"],
  tags: ["security", "secrets", "aws", "lambda", "ecs", "kubernetes", "docker-compose", "github-actions", "gitlab-ci", "serverless"],
  kinds: ["cloudformation", "terraform", "text"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  // SSM parameters are checked by the shape of their value, whatever their name.
  keywords: /access.?key|secret|session.?token|security.?token|AKIA|ASIA|ABIA|ACCA|A3T|aws_ssm_parameter|AWS::SSM::Parameter/i,
  messages: {
    awsVariable: "{{name}} is set to a literal ({{value}}) in {{where}}: static AWS keys in a runtime environment are readable by anyone who can read the configuration; use the role of the workload instead",
    keyLikeValue: "{{name}} in {{where}} holds a literal AWS {{what}} ({{value}}): use the role of the workload, or a reference to Secrets Manager / SSM SecureString",
    ssmParameter: "SSM parameter {{parameter}} of type {{type}} stores an AWS {{what}} ({{value}}) in plain text (also in {{store}}): use a role; if a key is unavoidable, keep it in Secrets Manager or a SecureString created outside the code"
  },
  recommendation: [
    "Delete the key from the code, deactivate it and give the workload a role: the Lambda execution role, the ECS task ",
    "role, the Batch job role, the CodeBuild service role, the Beanstalk instance profile, the App Runner instance role, ",
    "IRSA / EKS Pod Identity in Kubernetes, an OIDC role (`role-to-assume`, `id_tokens`) in GitHub Actions and GitLab CI. ",
    "The AWS SDKs pick those up with no configuration. A key for a system outside ",
    "AWS belongs in Secrets Manager or an SSM SecureString, referenced by name: ECS `secrets`/`valueFrom`, CodeBuild ",
    '`type = "SECRETS_MANAGER"`, `{{resolve:secretsmanager:\u2026}}`, Kubernetes `valueFrom.secretKeyRef`, compose `env_file`, ',
    "`${{ secrets.X }}` in GitHub Actions, a masked CI/CD variable in GitLab, `${ssm:\u2026}` in Serverless."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-security",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
    "https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html",
    "https://kubernetes.io/docs/concepts/configuration/secret/",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === "cloudformation") {
      const template = parseCloudFormation(doc);
      if (!template) return;
      for (const entry of cloudFormationEntries(template)) checkEntry(context, entry);
      for (const p of cloudFormationSsmParameters(template)) checkSsmParameter(context, p, "cloudformation");
      if (ciFormatOf(doc.path) === "serverless") for (const entry of ciEntries(context, "serverless")) checkEntry(context, entry);
    } else if (doc.kind === "terraform") {
      if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return;
      const blocks = resourceBlocks(parseTerraform(doc));
      for (const entry of terraformEntries(context, blocks)) checkEntry(context, entry);
      for (const p of terraformSsmParameters(blocks)) checkSsmParameter(context, p, "terraform");
    } else {
      for (const entry of textEntries(context)) checkEntry(context, entry);
    }
  }
});

// rules/no-credentials-in-image.ts
function stagesInFinalImage(model) {
  const froms = model.instructions.filter((i) => i.keyword === "FROM" && !i.onbuild);
  const aliases = /* @__PURE__ */ new Map();
  froms.forEach((ins, index) => {
    const as = ins.args.findIndex((a) => a.value.toLowerCase() === "as");
    const alias = as >= 0 ? ins.args[as + 1]?.value : void 0;
    if (alias) aliases.set(alias.toLowerCase(), index);
  });
  const out = /* @__PURE__ */ new Set();
  let current = froms.length - 1;
  while (current !== void 0 && current >= 0 && !out.has(current)) {
    out.add(current);
    const base = froms[current]?.args[0]?.value.toLowerCase() ?? "";
    current = aliases.get(base) ?? (/^\d+$/.test(base) ? Number(base) : void 0);
  }
  return out;
}
function isCredentialSource(path, destination) {
  const clean = path.replace(/^["']|["']$/g, "").replace(/\/+$/, "");
  const segments = clean.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  const base = (segments.at(-1) ?? "").toLowerCase();
  if (segments.some((s) => s.toLowerCase() === ".aws")) return true;
  if (/(?:^|_)accesskeys\.csv$/.test(base) || base === "credentials.csv" || base === "new_user_credentials.csv") return true;
  if (base === ".boto" || base === "boto.cfg" || base === ".s3cfg") return true;
  if (base === "credentials" || base === "aws_credentials" || base === "aws-credentials") {
    return segments.length === 1 || isCredentialDestination(destination);
  }
  return false;
}
function isCredentialDestination(path) {
  return /(?:^|[\\/])\.aws(?:[\\/](?:credentials)?)?["']?$/i.test(path) || /(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)["']?$/i.test(path);
}
function literalValue2(token) {
  return token !== void 0 && token.value !== "" && !token.value.includes("$");
}
var no_credentials_in_image_default = defineRule({
  id: "no-credentials-in-image",
  description: "Disallow AWS credentials baked into container images through ENV, ARG, COPY or `aws configure` in RUN",
  fullDescription: "Everything a Dockerfile puts into an image can be read by anyone who can pull it: ENV values are stored in the image configuration, build arguments are recorded in `docker history` even without a default, files copied in stay in their layer even if a later step deletes them, and `RUN aws configure set aws_secret_access_key \u2026` writes ~/.aws/credentials into a layer. BuildKit secret mounts give a build step credentials without storing them, and running containers should get credentials from their task, pod or instance role.",
  severity: "error",
  securitySeverity: 8.5,
  precision: "high",
  cwe: ["CWE-798", "CWE-538"],
  tags: ["security", "aws", "docker", "secrets"],
  kinds: ["dockerfile", "shell", "user-data"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  // `aws … configure` (RUN), credential variables (ENV/ARG) and credential files (COPY/ADD); not
  // a bare `configure`, which every image built from source runs.
  keywords: new AnyOf([/AWS_|\.aws|credentials|\.boto\b|boto\.cfg|s3cfg|accessKeys/i, CONFIGURE_KEYWORDS]),
  messages: {
    envCredential: "`ENV {{name}}` stores an AWS credential in the image configuration, readable by anyone who can pull the image; give the container a task/pod/instance role instead",
    argCredential: "`ARG {{name}}` records the credential passed at build time in the image history; use `RUN --mount=type=secret,id=aws` for build steps that need AWS access",
    copyCredentials: "`{{instruction}}` copies AWS credentials ({{path}}) into an image layer, where they stay even if a later step deletes them; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials`",
    runConfigure: "`RUN aws configure` writes an access key to ~/.aws/credentials inside an image layer; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials` for the build step and a role at run time",
    builderStage: "`{{instruction}} {{name}}` puts an AWS credential into build stage {{stage}}: it is not in the final image but stays in the build cache and in any image built with `--target`; use `RUN --mount=type=secret,id=aws`"
  },
  recommendation: [
    "Never pass AWS keys into an image. For build steps that need AWS access, use a BuildKit secret mount: ",
    "`RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp \u2026` with ",
    "`docker build --secret id=aws,src=$HOME/.aws/credentials .` \u2014 the file exists only while that step runs. ",
    "At run time, let the container get credentials from its environment: an ECS task role, EKS Pod Identity or IRSA, ",
    "or the EC2 instance profile. Rotate any key that was ever built into an image: every pushed tag still holds it."
  ].join(""),
  references: [
    "https://docs.docker.com/build/building/secrets/",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
    "https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (doc.kind !== "dockerfile") {
      if (!enclosingDockerfile(doc)) return;
      if (!doc.bootstrap) return;
      for (const use of findConfigureCredentialUses(doc)) {
        context.report({
          messageId: "runConfigure",
          start: use.start,
          end: use.end,
          ...use.secret ? { secrets: [use.secret] } : {},
          identity: `run-configure:${use.form}:${use.key ?? ""}`
        });
      }
      return;
    }
    const model = dockerfile(doc);
    if (!model) return;
    const finalStages = stagesInFinalImage(model);
    for (const ins of model.instructions) {
      if (ins.keyword === "ENV" || ins.keyword === "ARG") {
        if (ins.keyword === "ARG" && ins.stage < 0 && !ins.onbuild) continue;
        for (const property of ins.properties) {
          const kind = awsCredentialVariable(property.name.value);
          if (!kind) continue;
          if (ins.keyword === "ENV" && (property.value === void 0 || property.value.value === "")) continue;
          const secrets = literalValue2(property.value) && property.value ? [{ start: property.value.start, end: property.value.end, kind }] : [];
          const inFinal = ins.onbuild || finalStages.has(ins.stage);
          const severity = inFinal ? void 0 : "warning";
          context.report({
            messageId: inFinal ? ins.keyword === "ENV" ? "envCredential" : "argCredential" : "builderStage",
            data: { name: property.name.value, instruction: ins.keyword, stage: String(ins.stage) },
            start: property.name.start,
            end: property.name.end,
            secrets,
            identity: `${ins.keyword}:${property.name.value}`,
            ...severity ? { severity } : {}
          });
        }
      } else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
        reportCopy(
          ins,
          doc.text,
          (start, end, path) => context.report({
            messageId: "copyCredentials",
            data: { instruction: ins.keyword, path },
            start,
            end,
            identity: `${ins.keyword}:${path}`,
            ...ins.onbuild || finalStages.has(ins.stage) ? {} : { severity: "warning" }
          })
        );
      }
    }
  }
});
function reportCopy(ins, text, report3) {
  const json = jsonStrings(text.slice(ins.argsStart, ins.end), ins.argsStart);
  let operands;
  if (json) operands = json;
  else {
    const firstLineEnd = text.indexOf("\n", ins.argsStart);
    const limit = ins.heredocs.length === 0 || firstLineEnd === -1 ? ins.end : firstLineEnd;
    operands = ins.args.filter((a) => a.start < limit);
  }
  if (operands.length < 2) return;
  const destination = operands.at(-1);
  const sources = operands.slice(0, -1);
  for (const source of sources) {
    if (source.value.startsWith("<<")) {
      if (isCredentialDestination(destination.value)) report3(destination.start, destination.end, destination.value);
      continue;
    }
    if (isCredentialSource(source.value, destination.value)) report3(source.start, source.end, source.value);
  }
}

// rules/no-hardcoded-access-key-id.ts
var KEY_TYPE_LABEL = {
  "long-term": "a long-term IAM user key",
  temporary: "a temporary STS key",
  other: "an AWS key"
};
var no_hardcoded_access_key_id_default = defineRule({
  id: "no-hardcoded-access-key-id",
  description: "Disallow AWS access key ids in source, configuration and scripts",
  fullDescription: "An AWS access key id (AKIA\u2026, ASIA\u2026, ABIA\u2026, ACCA\u2026, A3T\u2026) written into a file is half of a credential pair and is usually committed together with its secret. Anyone who can read the repository, an image layer or a build log can then act as that identity. Workloads should get short-lived credentials from an IAM role instead.",
  severity: "error",
  securitySeverity: 9,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // Key ids and STS headers, memoised per document and shared with the other credential
  // rules (see credential-context.ts), so enabling all of them adds one scan, not four.
  keywords: KEY_LITERAL_KEYWORDS,
  messages: {
    hardcoded: "AWS access key id {{key}} is hard-coded ({{keyType}}{{account}}); deactivate it and let the SDK load credentials from an IAM role"
  },
  recommendation: [
    "Deactivate and delete the key in IAM (it must be treated as leaked once committed), then remove it from the file and from history. ",
    "Give the workload an IAM role instead: an instance profile on EC2, a task role on ECS, an execution role on Lambda, ",
    "OIDC federation in CI. The AWS SDKs and CLI find those credentials through the default credential provider chain, ",
    "so the code needs no key at all."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { text } = context.document;
    const { allowAccountIds, denyAccountIds } = context.settings;
    for (const match of accessKeyIdMatches(text)) {
      const key = match.value;
      const account = decodeAccountId(key);
      const denied = account !== void 0 && denyAccountIds.includes(account);
      if (!denied) {
        if (isImplausibleKeyId(key)) continue;
        if (account !== void 0 && allowAccountIds.includes(account)) continue;
      }
      const start = match.index;
      const end = start + key.length;
      context.report({
        messageId: "hardcoded",
        data: {
          key: displaySecret(key, "access-key-id", context.settings),
          keyType: KEY_TYPE_LABEL[keyIdType(key)],
          account: account === void 0 ? "" : `, account ${account}`
        },
        start,
        end,
        secrets: [{ start, end, kind: "access-key-id" }],
        identity: key
      });
    }
  }
});

// src/parsers/code-tokens.ts
function codeFamilyOf(language) {
  switch (language) {
    case "python":
      return "python";
    case "rb":
      return "ruby";
    case "php":
      return "php";
    case "go":
      return "go";
    case "cs":
      return "csharp";
    case "java":
    case "rs":
    case "kt":
    case "kts":
    case "scala":
      return "c";
    default:
      return void 0;
  }
}
var IDENT_START = /[A-Za-z_$\u00c0-\uffff]/;
var IDENT_PART = /[A-Za-z0-9_$\u00c0-\uffff]/;
function tokenize(text, family) {
  const tokens = [];
  const n = text.length;
  let i = 0;
  const hashComments = family === "python" || family === "ruby" || family === "php";
  const slashComments = family !== "python" && family !== "ruby";
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "	" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (hashComments && c === "#" && !(family === "php" && text[i + 1] === "[")) {
      i = lineEnd(text, i);
      continue;
    }
    if (slashComments && c === "/" && text[i + 1] === "/") {
      i = lineEnd(text, i);
      continue;
    }
    if (slashComments && c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (family === "ruby" && c === "=" && text.startsWith("=begin", i) && (i === 0 || text[i - 1] === "\n")) {
      const close = text.indexOf("\n=end", i);
      i = close === -1 ? n : lineEnd(text, close + 1);
      continue;
    }
    const str = readString(text, i, family);
    if (str) {
      tokens.push(str);
      i = str.end;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(text[j])) j++;
      if (family === "ruby" && (text[j] === "?" || text[j] === "!") && text[j + 1] !== "=") j++;
      tokens.push({ type: "ident", value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(text[j])) j++;
      tokens.push({ type: "number", value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "::" || two === "=>" || two === "->" || two === ":=" || two === "==" || two === "**" || two === "!=") {
      tokens.push({ type: "punct", value: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    tokens.push({ type: "punct", value: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}
function lineEnd(text, from) {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl;
}
function readString(text, i, family) {
  let j = i;
  let raw = false;
  let interpolating = false;
  let verbatim = false;
  const c = text[i];
  if (family === "python") {
    const m = /^([rRbBuUfF]{1,2})?(?:'''|"""|'|")/.exec(text.slice(i, i + 5));
    if (!m) return void 0;
    const prefix = (m[1] ?? "").toLowerCase();
    if (m[1] && !/^(?:r|b|u|f|rb|br|fr|rf)$/.test(prefix)) return void 0;
    if (m[1] && i > 0 && IDENT_PART.test(text[i - 1])) return void 0;
    raw = prefix.includes("r");
    interpolating = prefix.includes("f");
    j = i + (m[1]?.length ?? 0);
  } else if (family === "csharp" && (c === "@" || c === "$")) {
    const m = /^(?:@\$|\$@|@|\$)"/.exec(text.slice(i, i + 3));
    if (!m) return void 0;
    verbatim = m[0].includes("@");
    interpolating = m[0].includes("$");
    j = i + m[0].length - 1;
  }
  const q = text[j];
  if (q !== '"' && q !== "'" && !(q === "`" && (family === "go" || family === "c"))) return void 0;
  if (family === "ruby" && q === "'") raw = true;
  if (family === "php" && q === "'") raw = true;
  if (family === "go" && q === "`") raw = true;
  const triple = (family === "python" || family === "c") && text.startsWith(q.repeat(3), j);
  const delim = triple ? q.repeat(3) : q;
  const contentStart = j + delim.length;
  let k = contentStart;
  let value = "";
  let isStatic = !interpolating;
  const n = text.length;
  while (k < n) {
    const ch = text[k];
    if (text.startsWith(delim, k)) {
      if (verbatim && text[k + 1] === '"') {
        value += '"';
        k += 2;
        continue;
      }
      return { type: "string", value, start: i, end: k + delim.length, contentStart, contentEnd: k, static: isStatic };
    }
    if (ch === "\n" && !triple && !verbatim && !(family === "go" && q === "`") && family !== "ruby" && family !== "php") {
      return { type: "string", value, start: i, end: k, contentStart, contentEnd: k, static: false };
    }
    if (ch === "\\" && !verbatim && !(family === "go" && q === "`")) {
      const next = text[k + 1] ?? "";
      if (raw) {
        if ((family === "ruby" || family === "php") && (next === q || next === "\\")) {
          value += next;
          k += 2;
          continue;
        }
        value += ch;
        k++;
        if (family === "python" && next) {
          value += next;
          k++;
        }
        continue;
      }
      const simple = { n: "\n", t: "	", r: "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "/": "/", $: "$", "`": "`" };
      if (next in simple) {
        value += simple[next];
        k += 2;
        continue;
      }
      isStatic = false;
      value += next;
      k += 2;
      continue;
    }
    if (!raw) {
      if (family === "ruby" && ch === "#" && text[k + 1] === "{" || family === "php" && ch === "$" && /[A-Za-z_{]/.test(text[k + 1] ?? "")) isStatic = false;
      if (family === "c" && q === "`" && ch === "$" && text[k + 1] === "{") isStatic = false;
    }
    if (interpolating && ch === "{") {
      if (text[k + 1] === "{") {
        value += "{";
        k += 2;
        continue;
      }
      isStatic = false;
    }
    value += ch;
    k++;
  }
  return { type: "string", value, start: i, end: n, contentStart, contentEnd: n, static: false };
}

// src/detect/sdk-credentials-code.ts
var SDK_CODE_KEYWORDS_SOURCE = String.raw`aws_access_key_id|aws_secret_access_key|aws_session_token|BasicAWSCredentials|BasicSessionCredentials|SessionAWSCredentials|AwsBasicCredentials|AwsSessionCredentials|NewStaticCredentials|AccessKeyID|Credentials\.new|access_key_id|secret_access_key|['"]credentials['"]|new\s+\\?(?:Aws\\Credentials\\)?Credentials\b|Amazon\w*Client\s*\(|set_credentials|from_keys|Credentials::new|accessKeySecret`;
var POSITIONAL = ["access-key-id", "secret-access-key", "session-token"];
function findCodeCredentials(text, family) {
  const tokens = tokenize(text, family);
  const constants = collectConstants(text, tokens, family);
  const out = [];
  const seen2 = /* @__PURE__ */ new Set();
  const add = (kind, api, arg) => {
    const resolved2 = staticArg(arg, constants, family);
    if (!resolved2 || resolved2.value.trim() === "") return;
    const key = `${resolved2.start}:${resolved2.end}`;
    if (seen2.has(key)) return;
    seen2.add(key);
    out.push({ kind, api, ...resolved2 });
  };
  switch (family) {
    case "python":
      matchKeywordArguments(tokens, { aws_access_key_id: "access-key-id", aws_secret_access_key: "secret-access-key", aws_session_token: "session-token" }, "=", () => true, add);
      matchBotocore(tokens, add);
      break;
    case "ruby":
      matchRuby(tokens, add);
      break;
    case "c":
      matchJava(tokens, add);
      break;
    case "csharp":
      matchDotnet(tokens, add);
      break;
    case "go":
      matchGo(tokens, add);
      break;
    case "php":
      matchPhp(tokens, add);
      break;
  }
  return out.sort((a, b) => a.start - b.start);
}
function isPunct(t, value) {
  return t !== void 0 && t.type === "punct" && t.value === value;
}
function isIdent(t, value) {
  return t !== void 0 && t.type === "ident" && (value === void 0 || t.value === value);
}
function argumentsAt(tokens, open) {
  const closer = { "(": ")", "[": "]", "{": "}" };
  const stack = [closer[tokens[open].value]];
  const args2 = [[]];
  let i = open + 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "punct") {
      if (t.value in closer) stack.push(closer[t.value]);
      else if (t.value === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) break;
      } else if (t.value === "," && stack.length === 1) {
        args2.push([]);
        continue;
      }
    }
    args2[args2.length - 1].push(t);
  }
  if (args2.length === 1 && args2[0].length === 0) args2.pop();
  return { args: args2, close: i };
}
function staticArg(arg, constants, family) {
  let parts = arg;
  if (family === "go" && parts.length === 2 && isPunct(parts[0], "&")) parts = parts.slice(1);
  if (parts.length !== 1) return void 0;
  const t = parts[0];
  if (t.type === "string") {
    if (!t.static) return void 0;
    return { value: t.value, valueStart: t.contentStart, valueEnd: t.contentEnd, start: t.contentStart, end: t.contentEnd };
  }
  if (t.type === "ident") {
    const c = constants.get(t.value);
    if (c) return { ...c, start: c.valueStart, end: c.valueEnd };
  }
  return void 0;
}
function collectConstants(text, tokens, family) {
  const out = /* @__PURE__ */ new Map();
  const record = (name, lit) => {
    out.set(name, out.has(name) ? null : lit);
  };
  const parens = [];
  let calls = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const name = tokens[i];
    const op = tokens[i + 1];
    if (isPunct(name, "(")) {
      const call = !(family === "go" && (isIdent(tokens[i - 1], "const") || isIdent(tokens[i - 1], "var")));
      parens.push(call);
      if (call) calls++;
    } else if (isPunct(name, ")")) {
      if (parens.pop()) calls--;
    }
    if (name.type !== "ident" || calls > 0) continue;
    if (family === "php" && isIdent(name, "define") && isPunct(op, "(")) {
      const { args: args2 } = argumentsAt(tokens, i + 1);
      const [k, v] = args2;
      if (args2.length === 2 && k?.length === 1 && k[0].type === "string" && v?.length === 1 && v[0].type === "string" && v[0].static) {
        record(k[0].value, literalOf2(v[0]));
      }
      continue;
    }
    const assigns = isPunct(op, "=") || family === "go" && isPunct(op, ":=");
    if (!assigns) continue;
    const before = tokens[i - 1];
    if (isPunct(before, ".") || isPunct(before, "->") || isPunct(before, "::")) continue;
    const value = tokens[i + 2];
    const after = tokens[i + 3];
    const endsStatement = after === void 0 || isPunct(after, ";") || isPunct(after, ",") || isPunct(after, ")") || text.slice(value.end, after.start).includes("\n");
    if (value.type === "string" && value.static && endsStatement) record(name.value, literalOf2(value));
    else record(name.value, null);
  }
  return out;
}
function literalOf2(t) {
  return { value: t.value, valueStart: t.contentStart, valueEnd: t.contentEnd };
}
function matchKeywordArguments(tokens, names, op, calleeOk, add) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isPunct(t, "(")) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee || !calleeOk(callee)) continue;
    const { args: args2 } = argumentsAt(tokens, i);
    for (const arg of args2) {
      const [name, sep2, ...value] = arg;
      const kind = name?.type === "ident" ? names[name.value] : void 0;
      if (kind && isPunct(sep2, op)) add(kind, callee, value);
    }
  }
}
function calleeBefore(tokens, open) {
  const parts = [];
  let j = open - 1;
  while (j >= 0) {
    const t = tokens[j];
    if (t.type !== "ident") break;
    parts.unshift(t.value);
    const sep2 = tokens[j - 1];
    if (!sep2 || !(isPunct(sep2, ".") || isPunct(sep2, "::") || isPunct(sep2, "\\") || isPunct(sep2, "->"))) break;
    parts.unshift(sep2.value);
    j -= 2;
  }
  if (parts.length === 0 || parts[0] === "." || parts[0] === "::" || parts[0] === "\\" || parts[0] === "->") {
    if (parts.length > 0) parts.shift();
  }
  return parts.length > 0 ? parts.join("") : void 0;
}
function matchPositional(tokens, i, api, add) {
  const { args: args2 } = argumentsAt(tokens, i);
  args2.slice(0, 3).forEach((arg, k) => add(POSITIONAL[k], api, arg));
}
function matchBotocore(tokens, add) {
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], "(")) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee) continue;
    const isSetter = callee.endsWith(".set_credentials");
    const isCredentials = callee === "credentials.Credentials" || callee.endsWith(".credentials.Credentials");
    if (!isSetter && !isCredentials) continue;
    const { args: args2 } = argumentsAt(tokens, i);
    const keywords = { access_key: "access-key-id", secret_key: "secret-access-key", token: "session-token" };
    args2.slice(0, 3).forEach((arg, k) => {
      const [name, sep2, ...value] = arg;
      if (name?.type === "ident" && isPunct(sep2, "=")) {
        if (keywords[name.value]) add(keywords[name.value], callee, value);
      } else {
        add(POSITIONAL[k], callee, arg);
      }
    });
  }
}
function matchJava(tokens, add) {
  const ctors = /* @__PURE__ */ new Set(["BasicAWSCredentials", "BasicSessionCredentials"]);
  const factories = /* @__PURE__ */ new Set(["AwsBasicCredentials", "AwsSessionCredentials"]);
  const builderMethods = { accessKeyId: "access-key-id", secretAccessKey: "secret-access-key", sessionToken: "session-token" };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isPunct(t, "(")) continue;
    const name = tokens[i - 1];
    if (!isIdent(name)) continue;
    if (ctors.has(name.value)) {
      matchPositional(tokens, i, name.value, add);
    } else if ((name.value === "from_keys" || name.value === "new") && isPunct(tokens[i - 2], "::") && isIdent(tokens[i - 3], "Credentials")) {
      matchPositional(tokens, i, `Credentials::${name.value}`, add);
    } else if (name.value === "create" && isPunct(tokens[i - 2], ".") && isIdent(tokens[i - 3]) && factories.has(tokens[i - 3].value)) {
      matchPositional(tokens, i, `${tokens[i - 3].value}.create`, add);
    } else if (builderMethods[name.value] && isPunct(tokens[i - 2], ".")) {
      for (let j = i - 3; j >= 0 && j > i - 40; j--) {
        const p = tokens[j];
        if (isPunct(p, ";") || isPunct(p, "{") || isPunct(p, "}")) break;
        if (p.type === "ident" && factories.has(p.value)) {
          const { args: args2 } = argumentsAt(tokens, i);
          if (args2.length === 1) add(builderMethods[name.value], `${p.value}.builder`, args2[0]);
          break;
        }
      }
    }
  }
}
function matchDotnet(tokens, add) {
  const ctors = /* @__PURE__ */ new Set(["BasicAWSCredentials", "SessionAWSCredentials"]);
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], "(")) continue;
    const name = tokens[i - 1];
    if (!isIdent(name)) continue;
    if (ctors.has(name.value)) {
      matchPositional(tokens, i, name.value, add);
    } else if (/^Amazon\w*Client$/.test(name.value) && isNewBefore(tokens, i - 1)) {
      const { args: args2 } = argumentsAt(tokens, i);
      const isString = (a) => a !== void 0 && a.length === 1 && (a[0].type === "string" || a[0].type === "ident");
      if (args2.length >= 3 && isString(args2[0]) && isString(args2[1])) {
        add("access-key-id", name.value, args2[0]);
        add("secret-access-key", name.value, args2[1]);
        if (args2.length >= 4 && args2[2].length === 1 && args2[2][0].type === "string") add("session-token", name.value, args2[2]);
      }
    }
  }
}
function isNewBefore(tokens, nameIndex2) {
  let j = nameIndex2 - 1;
  while (j >= 1 && isPunct(tokens[j], ".") && isIdent(tokens[j - 1])) j -= 2;
  return isIdent(tokens[j], "new");
}
function matchGo(tokens, add) {
  const fields = { AccessKeyID: "access-key-id", SecretAccessKey: "secret-access-key", SessionToken: "session-token" };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const name = tokens[i - 1];
    if (isPunct(t, "(") && isIdent(name) && (name.value === "NewStaticCredentials" || name.value === "NewStaticCredentialsProvider")) {
      matchPositional(tokens, i, name.value, add);
    } else if (isPunct(t, "{") && isIdent(name) && (name.value === "Value" || name.value === "Credentials") && isPunct(tokens[i - 2], ".")) {
      const api = `${tokens[i - 3]?.value ?? ""}.${name.value}`;
      const { args: args2 } = argumentsAt(tokens, i);
      for (const arg of args2) {
        const [field, colon, ...value] = arg;
        const kind = field?.type === "ident" ? fields[field.value] : void 0;
        if (kind && isPunct(colon, ":")) add(kind, api, value);
      }
    }
  }
}
function matchPhp(tokens, add) {
  const keys = { key: "access-key-id", secret: "secret-access-key", token: "session-token" };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isPunct(t, "(") && isIdent(tokens[i - 1], "Credentials")) {
      let j = i - 2;
      while (j >= 1 && isPunct(tokens[j], "\\") && isIdent(tokens[j - 1])) j -= 2;
      if (isPunct(tokens[j], "\\")) j--;
      if (isIdent(tokens[j], "new")) matchPositional(tokens, i, "new Credentials", add);
      continue;
    }
    if (t.type === "string" && isPunct(tokens[i + 1], "=>")) {
      const asyncAws = { accessKeyId: "access-key-id", accessKeySecret: "secret-access-key", sessionToken: "session-token" };
      const kind = asyncAws[t.value];
      if (kind) {
        const value = [];
        for (let j = i + 2; j < tokens.length && !isPunct(tokens[j], ",") && !isPunct(tokens[j], "]") && !isPunct(tokens[j], ")"); j++) value.push(tokens[j]);
        add(kind, "AsyncAws configuration", value);
        continue;
      }
    }
    if (t.type === "string" && t.value === "credentials" && isPunct(tokens[i + 1], "=>")) {
      let open = i + 2;
      if (isIdent(tokens[open], "array") && isPunct(tokens[open + 1], "(")) open++;
      else if (!isPunct(tokens[open], "[")) continue;
      const { args: args2 } = argumentsAt(tokens, open);
      for (const arg of args2) {
        const [k, arrow, ...value] = arg;
        const kind = k?.type === "string" ? keys[k.value] : void 0;
        if (kind && isPunct(arrow, "=>")) add(kind, "'credentials' =>", value);
      }
    }
  }
}
function matchRuby(tokens, add) {
  const labels = { access_key_id: "access-key-id", secret_access_key: "secret-access-key", session_token: "session-token" };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isPunct(t, "(")) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee || !callee.startsWith("Aws")) continue;
    if (callee === "Aws::Credentials.new" || callee === "Aws::Credentials::new") {
      matchPositional(tokens, i, "Aws::Credentials.new", add);
      continue;
    }
    const { args: args2 } = argumentsAt(tokens, i);
    for (const arg of args2) {
      const [a, b, c, ...rest] = arg;
      if (a?.type === "ident" && labels[a.value] && isPunct(b, ":")) add(labels[a.value], callee, [c, ...rest].filter(Boolean));
      else if (isPunct(a, ":") && b?.type === "ident" && labels[b.value] && isPunct(c, "=>")) add(labels[b.value], callee, rest);
    }
  }
}

// src/js/sdk-credentials.ts
var OBJECT_KEYS = {
  accessKeyId: "access-key-id",
  secretAccessKey: "secret-access-key",
  sessionToken: "session-token"
};
var POSITIONAL2 = ["access-key-id", "secret-access-key", "session-token"];
var CREDENTIALS_PROPERTIES = /* @__PURE__ */ new Set(["credentials", "masterCredentials"]);
var SDK_JS_KEYWORDS_SOURCE = String.raw`accessKeyId|secretAccessKey|(?<![\w$])Credentials\s*\(|(?:[./]|\[[^\]'"\x60]{0,64}?['"\x60]?)\s*AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN)\w*(?:['"\x60]?\s*\])?\s*=(?!=)`;
var cache8 = /* @__PURE__ */ new WeakMap();
function findSdkCredentials(program, text) {
  let found = cache8.get(program);
  if (!found) {
    found = analyse2(program, text);
    cache8.set(program, found);
  }
  return found;
}
function analyse2(program, text) {
  const scope = staticScopeOf(program);
  const parents = /* @__PURE__ */ new Map();
  const out = [];
  const seen2 = /* @__PURE__ */ new Set();
  const add = (slot) => {
    const key = `${slot.start}:${slot.end}`;
    if (seen2.has(key)) return;
    seen2.add(key);
    out.push(slot);
  };
  const claimed = /* @__PURE__ */ new Set();
  const nodes = [];
  walk(program, (node, parent) => {
    switch (node.type) {
      case "Property":
      case "AssignmentExpression":
      case "NewExpression":
        nodes.push(node);
        if (parent) parents.set(node, parent);
        break;
      case "CallExpression":
        nodes.push(node);
        break;
      case "ObjectExpression":
        if (parent) parents.set(node, parent);
        break;
    }
  });
  for (const node of nodes) {
    if (node.type === "Property" && !node.method && node.kind === "init") {
      const name = propertyKeyName(node, scope);
      if (name === void 0 || !CREDENTIALS_PROPERTIES.has(name)) continue;
      const owner = parents.get(node);
      if (!owner || owner.type !== "ObjectExpression") continue;
      const value = evaluate2(node.value, scope);
      const removal = { description: `Remove the \`${name}\` property and let the SDK's default provider chain find credentials`, ranges: [listItemRemoval(text, node, owner.properties)] };
      const api = `${apiNameOfObject(owner, parents, scope)} ${name}`;
      for (const obj of credentialObjects(value)) {
        claimed.add(obj.node);
        slotsOfObject(obj, api, removal, add);
      }
      const credentialsNew = unwrap(node.value);
      if (credentialsNew.type === "NewExpression") claimed.add(credentialsNew);
      continue;
    }
    if (node.type === "NewExpression" && isV2Credentials(node.callee, scope)) {
      const api = "new AWS.Credentials";
      const removal = removalOfCredentialsExpression(text, node, parents, scope);
      const first = node.arguments[0];
      if (node.arguments.length === 1 && first && first.type !== "SpreadElement") {
        const value = evaluate2(first, scope);
        if (value.kind === "object") slotsOfObject(value, api, removal, add);
        continue;
      }
      node.arguments.forEach((arg, i) => {
        const kind = POSITIONAL2[i];
        if (!kind || arg.type === "SpreadElement") return;
        slotOfValue(kind, evaluate2(arg, scope), api, removal, add);
      });
      continue;
    }
    if (node.type === "AssignmentExpression" && node.operator === "=" && node.left.type === "MemberExpression") {
      const left = node.left;
      const name = memberName(left, scope);
      if (name === void 0) continue;
      const statement = parents.get(node);
      const removal = {
        description: "Remove this assignment and let the SDK's default provider chain find credentials",
        ranges: [statement?.type === "ExpressionStatement" ? statementRemoval(text, statement) : node.range]
      };
      const target = qualifiedName(left.object, scope);
      if (target && target.module === void 0 && target.path.join(".") === "process.env") {
        const kind = awsCredentialVariable(name);
        if (kind === "access-key-id" || kind === "secret-access-key" || kind === "session-token") {
          slotOfValue(kind, evaluate2(node.right, scope), `process.env.${name}`, removal, add);
        }
        continue;
      }
      if (!target || !isConfigObject(target)) continue;
      if (CREDENTIALS_PROPERTIES.has(name)) {
        for (const obj of credentialObjects(evaluate2(node.right, scope))) {
          claimed.add(obj.node);
          slotsOfObject(obj, "AWS.config.credentials", removal, add);
        }
        const rhs = unwrap(node.right);
        if (rhs.type === "NewExpression") claimed.add(rhs);
      } else if (OBJECT_KEYS[name]) {
        slotOfValue(OBJECT_KEYS[name], evaluate2(node.right, scope), `AWS.config.${name}`, removal, add);
      }
    }
  }
  for (const node of nodes) {
    if (node.type !== "CallExpression" && node.type !== "NewExpression") continue;
    if (claimed.has(node) || !isSdkCallee(node, scope)) continue;
    const api = calleeLabel(node.callee, scope);
    for (const arg of node.arguments) {
      if (arg.type === "SpreadElement") continue;
      const value = evaluate2(arg, scope);
      if (value.kind !== "object" || claimed.has(value.node) || !hasCredentialKey(value)) continue;
      const removal = {
        description: "Remove the credential properties and let the SDK's default provider chain find credentials",
        ranges: credentialPropertyRemovals(text, value)
      };
      slotsOfObject(value, api, removal, add);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
function credentialObjects(value) {
  if (value.kind === "object") return hasCredentialKey(value) ? [value] : [];
  if (value.kind === "function") return value.returns.flatMap(credentialObjects);
  return [];
}
function hasCredentialKey(value) {
  return value.properties.has("accessKeyId") || value.properties.has("secretAccessKey");
}
function slotsOfObject(obj, api, removal, add) {
  for (const [key, kind] of Object.entries(OBJECT_KEYS)) {
    const prop = obj.properties.get(key);
    if (!prop) continue;
    slotOfValue(kind, prop.value, api, removal, add);
  }
}
function slotOfValue(kind, value, api, removal, add) {
  if (value.kind !== "string" || value.value.trim() === "") return;
  const [valueStart, valueEnd] = contentRange(value.node);
  add({ kind, api, value: value.value, start: valueStart, end: valueEnd, valueStart, valueEnd, removal });
}
function contentRange(node) {
  const [s, e] = node.range;
  if ((node.type === "Literal" || node.type === "TemplateLiteral") && e - s >= 2) return [s + 1, e - 1];
  return [s, e];
}
var V2_MODULE = /^aws-sdk(?:\/|$)/;
function isV2Credentials(callee, scope) {
  const q = qualifiedName(callee, scope);
  if (!q) return false;
  const last = q.path[q.path.length - 1];
  if (last !== "Credentials") return false;
  if (q.module === void 0) return q.path.length === 2 && q.path[0] === "AWS";
  return V2_MODULE.test(q.module);
}
function isConfigObject(q) {
  if (q.module === void 0) return q.path.length === 2 && q.path[0] === "AWS" && q.path[1] === "config";
  return V2_MODULE.test(q.module) && q.path[q.path.length - 1] === "config";
}
var SDK_MODULE = /^(?:aws-sdk(?:\/|$)|@aws-sdk\/|@smithy\/|aws4$|aws4fetch$|@aws-crypto\/)/;
function isSdkCallee(node, scope) {
  const q = qualifiedName(node.callee, scope);
  if (q?.module !== void 0 && SDK_MODULE.test(q.module)) return true;
  if (q && q.module === void 0 && q.path[0] === "AWS") return true;
  if (node.type === "NewExpression") {
    const last = q?.path[q.path.length - 1] ?? (node.callee.type === "Identifier" ? node.callee.name : void 0);
    if (last !== void 0 && /Client$/.test(last)) return true;
  }
  return false;
}
function calleeLabel(callee, scope) {
  const q = qualifiedName(callee, scope);
  if (q && q.path.length > 0) return q.path.filter((p) => p !== "default").join(".") || "the SDK";
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") {
    const name = memberName(callee, scope);
    if (name) return name;
  }
  return "the SDK";
}
function apiNameOfObject(obj, parents, scope) {
  const parent = parents.get(obj);
  if (parent && (parent.type === "NewExpression" || parent.type === "CallExpression")) return calleeLabel(parent.callee, scope);
  return "client configuration";
}
function removalOfCredentialsExpression(text, node, parents, scope) {
  const parent = parents.get(node);
  if (parent?.type === "Property" && parent.value === node) {
    const owner = parents.get(parent);
    const name = propertyKeyName(parent, scope);
    if (owner?.type === "ObjectExpression" && name !== void 0 && CREDENTIALS_PROPERTIES.has(name)) {
      return { description: `Remove the \`${name}\` property and let the SDK's default provider chain find credentials`, ranges: [listItemRemoval(text, parent, owner.properties)] };
    }
  }
  if (parent?.type === "AssignmentExpression" && parent.right === node) {
    const statement = parents.get(parent);
    if (statement?.type === "ExpressionStatement") {
      return { description: "Remove this assignment and let the SDK's default provider chain find credentials", ranges: [statementRemoval(text, statement)] };
    }
  }
  const first = node.arguments[0];
  const last = node.arguments[node.arguments.length - 1];
  return {
    description: "Remove the static key arguments",
    ranges: first && last ? [[first.range[0], last.range[1]]] : []
  };
}
function credentialPropertyRemovals(text, obj) {
  const objectNode = obj.node;
  if (objectNode.type !== "ObjectExpression") return [];
  const props = objectNode.properties;
  const remove = /* @__PURE__ */ new Set();
  for (const key of Object.keys(OBJECT_KEYS)) {
    const p = obj.properties.get(key)?.property;
    if (p && props.includes(p)) remove.add(p);
  }
  const ranges = [];
  let i = 0;
  while (i < props.length) {
    if (!remove.has(props[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < props.length && remove.has(props[j + 1])) j++;
    const next = props[j + 1];
    const prev = props[i - 1];
    if (next) ranges.push([props[i].range[0], next.range[0]]);
    else if (prev && !remove.has(prev)) ranges.push([prev.range[1], props[j].range[1] + trailingComma(text, props[j].range[1])]);
    else ranges.push([props[i].range[0], props[j].range[1] + trailingComma(text, props[j].range[1])]);
    i = j + 1;
  }
  return ranges;
}
function trailingComma(text, at) {
  const m = /^[ \t]*,/.exec(text.slice(at, at + 64));
  return m ? m[0].length : 0;
}
function listItemRemoval(text, item, list) {
  const i = list.indexOf(item);
  const next = list[i + 1];
  if (next) return [item.range[0], next.range[0]];
  const prev = list[i - 1];
  if (prev) return [prev.range[1], item.range[1] + trailingComma(text, item.range[1])];
  return [item.range[0], item.range[1] + trailingComma(text, item.range[1])];
}
function statementRemoval(text, statement) {
  const [s, e] = statement.range;
  const lineStart = text.lastIndexOf("\n", s - 1) + 1;
  const after = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(e, e + 256));
  if (/^[ \t]*$/.test(text.slice(lineStart, s)) && after) return [lineStart, e + after[0].length];
  return [s, e];
}

// rules/no-hardcoded-sdk-credentials.ts
var JS_KEYWORDS = new RegExp(SDK_JS_KEYWORDS_SOURCE);
var CODE_KEYWORDS = new RegExp(SDK_CODE_KEYWORDS_SOURCE);
var SLOT_LABEL = {
  "access-key-id": "An access key id",
  "secret-access-key": "A secret access key",
  "session-token": "A session token"
};
function sdkCredentialSlots(doc) {
  if (doc.kind === "javascript") {
    if (!JS_KEYWORDS.test(doc.text)) return [];
    const program = programFor(doc);
    return program ? findSdkCredentials(program, doc.text) : [];
  }
  const family = codeFamilyOf(doc.language);
  return family && CODE_KEYWORDS.test(doc.text) ? findCodeCredentials(doc.text, family) : [];
}
function looksLive(kind, value) {
  if (isPlaceholder(value)) return false;
  switch (kind) {
    case "access-key-id": {
      const m = value.match(accessKeyIdPattern());
      return m !== null && m[0] === value && !isImplausibleKeyId(value) && !isDocumentationExampleKeyId(value);
    }
    case "secret-access-key":
      return /^[A-Za-z0-9/+]{40}$/.test(value) && !isDocumentationExampleSecret(value);
    case "session-token":
      return value.length >= 100 && !isDocumentationExampleToken(value);
  }
}
var no_hardcoded_sdk_credentials_default = defineRule({
  id: "no-hardcoded-sdk-credentials",
  description: "Disallow static credentials passed to AWS SDK clients in code",
  fullDescription: "Code that passes an access key id, a secret access key or a session token to an AWS SDK client, a credentials object or the process environment bypasses the default credential provider chain, which finds short-lived credentials from the environment, the shared config (SSO), the container or the instance role by itself. Even a placeholder in that slot means the code is written to carry keys.",
  severity: "error",
  securitySeverity: 8.5,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws", "sdk"],
  kinds: ["javascript", "text"],
  // A coarse superset of every language's keywords (one short alternation scans ~3x faster than
  // their union); each language then applies its exact pre-filter before any parse or tokenizing
  // (JS/TS needs a parse, and @typescript-eslint/parser is loaded only then).
  keywords: /(?:[Aa]ccess|ecret)_?[A-Z]?[a-z]*[Kk]ey|redentials|AWS_|aws_|from_keys|Amazon\w*Client/,
  messages: {
    hardcoded: "{{slot}} is hard-coded in {{api}}; remove it and let the SDK's default credential provider chain (environment, SSO, container or instance role) supply credentials",
    placeholder: "{{slot}} slot in {{api}} holds a placeholder or example value; the code still bypasses the SDK's default credential provider chain"
  },
  recommendation: [
    "Remove the credentials from the client configuration and rely on the default credential provider chain: ",
    "an instance profile on EC2, a task role on ECS, an execution role on Lambda, `aws sso login` or environment ",
    "variables on a workstation, OIDC federation in CI. If a key was committed, deactivate it in IAM first."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    "https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html",
    "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html",
    "https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials.html",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  // One finding per value: a key written into an SDK slot is reported here, under the more
  // specific id, instead of also by the generic key rules at the same range.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  defaultOptions: {},
  check(context) {
    for (const slot of sdkCredentialSlots(context.document)) {
      const live = looksLive(slot.kind, slot.value);
      const severity = live ? void 0 : "warning";
      context.report({
        messageId: live ? "hardcoded" : "placeholder",
        data: { slot: SLOT_LABEL[slot.kind], api: slot.api },
        start: slot.start,
        end: slot.end,
        ...live ? { secrets: [{ start: slot.valueStart, end: slot.valueEnd, kind: slot.kind }] } : {},
        identity: `${slot.kind}\0${slot.value}`,
        ...severity ? { severity } : {}
      });
    }
  }
});

// rules/no-hardcoded-secret-access-key.ts
var no_hardcoded_secret_access_key_default = defineRule({
  id: "no-hardcoded-secret-access-key",
  description: "Disallow AWS secret access keys in source, configuration and scripts",
  fullDescription: "An AWS secret access key written into a file \u2014 assigned to a credential name in code or configuration, passed as a CLI flag, or pasted next to its access key id \u2014 lets anyone who can read the repository, an image layer or a build log sign requests as that IAM identity until the key is deactivated. Workloads should get short-lived credentials from an IAM role instead.",
  severity: "error",
  securitySeverity: 9.5,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // A secret is found by its name (`…secret…`) or next to a key id; files with neither are
  // skipped unread. The pre-filter and the name scan are shared with the other credential rules.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    hardcoded: "AWS secret access key {{secret}} is hard-coded ({{context}}); deactivate the key pair and let the SDK load credentials from an IAM role"
  },
  recommendation: [
    "Deactivate and delete the key pair in IAM: once committed it must be treated as leaked, even after the file is fixed. ",
    "Remove the value from the file and from the repository history. ",
    "Then give the workload an IAM role (an instance profile on EC2, a task role on ECS, an execution role on Lambda, ",
    "OIDC federation in CI); the AWS SDKs and CLI pick those credentials up through the default credential provider chain. ",
    "Where a static secret is truly unavoidable, read it at run time from AWS Secrets Manager or SSM Parameter Store, never from the source."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document, settings } = context;
    const { text } = document;
    const lineOf = (offset) => document.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document);
    const seen2 = /* @__PURE__ */ new Set();
    const consider = (value, start, end, label) => {
      if (seen2.has(start)) return;
      seen2.add(start);
      const verdict2 = acceptSecretValue(value, lineOf(start), keyIds, settings, {
        looksLike: looksLikeSecretAccessKey,
        isExample: isDocumentationExampleSecret
      });
      if (!verdict2) return;
      const { pair } = verdict2;
      const where = label !== void 0 ? `assigned to ${label}` : `next to access key id ${displaySecret(pair?.value ?? "", "access-key-id", settings)}`;
      context.report({
        messageId: "hardcoded",
        data: { secret: displaySecret(value, "secret-access-key", settings), context: where },
        start,
        end,
        secrets: [{ start, end, kind: "secret-access-key" }],
        identity: value
      });
    };
    for (const a of assignments) {
      if (a.kind !== "secret-access-key") continue;
      const value = decodeSecretEscapes(a.value);
      if (value.length === 40) consider(value, a.valueStart, a.valueEnd, a.name.replace(/^-+/, ""));
    }
    for (const c of secretCandidatesNearAny(text, keyIds.map((id) => id.start), looksLikeSecretAccessKey)) consider(c.value, c.start, c.end, void 0);
  }
});

// rules/no-hardcoded-session-token.ts
var PREFIXED_TOKEN = new RegExp(
  `(?<![A-Za-z0-9+/])(?:${SESSION_TOKEN_PREFIXES.join("|")})[A-Za-z0-9+/]{84,}={0,2}(?![A-Za-z0-9+/=])`,
  "g"
);
function inPresignedUrl(text, keyIds, start, end, line) {
  if (!/[?&]x-amz-security-token=$/i.test(text.slice(Math.max(0, start - 22), start))) return false;
  if (/^&(?:[\w-]+=[^&\s"'<>]*&){0,8}x-amz-signature=[0-9a-f]{64}/i.test(text.slice(end, end + 2048))) return true;
  let lo = 0;
  let hi = keyIds.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (keyIds[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const id = keyIds[lo - 1];
  if (!id || id.line !== line || start - id.end > 4096) return false;
  if (!/x-amz-credential=$/i.test(text.slice(Math.max(0, id.start - 17), id.start))) return false;
  return !/\s/.test(text.slice(id.end, start));
}
function relativeLine(delta) {
  if (delta === 0) return "on the same line";
  const n = Math.abs(delta);
  return `${n} line${n === 1 ? "" : "s"} ${delta > 0 ? "below" : "above"}`;
}
var STS_HEADER = /IQoJ|FwoG|AQoD/;
function isPastedSecret(value) {
  return looksLikeSecretAccessKey(value) && !isDocumentationExampleSecret(value) && !isPlaceholder(value);
}
var no_hardcoded_session_token_default = defineRule({
  id: "no-hardcoded-session-token",
  description: "Disallow AWS session tokens and pasted temporary credentials in source, configuration and scripts",
  fullDescription: "An STS session token (aws_session_token, AWS_SESSION_TOKEN, SessionToken) or a temporary access key id (ASIA\u2026) pasted together with its secret grants whatever the session grants until it expires \u2014 up to 36 hours \u2014 to anyone who can read the file, and pasting them is a sign that credentials are handled by hand. Credentials should come from the runtime (an IAM role, SSO or credential_process), never from the file.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // Shared with the other credential rules: one scan per document (token names hold `oken`).
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    sessionToken: "AWS session token {{token}} is hard-coded ({{context}}); remove it and let the SDK obtain temporary credentials at run time",
    temporaryCredentials: "Temporary AWS credentials are pasted in: access key id {{key}} with its secret access key {{where}}; remove them and use an IAM role, SSO or credential_process"
  },
  recommendation: [
    "Remove the token and its key pair from the file and from history, and revoke the session if it may still be valid ",
    "(for a role session: revoke active sessions on the role; for get-session-token: deactivate the long-term key that issued it). ",
    "Let the runtime supply temporary credentials instead: an IAM role for the workload, `aws sso login` or a ",
    "`credential_process` for people, OIDC federation in CI. The SDKs refresh those automatically."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html",
    "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  // A pasted ASIA id with its secret is one problem: temporary credentials, not a stray key id.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key"],
  check(context) {
    const { document, settings } = context;
    const { text } = document;
    const lineOf = (offset) => document.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document);
    const seen2 = /* @__PURE__ */ new Set();
    const reportToken = (value, start, end, label) => {
      if (seen2.has(start)) return;
      seen2.add(start);
      if (!acceptSecretValue(value, lineOf(start), keyIds, settings, { looksLike: looksLikeSessionToken, isExample: isDocumentationExampleToken })) return;
      if (inPresignedUrl(text, keyIds, start, end, lineOf(start))) return;
      context.report({
        messageId: "sessionToken",
        data: { token: displaySecret(value, "session-token", settings), context: label },
        start,
        end,
        secrets: [{ start, end, kind: "session-token" }],
        identity: value
      });
    };
    for (const a of assignments) {
      if (a.kind === "session-token") reportToken(decodeSecretEscapes(a.value), a.valueStart, a.valueEnd, `assigned to ${a.name.replace(/^-+/, "")}`);
    }
    if (KEY_LITERAL_KEYWORDS.test(text) && STS_HEADER.test(text) && hasSecretEscape(text)) for (const r of encodedRuns(text)) {
      if (r.value.length - r.padding >= 84 && SESSION_TOKEN_PREFIXES.some((p) => r.value.startsWith(p))) reportToken(r.value, r.start, r.end, "STS token header");
    }
    if (KEY_LITERAL_KEYWORDS.test(text) && STS_HEADER.test(text)) for (const m of text.matchAll(PREFIXED_TOKEN)) {
      reportToken(m[0], m.index, m.index + m[0].length, "STS token header");
    }
    for (const id of keyIds) {
      if (!id.value.startsWith("ASIA")) continue;
      if (accountListing(id.account, settings) === "allow") continue;
      const secret = firstSecretCandidateNear(text, id.start, isPastedSecret);
      if (!secret) continue;
      context.report({
        messageId: "temporaryCredentials",
        data: { key: displaySecret(id.value, "access-key-id", settings), where: relativeLine(lineOf(secret.start) - id.line) },
        start: id.start,
        end: id.end,
        secrets: [
          { start: id.start, end: id.end, kind: "access-key-id" },
          { start: secret.start, end: secret.end, kind: "secret-access-key" }
        ],
        identity: id.value
      });
    }
  }
});

// rules/no-imdsv1-calls.ts
var IMDS_HOST_SOURCE = String.raw`(?:169\.254\.169\.254|\[fd00:ec2::254\]|instance-data(?:\.ec2\.internal)?)`;
var IMDS_URL = new RegExp(String.raw`^(?:https?://)?${IMDS_HOST_SOURCE}(?::80)?(?:[/?#]|$)`, "i");
var IMDS_ANYWHERE = new RegExp(IMDS_HOST_SOURCE, "i");
var TOKEN_HEADER = /x-aws-ec2-metadata-token/i;
var TOKEN_PATH = /\/latest\/api\/token\b/i;
var CREDENTIALS_PATH = /\/meta-data\/iam\/security-credentials/i;
var HTTP_CLIENTS = /* @__PURE__ */ new Set(["curl", "wget"]);
var OTHER_CLOUD_PATH = /^(?:https?:\/\/)?[^/]+\/(?:metadata|computeMetadata|openstack|opc|hetzner)(?:[/?#]|$)/i;
function reportHit(context, hit) {
  if (OTHER_CLOUD_PATH.test(hit.url)) return;
  const credentials = CREDENTIALS_PATH.test(hit.url);
  const severity = credentials ? "error" : void 0;
  context.report({
    messageId: credentials ? "imdsv1Credentials" : "imdsv1",
    data: { url: hit.url.length > 120 ? `${hit.url.slice(0, 117)}\u2026` : hit.url },
    start: hit.start,
    end: hit.end,
    identity: hit.url.replace(/^https?:\/\//, ""),
    ...severity ? { severity } : {}
  });
}
var MAX_RESOLVE_DEPTH = 8;
function resolveWord(script, word, before = word.start, depth = 0) {
  if (word.value !== void 0) return word.value;
  const values = /* @__PURE__ */ new Map();
  for (const name of new Set(word.variables)) {
    const a = assignmentBefore(script, name, before);
    const v = a?.value;
    const value = v?.value ?? (a && v && v.kind === "expansion" && depth < MAX_RESOLVE_DEPTH ? resolveWord(script, v, a.start, depth + 1) : void 0);
    if (value !== void 0) values.set(name, value);
  }
  if (values.size === 0) return word.loose;
  return word.loose.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced, bare) => values.get(braced ?? bare) ?? m);
}
function commandHit(script, command) {
  const args2 = command.effective.slice(1);
  let url;
  for (let i = 0; i < args2.length; i++) {
    const w = args2[i];
    const text = w.value ?? w.loose;
    if (TOKEN_HEADER.test(text)) return void 0;
    if (/^(?:-H|--header)$/.test(text)) {
      const header = args2[i + 1];
      if (header && header.value === void 0 && !/^[\w-]+:/.test(header.loose)) return void 0;
      continue;
    }
    if (/^(?:-K|--config|-e|--execute)$/.test(text) || /^--header=\$/.test(w.loose)) return void 0;
    if (url) continue;
    const resolved2 = resolveWord(script, w);
    if (IMDS_URL.test(resolved2)) url = { word: w, resolved: resolved2 };
  }
  if (!url || TOKEN_PATH.test(url.resolved)) return void 0;
  return { start: url.word.contentStart, end: url.word.contentEnd, url: url.resolved };
}
var PY_CALL = /\b(?:requests\.(?:get|head|request\(\s*["']GET["']\s*,)|urllib\.request\.urlopen|urllib2\.urlopen|urlopen|urllib\.request\.Request)\(?\s*$/;
var PY_URL = new RegExp(String.raw`(["'])((?:https?://)?${IMDS_HOST_SOURCE}[^"'\s]*)\1`, "gi");
function pythonHits(text, offset) {
  if (TOKEN_HEADER.test(text)) return [];
  const out = [];
  for (const m of text.matchAll(PY_URL)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (!PY_CALL.test(before)) continue;
    const url = m[2];
    if (TOKEN_PATH.test(url)) continue;
    const start = offset + m.index + 1;
    out.push({ start, end: start + url.length, url });
  }
  return out;
}
function shellHits(script, doc) {
  const out = [];
  for (const command of script.commands) {
    const name = commandName(command);
    if (name !== void 0 && HTTP_CLIENTS.has(name)) {
      const hit = commandHit(script, command);
      if (hit) out.push(hit);
    } else if (name !== void 0 && /^python[\d.]*$/.test(name)) {
      const args2 = command.effective;
      const c = args2.findIndex((w) => w.value === "-c");
      const code = c > 0 ? args2[c + 1] : void 0;
      if (code) out.push(...pythonHits(doc.text.slice(code.contentStart, code.contentEnd), code.contentStart));
    }
  }
  return out;
}
function unbalancedClose(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth < 0) return i;
  }
  return -1;
}
var PS_CLIENT = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl|curl\.exe|wget|wget\.exe)$/i;
var PS_CLIENT_NAME = /^(?:invoke-restmethod|invoke-webrequest|irm|iwr|curl|wget)$/;
function psUrl(script, text, e, depth = 0, before = e?.start ?? 0) {
  if (!e) return void 0;
  if (isToken(e) && e.type === "variable" && depth < MAX_RESOLVE_DEPTH) {
    const a = psAssignmentBefore(script, e.variables[0], before);
    return a && a.value.length === 1 ? psUrl(script, text, a.value[0], depth + 1, a.start) : void 0;
  }
  let url = looseValue(e, text).replace(/^["'(]+|["')]+$/g, "");
  if (isToken(e) && e.type === "string" && e.value === void 0 && depth < MAX_RESOLVE_DEPTH) {
    url = url.replace(/\$\{?([\w:]+)\}?/g, (m, name) => {
      const a = psAssignmentBefore(script, name, before);
      const v = a && a.value.length === 1 ? psUrl(script, text, a.value[0], depth + 1, a.start) : void 0;
      return v ?? m;
    });
  }
  return url;
}
function psHeadersCarryToken(script, text, e) {
  if (!e) return false;
  if (isToken(e) && e.type === "variable") {
    const a = psAssignmentBefore(script, e.variables[0], e.start);
    if (!a) return true;
    return TOKEN_HEADER.test(text.slice(a.valueStart, a.valueEnd)) || TOKEN_HEADER.test(text.slice(script.start, script.end));
  }
  return TOKEN_HEADER.test(looseValue(e, text));
}
function powerShellHits(doc) {
  const out = [];
  const text = doc.text;
  for (const script of powerShellScripts(doc)) {
    const scriptText = text.slice(script.start, script.end);
    if (!IMDS_ANYWHERE.test(scriptText)) continue;
    for (const command of script.commands) {
      const name = psCommandName(command);
      let urlElement;
      let tokenSent = false;
      if (name && PS_CLIENT_NAME.test(name)) {
        const splat = splattedEntries(script, command);
        const uriEntry = splat.find((en) => /^uri$/i.test(en.key));
        urlElement = psParameter(command, /^-(?:Uri|U)$/i)?.value ?? uriEntry?.value[0] ?? psArguments(command).find((a) => !(isToken(a) && a.type === "word" && a.text.startsWith("-")) && IMDS_URL.test(psUrl(script, text, a) ?? ""));
        const headers = psParameter(command, /^-(?:Headers|H)$/i)?.value ?? splat.find((en) => /^headers$/i.test(en.key))?.value[0];
        tokenSent = psHeadersCarryToken(script, text, headers) || (name === "curl" || name === "wget" ? psArguments(command).some((a) => TOKEN_HEADER.test(looseValue(a, text))) : false);
      } else {
        const k = command.elements.findIndex((e) => isToken(e) && /^\.Download(?:String|File|Data)$/i.test(e.value ?? ""));
        const call = k >= 0 ? command.elements[k + 1] : void 0;
        if (!call || call.type !== "group") continue;
        urlElement = call.statements[0]?.pipeline[0]?.elements[0];
        tokenSent = TOKEN_HEADER.test(scriptText);
      }
      if (tokenSent || !urlElement) continue;
      const url = psUrl(script, text, urlElement);
      if (!url || !IMDS_URL.test(url) || TOKEN_PATH.test(url)) continue;
      const method = psParameter(command, /^-Method$/i)?.value;
      if (method && /^put$/i.test(looseValue(method, text).replace(/["']/g, ""))) continue;
      const r = isToken(urlElement) && urlElement.type !== "variable" ? { start: urlElement.contentStart, end: urlElement.contentEnd } : { start: urlElement.start, end: urlElement.end };
      out.push({ ...r, url });
    }
  }
  return out;
}
function windowsHits(doc) {
  const out = [];
  for (const block of windowsBlocks(doc)) {
    if (block.language !== "cmd") continue;
    const blockText = doc.text.slice(block.start, block.end);
    const blockHasToken = TOKEN_HEADER.test(blockText);
    const urlVariables = /* @__PURE__ */ new Map();
    for (const statement of windowsStatements(doc, block)) {
      const words = windowsWords(statement);
      const assign = /^\$([\w:]+)\s*=\s*["']([^"']+)["']\s*$/.exec(statement.text);
      if (assign && IMDS_URL.test(assign[2])) urlVariables.set(assign[1].toLowerCase(), assign[2]);
      const clientAt = words.findIndex((w) => PS_CLIENT.test(w.value.replace(/^[(@$]*\(/, "")) || /\.Download(?:String|File|Data)\(/i.test(w.value));
      if (clientAt < 0) continue;
      if (TOKEN_HEADER.test(statement.text)) continue;
      if (words.some((w) => /^-(?:Headers|H|Header)$/i.test(w.value)) && blockHasToken) continue;
      let target;
      for (const w of words.slice(clientAt)) {
        const direct = IMDS_URL.test(w.value) ? w.value : void 0;
        const variable = /^\$([\w:]+)$/.exec(w.value)?.[1]?.toLowerCase();
        const url2 = direct ?? (variable ? urlVariables.get(variable) : void 0);
        const inline = direct ?? (IMDS_ANYWHERE.test(w.value) ? /https?:\/\/\S+/.exec(w.value)?.[0] : void 0);
        if (url2 || inline && IMDS_URL.test(inline)) {
          target = { word: w, url: url2 ?? inline };
          break;
        }
      }
      if (!target || TOKEN_PATH.test(target.url)) continue;
      const word = target.word;
      const cut = word.quote === "" ? unbalancedClose(word.value) : -1;
      const url = cut >= 0 && target.url === word.value ? target.url.slice(0, cut) : target.url;
      out.push({ start: word.contentStart, end: cut >= 0 ? word.contentStart + cut : word.contentEnd, url });
    }
  }
  return out;
}
var no_imdsv1_calls_default = defineRule({
  id: "no-imdsv1-calls",
  description: "Disallow instance metadata requests without an IMDSv2 session token",
  fullDescription: "A request to the instance metadata service (169.254.169.254, [fd00:ec2::254]) without the `X-aws-ec2-metadata-token` header uses IMDSv1, which answers any GET that reaches it \u2014 including one forged through a server-side request forgery or an open proxy, the path by which role credentials have been stolen. Such scripts also break as soon as the instance requires IMDSv2 (the default for new instance types and AMIs). Reading /latest/meta-data/iam/security-credentials/ this way hands the role's temporary credentials to anything that can run the same request.",
  severity: "warning",
  securitySeverity: 6.5,
  precision: "high",
  cwe: ["CWE-918", "CWE-522"],
  tags: ["security", "aws", "ec2", "imds"],
  kinds: ["shell", "powershell", "user-data", "cloud-init", "text"],
  keywords: /169\.254\.169\.254|fd00:ec2::254|instance-data/i,
  messages: {
    imdsv1: "Request to the instance metadata service without an IMDSv2 session token ({{url}}); fetch a token with `PUT /latest/api/token` and send it as `X-aws-ec2-metadata-token`",
    imdsv1Credentials: "IMDSv1 request for the instance role's credentials ({{url}}): anything that can make this request can take them; use an IMDSv2 session token, or better let the SDK/CLI load the role credentials itself"
  },
  recommendation: [
    "Use the IMDSv2 session flow: `TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token ",
    '-H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`, then `curl -H "X-aws-ec2-metadata-token: $TOKEN" ',
    "http://169.254.169.254/latest/meta-data/\u2026`. In PowerShell, `Invoke-RestMethod -Method PUT` for the token and ",
    '`-Headers @{"X-aws-ec2-metadata-token" = $token}` on each request. Then require IMDSv2 on the instance ',
    '(`HttpTokens: required` / `http_tokens = "required"`). Do not read `iam/security-credentials/` yourself: the ',
    "AWS CLI and SDKs load the instance role credentials on their own, or use `ec2-metadata` from the amazon-ec2-utils package."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-retrieval-examples.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (isCalledScriptDocument(doc)) return;
    if (doc.kind === "text") {
      if (doc.language === "python") for (const hit of pythonHits(doc.text, 0)) reportHit(context, hit);
      for (const hit of windowsHits(doc)) reportHit(context, hit);
      return;
    }
    const script = shellScript(doc);
    if (script) for (const hit of shellHits(script, doc)) reportHit(context, hit);
    for (const hit of powerShellHits(doc)) reportHit(context, hit);
    for (const hit of windowsHits(doc)) reportHit(context, hit);
  }
});

// rules/no-long-lived-access-keys.ts
var CFN_SECRET_ATTRIBUTES = /* @__PURE__ */ new Set(["SecretAccessKey"]);
var TF_SECRET_ATTRIBUTES = /* @__PURE__ */ new Set(["secret", "encrypted_secret", "ses_smtp_password_v4", "encrypted_ses_smtp_password_v4"]);
function exposedSecret(value, isAccessKey, secretAttrs) {
  if (!value) return void 0;
  if (value.kind === "ref") return value.attribute && secretAttrs.has(value.attribute) && isAccessKey(value.target) ? value.range : void 0;
  if (value.kind === "string" && value.hasPlaceholders) {
    for (const m of value.value.matchAll(/\$\{([\w:.-]+)\}/g)) {
      const parts = m[1].split(".");
      const attribute = parts[parts.length - 1];
      if (secretAttrs.has(attribute) && isAccessKey(parts.slice(0, -1).join("."))) return value.range;
    }
  }
  if (value.kind === "list") for (const i of value.items) {
    const r = exposedSecret(i, isAccessKey, secretAttrs);
    if (r) return r;
  }
  if (value.kind === "map") for (const e of value.entries) {
    const r = exposedSecret(e.value, isAccessKey, secretAttrs);
    if (r) return r;
  }
  return void 0;
}
function checkOutputs(context) {
  const doc = context.document;
  if (doc.kind === "cloudformation") {
    const template = parseCloudFormation(doc);
    if (!template) return;
    const isKey = (id) => template.resourcesById.get(id)?.type === "AWS::IAM::AccessKey";
    for (const output of template.outputs) {
      const range = exposedSecret(output.value, isKey, CFN_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: "exposed", data: { output: output.name }, start: range.start, end: range.end, identity: `output.${output.name}` });
    }
  } else {
    const file = parseTerraform(doc);
    const isKey = (target) => target.startsWith("aws_iam_access_key.");
    for (const block of file.blocks) {
      if (block.type !== "output") continue;
      const value = block.attribute("value")?.value();
      const range = exposedSecret(value, isKey, TF_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: "exposed", data: { output: block.labels[0]?.value ?? "" }, start: range.start, end: range.end, identity: `output.${block.labels[0]?.value ?? ""}` });
    }
  }
}
var no_long_lived_access_keys_default = defineRule({
  id: "no-long-lived-access-keys",
  description: "Disallow minting IAM user access keys in infrastructure code and exposing their secrets as outputs",
  fullDescription: "An `AWS::IAM::AccessKey` / `aws_iam_access_key` creates a long-lived IAM user key whose secret ends up in the CloudFormation stack or the Terraform state (in plain text), and often in an output that anyone who can read the stack or the state can see. Workloads should use roles (instance profiles, task roles, OIDC) instead.",
  severity: "warning",
  securitySeverity: 7,
  precision: "very-high",
  cwe: ["CWE-798", "CWE-200"],
  tags: ["security", "aws", "iam"],
  kinds: ["cloudformation", "terraform"],
  keywords: /AWS::IAM::AccessKey|aws_iam_access_key/,
  messages: {
    minted: "{{resource}} creates a long-lived IAM user access key; its secret is stored in the {{store}}: use a role instead",
    exposed: "output {{output}} exposes an access key secret to anyone who can read the {{store}}: remove the output and use a role"
  },
  recommendation: [
    "Give the workload a role instead of a user key: an instance profile on EC2, a task role on ECS, an execution role ",
    "on Lambda, OIDC federation for CI. If a key is unavoidable (a third-party system outside AWS), create it out of ",
    "band, store it in Secrets Manager and rotate it; never output its secret."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const store = graph.format === "cloudformation" ? "stack" : "Terraform state";
    for (const node of graph.localNodes(["access-key"])) {
      context.report({ messageId: "minted", data: { resource: describeNode(node), store }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:access-key` });
    }
    checkOutputs({ ...context, report: (d) => context.report({ ...d, data: { ...d.data, store } }) });
  }
});

// rules/no-passrole-wildcard.ts
var PASS_ROLE = "iam:PassRole";
function broadResource(st) {
  for (const item of st.resource?.items ?? []) {
    const text = (item.value ?? "").replace(/\$\{[^}]*\}/g, "${}");
    if (isBroadResourceText(item) === true && /^(?:\*|arn:[^:]*:iam::[^:]*:(?:role\/)?\*)$/.test(text)) return { range: item.range, text: item.value };
  }
  if (st.notResource && !st.resource) return { range: st.notResource.keyRange, text: "NotResource" };
  return void 0;
}
function passedToService(st) {
  const entry = st.condition?.entries.find((e) => e.key.toLowerCase() === "iam:passedtoservice");
  if (!entry) return void 0;
  const values = entry.values.items.map((i) => i.state === "known" ? i.value : "\u2026").join(", ");
  return values || "\u2026";
}
var no_passrole_wildcard_default = defineRule({
  id: "no-passrole-wildcard",
  description: "Disallow iam:PassRole on every role",
  fullDescription: '`iam:PassRole` on `Resource: "*"` (directly or through `iam:*` or `*`) lets a principal pass any role of the account to a service it controls \u2014 an EC2 instance, a Lambda function, a Glue job, a CloudFormation stack \u2014 and act with that role\'s permissions. Scope it to the ARNs of the roles the workload passes and to the service that receives them with `iam:PassedToService`.',
  severity: "error",
  securitySeverity: 8,
  precision: "very-high",
  cwe: ["CWE-269", "CWE-732"],
  tags: ["security", "aws", "iam", "privilege-escalation"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    passRoleAnyRole: "{{how}} allows iam:PassRole on {{resource}} with no iam:PassedToService condition: any role of the account can be passed to any service",
    passRoleAnyRoleToService: "{{how}} allows iam:PassRole on {{resource}}: any role of the account can be passed to {{services}}"
  },
  recommendation: [
    "List the roles that may be passed (`Resource: arn:aws:iam::<account>:role/app-task-role`, `!GetAtt TaskRole.Arn`, ",
    "`aws_iam_role.task.arn`) and add `Condition: {StringEquals: {iam:PassedToService: ecs-tasks.amazonaws.com}}`."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService",
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found) return;
    for (const doc of found.docs) {
      for (const st of doc.statements) {
        if (st.effect !== "Allow" || coversAction(st, PASS_ROLE) !== true) continue;
        const resource = broadResource(st);
        if (!resource || undoneByDeny(found.model, doc, PASS_ROLE)) continue;
        const other = st.condition && (st.condition.incomplete || st.condition.entries.some((e) => e.key.toLowerCase() !== "iam:passedtoservice"));
        if (other) continue;
        const explicit = st.action?.items.find((i) => i.state === "known" && i.value.toLowerCase() === "iam:passrole");
        const coveringPatterns = st.action?.items.filter((i) => i.state === "known" && patternCovers(i.value, PASS_ROLE)).map((i) => i.value.toLowerCase()) ?? [];
        if (!explicit && resource.text === "*" && coveringPatterns.length > 0 && coveringPatterns.every((v) => v === "*" || v === "iam:*")) continue;
        const how = explicit ? "This statement" : st.action ? `"${st.action.items.find((i) => i.state === "known" && patternCovers(i.value, PASS_ROLE))?.value ?? "a wildcard"}"` : "NotAction";
        const services = passedToService(st);
        const identity = `${doc.label}:${st.index}:passrole`;
        if (services) context.report({ messageId: "passRoleAnyRoleToService", data: { how, resource: resource.text, services }, start: resource.range.start, end: resource.range.end, identity, severity: "warning" });
        else context.report({ messageId: "passRoleAnyRole", data: { how, resource: resource.text }, start: resource.range.start, end: resource.range.end, identity });
      }
    }
  }
});

// rules/no-privilege-escalation.ts
function passedTo(service) {
  return (st) => {
    const c = st.condition;
    if (!c || c.incomplete || c.entries.length === 0) return false;
    return c.entries.every((e) => e.key.toLowerCase() === "iam:passedtoservice" && e.values.items.some((i) => i.state === "known" && new RegExp(`^${i.value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i").test(service)));
  };
}
function grantsFor(p, path) {
  const eff = withoutServiceOwnGrants(effectiveOf(p));
  const out = [];
  for (const action of path.actions) {
    const g = allowedBroadly(eff, action, action === "iam:PassRole" && path.passTo ? passedTo(path.passTo) : void 0);
    if (!g) return void 0;
    out.push({ action, grant: g });
  }
  if (path.anyOf) {
    const hit = path.anyOf.map((a) => ({ action: a, grant: allowedBroadly(eff, a) })).find((x) => x.grant);
    if (!hit) return void 0;
    out.push({ action: hit.action, grant: hit.grant });
  }
  return grantsCoexist(out.map((o) => o.grant)) ? out : void 0;
}
function actionItemOf(g, action) {
  return g.statement.action?.items.find((i) => i.state === "known" && patternCovers(i.value, action));
}
function placeOfGrant(g, action) {
  if (g.attached.via === "aws-managed") return placeOf(g, g.attached.range);
  return placeOf(g, actionItemOf(g, action)?.range ?? g.statement.notAction?.keyRange ?? g.statement.effectRange);
}
function grantedByAdminWildcard(grants) {
  return grants.every(({ action, grant }) => {
    const item = grant.attached.via === "aws-managed" ? void 0 : actionItemOf(grant, action);
    const value = typeof item?.value === "string" ? item.value.toLowerCase() : void 0;
    return (value === "*" || value === "iam:*") && coversAnyResource(grant.statement) === true;
  });
}
var no_privilege_escalation_default = defineRule({
  id: "no-privilege-escalation",
  description: "Disallow principals whose combined permissions complete a known privilege-escalation path",
  fullDescription: "A role, user or group whose policies together allow a known escalation path \u2014 creating a new version of a managed policy, access keys or a console password for another user, attaching or writing policies, adding users to groups, rewriting a trust policy, passing a role to EC2/Lambda/Glue/CloudFormation/Data Pipeline/SageMaker/CodeBuild, replacing Lambda code, rewriting EC2 user data or launch templates, pushing SSH keys or running SSM commands on instances with stronger roles \u2014 can give itself more permissions than it has. Resource scope and explicit Denies are honoured; a path split across several policies of one principal counts.",
  severity: "error",
  securitySeverity: 8.5,
  precision: "high",
  cwe: ["CWE-269"],
  tags: ["security", "aws", "iam", "privilege-escalation"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    escalation: "{{principal}} can escalate its privileges: it can {{path}} ({{actions}}){{more}}",
    escalationPolicy: "{{principal}} lets whoever has it escalate their privileges: they can {{path}} ({{actions}}){{more}}"
  },
  recommendation: [
    "Scope the actions of the path to the resources the workload manages (`iam:PassRole` to one role with ",
    "`iam:PassedToService`, `lambda:UpdateFunctionCode` to its own function, `iam:CreateAccessKey` to ",
    "`user/${aws:username}`), or deny them explicitly; use a permissions boundary on roles that create roles."
  ].join(""),
  references: [
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    const standalone2 = model.documents.filter((d) => d.kind === "identity" && model.principalsOf(d).length === 0).flatMap((d) => principalsReaching(model, d));
    const here3 = context.document.absPath ?? context.document.path;
    for (const p of [...model.principals, ...standalone2]) {
      if (!p.local && !placedHere(p)) continue;
      const eff = effectiveOf(p);
      if (eff.allows.length === 0) continue;
      const broad = broadActions(eff);
      if (broad.actions.length === broad.total) continue;
      const open = ESCALATION_PATHS.map((path) => ({ path, grants: grantsFor(p, path) })).filter((x) => x.grants !== void 0).filter((x) => !grantedByAdminWildcard(x.grants));
      const first = open[0];
      if (!first) continue;
      const ordered = inModuleOrder(first.grants.map((g) => g.grant), here3);
      const steps = first.grants.map((g) => ({ ...g, place: placeOfGrant(g.grant, g.action) })).sort((a, b) => ordered.indexOf(a.grant) - ordered.indexOf(b.grant));
      const [lead] = steps;
      if (!lead) continue;
      const place = findingPlace(p, lead.place, steps.map((s) => s.place));
      if (!place) continue;
      const related = steps.filter((r) => !r.place.elsewhere && (r.place.range.start !== place.range.start || r.place.range.end !== place.range.end)).map((r) => ({ start: r.place.range.start, end: r.place.range.end, message: `${r.action} (${r.grant.attached.document.label})` }));
      context.report({
        messageId: standalone2.includes(p) ? "escalationPolicy" : "escalation",
        data: {
          principal: p.label,
          path: first.path.name,
          actions: first.grants.map((g) => g.action).join(" + "),
          more: open.length > 1 ? `; ${open.length - 1} more path${open.length > 2 ? "s" : ""}: ${open.slice(1, 4).map((o) => o.path.name).join("; ")}${open.length > 4 ? "\u2026" : ""}` : ""
        },
        start: place.range.start,
        end: place.range.end,
        ...place.refersTo ? { refersTo: place.refersTo } : {},
        identity: `${p.id}:escalation:${first.path.name}`,
        ...related.length > 0 ? { related } : {}
      });
    }
  }
});

// src/detect/boot-persistence.ts
var PERSISTENCE_PATH = /(?:^|[\\/])(?:\.bashrc|\.bash_profile|\.bash_login|\.profile|\.zshrc|\.zshenv|\.zprofile|\.kshrc|\.cshrc|\.tcshrc)$|^\/etc\/(?:environment|profile|bashrc|bash\.bashrc|zshenv|zsh\/zshenv|csh\.cshrc|login\.defs)$|^\/etc\/profile\.d\/[^/]+$|^\/etc\/(?:default|sysconfig)\/[^/]+$|\/systemd\/(?:system|user)\/(?:[^/]+\/)?[^/]+\.(?:service|conf)$|\/etc\/systemd\/system\.conf\.d\/[^/]+\.conf$|(?:^|[\\/])\.config\/environment\.d\/[^/]+\.conf$|(?:^|[\\/])\.pam_environment$/i;
var ROLE_SOURCE = /\baws\s+(?:[^|;\n]*\s)?sts\b|\bassume-role|\bexport-credentials\b|169\.254\.169\.254|fd00:ec2::254|\/meta-data\/iam\/security-credentials|\bcredential[_-]process\b|\bUse-STSRole\b|\bGet-STSSessionToken\b|\bAssumeRole\b|ECS_CONTAINER_METADATA|AWS_CONTAINER_CREDENTIALS/i;
function judgePersistedValue(value, context = "") {
  const v = value.trim().replace(/^["']|["']$/g, "");
  if (ROLE_SOURCE.test(v) || /\$/.test(v) && ROLE_SOURCE.test(context)) return "role";
  if (v === "" || isPlaceholder(v) || /[$%]|\{\{|<%/.test(v)) return "placeholder";
  return "literal";
}
var ASSIGNMENT2 = new RegExp(
  String.raw`(?:^|[\s"';])(?:export\s+|setenv\s+|set\s+|Environment=\s*["']?|\$env:)?(${AWS_CREDENTIAL_VARIABLE_SOURCE})(?:\s*=\s*|\s+(?=[^\s=]))((?:"[^"\n]*"|'[^'\n]*'|[^\s"';]+)?)`,
  "g"
);
function credentialAssignmentsIn(text) {
  const out = [];
  for (const m of text.matchAll(ASSIGNMENT2)) {
    const name = m[1];
    const nameStart = m.index + m[0].indexOf(name);
    const value = m[2];
    const valueEnd = m.index + m[0].length;
    out.push({ name, nameStart, valueStart: valueEnd - value.length, valueEnd, value });
  }
  return out;
}

// rules/no-static-credentials-in-bootstrap.ts
var TEMPLATE_PATH = /(?:user-?data|userdata|cloud-?init)[^/]*$|\.(?:tpl|tftpl|tmpl|j2)$/i;
var CREDENTIALS_PATH2 = /(?:^|[\\/])\.aws[\\/]credentials$|^\$\{?AWS_SHARED_CREDENTIALS_FILE\}?$/i;
var CONFIG_PATH = /(?:^|[\\/])\.aws[\\/]config$|^\$\{?AWS_CONFIG_FILE\}?$|(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)$/i;
var KEY_CONTENT = /aws_(?:access_key_id|secret_access_key|session_token|security_token)|^\s*(?:access|secret)_key\s*=|\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/im;
var RUNTIME_FETCH = /\baws\s+(?:[^|;]*\s)?(?:secretsmanager|ssm|sts|kms)\b|\bvault\b|\/run\/secrets\/|169\.254\.169\.254|fd00:ec2::254|\bcredential[_-]process\b|\baws\s+configure\s+(?:get|export-credentials)\b|\bjq\b|\bgcloud\s+secrets\b|\baz\s+keyvault\b|\bop\s+read\b|\bchamber\b|\bsops\b/i;
function isEncodedLiteral(word) {
  return word.substitutions.some((s) => /^\s*(?:echo|printf)\s+(?:-\w+\s+)*["']?[A-Za-z0-9+/=]{16,}["']?\s*\|\s*(?:base64|openssl\s+base64)\s+(?:-d|--decode|-D)\b/.test(s.text));
}
function trimQuotes(value) {
  return value.replace(/^["']|["']$/g, "");
}
function judgeValue(script, a, allowForwarded, depth = 0) {
  const value = a.value;
  if (!value || (value.value ?? value.loose) === "") return void 0;
  if (value.kind === "literal") return { reason: "literal", secret: { start: value.contentStart, end: value.contentEnd } };
  if (value.kind === "command-substitution") {
    if (isEncodedLiteral(value)) return { reason: "literal" };
    return void 0;
  }
  const others = value.variables.filter((v) => v !== a.name);
  if (others.length === 0) {
    return allowForwarded && value.variables.length === 0 && value.text.includes("${") ? { reason: "forwarded" } : void 0;
  }
  let forwarded = false;
  for (const name of others) {
    const source = assignmentBefore(script, name, a.start);
    if (!source) {
      forwarded = true;
      continue;
    }
    if (depth >= 4) continue;
    const inner = judgeValue(script, source, allowForwarded, depth + 1);
    if (inner?.reason === "literal") return { reason: "literal", ...inner.secret ? { secret: inner.secret } : {}, via: name };
    if (!inner) return void 0;
  }
  if (forwarded && allowForwarded && !RUNTIME_FETCH.test(value.text)) return { reason: "forwarded" };
  return void 0;
}
function reportAssignments(context, script, allowForwarded) {
  for (const a of script.assignments) {
    const kind = awsCredentialVariable(a.name);
    if (!kind) continue;
    const verdict2 = judgeValue(script, a, allowForwarded);
    if (!verdict2) continue;
    context.report({
      messageId: verdict2.reason === "literal" ? "literalVariable" : "forwardedVariable",
      // The value as written in the document (`${var.key}`, `"$KEY"`), not the neutralised form.
      data: { name: a.name, via: a.value ? context.document.text.slice(a.value.start, a.value.end) : "" },
      start: a.nameStart,
      end: a.nameEnd,
      ...verdict2.secret ? { secrets: [{ ...verdict2.secret, kind }] } : {},
      identity: `variable:${a.name}`
    });
  }
}
function copiesIntoAwsDir(write) {
  if (write.via !== "copy" || !write.command) return false;
  const target = trimQuotes(write.target.loose).replace(/["']/g, "");
  if (!/(?:^|[\\/])\.aws[\\/]?$/.test(target)) return false;
  const operands = write.command.effective.slice(1).filter((w) => !(w.value ?? w.loose).startsWith("-") && w !== write.target);
  return operands.some((w) => /(?:^|[\\/])credentials$/.test(trimQuotes(w.value ?? w.loose)));
}
function onlyPlaceholderKeys(content) {
  if (content === void 0) return false;
  const values = [...content.matchAll(/^\s*aws_(?:access_key_id|secret_access_key|session_token)\s*=\s*(.*)$/gim)].map((m) => m[1].trim());
  return values.length > 0 && values.every((v) => judgePersistedValue(v) === "placeholder");
}
function isCredentialFileWrite(path, content, copy) {
  const clean = trimQuotes(path).replace(/["']/g, "");
  if (CREDENTIALS_PATH2.test(clean)) return copy || content === void 0 || content.trim() !== "";
  if (CONFIG_PATH.test(clean)) return content !== void 0 && KEY_CONTENT.test(content);
  return false;
}
function reportFileWrites(context, script) {
  const chosen = /* @__PURE__ */ new Map();
  for (const write of fileWrites(script)) {
    if (!isCredentialFileWrite(write.target.loose, write.content, write.via === "copy") && !copiesIntoAwsDir(write)) continue;
    const key = trimQuotes(write.target.loose).replace(/["']/g, "");
    const previous = chosen.get(key);
    const carriesKey = write.content !== void 0 && KEY_CONTENT.test(write.content);
    const previousCarriesKey = previous?.content !== void 0 && KEY_CONTENT.test(previous.content);
    if (!previous || carriesKey && !previousCarriesKey) chosen.set(key, write);
  }
  for (const write of chosen.values()) {
    context.report({
      messageId: "credentialsFile",
      data: { path: context.document.text.slice(write.target.contentStart, write.target.contentEnd) },
      start: write.target.contentStart,
      end: write.target.contentEnd,
      identity: `file:${write.target.loose}`,
      ...onlyPlaceholderKeys(write.content) ? { severity: "warning" } : {}
    });
  }
}
function reportPersistence(context, script) {
  const text = context.document.text;
  for (const write of fileWrites(script)) {
    const target = trimQuotes(write.target.value ?? write.target.loose).replace(/["']/g, "").replace(/^(?:\$HOME|\$\{HOME\}|~[\w-]*|\/home\/[^/]+|\/root)(?=\/)/, "~");
    if (!PERSISTENCE_PATH.test(target) || write.content === void 0) continue;
    const heredoc = write.command?.redirects.find((r) => r.heredoc)?.heredoc ?? write.command?.upstream?.redirects.find((r) => r.heredoc)?.heredoc;
    const from = heredoc ? heredoc.bodyStart : (write.command?.upstream ?? write.command)?.start ?? write.target.start;
    const to = heredoc ? heredoc.bodyEnd : write.command ? write.command.end : write.target.end;
    for (const a of credentialAssignmentsIn(text.slice(from, to))) {
      reportPersisted(context, from + a.nameStart, a.name, a.value, from + a.valueStart, from + a.valueEnd, target);
    }
  }
  for (const command of script.commands) {
    const words = command.effective;
    if (words[0]?.value?.replace(/^.*\//, "") !== "systemctl" || words[1]?.value !== "set-environment") continue;
    for (const w of words.slice(2)) {
      for (const a of credentialAssignmentsIn(text.slice(w.start, w.end))) {
        reportPersisted(context, w.start + a.nameStart, a.name, a.value, w.start + a.valueStart, w.start + a.valueEnd, "the systemd manager environment");
      }
    }
  }
}
function reportPersisted(context, at, name, value, valueStart, valueEnd, where, judged2) {
  const kind = awsCredentialVariableIgnoreCase(name);
  if (!kind) return;
  const verdict2 = judged2 ?? judgePersistedValue(value, context.document.text.slice(Math.max(0, at - 400), at));
  if (verdict2 === "role") return;
  const quote = /^["']/.test(value) ? 1 : 0;
  context.report({
    messageId: "persistedVariable",
    data: { name, path: where },
    start: at,
    end: at + name.length,
    identity: `persist:${name.toUpperCase()}:${where}`,
    ...verdict2 === "literal" && valueEnd - valueStart > 2 * quote ? { secrets: [{ start: valueStart + quote, end: valueEnd - quote, kind }] } : {},
    ...verdict2 === "placeholder" ? { severity: "warning" } : {}
  });
}
function reportCreateAccessKey(context, script) {
  for (const command of script.commands) {
    const aws = awsInvocation(command);
    if (aws?.service?.value !== "iam" || aws.args[0]?.value !== "create-access-key") continue;
    const op = aws.args[0];
    context.report({ messageId: "createAccessKey", start: op.start, end: op.end, identity: "iam:create-access-key" });
  }
}
function reportCloudConfig(context, doc) {
  const config = cloudConfig(doc);
  if (!config) return;
  for (const file of config.writeFiles) {
    if (!file.path) continue;
    if (PERSISTENCE_PATH.test(file.path.value) && file.content && !file.content.decoded) {
      const range = doc.text.slice(file.content.start, file.content.end);
      for (const a of credentialAssignmentsIn(range)) {
        reportPersisted(context, file.content.start + a.nameStart, a.name, a.value, file.content.start + a.valueStart, file.content.start + a.valueEnd, file.path.value);
      }
    }
    if (!isCredentialFileWrite(file.path.value, file.content?.value ?? "", false)) continue;
    const quote = /["']/.test(doc.text[file.path.start] ?? "") ? 1 : 0;
    context.report({
      messageId: "credentialsFile",
      data: { path: file.path.value },
      start: file.path.start + quote,
      end: file.path.end - quote,
      identity: `file:${file.path.value}`,
      ...onlyPlaceholderKeys(file.content?.value) ? { severity: "warning" } : {}
    });
  }
}
var PS_ENV = new RegExp(`\\$env:(${AWS_CREDENTIAL_VARIABLE_SOURCE})\\s*=\\s*(.+)$`, "is");
var PS_SETENV = new RegExp(`SetEnvironmentVariable\\(\\s*["'](${AWS_CREDENTIAL_VARIABLE_SOURCE})["']\\s*,\\s*(["'])([^"']*)\\2`, "i");
var CMD_SET = new RegExp(`^@?set\\s+"?(${AWS_CREDENTIAL_VARIABLE_SOURCE})=([^"\\r\\n]*)`, "i");
var PS_WRITE_VERB = /\b(?:Set-Content|Add-Content|Out-File|New-Item|Copy-Item|Move-Item|Read-S3Object|copy|xcopy|move)\b|>/i;
var WIN_CREDENTIALS_PATH = /[\\/]\.aws[\\/]credentials\b/i;
function isWindowsLiteral(value) {
  const v = value.trim();
  if (v === "" || v === '""' || v === "''") return false;
  if (/^'[^']*'$/.test(v)) return true;
  if (/^"[^"$]*"$/.test(v)) return true;
  return /^[^\s$(%"'[]+$/.test(v);
}
var PS_RUNTIME_SOURCE = /\b(?:Use-STSRole|Get-STSSessionToken|Get-STSFederationToken|Get-SSMParameter(?:Value)?|Get-SECSecretValue|Read-S3Object|Invoke-RestMethod|Invoke-WebRequest|Get-Content|Read-Host|Get-Secret|ConvertFrom-Json|Get-ChildItem)\b|\baws(?:\.exe)?\b[^\n]*\b(?:sts|secretsmanager|ssm|configure\s+(?:get|export-credentials))\b|169\.254\.169\.254|GetEnvironmentVariable/i;
var PS_ROLE_SOURCE = /\b(?:Use-STSRole|Get-STSSessionToken|Get-STSFederationToken)\b|\baws(?:\.exe)?\b[^\n]*\b(?:sts|configure\s+export-credentials)\b|169\.254\.169\.254/i;
var TEMPLATE_VALUE = /^\$\{[^}]+\}$|^\{\{.*\}\}$|^<%=.*%>$/s;
function judgePsValue(script, text, all, depth = 0) {
  const elements = isToken(all.at(-1)) && all.at(-1)?.type === "operator" && all.at(-1).text === "," ? all.slice(0, -1) : all;
  if (elements.length === 0) return void 0;
  const source = text.slice(elements[0].start, elements.at(-1).end);
  if (elements.length === 1) {
    const e = elements[0];
    if (isToken(e) && (e.type === "string" || e.type === "word")) {
      const v = e.value;
      if (v !== void 0) {
        if (v === "") return depth > 0 ? { kind: "placeholder" } : void 0;
        if (TEMPLATE_VALUE.test(v) || isPlaceholder(v) && !/^[A-Za-z0-9/+=]{16,}$/.test(v)) return { kind: "placeholder" };
        return { kind: "literal", start: e.contentStart, end: e.contentEnd };
      }
      if (e.type === "string" && e.variables.length > 0 && e.variables.every((n) => !psAssignmentBefore(script, n, e.start))) return { kind: "placeholder" };
    }
    if (isToken(e) && e.type === "variable") {
      const name = e.variables[0];
      if (/^env:/i.test(name)) return { kind: "placeholder" };
      const a = psAssignmentBefore(script, name, e.start);
      if (!a) return { kind: "placeholder" };
      if (depth < 4) return judgePsValue(script, text, a.value, depth + 1);
      return void 0;
    }
  }
  if (PS_RUNTIME_SOURCE.test(source)) return { kind: "runtime", role: PS_ROLE_SOURCE.test(source) };
  const first = elements[0];
  if (isToken(first) && first.type === "variable") {
    const a = psAssignmentBefore(script, first.variables[0], first.start);
    if (a) {
      const rhs = text.slice(a.valueStart, a.valueEnd);
      if (PS_RUNTIME_SOURCE.test(rhs)) return { kind: "runtime", role: PS_ROLE_SOURCE.test(rhs) };
    }
  }
  return void 0;
}
var PS_STORE_CMDLETS = /^(?:set-awscredentials?|initialize-awsdefaultconfiguration|initialize-awsdefaults|new-awscredentials?)$/;
var PS_WRITE_CMDLETS = /^(?:set-content|add-content|out-file|new-item|copy-item|move-item|cp|copy|mv|move|xcopy|robocopy|read-s3object|invoke-webrequest|iwr|tee-object)$/;
var PS_CREDENTIALS_PATH = /(?:^|[\\/])\.aws[\\/]credentials$/i;
var PS_AWS_DIR = /(?:^|[\\/])\.aws[\\/]?$/i;
function reportPowerShell(context, doc, allowForwarded) {
  const text = doc.text;
  for (const script of powerShellScripts(doc)) {
    for (const a of script.assignments) {
      const m = /^env:(.+)$/i.exec(a.name);
      const kind = m ? awsCredentialVariableIgnoreCase(m[1]) : void 0;
      if (!m || !kind) continue;
      const name = m[1];
      const only = a.value.length === 1 ? a.value[0] : void 0;
      if (isToken(only) && only.type === "variable" && (only.variables[0] ?? "").toLowerCase() === a.name.toLowerCase()) continue;
      const verdict2 = judgePsValue(script, text, a.value);
      const at = a.nameStart + "env:".length;
      if (verdict2?.kind === "literal") {
        context.report({ messageId: "literalVariable", data: { name, via: "" }, start: at, end: at + name.length, identity: `variable:${name.toUpperCase()}`, secrets: [{ start: verdict2.start, end: verdict2.end, kind }] });
      } else if (verdict2?.kind === "placeholder" && allowForwarded) {
        context.report({ messageId: "forwardedVariable", data: { name, via: text.slice(a.valueStart, a.valueEnd) }, start: at, end: at + name.length, identity: `variable:${name.toUpperCase()}` });
      }
    }
    for (const command of script.commands) powerShellCommand(context, script, command, text);
  }
}
function powerShellCommand(context, script, command, text) {
  const name = psCommandName(command);
  const word = psCommandWord(command);
  command.elements.forEach((e, k) => {
    if (!isToken(e) || !/^\.?SetEnvironmentVariable$/i.test(e.value ?? "")) return;
    const args2 = callArguments(command.elements[k + 1]);
    const nameArg = args2[0]?.[0];
    const variable = nameArg && isToken(nameArg) ? nameArg.value : void 0;
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : void 0;
    if (!variable || !kind || !nameArg || !isToken(nameArg)) return;
    const targetText = args2[2] ? text.slice(args2[2][0].start, args2[2].at(-1).end) : "";
    const persistent = /Machine|User/i.test(targetText);
    const verdict2 = judgePsValue(script, text, args2[1] ?? []);
    if (!verdict2 || verdict2.kind === "runtime" && (verdict2.role || !persistent)) return;
    if (!persistent) {
      if (verdict2.kind !== "literal") return;
      context.report({ messageId: "literalVariable", data: { name: variable, via: "" }, start: nameArg.contentStart, end: nameArg.contentEnd, identity: `variable:${variable.toUpperCase()}`, secrets: [{ start: verdict2.start, end: verdict2.end, kind }] });
      return;
    }
    const where = /Machine/i.test(targetText) ? "the machine environment" : "the user environment";
    context.report({
      messageId: "persistedVariable",
      data: { name: variable, path: where },
      start: nameArg.contentStart,
      end: nameArg.contentEnd,
      identity: `persist:${variable.toUpperCase()}:${where}`,
      ...verdict2.kind === "literal" ? { secrets: [{ start: verdict2.start, end: verdict2.end, kind }] } : { severity: "warning" }
    });
  });
  if (!name || !word) return;
  if (name === "setx") {
    const [variableArg, valueArg] = psPositionals(command);
    const variable = staticValue(variableArg);
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : void 0;
    if (!variable || !kind || !variableArg || !isToken(variableArg) || !valueArg) return;
    const verdict2 = judgePsValue(script, text, [valueArg]);
    if (!verdict2 || verdict2.kind === "runtime" && verdict2.role) return;
    const where = psArguments(command).some((e) => isToken(e) && /^[/-]m$/i.test(e.value ?? "")) ? "the machine environment" : "the user environment";
    context.report({
      messageId: "persistedVariable",
      data: { name: variable, path: where },
      start: variableArg.contentStart,
      end: variableArg.contentEnd,
      identity: `persist:${variable.toUpperCase()}:${where}`,
      ...verdict2.kind === "literal" ? { secrets: [{ start: verdict2.start, end: verdict2.end, kind }] } : { severity: "warning" }
    });
    return;
  }
  if (PS_STORE_CMDLETS.test(name)) {
    const secret = psParameter(command, /^-SecretKey$/i);
    const access = psParameter(command, /^-AccessKey$/i);
    const param = secret ?? access;
    if (!param) return;
    const session = psParameter(command, /^-SessionToken$/i);
    const verdict2 = judgePsValue(script, text, param.value ? [param.value] : []);
    if (session && verdict2?.kind !== "literal") return;
    if (verdict2?.kind === "runtime" && verdict2.role) return;
    const value = param.value;
    context.report({
      messageId: "powershellCredentials",
      data: { name: word.value ?? word.loose },
      start: param.parameter.start,
      end: param.parameter.end,
      identity: `ps:${name}`,
      ...verdict2?.kind === "literal" && value ? { secrets: [{ start: verdict2.start, end: verdict2.end, kind: secret ? "secret-access-key" : "access-key-id" }] } : {},
      // `-StoreAs` persists a profile: with a placeholder ($awsSecretKey = "xxxx") it is the same
      // anti-pattern, reported at a lower severity.
      ...verdict2?.kind === "placeholder" ? { severity: "warning" } : {}
    });
    return;
  }
  if (/^(?:set-item|new-item|si|ni)$/.test(name)) {
    const path = psParameter(command, /^-(?:Path|LiteralPath)$/i)?.value ?? psPositionals(command)[0];
    const p = staticValue(path);
    const m = p ? /^env:(.+)$/i.exec(p) : null;
    const kind = m ? awsCredentialVariableIgnoreCase(m[1]) : void 0;
    const valueEl = psParameter(command, /^-Value$/i)?.value ?? psPositionals(command)[1];
    if (m && kind && path && isToken(path) && valueEl) {
      const verdict2 = judgePsValue(script, text, [valueEl]);
      if (verdict2?.kind === "literal") {
        const at = path.contentStart + p.indexOf(":") + 1;
        context.report({ messageId: "literalVariable", data: { name: m[1], via: "" }, start: at, end: at + m[1].length, identity: `variable:${m[1].toUpperCase()}`, secrets: [{ start: verdict2.start, end: verdict2.end, kind }] });
      }
    }
    return;
  }
  if (/^(?:set-itemproperty|new-itemproperty|sp)$/.test(name)) {
    const path = looseValue(psParameter(command, /^-(?:Path|LiteralPath)$/i)?.value ?? psPositionals(command)[0], text);
    const nameEl = psParameter(command, /^-Name$/i)?.value;
    const variable = staticValue(nameEl);
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : void 0;
    if (!kind || !nameEl || !isToken(nameEl) || !/\\Environment["']?$|^["']?HKCU:\\Environment/i.test(path)) return;
    const valueEl = psParameter(command, /^-Value$/i)?.value;
    const verdict2 = valueEl ? judgePsValue(script, text, [valueEl]) : { kind: "placeholder" };
    if (!verdict2 || verdict2.kind === "runtime" && verdict2.role) return;
    const where = /^["']?HKCU:/i.test(path) ? "the user environment" : "the machine environment";
    context.report({
      messageId: "persistedVariable",
      data: { name: variable, path: where },
      start: nameEl.contentStart,
      end: nameEl.contentEnd,
      identity: `persist:${variable.toUpperCase()}:${where}`,
      ...verdict2.kind === "literal" ? { secrets: [{ start: verdict2.start, end: verdict2.end, kind }] } : { severity: "warning" }
    });
    return;
  }
  if (/^(?:add-content|set-content|out-file|ac)$/.test(name)) {
    const target = looseValue(psParameter(command, /^-(?:Path|FilePath|LiteralPath)$/i)?.value ?? psPositionals(command)[0], text);
    if (/^\$PROFILE\b|profile\.ps1["']?$|[\\/]\.(?:bashrc|profile)["']?$/i.test(target)) {
      const sources = [psParameter(command, /^-Value$/i)?.value, ...psPositionals(command).slice(1), ...command.upstream?.elements ?? []];
      for (const src of sources) {
        if (!src || !isToken(src) || src.type !== "string") continue;
        const body = text.slice(src.contentStart, src.contentEnd);
        for (const m of body.matchAll(/\$env:(\w+)\s*=\s*(\S+)?/gi)) {
          const v = m[1];
          if (!awsCredentialVariableIgnoreCase(v)) continue;
          const at = src.contentStart + m.index + "$env:".length;
          const value = m[2] ?? "";
          const valueStart = at + m[0].length - "$env:".length - value.length;
          reportPersisted(context, at, v, value, valueStart, valueStart + value.length, "$PROFILE");
        }
      }
    }
  }
  if (name === "new-iamaccesskey") {
    context.report({ messageId: "createAccessKey", start: word.start, end: word.end, identity: "iam:create-access-key" });
    return;
  }
  if (name === "aws") {
    const values = psArguments(command).map((e) => isToken(e) ? e.value ?? e.loose : "");
    const op = psArguments(command)[values.indexOf("create-access-key")];
    if (values.includes("iam") && op) context.report({ messageId: "createAccessKey", start: op.start, end: op.end, identity: "iam:create-access-key" });
  }
  const writes = PS_WRITE_CMDLETS.test(name) || command.elements.some((e) => isToken(e) && (e.type === "operator" && /^[1*]?>>?$/.test(e.text) || /^\.?(?:WriteAllText|WriteAllLines|AppendAllText|Copy|Move)$/i.test(e.value ?? "")));
  if (!writes) return;
  const candidates = [...psArguments(command), ...command.elements.flatMap((e) => e.type === "group" && e.open === "(" ? callArguments(e)[0] ?? [] : [])];
  for (const e of candidates) {
    const value = looseValue(e, text).replace(/^["']|["']$/g, "");
    const credentialsFile = PS_CREDENTIALS_PATH.test(value);
    const intoAwsDir = PS_AWS_DIR.test(value) && /^(?:copy-item|move-item|cp|copy|mv|move|xcopy)$/.test(name) && psArguments(command).some((o) => /(?:^|[\\/])credentials["']?$/i.test(looseValue(o, text)));
    if (!credentialsFile && !intoAwsDir) continue;
    const r = isToken(e) ? { start: e.contentStart, end: e.contentEnd } : { start: e.start, end: e.end };
    context.report({ messageId: "credentialsFile", data: { path: text.slice(r.start, r.end) }, start: r.start, end: r.end, identity: `file:${value}` });
    return;
  }
}
function reportWindows(context, doc) {
  for (const block of windowsBlocks(doc)) {
    if (block.language !== "cmd") continue;
    for (const statement of windowsStatements(doc, block)) {
      windowsStatement(context, statement);
    }
  }
}
function windowsStatement(context, statement) {
  const text = statement.text;
  const report3 = (messageId, start, end, identity, kind, secret, name) => context.report({
    messageId,
    data: { name: name ?? text.slice(start - statement.start, end - statement.start), path: text.slice(start - statement.start, end - statement.start), via: "" },
    start,
    end,
    identity,
    ...secret && kind ? { secrets: [{ ...secret, kind }] } : {}
  });
  let m = PS_ENV.exec(text);
  if (m) {
    const name = m[1];
    const value = m[2].split(/[;\r\n]/)[0] ?? "";
    const kind = awsCredentialVariableIgnoreCase(name);
    if (kind && isWindowsLiteral(value)) {
      const at = statement.start + m.index + "$env:".length;
      report3("literalVariable", at, at + name.length, `variable:${name.toUpperCase()}`);
    }
  }
  m = PS_SETENV.exec(text);
  if (m && (m[3] ?? "") !== "") {
    const name = m[1];
    const at = statement.start + m.index + m[0].indexOf(name);
    report3("literalVariable", at, at + name.length, `variable:${name.toUpperCase()}`);
  }
  const words = windowsWords(statement);
  const first = words[0]?.value.toLowerCase().replace(/^@/, "");
  if (first === "setx" && words[1] && words[2]) {
    const kind = awsCredentialVariableIgnoreCase(words[1].value);
    if (kind && isWindowsLiteral(words[2].quote ? `${words[2].quote}${words[2].value}${words[2].quote}` : words[2].value)) {
      report3("literalVariable", words[1].contentStart, words[1].contentEnd, `variable:${words[1].value.toUpperCase()}`);
    }
  }
  m = CMD_SET.exec(text);
  if (m && first === "set") {
    const name = m[1];
    const value = m[2];
    if (value !== "" && !/[%!$]/.test(value)) {
      const at = statement.start + m[0].indexOf(name);
      report3("literalVariable", at, at + name.length, `variable:${name.toUpperCase()}`);
    }
  }
  if (/^(?:Set-AWSCredentials?|Initialize-AWSDefaultConfiguration|Initialize-AWSDefaults)$/i.test(words[0]?.value ?? "")) {
    const param = words.find((w) => /^-SecretKey$/i.test(w.value)) ?? words.find((w) => /^-AccessKey$/i.test(w.value));
    if (param) report3("powershellCredentials", param.start, param.end, `ps:${words[0]?.value.toLowerCase()}`, void 0, void 0, words[0]?.value);
  }
  if (PS_WRITE_VERB.test(text)) {
    const target = words.find((w) => WIN_CREDENTIALS_PATH.test(w.value));
    if (target) report3("credentialsFile", target.contentStart, target.contentEnd, `file:${target.value}`);
  }
  for (let i = 0; i + 2 < words.length; i++) {
    if (/^(?:.*[\\/])?aws(?:\.exe)?$/i.test(words[i]?.value ?? "") && words[i + 1]?.value === "iam" && words[i + 2]?.value === "create-access-key") {
      const op = words[i + 2];
      if (op) report3("createAccessKey", op.start, op.end, "iam:create-access-key");
    }
  }
}
var no_static_credentials_in_bootstrap_default = defineRule({
  id: "no-static-credentials-in-bootstrap",
  description: "Disallow static AWS keys placed on instances and images by user data, cloud-init and provisioning scripts",
  fullDescription: "A bootstrap script that exports AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, writes ~/.aws/credentials (or /etc/boto.cfg), or mints a key with `aws iam create-access-key` leaves a long-lived IAM user key on every instance or image it builds. The key is also in the user data, which anyone allowed to describe the instance attribute or to reach the metadata service can read. An instance profile provides rotating temporary credentials instead, and secrets the workload needs belong in Secrets Manager or Parameter Store, fetched at run time.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-522"],
  tags: ["security", "aws", "ec2", "bootstrap"],
  kinds: ["shell", "powershell", "user-data", "cloud-init"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  // Credential variables, credential files (`.aws/…`, `$AWS_SHARED_CREDENTIALS_FILE`, boto and
  // s3cmd configs) and key-minting commands; not `boto` alone, which every `pip install boto3`
  // has, nor `.aws` in names such as `Dockerrun.aws.json`.
  keywords: /AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN|SHARED_CREDENTIALS_FILE|CONFIG_FILE)|\.aws[\\/]|\.boto\b|boto\.cfg|s3cfg|create-access-key|Set-AWSCredential|Initialize-AWSDefault|New-IAMAccessKey/i,
  messages: {
    literalVariable: "{{name}} is set to a static key in a bootstrap script, so the key sits in the user data and on the machine; attach an IAM instance profile (role) instead",
    forwardedVariable: "{{name}} is set from {{via}}, which a bootstrap script can only get from its template: the key ends up in the user data; attach an IAM instance profile (role) instead, or fetch secrets at run time from Secrets Manager or SSM Parameter Store",
    credentialsFile: "The bootstrap script writes AWS keys to {{path}}, leaving a long-lived key on the machine; attach an IAM instance profile (role) instead",
    createAccessKey: "`aws iam create-access-key` mints a long-lived IAM user key during bootstrap; attach an IAM instance profile (role) to the instance instead",
    persistedVariable: "{{name}} is written to {{path}} during bootstrap, so every later shell or service of the machine gets a long-lived key (a placeholder here means the template is built to carry one); attach an IAM instance profile (role) instead",
    powershellCredentials: "`{{name}}` stores an access key in the AWS Tools for PowerShell credential store on the machine; attach an IAM instance profile (role) instead"
  },
  recommendation: [
    "Delete the key from the script and rotate it: user data is readable through the EC2 API and the metadata service. ",
    "Attach an IAM role through an instance profile; the AWS CLI, SDKs and AWS Tools for PowerShell then get temporary ",
    "credentials from the instance metadata service automatically. Secrets the application needs (database passwords, ",
    "third-party tokens) are fetched at run time: `$(aws secretsmanager get-secret-value \u2026)`, ",
    "`$(aws ssm get-parameter --with-decryption \u2026)`. In image builds use BuildKit secret mounts."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (!isBootstrapContext(doc)) return;
    const script = shellScript(doc);
    if (script) {
      const allowForwarded = !enclosingDockerfile(doc) && (doc.bootstrap || TEMPLATE_PATH.test(doc.path));
      reportAssignments(context, script, allowForwarded);
      reportFileWrites(context, script);
      reportPersistence(context, script);
      reportCreateAccessKey(context, script);
    }
    reportCloudConfig(context, doc);
    reportPowerShell(context, doc, !enclosingDockerfile(doc) && (doc.bootstrap || TEMPLATE_PATH.test(doc.path)));
    reportWindows(context, doc);
  }
});

// rules/no-static-provider-credentials.ts
var TF_CREDENTIAL_ARGUMENTS = {
  access_key: "access-key-id",
  secret_key: "secret-access-key",
  token: "session-token"
};
var KEY_PARAMETER = /(?:^|[^a-z])(?:aws)?_?(?:access_?key(?:_?id)?|secret_?(?:access_?)?key|session_?token)(?:$|[^a-z])/i;
var SECRET_PARAMETER = /secret|token/i;
function nonEmptyLiteral(value) {
  return value.kind === "string" && !value.hasPlaceholders && value.value.trim().length > 0;
}
function secretRange(text, range, kind) {
  const first = text[range.start];
  const quoted = range.end - range.start >= 2 && (first === '"' || first === "'") && text[range.end - 1] === first;
  return quoted ? { start: range.start + 1, end: range.end - 1, kind } : { start: range.start, end: range.end, kind };
}
function reportValue(context, messageId, data, range, kind, identity) {
  context.report({ messageId, data, start: range.start, end: range.end, secrets: [secretRange(context.document.text, range, kind)], identity });
}
function checkTerraformArguments(context, block, where) {
  const file = block.file;
  for (const attr of block.attributes()) {
    const kind = TF_CREDENTIAL_ARGUMENTS[attr.name];
    if (!kind) continue;
    checkTerraformArgument(context, file, attr, kind, where);
  }
}
function checkTerraformArgument(context, file, attr, kind, where) {
  const expr = context.document.text.slice(attr.range.start, attr.range.end).trim();
  const variable = /^(?:var\.([A-Za-z_][\w-]*)|"\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}")$/.exec(expr)?.slice(1).find((g) => g !== void 0);
  if (variable !== void 0) {
    const block = moduleOf(file).variables.get(variable);
    const def = block?.attribute("default");
    if (!block || !def) return;
    const value2 = def.value();
    if (!nonEmptyLiteral(value2)) return;
    const pointsAt = block.file === file ? { secrets: [secretRange(context.document.text, def.range, kind)] } : { refersTo: { absPath: block.file.path, text: block.file.text, start: def.range.start, end: def.range.end } };
    context.report({ messageId: "providerVariable", data: { argument: attr.name, where, variable }, start: attr.range.start, end: attr.range.end, identity: `${where}.${attr.name}`, ...pointsAt });
    if (block.file === file) {
      reportValue(context, "variableDefault", { argument: attr.name, variable }, def.range, kind, `var.${variable}.default`);
    }
    return;
  }
  const value = attr.value();
  if (nonEmptyLiteral(value)) reportValue(context, "providerLiteral", { argument: attr.name, where }, attr.range, kind, `${where}.${attr.name}`);
}
function checkTerraform(context) {
  const file = parseTerraform(context.document);
  for (const block of file.blocks) {
    if (block.type === "provider" && block.labels[0]?.value === "aws") {
      const alias = block.attribute("alias")?.value();
      const where = `provider "aws"${alias?.kind === "string" ? ` (${alias.value})` : ""}`;
      checkTerraformArguments(context, block, where);
    } else if (block.type === "terraform") {
      for (const backend of block.blocks("backend")) {
        if (backend.labels[0]?.value === "s3") checkTerraformArguments(context, backend, 'backend "s3"');
      }
    }
  }
}
function checkTerraformPlan(context) {
  const root = parseYamlDocuments(context.document)[0];
  const providers = getPath(root, ["configuration", "provider_config"]);
  if (providers?.kind !== "map") return;
  const variables = mapGet(root, "variables");
  for (const provider of providers.entries) {
    if (knownString(mapGet(provider.value, "name")) !== "aws") continue;
    const alias = knownString(mapGet(provider.value, "alias"));
    const where = `provider "aws"${alias ? ` (${alias})` : ""}`;
    const expressions = mapGet(provider.value, "expressions");
    for (const [argument, kind] of Object.entries(TF_CREDENTIAL_ARGUMENTS)) {
      const expression = mapGet(expressions, argument);
      if (!expression) continue;
      const constant = mapGet(expression, "constant_value");
      if (constant && nonEmptyLiteral(constant)) {
        reportValue(context, "providerLiteral", { argument, where }, valueTokenRange(constant), kind, `${where}.${argument}`);
        continue;
      }
      for (const ref of asList(mapGet(expression, "references"))) {
        const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(knownString(ref) ?? "")?.[1];
        if (variable === void 0) continue;
        const value = getPath(variables, [variable, "value"]);
        if (value && nonEmptyLiteral(value)) {
          reportValue(context, "planVariable", { argument, where, variable }, valueTokenRange(value), kind, `var.${variable}.value`);
        }
        break;
      }
    }
  }
}
function checkCloudFormation(context) {
  const template = parseCloudFormation(context.document);
  if (!template) return;
  for (const resource of template.resources) {
    const auth = mapEntry(resource.metadata, "AWS::CloudFormation::Authentication");
    if (auth?.value.kind !== "map") continue;
    for (const source of auth.value.entries) {
      for (const [key, kind] of [["accessKeyId", "access-key-id"], ["secretKey", "secret-access-key"], ["password", "secret"]]) {
        const entry = mapEntry(source.value, key);
        if (!entry) continue;
        const data = { key, resource: resource.logicalId };
        const identity = `${resource.logicalId}.${source.key}.${key}`;
        if (nonEmptyLiteral(entry.value)) reportValue(context, "cfnAuthentication", data, entry.value.range, kind, identity);
        else context.report({ messageId: "cfnAuthentication", data, start: entry.value.range.start, end: entry.value.range.end, identity });
      }
    }
  }
  for (const parameter2 of template.parameters.values()) {
    if (!KEY_PARAMETER.test(parameter2.name)) continue;
    const def = parameter2.default;
    if (def && nonEmptyLiteral(def)) {
      const kind = SECRET_PARAMETER.test(parameter2.name) ? "secret-access-key" : "access-key-id";
      reportValue(context, "parameterDefault", { parameter: parameter2.name }, def.range, kind, `${parameter2.name}.Default`);
    } else if (SECRET_PARAMETER.test(parameter2.name) && !parameter2.noEcho) {
      context.report({ messageId: "parameterEcho", data: { parameter: parameter2.name }, start: parameter2.nameRange.start, end: parameter2.nameRange.end, identity: `${parameter2.name}.NoEcho` });
    }
  }
}
var no_static_provider_credentials_default = defineRule({
  id: "no-static-provider-credentials",
  description: "Disallow static AWS keys in Terraform providers and backends and in CloudFormation templates",
  fullDescription: 'Access keys written into a Terraform `provider "aws"` or `backend "s3"` block, a variable default, a CloudFormation `AWS::CloudFormation::Authentication` block or a parameter default are long-lived credentials committed with the code. Terraform and CloudFormation get credentials from the environment (profiles, SSO, OIDC in CI, an assumed role) and cfn-init from the instance role: the slot itself is the defect, whatever value is in it today.',
  severity: "error",
  securitySeverity: 8,
  precision: "very-high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws", "terraform", "cloudformation"],
  // `text`: Terraform plan JSON (`terraform show -json`).
  kinds: ["terraform", "cloudformation", "text"],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ["no-hardcoded-access-key-id", "no-hardcoded-secret-access-key", "no-hardcoded-session-token"],
  keywords: /access_key|secret_key|\btoken\s*=|AWS::CloudFormation::Authentication|AccessKey|SecretKey|SessionToken|access_?key|secret/i,
  messages: {
    providerLiteral: "{{where}} sets {{argument}} to a literal: static keys committed with the code; use a profile, SSO, OIDC or assume_role instead",
    providerVariable: "{{where}} takes {{argument}} from var.{{variable}}, whose default is a literal key: use a profile, SSO, OIDC or assume_role instead",
    variableDefault: "var.{{variable}} has a literal default and is used as {{argument}} of an AWS provider: a committed key",
    planVariable: "the plan records var.{{variable}}, the {{argument}} of {{where}}, in plain text: anyone who can read the plan has the key; use a profile, SSO, OIDC or assume_role instead",
    cfnAuthentication: "{{resource}} gives cfn-init static keys ({{key}}) in AWS::CloudFormation::Authentication: use roleName with the instance role instead",
    parameterDefault: "parameter {{parameter}} holds an AWS key as its Default: a committed key; remove the default and use a role",
    parameterEcho: "parameter {{parameter}} takes an AWS secret without NoEcho: true, so the console and API show it; better, use a role"
  },
  recommendation: [
    "Remove the key from the code and deactivate it. Let Terraform find credentials in the environment ",
    "(`AWS_PROFILE`, IAM Identity Center, OIDC federation in CI) and switch accounts with `assume_role { role_arn = \u2026 }`. ",
    "For cfn-init, use `type: S3` with `roleName` pointing at the instance role. For CloudFormation parameters, do ",
    "not take keys at all; if you must, drop the `Default` and set `NoEcho: true`."
  ].join(""),
  references: [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration",
    "https://developer.hashicorp.com/terraform/language/backend/s3#credentials-and-shared-configuration",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-authentication.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === "terraform") checkTerraform(context);
    else if (doc.kind === "cloudformation") checkCloudFormation(context);
    else if (doc.language === "json" && looksLikeTerraformPlan(doc.text)) checkTerraformPlan(context);
  }
});

// rules/no-unscoped-write.ts
var ONLY_STAR = /* @__PURE__ */ new Set([
  "cloudwatch:PutMetricData",
  // What AWS's own execution-role policies (AWSLambdaBasicExecutionRole, AWSLambdaVPCAccessExecutionRole)
  // grant on "*": log streams and network interfaces are created on demand, so their ARNs are not
  // known when the policy is written.
  "logs:CreateLogGroup",
  "logs:CreateLogStream",
  "logs:PutLogEvents",
  "ec2:CreateNetworkInterface",
  "ec2:DeleteNetworkInterface",
  "ec2:AssignPrivateIpAddresses",
  "ec2:UnassignPrivateIpAddresses"
]);
var no_unscoped_write_default = defineRule({
  id: "no-unscoped-write",
  description: 'Disallow write, permissions-management and tagging actions on Resource "*" when the actions can be scoped to resources',
  fullDescription: 'A write action on `Resource: "*"` may change, delete or re-permission every resource of its type in the account. Only actions that accept resource ARNs are reported: actions that AWS only authorises on `*` (describe and list calls, `ecr:GetAuthorizationToken`, `cloudwatch:PutMetricData`) are fine there.',
  severity: "warning",
  securitySeverity: 5.5,
  precision: "high",
  cwe: ["CWE-732"],
  tags: ["security", "aws", "iam", "least-privilege"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    unscopedWrite: "{{actions}} on every resource: {{what}} can be scoped to {{types}} ARNs"
  },
  recommendation: [
    'Replace `Resource: "*"` with the ARNs the workload writes to (`arn:aws:s3:::my-bucket/*`, ',
    "`!GetAtt Queue.Arn`, `aws_dynamodb_table.orders.arn`), or narrow the statement with a condition on ",
    "`aws:ResourceTag/<key>`. Keep actions that only accept `*` in a statement of their own."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html"
  ],
  defaultOptions: {},
  check(context) {
    const found = unscopedAllows(context.document);
    if (!found) return;
    const catalog2 = getCatalog();
    for (const { doc, statement: st, star } of found.allows) {
      const scopable = [];
      for (const item of st.action.items) {
        if (item.state !== "known" || isReportedWildcard(item.value)) continue;
        for (const a of catalog2.expand(item.value)) {
          if (!isWriteLevel(a.level) || a.resourceTypes.length === 0 || ONLY_STAR.has(a.id)) continue;
          if (a.id === "iam:PassRole" || CREDENTIAL_ACTIONS.has(a.id.toLowerCase())) continue;
          if (undoneByDeny(found.model, doc, a.id)) continue;
          if (!scopable.includes(a)) scopable.push(a);
        }
      }
      if (scopable.length === 0) continue;
      const names = scopable.map((a) => a.id);
      const actions = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more write actions`;
      const types = [...new Set(scopable.flatMap((a) => (a.requiredTypes.length > 0 ? a.requiredTypes : a.resourceTypes).slice(0, 2)))].slice(0, 4).join(", ");
      context.report({
        messageId: "unscopedWrite",
        data: { actions, what: names.length === 1 ? "it" : "they", types },
        start: star.range.start,
        end: star.range.end,
        identity: `${doc.label}:${st.index}:${names.join(",")}`
      });
    }
  }
});

// rules/no-wildcard-action.ts
var no_wildcard_action_default = defineRule({
  id: "no-wildcard-action",
  description: "Disallow Allow statements whose actions are a wildcard that grants write or permissions-management access, or a NotAction",
  fullDescription: 'An Allow statement with `Action: "*"`, a service wildcard such as `s3:*`, or a pattern that expands to Write or Permissions-management actions grants far more than the workload needs, including every action AWS adds later. `Allow` with `NotAction` grants everything except the listed actions. Name the actions the workload calls.',
  severity: "warning",
  securitySeverity: 6.5,
  precision: "very-high",
  cwe: ["CWE-732", "CWE-269"],
  tags: ["security", "aws", "iam", "least-privilege"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    allActions: '"*" allows every action of every AWS service ({{total}} actions, {{counts}}) {{scope}}',
    serviceWildcard: '"{{pattern}}" allows {{count}} {{service}} actions ({{counts}}) {{scope}}',
    writePattern: '"{{pattern}}" expands to {{count}} actions, {{counts}}, {{scope}}: list the actions needed',
    notAction: "Allow with NotAction grants every action except those listed ({{count}} actions, {{counts}}) {{scope}}"
  },
  recommendation: [
    "List the actions the workload calls (`s3:GetObject`, `s3:PutObject`) instead of `*` or `s3:*`; IAM Access Analyzer ",
    "can generate a policy from CloudTrail activity. Replace `Allow` + `NotAction` with an explicit `Action` list, or ",
    "with `Deny` + `NotAction` if the intent is a guard rail."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_generate-policy.html"
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found || found.docs.length === 0) return;
    const catalog2 = getCatalog();
    for (const doc of found.docs) {
      for (const st of doc.statements) {
        if (st.effect !== "Allow") continue;
        const anyResource = coversAnyResource(st) === true && !st.condition;
        const scope = anyResource ? "on every resource" : "on the resources of the statement";
        const writesLeft = (ids) => ids.filter((a) => isWriteLevel(a.level) && !undoneByDeny(found.model, doc, a.id));
        if (st.notAction) {
          if (st.notAction.incomplete || st.notAction.items.some((i) => i.state !== "known")) continue;
          const excluded = new Set(st.notAction.items.flatMap((i) => catalog2.expand(i.value)));
          const granted = catalog2.expand("*").filter((a) => !excluded.has(a));
          if (writesLeft(granted).length === 0) continue;
          context.report({ messageId: "notAction", data: { count: granted.length, counts: describeCounts(granted), scope }, start: st.notAction.keyRange.start, end: st.notAction.keyRange.end, identity: `${doc.label}:${st.index}:NotAction` });
          continue;
        }
        for (const item of st.action?.items ?? []) {
          if (item.state !== "known") continue;
          const pattern = item.value;
          if (!hasWildcard(pattern) || !isReportedWildcard(pattern)) continue;
          const actions = catalog2.expand(pattern);
          if (actions.length > 0 && writesLeft(actions).length === 0) continue;
          const identity = `${doc.label}:${st.index}:${pattern}`;
          const at = { start: item.range.start, end: item.range.end, identity };
          if (pattern === "*") context.report({ messageId: "allActions", data: { total: catalog2.actionCount, counts: describeCounts(actions), scope }, severity: anyResource ? "error" : "warning", ...at });
          else if (/^[^:*?]+:\*$/.test(pattern)) {
            const service = pattern.slice(0, pattern.indexOf(":"));
            if (actions.length === 0) continue;
            context.report({ messageId: "serviceWildcard", data: { pattern, count: actions.length, service, counts: describeCounts(actions), scope }, ...at });
          } else {
            if (actions.length === 0) continue;
            context.report({ messageId: "writePattern", data: { pattern, count: actions.length, counts: describeCounts(actions), scope }, ...at });
          }
        }
      }
    }
  }
});

// rules/no-wildcard-principal.ts
var NARROWING = /* @__PURE__ */ new Set([
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:sourceip",
  "aws:vpcsourceip",
  "aws:userid",
  "aws:username",
  "aws:principalservicename",
  "aws:principalisawsservice",
  "aws:sourceidentity",
  "kms:calleraccount",
  "kms:viaservice",
  "sts:externalid",
  "s3:dataaccesspointaccount",
  "s3:dataaccesspointarn",
  "lambda:functionurlauthtype",
  "elasticfilesystem:accesspointarn",
  "aws:resourceorgid",
  "aws:resourceaccount"
]);
function narrowed(st) {
  const c = st.condition;
  if (!c) return false;
  if (c.incomplete) return true;
  return c.entries.some((e) => {
    const key = e.key.toLowerCase();
    if (key === "elasticfilesystem:accessedviamounttarget") return /^bool/i.test(e.operator) && !e.values.incomplete && e.values.items.length > 0 && e.values.items.every((i) => i.state === "known" && i.value === "true");
    const pinning = NARROWING.has(key) || /^[\w.-]+\.amazonaws\.com:(?:aud|sub|amr)$/.test(key) || /:(?:aud|sub)$/.test(key);
    if (!pinning || /^bool/i.test(e.operator)) return false;
    return e.values.incomplete || e.values.items.some((i) => i.state !== "known" || i.value !== "*" && i.value !== "");
  });
}
function wildcardToken(st) {
  const p = st.principal;
  if (!p) return void 0;
  if (p.star) return p.star;
  return p.types.get("AWS")?.items.find((i) => i.state === "known" && i.value === "*");
}
function checkLambdaPermissions(context) {
  const graph = resourceGraph(context.document);
  if (!graph) return;
  for (const n of graph.localNodes()) {
    const cfn = n.type === "AWS::Lambda::Permission";
    if (!cfn && n.type !== "aws_lambda_permission") continue;
    const principal = cfn ? mapEntry(n.cfn?.properties, "Principal")?.value : n.tf?.attribute("principal")?.value();
    if (!principal || knownString(principal) !== "*") continue;
    const pinned = cfn ? ["SourceArn", "SourceAccount", "PrincipalOrgID"].some((k) => mapEntry(n.cfn?.properties, k)) : ["source_arn", "source_account", "principal_org_id"].some((k) => n.tf?.attribute(k));
    const urlAuth = cfn ? knownString(mapEntry(n.cfn?.properties, "FunctionUrlAuthType")?.value) : knownString(n.tf?.attribute("function_url_auth_type")?.value());
    if (pinned || urlAuth === "AWS_IAM") continue;
    const range = valueTokenRange(principal);
    context.report({ messageId: "wildcardPrincipal", data: { policy: describeNode(n), principal: '"*"' }, start: range.start, end: range.end, identity: `${n.id}:principal` });
  }
}
var no_wildcard_principal_default = defineRule({
  id: "no-wildcard-principal",
  description: "Disallow trust and resource policies that allow every principal without a condition that pins the caller",
  fullDescription: 'An Allow with `Principal: "*"` or `{"AWS": "*"}` in a role trust policy or a resource policy (S3 bucket, SQS queue, SNS topic, KMS key, ECR repository, secret, Lambda permission \u2026) grants the access to every AWS account \u2014 for most services to anonymous callers as well \u2014 unless a condition pins the caller (`aws:PrincipalOrgID`, `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceVpce` \u2026). `NotPrincipal` with Allow grants everyone except the listed principals.',
  severity: "error",
  securitySeverity: 8.5,
  precision: "very-high",
  cwe: ["CWE-284", "CWE-732"],
  tags: ["security", "aws", "iam", "public-access"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: new RegExp(`${POLICY_KEYWORDS.source}|Lambda::Permission|aws_lambda_permission`),
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    wildcardPrincipal: "{{policy}} allows principal {{principal}} \u2014 every AWS account and anonymous callers \u2014 with no condition on the caller",
    wildcardTrust: "{{policy}} lets any AWS principal assume the role (principal {{principal}}) with no condition on the caller",
    notPrincipalAllow: "{{policy}} allows every principal except those in NotPrincipal"
  },
  recommendation: [
    'Name the principals (`{"AWS": "arn:aws:iam::111122223333:root"}`, `{"Service": "cloudtrail.amazonaws.com"}`), or ',
    "keep `*` and pin the caller with a condition: `aws:PrincipalOrgID` for your organisation, `aws:SourceArn` / ",
    "`aws:SourceAccount` for a service acting for a resource, `aws:SourceVpce` for a VPC endpoint. Replace Allow + ",
    "NotPrincipal with explicit principals."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (model) {
      for (const doc of model.documents) {
        if (doc.kind === "identity") continue;
        for (const st of doc.statements) {
          if (st.effect !== "Allow") continue;
          if (st.notPrincipal) {
            context.report({ messageId: "notPrincipalAllow", data: { policy: doc.label }, start: st.notPrincipal.keyRange.start, end: st.notPrincipal.keyRange.end, identity: `${doc.label}:${st.index}:NotPrincipal` });
            continue;
          }
          const token = wildcardToken(st);
          if (!token || narrowed(st)) continue;
          const principal = st.principal?.star ? '"*"' : '{"AWS": "*"}';
          context.report({ messageId: doc.kind === "trust" ? "wildcardTrust" : "wildcardPrincipal", data: { policy: doc.label, principal }, start: token.range.start, end: token.range.end, identity: `${doc.label}:${st.index}:principal` });
        }
      }
    }
    checkLambdaPermissions(context);
  }
});

// rules/prefer-managed-policies.ts
var prefer_managed_policies_default = defineRule({
  id: "prefer-managed-policies",
  description: "Require managed policies attached to roles and groups instead of inline policies and policies attached to users",
  fullDescription: "Inline policies live inside one role, user or group: they cannot be reused, versioned or rolled back, and they are easy to miss in a review. Policies attached directly to users spread permissions over people instead of managing them in groups. AWS recommends customer-managed policies attached to roles and groups.",
  severity: "note",
  securitySeverity: 2,
  precision: "very-high",
  cwe: ["CWE-1220"],
  tags: ["security", "aws", "iam", "maintainability"],
  kinds: ["cloudformation", "terraform"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    inlinePolicy: "{{principal}} has an inline policy: use a managed policy (AWS::IAM::ManagedPolicy / aws_iam_policy) attached to it",
    userPolicy: "{{principal}} is given permissions directly: attach the policy to a group and add the user to it"
  },
  recommendation: [
    "Move the statements into a customer-managed policy (`AWS::IAM::ManagedPolicy`, `aws_iam_policy` with an ",
    "`aws_iam_role_policy_attachment`) and attach it to the role or to a group; add users to groups ",
    "(`AWS::IAM::UserToGroupAddition`, `aws_iam_user_group_membership`)."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions"
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    for (const p of model.principals) {
      if (p.implicit) continue;
      for (const a of p.policies) {
        if (a.elsewhere || a.document.foreign && a.via === "inline") continue;
        const identity = `${p.id}:${a.document.label}`;
        if (p.kind === "user") context.report({ messageId: "userPolicy", data: { principal: p.label }, start: a.range.start, end: a.range.end, identity });
        else if (a.via === "inline") context.report({ messageId: "inlinePolicy", data: { principal: p.label }, start: a.range.start, end: a.range.end, identity });
      }
    }
  }
});

// rules/require-imdsv2.ts
var TARGETS = ["instance", "launch-template", "launch-configuration", "spot-request"];
function inheritsFromTemplate(graph, node) {
  return graph.launchTemplatesOf(node).length > 0;
}
function numberOf(attr) {
  const s = knownString(attr?.value);
  if (s === void 0 || !/^\d+$/.test(s.trim())) return void 0;
  return Number(s);
}
var require_imdsv2_default = defineRule({
  id: "require-imdsv2",
  description: "Require IMDSv2 (session tokens) on EC2 instances, launch templates and launch configurations",
  fullDescription: "The instance metadata service serves the instance role's temporary credentials. With IMDSv1 enabled, any process or server-side request forgery that can make the instance fetch http://169.254.169.254/ can read them with a plain GET. IMDSv2 requires a session token obtained with a PUT that such requests cannot make, and a hop limit of 1 keeps the token from leaving the host.",
  severity: "warning",
  securitySeverity: 6.5,
  precision: "high",
  cwe: ["CWE-918", "CWE-522"],
  tags: ["security", "aws", "ec2", "imds"],
  // `text`: Terraform plan JSON (`terraform show -json`), read through the same resource graph.
  kinds: ["cloudformation", "terraform", "text"],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request)\b|terraform-aws-modules/,
  messages: {
    missing: "{{resource}} does not require IMDSv2: set {{setting}} so a stolen metadata request cannot read the role credentials",
    optional: 'http tokens are "{{value}}": IMDSv1 stays enabled and any SSRF can read the role credentials; set it to "required"',
    moduleOptional: '{{module}} passes metadata_options.http_tokens = "{{value}}" to {{source}}: IMDSv1 stays enabled on the instances it launches and any SSRF can read the role credentials; set it to "required"',
    hopLimit: "hop limit {{value}} lets the metadata token travel {{value}} network hops (containers on the host can use it); use 1 unless containers need 2"
  },
  recommendation: [
    "Require session tokens: `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` on an instance, ",
    "a launch template (under `LaunchTemplateData`) or a launch configuration in CloudFormation, ",
    '`metadata_options { http_tokens = "required" }` in Terraform (`metadata_options = { http_tokens = "required" }` ',
    "as an input of the terraform-aws-modules ec2-instance, autoscaling and EKS node group modules). Update tools that still use IMDSv1 (the AWS CLI and ",
    "SDKs have used IMDSv2 for years). Use a hop limit of 2 only for containers that need the instance role."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
    "https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...TARGETS])) {
      const resource = describeNode(node);
      const options2 = graph.metadataOptionsOf(node);
      const endpoint = knownString(options2?.httpEndpoint?.value);
      if (endpoint?.toLowerCase() === "disabled") continue;
      const inherited = inheritsFromTemplate(graph, node);
      if (!options2) {
        if (inherited) continue;
        const setting = node.format === "cloudformation" ? "MetadataOptions.HttpTokens: required" : 'metadata_options { http_tokens = "required" }';
        context.report({ messageId: "missing", data: { resource, setting }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:imds` });
        continue;
      }
      const tokens = options2.httpTokens;
      if (!tokens) {
        if (!inherited) {
          const setting = node.format === "cloudformation" ? "HttpTokens: required" : 'http_tokens = "required"';
          context.report({ messageId: "missing", data: { resource, setting }, start: options2.range.start, end: options2.range.end, identity: `${node.id}:imds` });
        }
      } else {
        const value = knownString(tokens.value);
        if (value !== void 0 && value.toLowerCase() !== "required") {
          context.report({ messageId: "optional", data: { value }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${node.id}:imds` });
        }
      }
      const hops2 = numberOf(options2.hopLimit);
      if (hops2 !== void 0 && hops2 > 1 && options2.hopLimit) {
        context.report({
          messageId: "hopLimit",
          data: { value: hops2 },
          start: options2.hopLimit.value.range.start,
          end: options2.hopLimit.value.range.end,
          identity: `${node.id}:imds-hops`,
          // Containers behind a bridge network need 2; anything more is never required.
          severity: hops2 > 2 ? "warning" : "note"
        });
      }
    }
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      if (!source) continue;
      const options2 = moduleMetadataOptions(call);
      const tokens = options2?.httpTokens;
      if (!tokens) continue;
      if (knownString(options2.httpEndpoint?.value)?.toLowerCase() === "disabled") continue;
      const value = knownString(tokens.value);
      if (value === void 0 || value.toLowerCase() === "required") continue;
      context.report({ messageId: "moduleOptional", data: { module: call.id, value, source }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${call.id}:imds` });
    }
  }
});

// rules/require-instance-profile.ts
var COMPUTE = ["instance", "launch-template", "launch-configuration", "spot-request", "fleet"];
function usedByRoleSupplyingService(graph, template) {
  return graph.referrers(template).some((n) => n.kind === "eks-nodegroup" || n.kind === "batch-compute");
}
function awsCallIn(userData) {
  const call = userData ? AWS_API_USE.exec(userData)?.[0]?.trim().replace(/^[;&|(`"'$]/, "") : void 0;
  return call ? call.slice(0, 40) : void 0;
}
function input(call, name) {
  return call.block.attribute(name)?.value();
}
function knownBool(value) {
  const s = knownString(value)?.trim().toLowerCase();
  return s === "true" ? true : s === "false" ? false : void 0;
}
function given(value) {
  if (!value || value.kind === "null") return false;
  return knownString(value)?.trim() !== "";
}
var MODULE_PROFILE_INPUTS = {
  "terraform-aws-modules/ec2-instance": { profile: ["iam_instance_profile"], hint: "pass iam_instance_profile" },
  "terraform-aws-modules/autoscaling": { profile: ["iam_instance_profile_arn", "iam_instance_profile_name"], hint: "pass iam_instance_profile_arn" }
};
function profileDecidedElsewhere(call, source) {
  if (knownBool(input(call, "create")) === false) return true;
  if (source === "terraform-aws-modules/ec2-instance") {
    return given(input(call, "launch_template"));
  }
  const createTemplate = input(call, "create_launch_template");
  if (createTemplate && knownBool(createTemplate) !== true) {
    if (knownBool(createTemplate) === void 0) return true;
    return ["launch_template", "launch_template_name", "launch_template_id"].some((name) => given(input(call, name)));
  }
  return false;
}
var require_instance_profile_default = defineRule({
  id: "require-instance-profile",
  description: "Require an IAM instance profile on EC2 instances, launch templates, launch configurations and spot requests",
  fullDescription: "An EC2 instance gets AWS credentials safely only from an IAM role attached through an instance profile: the instance metadata service hands out temporary STS credentials that rotate on their own. An instance without a profile has no identity, so whatever it runs that needs AWS access ends up with static access keys baked into user data, an AMI or a configuration file.",
  severity: "warning",
  securitySeverity: 5,
  precision: "high",
  cwe: ["CWE-522"],
  tags: ["security", "aws", "iam", "ec2"],
  kinds: ["cloudformation", "terraform"],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate|SpotFleet)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request|spot_fleet_request)\b|terraform-aws-modules/,
  messages: {
    missing: "{{resource}} has no IAM instance profile: anything on it that calls AWS will need static keys; attach a role through an instance profile",
    missingWithApiCalls: "{{resource}} has no IAM instance profile but its user data calls AWS ({{call}}): that script can only work with static keys; attach a role through an instance profile",
    moduleMissing: "{{module}} ({{source}}) launches an instance without an IAM instance profile: {{hint}} or set create_iam_instance_profile = true",
    moduleMissingWithApiCalls: "{{module}} ({{source}}) launches an instance without an IAM instance profile but its user_data calls AWS ({{call}}): that script can only work with static keys; {{hint}} or set create_iam_instance_profile = true"
  },
  recommendation: [
    "Create an IAM role whose trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`, grant it only what the ",
    "instance needs, wrap it in an instance profile and reference the profile: `IamInstanceProfile: !Ref Profile` ",
    "(CloudFormation), `iam_instance_profile = aws_iam_instance_profile.app.name` (Terraform). In a launch template, ",
    "set it under `LaunchTemplateData.IamInstanceProfile` / `iam_instance_profile { name = \u2026 }`. The AWS CLI and SDKs ",
    "on the instance then find temporary credentials through the metadata service with no configuration."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance.html#cfn-ec2-instance-iaminstanceprofile",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#iam_instance_profile"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE])) {
      if (graph.instanceProfileOf(node)) continue;
      const templates2 = graph.launchTemplatesOf(node);
      if (templates2.length > 0) continue;
      if (node.type === "AWS::EC2::EC2Fleet" || node.type === "aws_ec2_fleet") continue;
      if (node.kind === "fleet" && node.format === "cloudformation" && !node.cfn?.properties) continue;
      if (node.kind === "launch-template" && usedByRoleSupplyingService(graph, node)) continue;
      const call = awsCallIn(graph.userDataOf(node));
      context.report({
        messageId: call ? "missingWithApiCalls" : "missing",
        data: { resource: describeNode(node), ...call ? { call } : {} },
        start: node.typeRange.start,
        end: node.typeRange.end,
        identity: `${node.id}:instance-profile`,
        ...call ? { severity: "error" } : {}
      });
    }
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      const inputs = source ? MODULE_PROFILE_INPUTS[source] : void 0;
      const sourceAttr = call.block.attribute("source");
      if (!source || !inputs || !sourceAttr) continue;
      if (inputs.profile.some((name) => given(input(call, name)))) continue;
      const create = input(call, "create_iam_instance_profile");
      if (create && knownBool(create) !== false) continue;
      if (profileDecidedElsewhere(call, source)) continue;
      const userData = input(call, "user_data") ?? input(call, "user_data_base64");
      const apiCall = awsCallIn(userData?.kind === "string" ? userData.value : void 0);
      const range = valueTokenRange(sourceAttr.value());
      context.report({
        messageId: apiCall ? "moduleMissingWithApiCalls" : "moduleMissing",
        data: { module: call.id, source, hint: inputs.hint, ...apiCall ? { call: apiCall } : {} },
        start: range.start,
        end: range.end,
        identity: `${call.id}:instance-profile`,
        ...apiCall ? { severity: "error" } : {}
      });
    }
  }
});

// rules/valid-iam-actions.ts
var VERSIONS = /* @__PURE__ */ new Set(["2012-10-17", "2008-10-17"]);
var arnRegexCache = /* @__PURE__ */ new Map();
function arnRegex(pattern) {
  let re = arnRegexCache.get(pattern);
  if (re) return re;
  const parts = pattern.split(":");
  const resourcePart = parts.slice(5).join(":");
  const pathy = resourcePart.includes("/");
  const lastVar = pattern.lastIndexOf("${");
  let out = "";
  let i = 0;
  for (const m of pattern.matchAll(/\$\{[^}]*\}/g)) {
    out += pattern.slice(i, m.index).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out += m.index === lastVar && pathy ? ".*" : m.index === lastVar ? "[^/]*" : "[^:]*";
    i = m.index + m[0].length;
  }
  out += pattern.slice(i).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  re = new RegExp(`^${out}$`, "i");
  arnRegexCache.set(pattern, re);
  return re;
}
function canStartWith(pattern, prefix) {
  const tokens = [];
  const parts = pattern.split(":");
  const pathy = parts.slice(5).join(":").includes("/");
  const lastVar = pattern.lastIndexOf("${");
  let i = 0;
  for (const m of pattern.matchAll(/\$\{[^}]*\}/g)) {
    if (m.index > i) tokens.push({ literal: pattern.slice(i, m.index).toLowerCase() });
    tokens.push({ re: m.index === lastVar && pathy ? /^[\s\S]$/ : m.index === lastVar ? /^[^/]$/ : /^[^:]$/ });
    i = m.index + m[0].length;
  }
  if (i < pattern.length) tokens.push({ literal: pattern.slice(i).toLowerCase() });
  const p = prefix.toLowerCase();
  const seen2 = /* @__PURE__ */ new Set();
  const walk2 = (pi, ti) => {
    if (pi >= p.length) return true;
    if (ti >= tokens.length) return false;
    const key = `${pi}:${ti}`;
    if (seen2.has(key)) return false;
    seen2.add(key);
    const t = tokens[ti];
    if (t.literal !== void 0) {
      const n = Math.min(t.literal.length, p.length - pi);
      return p.slice(pi, pi + n) === t.literal.slice(0, n) && (n < t.literal.length || walk2(pi + n, ti + 1));
    }
    if (walk2(pi, ti + 1)) return true;
    for (let k = pi; k < p.length && t.re.test(p[k]); k++) if (walk2(k + 1, ti + 1)) return true;
    return false;
  };
  return walk2(0, 0);
}
function checkResources(context, st, actions) {
  if (!st.resource || actions.length === 0) return;
  const catalog2 = getCatalog();
  const services = new Set(actions.map((a) => a.service));
  if (services.size !== 1 || actions.some((a) => a.resourceTypes.length === 0)) return;
  const service = catalog2.services.get([...services][0]);
  if (!service) return;
  for (const item of st.resource.items) {
    if (item.state === "unknown" || !item.value?.startsWith("arn:")) continue;
    const filled = item.value.replace(/\$\{[^}]*\}/g, "x");
    const prefixOnly = filled.endsWith("*");
    const body = prefixOnly ? filled.slice(0, -1) : filled;
    if (/[*?]/.test(body)) continue;
    const parts = body.split(":");
    if (parts.length < 6 || parts[2] !== service.prefix || parts[4] === "aws") continue;
    const matches = actions.some((a) => a.resourceTypes.some((t) => {
      const arn = service.resourceArns.get(t);
      return arn === void 0 || (prefixOnly ? canStartWith(arn, body) : arnRegex(arn).test(body));
    }));
    if (matches) continue;
    const types = [...new Set(actions.flatMap((a) => a.resourceTypes))].slice(0, 4);
    const example = service.resourceArns.get(types[0]) ?? "";
    context.report({
      messageId: "resourceMismatch",
      data: { resource: item.value, actions: actions.map((a) => a.id).slice(0, 3).join(", "), types: types.join(", "), example },
      start: item.range.start,
      end: item.range.end,
      severity: "warning",
      identity: `${st.document.label}:${st.index}:resource:${item.value}`
    });
  }
}
var valid_iam_actions_default = defineRule({
  id: "valid-iam-actions",
  description: "Require IAM actions, resource ARNs and policy versions that exist",
  fullDescription: 'IAM accepts policies that name actions or services that do not exist (`s3:GetObjects`), resources no action of the statement can apply to (`s3:GetObject` on a bucket ARN instead of `bucket/*`) and unknown `Version` values, and then silently grants nothing. The workload fails at run time, and the usual "fix" is a wildcard.',
  severity: "error",
  securitySeverity: 3,
  precision: "high",
  cwe: ["CWE-1164", "CWE-732"],
  tags: ["security", "aws", "iam", "correctness"],
  kinds: ["cloudformation", "terraform", "text", "javascript"],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    unknownService: '"{{action}}": there is no AWS service with the prefix "{{service}}"{{suggestion}}',
    unknownAction: '"{{action}}" does not exist in {{service}} and grants nothing{{suggestion}}',
    unknownPattern: '"{{action}}" matches no {{service}} action and grants nothing',
    resourceMismatch: "{{resource}} can never match a resource of {{actions}} (resource types {{types}}: {{example}}): the statement grants nothing there",
    invalidVersion: 'Version "{{version}}" is not a policy language version: use "2012-10-17"'
  },
  recommendation: [
    "Use the action names of the AWS service authorization reference (`s3:GetObject`, not `s3:GetObjects`); give ",
    'object actions object ARNs (`arn:aws:s3:::bucket/*`) and bucket actions the bucket ARN; write `Version: "2012-10-17"`.'
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_policy-validator.html"
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    let loaded;
    const catalog2 = () => loaded ??= getCatalog();
    for (const doc of model.documents) {
      if (doc.version?.state === "known" && !VERSIONS.has(doc.version.value)) {
        context.report({ messageId: "invalidVersion", data: { version: doc.version.value }, start: doc.version.range.start, end: doc.version.range.end, identity: `${doc.label}:version` });
      }
      for (const st of doc.statements) {
        const named2 = [];
        let allKnown = true;
        for (const list of [st.action, st.notAction]) {
          for (const item of list?.items ?? []) {
            if (item.state !== "known") {
              allKnown = false;
              continue;
            }
            const action = item.value;
            if (action === "*") {
              allKnown = false;
              continue;
            }
            const colon = action.indexOf(":");
            const serviceName = colon < 0 ? action : action.slice(0, colon);
            const at = { start: item.range.start, end: item.range.end, identity: `${doc.label}:${st.index}:${action}` };
            if (hasWildcard(serviceName)) {
              allKnown = false;
              continue;
            }
            const service = catalog2().services.get(serviceName.toLowerCase());
            if (!service || colon < 0) {
              const near = nearestNames(catalog2().services.keys(), serviceName);
              context.report({ messageId: "unknownService", data: { action, service: serviceName, suggestion: near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(", ")}?)` : "" }, ...at });
              allKnown = false;
              continue;
            }
            const name = action.slice(colon + 1);
            if (hasWildcard(name)) {
              allKnown = false;
              if (catalog2().expand(action).length === 0) context.report({ messageId: "unknownPattern", data: { action, service: service.prefix }, ...at });
              continue;
            }
            const found = service.byLowerName.get(name.toLowerCase());
            if (!found) {
              const near = nearestNames(service.actions.map((a) => a.name), name);
              context.report({ messageId: "unknownAction", data: { action, service: service.prefix, suggestion: near.length ? ` (did you mean ${near.map((n) => `"${service.prefix}:${n}"`).join(", ")}?)` : "" }, ...at });
              allKnown = false;
              continue;
            }
            if (list === st.action) named2.push(found);
          }
        }
        if (allKnown && st.action && !st.action.incomplete) checkResources(context, st, named2);
      }
    }
  }
});

// rules/valid-instance-profile.ts
var COMPUTE2 = ["instance", "launch-template", "launch-configuration", "spot-request", "fleet"];
var CFN_PROFILE_SETTINGS = {
  "AWS::Batch::ComputeEnvironment": ["ComputeResources", "InstanceRole"],
  "AWS::EMR::Cluster": ["JobFlowRole"],
  "AWS::ImageBuilder::InfrastructureConfiguration": ["InstanceProfileName"]
};
var TF_PROFILE_SETTINGS = {
  aws_batch_compute_environment: ["compute_resources", "instance_role"],
  aws_emr_cluster: ["ec2_attributes", "instance_profile"],
  aws_imagebuilder_infrastructure_configuration: ["instance_profile_name"]
};
var EB_NAMESPACE = "aws:autoscaling:launchconfiguration";
var EB_OPTION = "IamInstanceProfile";
var ROLE_ARN = /^arn:(?:\$\{[^}]*\}|[^:\s])*:iam::(?:\$\{[^}]*\}|[^:\s])*:role\//;
var TF_ROLE_NAME_ATTRIBUTES = /* @__PURE__ */ new Set(["name", "id"]);
var TF_DATA_ROLE_ARN = /^data\.aws_iam_role\.[\w-]+\.(?:arn|unique_id)$/;
function profileSettings(graph, node) {
  const out = [];
  if (node.format === "cloudformation") {
    const props = node.cfn?.properties;
    if (node.kind === "fleet") {
      for (const spec of asList(getPath(props, ["SpotFleetRequestConfigData", "LaunchSpecifications"]))) {
        const p = mapGet(spec, "IamInstanceProfile");
        if (p) out.push(...specificationValues(p));
      }
      return out;
    }
    if (COMPUTE2.includes(node.kind)) {
      const p = graph.instanceProfileOf(node);
      if (p) out.push(...specificationValues(p.value));
      return out;
    }
    const path = CFN_PROFILE_SETTINGS[node.type];
    if (path) {
      const v = getPath(props, path);
      if (v) out.push({ value: v });
    }
    if (node.type === "AWS::ElasticBeanstalk::Environment" || node.type === "AWS::ElasticBeanstalk::ConfigurationTemplate") {
      for (const opt2 of asList(mapGet(props, "OptionSettings"))) {
        if (knownString(mapGet(opt2, "Namespace")) === EB_NAMESPACE && knownString(mapGet(opt2, "OptionName")) === EB_OPTION) {
          const v = mapGet(opt2, "Value");
          if (v) out.push({ value: v });
        }
      }
    }
    return out;
  }
  const block = node.tf;
  const attrValue = (b, name) => b?.attribute(name)?.value();
  const push = (v) => {
    if (v) out.push({ value: v });
  };
  switch (node.type) {
    case "aws_launch_template": {
      const spec = block.blocks("iam_instance_profile")[0];
      if (spec) {
        push(attrValue(spec, "name"));
        push(attrValue(spec, "arn"));
      } else {
        for (const v of specificationValues(attrValue(block, "iam_instance_profile"), ["name", "arn"])) out.push(v);
      }
      return out;
    }
    case "aws_spot_fleet_request":
      for (const spec of block.blocks("launch_specification")) {
        push(attrValue(spec, "iam_instance_profile"));
        push(attrValue(spec, "iam_instance_profile_arn"));
      }
      return out;
    case "aws_elastic_beanstalk_environment":
    case "aws_elastic_beanstalk_configuration_template":
      for (const s of block.blocks("setting")) {
        if (knownString(attrValue(s, "namespace")) === EB_NAMESPACE && knownString(attrValue(s, "name")) === EB_OPTION) push(attrValue(s, "value"));
      }
      return out;
    default: {
      if (COMPUTE2.includes(node.kind)) {
        push(attrValue(block, "iam_instance_profile"));
        return out;
      }
      const path = TF_PROFILE_SETTINGS[node.type];
      if (!path) return out;
      let b = block;
      for (const step of path.slice(0, -1)) b = b?.blocks(step)[0];
      push(attrValue(b, path[path.length - 1]));
      return out;
    }
  }
}
function specificationValues(value, keys = ["Name", "Arn"]) {
  if (!value) return [];
  if (value.kind !== "map") return [{ value }];
  return keys.map((k) => mapGet(value, k)).filter((v) => v !== void 0).map((v) => ({ value: v }));
}
function singleReference(value, format2) {
  if (value.kind === "ref") return value;
  if (value.kind !== "string" || !value.hasPlaceholders) return void 0;
  const m = /^\$\{\s*([A-Za-z][\w:-]*)((?:\.[\w-]+)*)\s*\}$/.exec(value.value);
  if (!m) return void 0;
  const parts = `${m[1]}${m[2]}`.split(".");
  if (format2 === "terraform") {
    if (parts.length < 2) return void 0;
    return { target: `${parts[0]}.${parts[1]}`, ...parts[2] ? { attribute: parts[2] } : {} };
  }
  return { target: parts[0], ...parts.length > 1 ? { attribute: parts.slice(1).join(".") } : {} };
}
function profileNamedLikeRole(graph, role) {
  const roleName = knownString(graph.attribute(role, [role.format === "cloudformation" ? "RoleName" : "name"])?.value);
  return graph.nodes.some((n) => {
    if (n.kind !== "instance-profile") return false;
    const name = graph.attribute(n, [n.format === "cloudformation" ? "InstanceProfileName" : "name"])?.value;
    if (!name) return false;
    const ref = singleReference(name, graph.format);
    if (ref && ref.target === role.id && (n.format === "cloudformation" ? ref.attribute === void 0 : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? ""))) return true;
    const literal = knownString(name);
    return literal !== void 0 && roleName !== void 0 && literal === roleName;
  });
}
function checkSetting(context, graph, node, setting) {
  const { value } = setting;
  const resource = describeNode(node);
  const ref = singleReference(value, graph.format);
  if (ref) {
    const target = graph.node(ref.target);
    if (target?.kind !== "role") return;
    const byName = graph.format === "cloudformation" ? ref.attribute === void 0 : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? "");
    if (byName && profileNamedLikeRole(graph, target)) return;
    context.report({
      messageId: "roleInsteadOfProfile",
      data: { resource, role: describeNode(target) },
      start: value.range.start,
      end: value.range.end,
      identity: `${node.id}:instance-profile-role:${target.id}`
    });
    return;
  }
  if (value.kind === "string" && ROLE_ARN.test(value.value)) {
    const range = valueTokenRange(value);
    context.report({ messageId: "roleArn", data: { resource, arn: value.value.replace(/\$\{[^}]*\}/g, "\u2026") }, start: range.start, end: range.end, identity: `${node.id}:instance-profile-role-arn` });
    return;
  }
  if (value.kind === "unknown" && value.label && TF_DATA_ROLE_ARN.test(value.label)) {
    context.report({ messageId: "roleArn", data: { resource, arn: value.label }, start: value.range.start, end: value.range.end, identity: `${node.id}:instance-profile-role-arn` });
  }
}
function hasNoRole(graph, profile) {
  const roles = graph.rolesOf(profile);
  if (profile.format === "cloudformation") {
    const entry = mapEntry(profile.cfn?.properties, "Roles");
    if (!entry) return profile.cfn?.properties !== void 0 || !mapEntry(profile.cfn?.node, "Properties");
    if (entry.value.kind === "null") return true;
    return entry.value.kind === "list" && entry.value.items.length === 0;
  }
  if (roles.length === 0) return true;
  return roles.every((r) => r.value.kind === "null" || r.value.kind === "string" && !r.value.hasPlaceholders && r.value.value.trim() === "");
}
function checkProfile(context, graph, profile, reportedRoles) {
  if (hasNoRole(graph, profile)) {
    context.report({
      messageId: "profileWithoutRole",
      data: { profile: describeNode(profile) },
      start: profile.typeRange.start,
      end: profile.typeRange.end,
      identity: `${profile.id}:no-role`
    });
    return;
  }
  for (const { value } of graph.rolesOf(profile)) {
    const ref = singleReference(value, graph.format);
    const role = ref ? graph.node(ref.target) : void 0;
    if (role?.kind !== "role") continue;
    const trust = graph.trustPolicyOf(role);
    if (!trust || trustsEc2(trust.value) !== false) continue;
    const data = { role: describeNode(role), profile: describeNode(profile) };
    if (role.local) {
      if (reportedRoles.has(role.id)) continue;
      reportedRoles.add(role.id);
      context.report({ messageId: "roleNotTrustingEc2", data, start: trust.keyRange.start, end: trust.keyRange.end, identity: `${role.id}:trust-ec2` });
    } else {
      context.report({ messageId: "roleNotTrustingEc2", data, start: value.range.start, end: value.range.end, identity: `${profile.id}:${role.id}:trust-ec2` });
    }
  }
}
var CFN_EXTRA_TYPES = /* @__PURE__ */ new Set([...Object.keys(CFN_PROFILE_SETTINGS), "AWS::ElasticBeanstalk::Environment", "AWS::ElasticBeanstalk::ConfigurationTemplate"]);
var TF_EXTRA_TYPES = /* @__PURE__ */ new Set([...Object.keys(TF_PROFILE_SETTINGS), "aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"]);
var valid_instance_profile_default = defineRule({
  id: "valid-instance-profile",
  description: "Require instance profile references to name an instance profile that wraps a role EC2 can assume",
  fullDescription: "An EC2 instance gets credentials only through an instance profile that wraps one role whose trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`. Pointing the instance-profile setting at the role itself, creating a profile without a role, or wrapping a role that trusts another service (Lambda, ECS tasks) leaves the instance without credentials \u2014 the launch fails or the instance silently has no identity, and the usual workaround is static access keys.",
  severity: "error",
  securitySeverity: 4,
  precision: "high",
  cwe: ["CWE-1188", "CWE-522"],
  tags: ["security", "aws", "iam", "ec2", "correctness"],
  kinds: ["cloudformation", "terraform"],
  keywords: /IamInstanceProfile|iam_instance_profile|AWS::IAM::InstanceProfile|InstanceRole|instance_role|JobFlowRole|instance_profile|InstanceProfileName/,
  messages: {
    roleInsteadOfProfile: "{{resource}} sets its instance profile to {{role}}, which is an IAM role, not an instance profile: wrap the role in an instance profile and reference the profile",
    roleArn: "{{resource}} sets its instance profile to a role ARN ({{arn}}): instance profiles have ARNs of the form arn:aws:iam::<account>:instance-profile/<name>",
    profileWithoutRole: "{{profile}} has no role: instances launched with it get no AWS credentials; add the role (Roles / role)",
    roleNotTrustingEc2: "{{role}} is wrapped in {{profile}} but its trust policy does not let ec2.amazonaws.com call sts:AssumeRole: instances can never get its credentials"
  },
  recommendation: [
    "Reference an instance profile, not a role: `IamInstanceProfile: !Ref Profile` with `Profile` an ",
    "`AWS::IAM::InstanceProfile` whose `Roles` lists the role (CloudFormation), `iam_instance_profile = ",
    "aws_iam_instance_profile.app.name` with `role = aws_iam_role.app.name` in the profile (Terraform). Give the role a ",
    "trust policy with `Effect: Allow`, `Principal: {Service: ec2.amazonaws.com}` and `Action: sts:AssumeRole`. ",
    "Launch templates and spot fleets take `{Name: \u2026}` or `{Arn: \u2026}` of the profile (`arn:aws:iam::<account>:instance-profile/<name>`)."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-instanceprofile.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_instance_profile"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const extra = graph.format === "cloudformation" ? CFN_EXTRA_TYPES : TF_EXTRA_TYPES;
    for (const node of graph.localNodes()) {
      if (!COMPUTE2.includes(node.kind) && !extra.has(node.type)) continue;
      for (const setting of profileSettings(graph, node)) checkSetting(context, graph, node, setting);
    }
    const reportedRoles = /* @__PURE__ */ new Set();
    for (const profile of graph.localNodes(["instance-profile"])) checkProfile(context, graph, profile, reportedRoles);
  }
});

// rules/index.ts
var rules = [
  bootstrap_permissions_match_role_default,
  no_admin_policy_default,
  no_aws_configure_in_bootstrap_default,
  no_committed_credentials_file_default,
  no_credential_exposure_default,
  no_credential_theft_path_default,
  no_credentials_in_environment_default,
  no_credentials_in_image_default,
  no_hardcoded_access_key_id_default,
  no_hardcoded_sdk_credentials_default,
  no_hardcoded_secret_access_key_default,
  no_hardcoded_session_token_default,
  no_imdsv1_calls_default,
  no_long_lived_access_keys_default,
  no_passrole_wildcard_default,
  no_privilege_escalation_default,
  no_static_credentials_in_bootstrap_default,
  no_static_provider_credentials_default,
  no_unscoped_write_default,
  no_wildcard_action_default,
  no_wildcard_principal_default,
  prefer_managed_policies_default,
  require_imdsv2_default,
  require_instance_profile_default,
  valid_iam_actions_default,
  valid_instance_profile_default
];

// src/detect/hash.ts
import { createHash } from "node:crypto";
function hashHex(value, length = 32) {
  return createHash("sha256").update(value).digest("hex").slice(0, length);
}

// src/engine/suppress.ts
var MARKER = "credlint-disable";
var MARKER_KEYWORD = /credlint-disable/;
var COMMENT_BEFORE = /(?:#|\/\/|\/\*+|;|--|<!--|\bREM|%|\{\{\/\*)[ \t]*\*?[ \t]*$/i;
var RULE_ID_LIST = /^[\s,]*(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[\s,]+|$))*$/;
var DIRECTIVE = /^credlint-disable(-next-line|-line)?(?![\w-])([^\n]*)$/;
function parseDirectives(text, lines) {
  const directives = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    const pos = lines.position(at);
    const lineText = lines.lineText(pos.line);
    const before = lineText.slice(0, pos.column - 1);
    if (!COMMENT_BEFORE.test(before)) continue;
    const m = DIRECTIVE.exec(lineText.slice(pos.column - 1));
    if (!m) continue;
    let rest = (m[2] ?? "").replace(/\s*(?:\*\/|-->|#\}|\*\/\}\})\s*$/, "");
    let justification;
    const sep2 = rest.search(/\s--\s|\s--$/);
    if (sep2 !== -1) {
      justification = rest.slice(sep2).replace(/^\s--\s?/, "").trim() || void 0;
      rest = rest.slice(0, sep2);
    }
    if (!RULE_ID_LIST.test(rest)) continue;
    const ruleIds = rest.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const kind = m[1] === "-next-line" ? "next-line" : m[1] === "-line" ? "line" : "file";
    directives.push({
      kind,
      ruleIds,
      justification,
      line: pos.line,
      column: pos.column,
      target: kind === "file" ? void 0 : kind === "line" ? pos.line : nextCodeLine(lines, pos.line)
    });
  }
  return directives;
}
function nextCodeLine(lines, line) {
  let next = line + 1;
  while (next <= lines.lineCount && /^\s*(?:#|\/\/|\/\*|;|--|<!--)\s*credlint-disable-next-line\b/.test(lines.lineText(next))) next++;
  return next;
}
function directiveCovers(directive, ruleId, startLine, endLine) {
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) return false;
  if (directive.target === void 0) return true;
  return directive.target >= startLine && directive.target <= endLine;
}

// src/engine/scan-file.ts
import { dirname as dirname8, posix as posix2, sep } from "node:path";

// src/engine/coverage.ts
function contains(outer, inner) {
  return outer.start <= inner.start && inner.end <= outer.end;
}
function regionHoldsSecrets(c) {
  return c.secrets.some((s) => contains(c, s) || s.start < c.end && c.start < s.end);
}
function outranks(keeper, other) {
  if (keeper.rule.id === other.rule.id) {
    return regionHoldsSecrets(keeper) && !regionHoldsSecrets(other);
  }
  return (keeper.rule.supersedes ?? []).includes(other.rule.id);
}
function findAbsorbed(candidates) {
  const entries = [];
  let longest = 0;
  candidates.forEach((c, index) => {
    for (const s of c.secrets) {
      entries.push({ start: s.start, end: s.end, index });
      longest = Math.max(longest, s.end - s.start);
    }
  });
  const absorbed = /* @__PURE__ */ new Map();
  if (entries.length < 2) return absorbed;
  entries.sort((a, b) => a.start - b.start || b.end - a.end);
  const starts = entries.map((e) => e.start);
  candidates.forEach((candidate, index) => {
    if (candidate.secrets.length === 0) return;
    let keepers;
    for (const secret of candidate.secrets) {
      const covering = /* @__PURE__ */ new Set();
      let i = upperBound(starts, secret.start) - 1;
      for (; i >= 0; i--) {
        const e = entries[i];
        if (secret.start - e.start > longest) break;
        if (e.index !== index && e.end >= secret.end) covering.add(e.index);
      }
      keepers = keepers ? new Set([...keepers].filter((k) => covering.has(k))) : covering;
      if (keepers.size === 0) return;
    }
    let best;
    for (const k of keepers ?? []) {
      const keeper = candidates[k];
      if (!outranks(keeper, candidate)) continue;
      if (best === void 0 || keeper.start < candidates[best].start) best = k;
    }
    if (best !== void 0) absorbed.set(index, best);
  });
  return absorbed;
}
function keeperOf(index, absorbed) {
  let current = index;
  const seen2 = /* @__PURE__ */ new Set();
  for (let next = absorbed.get(current); next !== void 0 && !seen2.has(next); next = absorbed.get(current)) {
    seen2.add(current);
    current = next;
  }
  return current;
}
function upperBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/engine/keyword-filter.ts
var MAX_EXACT = 64;
var LONG_ENOUGH = 6;
var MAX_CLASS = 4;
var Unsupported = class extends Error {
};
var ANYTHING = { exact: void 0, factors: void 0 };
var EMPTY = { exact: /* @__PURE__ */ new Set([""]), factors: void 0 };
function exactOf(strings) {
  const exact = new Set(strings);
  if (exact.size > MAX_EXACT) return ANYTHING;
  return { exact, factors: exact.has("") ? void 0 : exact };
}
function product(a, b) {
  if (a.size * b.size > MAX_EXACT) return void 0;
  const out = /* @__PURE__ */ new Set();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}
function better(x, y) {
  if (!x) return y && minimal(y);
  if (!y) return minimal(x);
  const a = minimal(x);
  const b = minimal(y);
  const shortest = (s) => Math.min(LONG_ENOUGH, ...[...s].map((x2) => x2.length));
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  if (a.size !== b.size) return a.size < b.size ? a : b;
  const total = (s) => [...s].reduce((n, x2) => n + x2.length, 0);
  return total(a) >= total(b) ? a : b;
}
function minimal(set) {
  const sorted = [...set].sort((a, b) => a.length - b.length);
  const kept = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.length === set.size ? set : new Set(kept);
}
function foldAscii(s) {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
var Parser2 = class {
  constructor(src, fold) {
    this.src = src;
    this.fold = fold;
  }
  src;
  fold;
  i = 0;
  parse() {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported("trailing");
    return info;
  }
  peek() {
    return this.src[this.i];
  }
  alternation() {
    const alternatives = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0];
    let exact = /* @__PURE__ */ new Set();
    let factors = /* @__PURE__ */ new Set();
    for (const a of alternatives) {
      if (exact && a.exact) for (const s of a.exact) exact.add(s);
      else exact = void 0;
      if (factors && a.factors) for (const s of a.factors) factors.add(s);
      else factors = void 0;
    }
    if (exact && exact.size > MAX_EXACT) exact = void 0;
    if (exact && !exact.has("")) factors = better(factors, exact);
    return { exact, factors };
  }
  sequence() {
    let exact = /* @__PURE__ */ new Set([""]);
    let best;
    const candidate = (set) => {
      if (set && set.size > 0 && !set.has("")) best = better(best, set);
    };
    let literal = "";
    let run = /* @__PURE__ */ new Set([""]);
    while (this.i < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const item = this.quantified();
      const single = item.exact?.size === 1 ? [...item.exact][0] : void 0;
      if (single !== void 0 && single !== "") {
        literal += single;
        const joined = product(run, item.exact);
        if (joined) run = joined;
        else {
          candidate(run);
          run = item.exact;
        }
      } else {
        if (literal) candidate(/* @__PURE__ */ new Set([literal]));
        literal = "";
        if (item.exact) {
          candidate(item.exact);
          candidate(item.factors);
          const joined = product(run, item.exact);
          if (joined) run = joined;
          else {
            candidate(run);
            run = item.exact;
          }
        } else {
          candidate(run);
          run = /* @__PURE__ */ new Set([""]);
          candidate(item.factors);
        }
      }
      exact = exact && item.exact ? product(exact, item.exact) : void 0;
    }
    if (literal) candidate(/* @__PURE__ */ new Set([literal]));
    candidate(run);
    if (exact) return { exact, factors: exact.has("") ? void 0 : best };
    return { exact: void 0, factors: best };
  }
  quantified() {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const { min, max } = q;
    if (min === 0 && max === 1 && atom.exact) return exactOf([...atom.exact, ""]);
    if (min === 1 && max === 1) return atom;
    if (min === 0) return atom.exact?.size === 1 && atom.exact.has("") ? EMPTY : ANYTHING;
    if (atom.exact && min === max && min <= 4) {
      let exact = /* @__PURE__ */ new Set([""]);
      for (let n = 0; n < min && exact; n++) exact = product(exact, atom.exact);
      if (exact) return exactOf(exact);
    }
    return { exact: void 0, factors: atom.factors ?? (atom.exact && !atom.exact.has("") ? atom.exact : void 0) };
  }
  quantifier() {
    const c = this.peek();
    let q;
    if (c === "?") q = { min: 0, max: 1 };
    else if (c === "*") q = { min: 0, max: Infinity };
    else if (c === "+") q = { min: 1, max: Infinity };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return void 0;
      const min = Number(m[1]);
      const max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return void 0;
    this.i++;
    if (this.peek() === "?") this.i++;
    return q;
  }
  char(c) {
    return exactOf([this.fold ? foldAscii(c) : c]);
  }
  atom() {
    const c = this.src[this.i++];
    switch (c) {
      case "^":
      case "$":
        return EMPTY;
      case ".":
        return ANYTHING;
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case "\\":
        return this.escape(false);
      case ")":
      case "|":
      case void 0:
        throw new Unsupported("unexpected");
      case "*":
      case "+":
      case "?":
        throw new Unsupported("nothing to repeat");
      default:
        return this.char(c);
    }
  }
  group() {
    let lookaround = false;
    if (this.src.startsWith("?:", this.i)) this.i += 2;
    else if (this.src.startsWith("?=", this.i) || this.src.startsWith("?!", this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith("?<=", this.i) || this.src.startsWith("?<!", this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith("?<", this.i)) {
      const end = this.src.indexOf(">", this.i);
      if (end === -1) throw new Unsupported("group name");
      this.i = end + 1;
    } else if (this.peek() === "?") throw new Unsupported("group modifier");
    const inner = this.alternation();
    if (this.src[this.i++] !== ")") throw new Unsupported("unclosed group");
    return lookaround ? EMPTY : inner;
  }
  /** An escape; in a class, a set of characters (or undefined for a large one). */
  escape(inClass) {
    const c = this.src[this.i++];
    if (c === void 0) throw new Unsupported("trailing backslash");
    const one = (ch) => inClass ? [ch] : this.char(ch);
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return inClass ? void 0 : ANYTHING;
      case "b":
        return inClass ? ["\b"] : EMPTY;
      case "B":
        if (inClass) throw new Unsupported("\\B in class");
        return EMPTY;
      case "n":
        return one("\n");
      case "r":
        return one("\r");
      case "t":
        return one("	");
      case "v":
        return one("\v");
      case "f":
        return one("\f");
      case "0":
        if (/[0-9]/.test(this.peek() ?? "")) throw new Unsupported("octal");
        return one("\0");
      case "x": {
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported("\\x");
        this.i += 2;
        return one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case "u": {
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported("\\u");
        this.i += 4;
        return one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case "c":
      case "k":
      case "p":
      case "P":
        throw new Unsupported(`\\${c}`);
      default:
        if (/[1-9]/.test(c)) throw new Unsupported("back reference");
        return one(c);
    }
  }
  charClass() {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.i++;
    }
    const chars = /* @__PURE__ */ new Set();
    let large = false;
    while (this.peek() !== "]") {
      if (this.i >= this.src.length) throw new Unsupported("unclosed class");
      const from = this.classAtom();
      if (this.peek() === "-" && this.src[this.i + 1] !== "]" && this.i + 1 < this.src.length) {
        this.i++;
        const to = this.classAtom();
        if (from === void 0 || to === void 0 || from.length !== 1 || to.length !== 1) throw new Unsupported("class range");
        const a = from[0].charCodeAt(0);
        const b = to[0].charCodeAt(0);
        if (b - a + 1 > MAX_CLASS * 2) large = true;
        else for (let x = a; x <= b; x++) chars.add(String.fromCharCode(x));
      } else if (from === void 0) large = true;
      else for (const ch of from) chars.add(ch);
    }
    this.i++;
    if (negated || large) return ANYTHING;
    const folded = new Set([...chars].map((ch) => this.fold ? foldAscii(ch) : ch));
    if (folded.size === 0) throw new Unsupported("empty class");
    return folded.size <= MAX_CLASS ? exactOf(folded) : ANYTHING;
  }
  /** One class member: its characters, or undefined for a large escape (\w). */
  classAtom() {
    const c = this.src[this.i++];
    if (c === "\\") {
      const e = this.escape(true);
      if (e === void 0) return void 0;
      if (!Array.isArray(e)) throw new Unsupported("class escape");
      return e;
    }
    if (c === void 0) throw new Unsupported("unclosed class");
    return [c];
  }
};
function keywordAnchors(re) {
  if (/[uv]/.test(re.flags)) return void 0;
  try {
    const info = new Parser2(re.source, re.flags.includes("i")).parse();
    const anchors = info.factors ?? (info.exact && !info.exact.has("") ? info.exact : void 0);
    if (!anchors || anchors.size === 0) return void 0;
    return [...anchors];
  } catch (error) {
    if (error instanceof Unsupported) return void 0;
    throw error;
  }
}
function escapeLiteral(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&").replace(/[\0-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
var KeywordFilter = class _KeywordFilter {
  /** Per keyword: its anchors, ASCII letters folded (the alternation ignores case: only ever more). */
  #anchors;
  /** The alternation for each set of open keywords met so far (a handful per kind). */
  #searches = /* @__PURE__ */ new Map();
  /** The alternation of every keyword's anchors. */
  #all;
  constructor(anchors) {
    this.#anchors = anchors;
  }
  /** Undefined when some keyword has no anchors (nothing can be ruled out on its behalf) or there is nothing to share. */
  static of(keywords) {
    if (keywords.length < 2) return void 0;
    const anchors = [];
    for (const re of keywords) {
      const found = keywordAnchors(re);
      if (!found || found.some((a) => /[^\0-\x7f]/.test(a))) return void 0;
      anchors.push(new Set(found.map(foldAscii)));
    }
    return new _KeywordFilter(anchors);
  }
  /** Marks in `possible` (one flag per keyword, false on entry) the keywords that may match `text`. */
  maybe(text, possible) {
    const first = this.#all ??= this.#search(this.#anchors.map((_, i) => i));
    first.lastIndex = 0;
    let m = first.exec(text);
    if (!m) return;
    const open = this.#anchors.map((_, i) => i);
    for (; ; ) {
      const found = foldAscii(m[0]);
      let settled = false;
      for (let k = open.length - 1; k >= 0; k--) {
        const index = open[k];
        if (!this.#anchors[index].has(found)) continue;
        possible[index] = true;
        open.splice(k, 1);
        settled = true;
      }
      if (!settled) {
        for (const index of open) possible[index] = true;
        return;
      }
      if (open.length === 0) return;
      const search = this.#search(open);
      search.lastIndex = m.index;
      m = search.exec(text);
      if (!m) return;
    }
  }
  #search(open) {
    const key = open.join(",");
    let search = this.#searches.get(key);
    if (!search) {
      const strings = /* @__PURE__ */ new Set();
      for (const i of open) for (const a of this.#anchors[i]) strings.add(a);
      const sorted = [...strings].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
      this.#searches.set(key, search = new RegExp(sorted.map(escapeLiteral).join("|"), "gi"));
    }
    return search;
  }
};

// src/engine/scan-file.ts
var MAX_DEPTH4 = 4;
var MAX_SNIPPET_LINES = 3;
function appliesTo(rule, kind) {
  return rule.kinds === "all" || rule.kinds.includes(kind);
}
var plans2 = /* @__PURE__ */ new WeakMap();
function planFor(setup, kind) {
  let byKind = plans2.get(setup);
  if (!byKind) plans2.set(setup, byKind = /* @__PURE__ */ new Map());
  let plan = byKind.get(kind);
  if (!plan) {
    const keywords = [];
    const slot = (re) => {
      if (!re) return -1;
      const at = keywords.indexOf(re);
      return at !== -1 ? at : keywords.push(re) - 1;
    };
    const rules2 = setup.rules.filter((a) => appliesTo(a.rule, kind)).map((active) => ({ active, keyword: slot(active.rule.kindKeywords?.[kind] ?? active.rule.keywords) }));
    const extractors2 = setup.extractors.filter((e) => e.kinds.includes(kind)).map((extractor) => ({ extractor, keyword: slot(extractor.keywords) }));
    const marker = slot(MARKER_KEYWORD);
    byKind.set(kind, plan = { keywords, filter: KeywordFilter.of(keywords), rules: rules2, extractors: extractors2, marker });
  }
  return plan;
}
function runDocument(doc, setup, out, notes) {
  const plan = planFor(setup, doc.kind);
  const hits = new Uint8Array(plan.keywords.length);
  if (plan.filter) {
    const possible = new Array(plan.keywords.length).fill(false);
    plan.filter.maybe(doc.text, possible);
    for (let i = 0; i < possible.length; i++) if (!possible[i]) hits[i] = 1;
  }
  const mentions2 = (index) => {
    if (index === -1) return true;
    let hit = hits[index];
    if (hit === 0) hits[index] = hit = plan.keywords[index].test(doc.text) ? 2 : 1;
    return hit === 2;
  };
  for (const { active, keyword } of plan.rules) {
    const { rule } = active;
    if (!mentions2(keyword)) continue;
    try {
      rule.check({
        document: doc,
        options: active.options,
        settings: setup.settings,
        report: (descriptor) => out.push({ active, doc, descriptor })
      });
    } catch (error) {
      notes.push({
        id: "rule-error",
        level: "error",
        path: doc.path,
        // The error's class only: an exception message can quote kilobytes of the file (JSON.parse does).
        message: `${doc.path}: rule ${rule.id} failed (${errorSummary(error)}); the rule's other findings in this file may be missing`
      });
    }
  }
  const mayHoldDirective = hits[plan.marker] !== 1;
  if (doc.depth >= MAX_DEPTH4) return mayHoldDirective;
  for (const { extractor, keyword } of plan.extractors) {
    if (!mentions2(keyword)) continue;
    let embedded;
    try {
      embedded = extractor.extract(doc, notes);
    } catch (error) {
      notes.push({ id: "parse-error", level: "warning", path: doc.path, message: `${doc.path}: ${extractor.name} failed (${errorSummary(error)}); the embedded documents were not scanned` });
      continue;
    }
    for (const child of embedded) runDocument(child, setup, out, notes);
  }
  return mayHoldDirective;
}
function locate2(raw) {
  const { doc, descriptor } = raw;
  const range = toFileRange(doc, descriptor.start, Math.max(descriptor.end, descriptor.start + 1));
  const secrets = (descriptor.secrets ?? []).map((s) => {
    const r = toFileRange(doc, s.start, s.end);
    return { start: r.start, end: r.end, kind: s.kind };
  });
  return { raw, start: range.start, end: range.end, secrets };
}
var MAX_SNIPPET_WIDTH = 240;
var SNIPPET_CONTEXT = 80;
function buildSnippet(lines, start, end, maskedLine) {
  const out = [];
  let column = 1;
  const last = Math.min(end.line, start.line + MAX_SNIPPET_LINES - 1);
  for (let line = start.line; line <= last; line++) {
    const full = maskedLine(line);
    let from = 0;
    let to = full.length;
    if (full.length > MAX_SNIPPET_WIDTH) {
      if (line === start.line) {
        from = Math.max(0, start.column - 1 - SNIPPET_CONTEXT);
        const regionEnd = end.line === start.line ? end.column - 1 : full.length;
        to = Math.min(full.length, Math.max(regionEnd, start.column - 1) + SNIPPET_CONTEXT, from + MAX_SNIPPET_WIDTH * 4);
        column = from + 1;
      } else {
        to = MAX_SNIPPET_WIDTH;
      }
    }
    out.push(full.slice(from, to));
  }
  void lines;
  return { text: out.join("\n"), column };
}
var SecretIndex = class {
  #ranges;
  #longest;
  constructor(ranges) {
    this.#ranges = [...ranges].sort((a, b) => a.start - b.start);
    this.#longest = this.#ranges.reduce((n, r) => Math.max(n, r.end - r.start), 0);
  }
  overlapping(from, to) {
    const ranges = this.#ranges;
    let lo = 0;
    let hi = ranges.length;
    const min = from - this.#longest;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (ranges[mid].start < min) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < ranges.length; i++) {
      const r = ranges[i];
      if (r.start >= to) break;
      if (r.end > from) out.push(r);
    }
    return out;
  }
};
var KnownSecrets = class {
  #byLength = /* @__PURE__ */ new Map();
  add(value, kind) {
    if (value.length < 8) return;
    let bucket = this.#byLength.get(value.length);
    if (!bucket) this.#byLength.set(value.length, bucket = /* @__PURE__ */ new Map());
    bucket.set(value, kind);
  }
  redact(message) {
    if (this.#byLength.size === 0) return message;
    const hits = [];
    for (const run of message.matchAll(/\S{8,}/g)) {
      for (const [length, bucket] of this.#byLength) {
        const runEnd = run.index + run[0].length;
        for (let i = run.index; i + length <= runEnd; i++) {
          const kind = bucket.get(message.slice(i, i + length));
          if (kind !== void 0) {
            hits.push({ start: i, end: i + length, kind });
            i += length - 1;
          }
        }
      }
    }
    if (hits.length === 0) return message;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "";
    let at = 0;
    for (const h of hits) {
      if (h.start < at) continue;
      out += message.slice(at, h.start) + redact(message.slice(h.start, h.end), h.kind);
      at = h.end;
    }
    return out + message.slice(at);
  }
};
function scanText(path, text, setup, kindOverride, absPath) {
  const notifications = [];
  const kind = kindOverride ?? classifyFile(path, text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
  const doc = createDocument({ path, ...absPath !== void 0 ? { absPath } : {}, kind, language: languageOf(path, kind), text });
  const raws = [];
  drainIncomplete(path);
  let mayHoldDirective = true;
  try {
    mayHoldDirective = runDocument(doc, setup, raws, notifications);
  } finally {
    runScanEndHooks();
    notifications.push(...drainIncomplete(path));
  }
  if (raws.length === 0 && !(mayHoldDirective && text.includes(MARKER))) {
    return { findings: [], notifications: setup.settings.showSecrets || notifications.length === 0 ? notifications : notifications.map((n) => ({ ...n, message: redactKnown(n.message, new KnownSecrets(), new SecretPieces(), n.path === void 0 ? [] : [n.path]) })) };
  }
  let located = raws.map(locate2);
  const { allowAccountIds } = setup.settings;
  if (setup.allowPatterns.length > 0 || allowAccountIds.length > 0) {
    located = located.filter(({ raw }) => {
      const values = [raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end), ...raw.descriptor.identity !== void 0 ? [raw.descriptor.identity] : []];
      for (const sec of raw.descriptor.secrets ?? []) values.push(raw.doc.text.slice(sec.start, sec.end));
      if (setup.allowPatterns.some((re) => values.some((v) => re.test(v)))) return false;
      if (allowAccountIds.length > 0) {
        const line = raw.doc.lines.lineText(raw.doc.lines.lineOf(raw.descriptor.start) + 1);
        for (const v of [...values, line]) {
          for (const m of v.matchAll(accessKeyIdPattern())) {
            const account = decodeAccountId(m[0]);
            if (account !== void 0 && allowAccountIds.includes(account)) return false;
          }
        }
      }
      return true;
    });
  }
  located.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.raw.active.rule.id < b.raw.active.rule.id ? -1 : a.raw.active.rule.id > b.raw.active.rule.id ? 1 : 0) || b.raw.doc.depth - a.raw.doc.depth
  );
  const allSecrets = new SecretIndex(located.flatMap((l) => l.secrets));
  const secretValues = new KnownSecrets();
  const secretPieces = new SecretPieces();
  for (const { raw } of located) {
    for (const sec of raw.descriptor.secrets ?? []) {
      const value = raw.doc.text.slice(sec.start, sec.end);
      secretValues.add(value, sec.kind);
      secretPieces.add(value);
    }
  }
  const lines = doc.lines;
  const maskedLines = /* @__PURE__ */ new Map();
  const maskedLine = (line) => {
    let masked = maskedLines.get(line);
    if (masked === void 0) {
      const full = lines.lineText(line);
      if (setup.settings.showSecrets === true) masked = full;
      else {
        const base = lines.lineStart(line);
        const ranges = allSecrets.overlapping(base, base + full.length).map((r) => ({ start: r.start - base, end: r.end - base, kind: r.kind }));
        masked = maskFindingLine(full, [...ranges, ...secretPieces.ranges(full)]);
      }
      maskedLines.set(line, masked);
    }
    return masked;
  };
  const directives = located.length > 0 || mayHoldDirective && text.includes(MARKER) ? parseDirectives(text, lines) : [];
  const used = /* @__PURE__ */ new Set();
  const superseded = /* @__PURE__ */ new Set();
  for (const l of located) {
    for (const id of l.raw.active.rule.supersedes ?? []) superseded.add(`${id}\0${l.start}\0${l.end}`);
  }
  const absorbed = findAbsorbed(located.map((l) => ({ rule: l.raw.active.rule, start: l.start, end: l.end, secrets: l.secrets })));
  const absorbedInto = /* @__PURE__ */ new Map();
  for (const index of absorbed.keys()) {
    const keeper = keeperOf(index, absorbed);
    absorbedInto.set(keeper, [...absorbedInto.get(keeper) ?? [], located[index]]);
  }
  const findings = [];
  const seen2 = /* @__PURE__ */ new Set();
  const occurrences = /* @__PURE__ */ new Map();
  for (const [index, l] of located.entries()) {
    const { raw } = l;
    const rule = raw.active.rule;
    const dedupeKey = `${rule.id}\0${l.start}\0${l.end}`;
    if (seen2.has(dedupeKey) || superseded.has(dedupeKey) || absorbed.has(index)) continue;
    seen2.add(dedupeKey);
    const start = lines.position(l.start);
    const end = lines.position(l.end);
    const identity = raw.descriptor.identity ?? raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end);
    const baseFingerprint = hashHex(`${rule.id}\0${path}\0${identity}`);
    const n = occurrences.get(baseFingerprint) ?? 0;
    occurrences.set(baseFingerprint, n + 1);
    const template = rule.messages[raw.descriptor.messageId];
    if (template === void 0) {
      notifications.push({ id: "rule-error", level: "error", path, message: `${path}: rule ${rule.id} used unknown message id "${raw.descriptor.messageId}"` });
      continue;
    }
    const snippet = buildSnippet(lines, start, end, maskedLine);
    let suppression;
    for (const d of directives) {
      if (directiveCovers(d, rule.id, start.line, end.line)) {
        used.add(d);
        suppression = { kind: "inSource", ...d.justification ? { justification: d.justification } : {} };
        break;
      }
    }
    const embeddedIn = embeddingPath(raw.doc);
    const formatted = withAbsorbedKeys(formatMessage(template, raw.descriptor.data), rule.id, absorbedInto.get(index), setup.settings.showSecrets === true);
    const refersTo2 = raw.descriptor.refersTo ? referencedRegion(raw.descriptor.refersTo, path, raw.doc) : void 0;
    const keep = refersTo2 ? [path, refersTo2.path] : [path];
    findings.push({
      ruleId: rule.id,
      messageId: raw.descriptor.messageId,
      message: setup.settings.showSecrets ? formatted : redactKnown(formatted, secretValues, secretPieces, keep),
      severity: keeperSeverity(raw.descriptor.severity ?? raw.active.severity, absorbedInto.get(index)),
      path,
      region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
      snippet: snippet.text,
      ...snippet.column > 1 ? { snippetColumn: snippet.column } : {},
      fingerprint: `${baseFingerprint}:${n + 1}`,
      ...embeddedIn.length > 0 ? { embeddedIn } : {},
      kind: rootDocument(raw.doc).kind,
      ...suppression ? { suppression } : {},
      ...refersTo2 ? { refersTo: refersTo2 } : {},
      ...extrasOf(raw, lines, (m) => setup.settings.showSecrets ? m : redactKnown(m, secretValues, secretPieces, keep))
    });
  }
  for (const d of directives) {
    const unknown2 = d.ruleIds.filter((id) => !setup.knownRuleIds.has(id));
    for (const id of unknown2) {
      notifications.push({
        id: "unknown-suppression",
        level: "error",
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: suppression names unknown rule id "${id}"; it suppresses nothing`
      });
    }
    if (setup.reportUnusedSuppressions && !used.has(d) && unknown2.length === 0) {
      notifications.push({
        id: "unknown-suppression",
        level: "note",
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: unused suppression${d.ruleIds.length ? ` for ${d.ruleIds.join(", ")}` : ""}: nothing was reported there`
      });
    }
  }
  const safeNotes = setup.settings.showSecrets ? notifications : notifications.map((n) => ({ ...n, message: redactKnown(n.message, secretValues, secretPieces, n.path === void 0 ? [] : [n.path]) }));
  return { findings, notifications: safeNotes };
}
function extrasOf(raw, lines, mask) {
  const { descriptor, doc } = raw;
  const out = {};
  if (descriptor.related && descriptor.related.length > 0) {
    out.related = descriptor.related.map((r) => {
      const range = toFileRange(doc, r.start, Math.max(r.end, r.start + 1));
      const s = lines.position(range.start);
      const e = lines.position(range.end);
      return { region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column }, message: mask(r.message) };
    });
    if (descriptor.flow) out.flow = true;
  }
  if (descriptor.properties) out.properties = maskPlain(descriptor.properties, mask);
  return out;
}
function maskPlain(v, mask) {
  if (typeof v === "string") return mask(v);
  if (Array.isArray(v)) return v.map((x) => maskPlain(x, mask));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskPlain(x, mask)]));
  return v;
}
var SECRET_LABEL = {
  "access-key-id": "access key id",
  "secret-access-key": "secret access key",
  "session-token": "session token",
  secret: "secret"
};
var MAX_NAMED_KEYS = 3;
function keeperSeverity(own, absorbed) {
  let best = own;
  for (const a of absorbed ?? []) {
    const sev = a.raw.descriptor.severity ?? a.raw.active.severity;
    if (severityRank(sev) > severityRank(best)) best = sev;
  }
  return best;
}
function withAbsorbedKeys(message, keeperRule, absorbed, showSecrets) {
  if (!absorbed || absorbed.length === 0) return message;
  const names = [];
  const done = /* @__PURE__ */ new Set();
  for (const a of [...absorbed].sort((x, y) => x.start - y.start)) {
    if (a.raw.active.rule.id === keeperRule) continue;
    for (const sec of a.raw.descriptor.secrets ?? []) {
      const value = a.raw.doc.text.slice(sec.start, sec.end);
      if (done.has(value)) continue;
      done.add(value);
      const shown = showSecrets ? value : redact(value, sec.kind);
      if (message.includes(shown)) continue;
      const account = sec.kind === "access-key-id" ? decodeAccountId(value) : void 0;
      names.push(`${SECRET_LABEL[sec.kind]} ${shown}${account !== void 0 ? `, account ${account}` : ""}`);
    }
  }
  if (names.length === 0) return message;
  const listed = names.length > MAX_NAMED_KEYS ? [...names.slice(0, MAX_NAMED_KEYS), `${names.length - MAX_NAMED_KEYS} more`] : names;
  return `${message} (${listed.join("; ")})`;
}
function redactKnown(message, secretValues, pieces, keep) {
  return maskKeeping(message, keep, (piece) => {
    const known = secretValues.redact(piece);
    return maskFindingLine(known, pieces.ranges(known));
  });
}
async function scanFile(absPath, relPath, maxBytes, setup) {
  const read = await readTextFile(absPath, relPath, maxBytes);
  if (!read.ok) return { path: relPath, findings: [], notifications: [read.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(relPath, read.text, setup, void 0, absPath);
  return { path: relPath, findings, notifications: [...read.notifications, ...notifications], bytes: read.bytes, scanned: true };
}
function scanBytes(bytes, path, maxBytes, setup) {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length > maxBytes) {
    return {
      path,
      findings: [],
      notifications: [{ id: "file-too-large", level: "warning", path, message: `${path}: skipped: ${formatBytes(data.length)} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)` }],
      bytes: 0,
      scanned: false
    };
  }
  const decoded = decodeBytes(data, path);
  if (!decoded.ok) return { path, findings: [], notifications: [decoded.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(path, decoded.text, setup);
  return { path, findings, notifications: [...decoded.notifications, ...notifications], bytes: data.length, scanned: true };
}
function referencedRegion(ref, path, doc) {
  const host = rootDocument(doc);
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  const rel = host.absPath ? posix2.relative(toSlashes(dirname8(host.absPath)), toSlashes(ref.absPath)) : ref.absPath.slice(ref.absPath.lastIndexOf("/") + 1);
  const position = (offset) => {
    let line = 1;
    let lineStart = 0;
    for (let i = ref.text.indexOf("\n"); i !== -1 && i < offset; i = ref.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
  const start = position(ref.start);
  const end = position(ref.end);
  return {
    path: posix2.normalize(dir ? `${dir}/${rel}` : rel),
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }
  };
}
function toSlashes(p) {
  return p.split(sep).join("/");
}

// src/extract/ssm.ts
function ssmShellDocuments(host, content, label) {
  const out = [];
  if (!content) return out;
  if (content.kind === "string" && content.encoded) return ssmShellDocuments(host, content.encoded, label);
  if (content.kind === "string" && !content.fromFile) {
    const inner = documentFromPieces(host, piecesOf(content), { kind: "text", language: "yaml", label, bootstrap: false });
    const root = parseYamlDocuments(inner)[0];
    return root ? ssmShellDocuments(inner, root, label) : out;
  }
  if (content.kind !== "map") return out;
  const steps = [];
  for (const step of asList(mapGet(content, "mainSteps"))) {
    steps.push({ action: knownString(mapGet(step, "action")), inputs: mapGet(step, "inputs") });
  }
  const runtime2 = mapGet(content, "runtimeConfig");
  if (runtime2?.kind === "map") {
    for (const e of runtime2.entries) {
      if (e.key !== "aws:runShellScript" && e.key !== "aws:runPowerShellScript") continue;
      for (const props of asList(mapGet(e.value, "properties"))) steps.push({ action: e.key, inputs: props });
    }
  }
  for (const step of steps) {
    if (step.action !== "aws:runShellScript" && step.action !== "aws:runPowerShellScript") continue;
    const run = mapGet(step.inputs, "runCommand");
    const lines = run?.kind === "list" ? run.items : run ? [run] : [];
    const doc = linesDocument(host, lines, `${label} runCommand`, step.action === "aws:runShellScript" ? "shell" : "powershell");
    if (doc) out.push(doc);
  }
  return out;
}
function isYamlOrJson(doc) {
  return doc.kind === "text" && (doc.language === "yaml" || doc.language === "json");
}
var ssmDocumentExtractor = {
  name: "ssm-document",
  kinds: ["text"],
  keywords: /aws:run(?:Shell|PowerShell)Script/,
  produces: ["shell", "powershell"],
  extract(doc) {
    if (!isYamlOrJson(doc) || !/schemaVersion/.test(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== "map" || !mapGet(root, "schemaVersion")) return [];
    return ssmShellDocuments(doc, root, `SSM document ${baseName(doc.path)}`);
  }
};

// src/extract/cloudformation.ts
var USER_DATA_KINDS = ["user-data", "cloud-init", "shell", "powershell"];
function cloudFormationCopiesHost(text) {
  if (/Fn::Join|!Join|runShellScript|runPowerShellScript/.test(text)) return false;
  return !hasYamlEscapes(text) && !hasDecodableBase64(text);
}
var USER_DATA_KEYS = /* @__PURE__ */ new Set(["UserData", "UserDataOverride"]);
function cfnExtract(doc, template) {
  const out = [];
  for (const resource of template.resources) {
    if (resource.type === "AWS::SSM::Document") {
      out.push(...ssmShellDocuments(doc, mapGet(resource.properties, "Content"), `Content of ${resource.logicalId}`));
      continue;
    }
    const walk2 = (value, path) => {
      if (!value) return;
      if (value.kind === "map") {
        for (const e of value.entries) {
          if (USER_DATA_KEYS.has(e.key)) {
            const d = userDataDocument(doc, e.value, `${path ? `${path}.` : ""}${e.key} of ${resource.logicalId}`);
            if (d) out.push(d);
          } else walk2(e.value, path ? `${path}.${e.key}` : e.key);
        }
      } else if (value.kind === "list") value.items.forEach((item) => walk2(item, path));
    };
    walk2(resource.properties, "");
  }
  return out;
}
var cloudFormationUserDataExtractor = {
  name: "cloudformation-user-data",
  kinds: ["cloudformation"],
  keywords: /UserData|runShellScript|runPowerShellScript/,
  produces: USER_DATA_KINDS,
  copiesHost: (host) => cloudFormationCopiesHost(host.text),
  extract(doc, notes) {
    const template = parseCloudFormation(doc, notes);
    return template ? cfnExtract(doc, template) : [];
  }
};

// src/extract/dockerfile.ts
var SHELL_NAMES = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|dash|ash|zsh)$/;
function shellFormText(doc, ins, escape, keepEscape = false) {
  const builder = new VirtualTextBuilder();
  const text = doc.text;
  const inHeredoc = (offset) => ins.heredocs.some((h) => offset >= h.contentStart && offset < h.contentEnd);
  let pos = ins.argsStart;
  let first = true;
  while (pos < ins.end) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1 || nl >= ins.end) nl = ins.end;
    const line = text.slice(pos, nl);
    const heredocLine = inHeredoc(pos);
    if (!first && !heredocLine && (/^\s*#/.test(line) || line.trim() === "")) {
      pos = nl + 1;
      continue;
    } else if (!heredocLine && !keepEscape && escape !== "\\" && line.trimEnd().endsWith(escape)) {
      const at = pos + line.trimEnd().length - 1;
      builder.verbatim(text.slice(pos, at), pos);
      builder.synthetic("\\", at, at + 1);
      builder.verbatim(text.slice(at + 1, nl), at + 1);
    } else {
      builder.verbatim(line, pos);
    }
    if (nl < ins.end) builder.verbatim("\n", nl);
    first = false;
    pos = nl + 1;
  }
  return builder.build();
}
function runDocuments(doc, model) {
  const out = [];
  for (const ins of model.instructions) {
    if (ins.keyword !== "RUN" && ins.keyword !== "CMD" && ins.keyword !== "ENTRYPOINT") continue;
    const build2 = ins.keyword === "RUN";
    const label = ins.keyword;
    const windowsShell = model.shells.get(ins.stage);
    if (ins.json) {
      const values = ins.json.map((t) => t.value);
      const shell = values[0] ?? "";
      const c = values.findIndex((v, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(v));
      const script = c > 0 ? ins.json[c + 1] : void 0;
      if (script && (SHELL_NAMES.test(shell) || /(?:^|[\\/])(?:powershell|pwsh)(?:\.exe)?$/i.test(shell))) {
        const builder = new VirtualTextBuilder();
        const raw = doc.text.slice(script.start, script.end);
        if (raw === script.value) builder.verbatim(raw, script.start);
        else builder.synthetic(script.value, script.start, script.end);
        const { text: text2, map: map2 } = builder.build();
        const powershell = /powershell|pwsh/i.test(shell);
        out.push(createVirtualDocument(doc, powershell ? { kind: "user-data", language: "powershell", text: text2, map: map2, label: `${label} exec form`, bootstrap: build2 } : { kind: "shell", language: "shell", text: text2, map: map2, label: `${label} exec form`, bootstrap: build2 }));
      }
      continue;
    }
    if (windowsShell) {
      const { text: text2, map: map2 } = shellFormText(doc, ins, model.escape, true);
      out.push(createVirtualDocument(doc, { kind: "user-data", language: windowsShell === "cmd" ? "cmd" : "powershell", text: text2, map: map2, label, bootstrap: build2 }));
      continue;
    }
    const { text, map } = shellFormText(doc, ins, model.escape);
    out.push(createVirtualDocument(doc, { kind: "shell", language: "shell", text, map, label, bootstrap: build2 }));
    if (!build2) continue;
    const firstLineEnd = doc.text.indexOf("\n", ins.argsStart);
    const firstLine = doc.text.slice(ins.argsStart, firstLineEnd === -1 ? ins.end : firstLineEnd);
    if (/^\s*<<-?\s*["']?[\w.-]+["']?(?:\s+<<-?\s*["']?[\w.-]+["']?)*\s*$/.test(firstLine)) {
      for (const h of ins.heredocs) {
        if (h.contentEnd <= h.contentStart) continue;
        const builder = new VirtualTextBuilder();
        builder.verbatim(doc.text.slice(h.contentStart, h.contentEnd), h.contentStart);
        const built = builder.build();
        out.push(createVirtualDocument(doc, { kind: "shell", language: "shell", text: built.text, map: built.map, label: "RUN heredoc", bootstrap: true }));
      }
    }
  }
  return out;
}
var dockerfileRunExtractor = {
  name: "Dockerfile RUN",
  kinds: ["dockerfile"],
  keywords: /^[ \t]*(?:ONBUILD[ \t]+)?(?:RUN|CMD|ENTRYPOINT)\b/im,
  // Windows RUN bodies are `user-data` documents read as PowerShell/cmd.
  produces: ["shell", "user-data"],
  // Lines are copied as they are (a `\` continuation stays one); exec-form JSON strings may hold
  // escapes, an `# escape=` directive turns backticks into backslashes, a comment line inside a
  // continuation is dropped (joining the lines around it).
  copiesHost: (host) => !/\\(?!\r?\n)|\\\r?\n[ \t]*#|escape\s*=/i.test(host.text),
  extract(document, notes) {
    const model = dockerfile(document);
    if (!model) {
      notes.push({ id: "parse-error", level: "warning", path: document.path, message: `${document.path}: the Dockerfile could not be parsed; its RUN instructions were not scanned` });
      return [];
    }
    return runDocuments(document, model);
  }
};

// src/extract/kubernetes.ts
function valueRange(value) {
  const pieces = piecesOf(value);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return first && last ? { start: first.start, end: last.end } : value.range;
}
function secretDocuments(host, manifest, out, depth = 0) {
  if (manifest.kind !== "map" || depth > 4) return;
  const kind = knownString(mapGet(manifest, "kind"));
  const apiVersion = knownString(mapGet(manifest, "apiVersion"));
  if (kind === "List" || kind === "SecretList") {
    for (const item of asList(mapGet(manifest, "items"))) secretDocuments(host, item, out, depth + 1);
    return;
  }
  if (kind !== "Secret" || apiVersion !== void 0 && apiVersion !== "v1") return;
  const name = knownString(mapGet(mapGet(manifest, "metadata"), "name")) ?? "(unnamed)";
  const data = mapGet(manifest, "data");
  if (data?.kind !== "map") return;
  for (const entry of data.entries) {
    const value = entry.value;
    if (value.kind !== "string" || value.hasPlaceholders) continue;
    const decoded = decodeBase64Text(value.value);
    if (decoded === void 0 || decoded.trim().length === 0) continue;
    const range = valueRange(value);
    const text = `${entry.key}=${decoded}${decoded.endsWith("\n") ? "" : "\n"}`;
    const { text: built, map } = new VirtualTextBuilder().synthetic(text, range.start, range.end).build();
    out.push(
      createVirtualDocument(host, {
        kind: "text",
        language: "dotenv",
        text: built,
        map,
        label: `Secret ${name} data.${entry.key} (base64)`,
        bootstrap: false
      })
    );
  }
}
var kubernetesSecretExtractor = {
  name: "kubernetes-secret",
  kinds: ["text"],
  keywords: /\bkind:\s*["']?Secret\b|"kind"\s*:\s*"Secret"/,
  // `<key>=<decoded value>`, read as dotenv text; always decoded, so never a copy of the host.
  produces: ["text"],
  extract(document, _notes) {
    if (document.language !== "yaml" && document.language !== "json") return [];
    const out = [];
    for (const root of parseYamlDocuments(document)) secretDocuments(document, root, out);
    return out;
  }
};

// src/extract/provisioners.ts
import { dirname as dirname9, resolve as resolvePath3 } from "node:path";
import { existsSync as existsSync8, readFileSync as readFileSync4, statSync as statSync3 } from "node:fs";
function readSibling(doc, path) {
  if (!doc.absPath || !path || /[$`{]/.test(path)) return void 0;
  const full = resolvePath3(dirname9(doc.absPath), path);
  try {
    if (!existsSync8(full) || statSync3(full).size > 1024 * 1024) return void 0;
    return readFileSync4(full, "utf8");
  } catch {
    return void 0;
  }
}
var SHELL_MODULES = /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:shell|command|raw)$/;
var POWERSHELL_MODULES = /^(?:ansible\.windows\.|community\.windows\.)?(?:win_shell|win_command)$/;
var WRITE_MODULES = /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:lineinfile|blockinfile|copy|template)$/;
var TASK_LISTS = /* @__PURE__ */ new Set(["tasks", "pre_tasks", "post_tasks", "handlers", "block", "rescue", "always"]);
function ansibleTasks(value, out, depth = 0) {
  if (!value || depth > 6) return;
  if (value.kind === "list") {
    for (const item of value.items) ansibleTasks(item, out, depth + 1);
    return;
  }
  if (value.kind !== "map") return;
  out.push(value);
  for (const e of value.entries) if (TASK_LISTS.has(e.key)) ansibleTasks(e.value, out, depth + 1);
}
function ansibleDocuments(doc, root) {
  const tasks = [];
  ansibleTasks(root, tasks);
  const out = [];
  for (const task of tasks) {
    if (task.kind !== "map") continue;
    const name = knownString(mapGet(task, "name"));
    const label = (module) => `ansible ${module}${name ? ` (${name.slice(0, 60)})` : ""}`;
    for (const e of task.entries) {
      const shell = SHELL_MODULES.test(e.key);
      const powershell = POWERSHELL_MODULES.test(e.key);
      if (shell || powershell) {
        const value = e.value.kind === "map" ? mapGet(e.value, "cmd") : e.value;
        const d = scriptDocument(doc, value, shell ? "shell" : "powershell", label(e.key));
        if (d) out.push(d);
        continue;
      }
      if (WRITE_MODULES.test(e.key) && e.value.kind === "string") {
        const dest = freeFormArgument(e.value, /(?:^|\s)(?:dest|path|destfile)=("[^"]*"|'[^']*'|\S+)/);
        const content = freeFormArgument(e.value, /(?:^|\s)(?:line|content)=("[^"]*"|'[^']*'|\S+)/);
        const d = dest ? fileWriteDocument(doc, dest, content, label(e.key)) : void 0;
        if (d) out.push(d);
        continue;
      }
      if (WRITE_MODULES.test(e.key) && e.value.kind === "map") {
        const dest = mapGet(e.value, "path") ?? mapGet(e.value, "dest") ?? mapGet(e.value, "destfile") ?? mapGet(e.value, "name");
        if (!dest || dest.kind !== "string") continue;
        const content = mapGet(e.value, "line") ?? mapGet(e.value, "block") ?? mapGet(e.value, "content");
        const d = fileWriteDocument(doc, dest, content, label(e.key));
        if (d) out.push(d);
      }
    }
  }
  return out;
}
function freeFormArgument(value, pattern) {
  if (value.kind !== "string") return void 0;
  const m = pattern.exec(value.value);
  if (!m) return void 0;
  const raw = m[1];
  const quoted = /^["']/.test(raw) ? 1 : 0;
  const text = raw.slice(quoted, raw.length - quoted);
  const offset = m.index + m[0].length - raw.length + quoted;
  const pieces = piecesOf(value);
  const only = pieces.length === 1 && pieces[0]?.verbatim ? pieces[0] : void 0;
  const range = only ? { start: only.start + offset, end: only.start + offset + text.length } : value.range;
  return { kind: "string", value: text, range, pieces: [{ text, start: range.start, end: range.end, verbatim: only !== void 0 }] };
}
function firstDocumentMayBeList(text) {
  let at = text.charCodeAt(0) === 65279 ? 1 : 0;
  while (at < text.length) {
    let nl = text.indexOf("\n", at);
    if (nl < 0) nl = text.length;
    let i = at;
    at = nl + 1;
    for (; ; ) {
      while (i < nl && (text[i] === " " || text[i] === "	" || text[i] === "\r")) i++;
      if (i >= nl || text[i] === "#" || text[i] === "%") break;
      const marker = text.startsWith("---", i) || text.startsWith("...", i);
      const after = text[i + 3];
      if (marker && (i + 3 >= nl || after === " " || after === "	" || after === "\r")) {
        if (text[i] === ".") break;
        i += 3;
        continue;
      }
      const c = text[i];
      return c === "-" || c === "[" || c === "!" || c === "&";
    }
  }
  return false;
}
var ansibleExtractor = {
  name: "ansible",
  kinds: ["text"],
  keywords: /^\s*-?\s*(?:ansible\.(?:builtin|legacy|windows)\.)?(?:shell|command|raw|win_shell|win_command|lineinfile|blockinfile|copy|template)\s*:/m,
  produces: ["shell", "powershell"],
  // Module strings as written; YAML escapes (`\\`, `''`) are decoded.
  copiesHost: (host) => !hasYamlEscapes(host.text),
  extract(doc) {
    if (doc.kind !== "text" || doc.language !== "yaml" || !firstDocumentMayBeList(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== "list") return [];
    return ansibleDocuments(doc, root);
  }
};
function packerJsonDocuments(doc, root) {
  const out = [];
  for (const p of asList(mapGet(root, "provisioners"))) {
    const type = knownString(mapGet(p, "type"));
    if (!type) continue;
    const kind = /^(?:shell|shell-local)$/.test(type) ? "shell" : /^(?:powershell|windows-shell)$/.test(type) ? "powershell" : void 0;
    const label = `packer provisioner "${type}"`;
    if (kind) {
      const inline = mapGet(p, "inline");
      if (inline?.kind === "list") {
        const d = linesDocument(doc, inline.items, `${label} inline`, kind);
        if (d) out.push(d);
      }
      for (const key of ["script", "scripts"]) {
        for (const item of asList(mapGet(p, key))) {
          const text = readSibling(doc, knownString(item));
          if (text !== void 0) out.push(documentFromPieces(doc, [{ text, start: item.range.start, end: item.range.end, verbatim: false }], { kind, label: `${label} ${key} ${knownString(item)}`, bootstrap: true }));
        }
      }
    } else if (type === "file") {
      const dest = mapGet(p, "destination");
      if (dest) {
        const d = fileWriteDocument(doc, dest, mapGet(p, "content"), label);
        if (d) out.push(d);
      }
    }
  }
  return out;
}
function packerHclDocuments(host, view, block, out) {
  for (const nested of block.blocks()) {
    if (nested.type !== "provisioner") {
      packerHclDocuments(host, view, nested, out);
      continue;
    }
    const type = nested.labels[0]?.value ?? "";
    const label = `packer provisioner "${type}"`;
    const kind = /^(?:shell|shell-local)$/.test(type) ? "shell" : /^(?:powershell|windows-shell)$/.test(type) ? "powershell" : void 0;
    if (kind) {
      const inline = nested.attribute("inline")?.value();
      if (inline?.kind === "list") {
        const d = linesDocument(view, inline.items, `${label} inline`, kind);
        if (d) out.push(d);
      }
    } else if (type === "file") {
      const dest = nested.attribute("destination")?.value();
      if (dest) {
        const d = fileWriteDocument(view, dest, nested.attribute("content")?.value(), label);
        if (d) out.push(d);
      }
    }
  }
}
var packerExtractor = {
  name: "packer",
  kinds: ["text"],
  keywords: /provisioner/,
  produces: ["shell", "powershell"],
  extract(doc) {
    if (doc.kind !== "text") return [];
    if (/\.pkr\.hcl$/i.test(doc.path)) {
      const { text, map } = new VirtualTextBuilder().verbatim(doc.text, 0).build();
      const view = createVirtualDocument(doc, { kind: "terraform", language: "hcl", text, map, label: "packer template", bootstrap: false });
      const out = [];
      for (const block of parseTerraform(view).blocks) if (block.type === "build") packerHclDocuments(doc, view, block, out);
      return out;
    }
    if (doc.language !== "json" || !/"provisioners"/.test(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    return root?.kind === "map" ? packerJsonDocuments(doc, root) : [];
  }
};
var ec2LaunchV2Extractor = {
  name: "ec2launch-v2",
  kinds: ["user-data", "text"],
  keywords: /\btask:\s*["']?executeScript/,
  produces: ["shell", "powershell"],
  copiesHost: (host) => !hasYamlEscapes(host.text),
  extract(doc) {
    if (doc.kind === "text" && doc.language !== "yaml") return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== "map") return [];
    const out = [];
    for (const task of asList(mapGet(root, "tasks"))) {
      if (knownString(mapGet(task, "task")) !== "executeScript") continue;
      for (const input2 of asList(mapGet(task, "inputs"))) {
        const type = knownString(mapGet(input2, "type"));
        const kind = type === "powershell" ? "powershell" : type === "bash" ? "shell" : void 0;
        const d = kind ? scriptDocument(doc, mapGet(input2, "content"), kind, `EC2Launch v2 executeScript (${type})`) : void 0;
        if (d) out.push(d);
      }
    }
    return out;
  }
};
var vagrantExtractor = {
  name: "vagrant",
  kinds: ["text"],
  keywords: /provision/,
  produces: ["shell"],
  // Heredoc bodies and inline strings as they are in the file; `provision "file"` writes glued to
  // the destination as written.
  copiesHost: () => true,
  extract(doc) {
    if (!/^Vagrantfile$/i.test(baseName(doc.path))) return [];
    const out = [];
    const text = doc.text;
    const push = (start, end, label) => {
      if (end <= start) return;
      const built = new VirtualTextBuilder().verbatim(text.slice(start, end), start).build();
      out.push(createVirtualDocument(doc, { kind: "shell", language: "bash", text: built.text, map: built.map, label, bootstrap: true }));
    };
    for (const m of text.matchAll(/<<([-~]?)(["']?)([A-Z_][A-Z0-9_]*)\2[^\n]*\n/g)) {
      const bodyStart = m.index + m[0].length;
      const close = new RegExp(`^[ \\t]*${m[3]}[ \\t]*$`, "m");
      const rest = text.slice(bodyStart);
      const c = close.exec(rest);
      const bodyEnd = c ? bodyStart + c.index : text.length;
      push(bodyStart, bodyEnd, `Vagrantfile heredoc ${m[3]}`);
    }
    for (const m of text.matchAll(/\bprovision\s*\(?\s*(?::file|["']file["'])[^\n]*?\bdestination:\s*(["'])([^"'\n]+)\1/g)) {
      const start = m.index + m[0].length - 1 - m[2].length;
      const dest = { kind: "string", value: m[2], range: { start, end: start + m[2].length } };
      const d = fileWriteDocument(doc, dest, void 0, 'Vagrantfile provision "file"');
      if (d) out.push(d);
    }
    for (const m of text.matchAll(/\binline:\s*(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const start = m.index + m[0].indexOf(m[1]) + 1;
      push(start, start + m[2].length, "Vagrantfile inline");
    }
    return out;
  }
};

// src/extract/syntax.ts
var cloudFormationSyntaxExtractor = {
  name: "cloudformation-syntax",
  kinds: ["cloudformation"],
  produces: [],
  phase: "syntax",
  extract(doc, notes) {
    notifyCloudFormationErrors(doc, notes);
    return [];
  }
};
var terraformSyntaxExtractor = {
  name: "terraform-syntax",
  kinds: ["terraform"],
  produces: [],
  phase: "syntax",
  extract(doc, notes) {
    if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return [];
    if (isTerraformParsed(doc)) parseTerraform(doc, notes);
    return [];
  }
};

// src/extract/terraform.ts
import { dirname as dirname10, resolve as resolvePath4 } from "node:path";
import { existsSync as existsSync9, readFileSync as readFileSync5, statSync as statSync4 } from "node:fs";
function terraformCopiesHost(text) {
  if (/remote-exec|provisioner|runShellScript|runPowerShellScript|aws_ssm_document|user_data_base64/.test(text)) return false;
  for (const value of terraformValueExtents(text, "user_data")) {
    if (value === void 0) return false;
    if (/\$\{|%\{/.test(value) || hasEscapes(value) || hasDecodableBase64(value)) return false;
  }
  return true;
}
var USER_DATA_ATTRIBUTES = /* @__PURE__ */ new Set(["user_data", "user_data_base64"]);
function readModuleFile(dir, path) {
  if (!dir || !path) return void 0;
  const full = resolvePath4(dir, path);
  try {
    if (!existsSync9(full) || statSync4(full).size > 1024 * 1024) return void 0;
    return { text: readFileSync5(full, "utf8"), full };
  } catch {
    return void 0;
  }
}
function fileProvisionerDocument(doc, block, owner) {
  const destAttr = block.attribute("destination");
  const dest = destAttr?.value();
  const destText = dest ? knownString(dest) : void 0;
  if (!destAttr || !dest || destText === void 0 || /[\s'"]/.test(destText)) return void 0;
  const pieces = [{ text: "cat > ", start: destAttr.range.start, end: destAttr.range.start, verbatim: false }];
  pieces.push({ text: destText, start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: " <<'CREDLINT_FILE'\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  const content = block.attribute("content")?.value();
  const source = block.attribute("source");
  if (content?.kind === "string") {
    pieces.push(...piecesOf(content));
  } else if (content) {
    pieces.push({ text: "${content}", start: content.range.start, end: content.range.end, verbatim: false });
  } else if (source) {
    const value = source.value();
    const path = knownString(value);
    const file = readModuleFile(doc.absPath ? dirname10(doc.absPath) : void 0, path?.replace(/^\$\{path\.module\}\//, ""));
    if (file) pieces.push({ text: file.text, start: value.range.start, end: value.range.end, verbatim: false });
  }
  pieces.push({ text: "\nCREDLINT_FILE\n", start: block.range.end, end: block.range.end, verbatim: false });
  return documentFromPieces(doc, pieces, { kind: "shell", language: "bash", label: `provisioner "file" of ${owner}`, bootstrap: true });
}
function tfExtractBlock(doc, block, owner, out) {
  for (const attr of block.attributes()) {
    if (!USER_DATA_ATTRIBUTES.has(attr.name)) continue;
    const d = userDataDocument(doc, attr.value(), `${attr.name} of ${owner}`, attr.name === "user_data_base64");
    if (d) out.push(d);
  }
  for (const nested of block.blocks()) {
    if (nested.type === "provisioner") {
      if (nested.labels[0]?.value === "file") {
        const d = fileProvisionerDocument(doc, nested, owner);
        if (d) out.push(d);
        continue;
      }
      if (nested.labels[0]?.value !== "remote-exec") continue;
      const inline = nested.attribute("inline")?.value();
      if (inline?.kind === "list") {
        const d = linesDocument(doc, inline.items, `remote-exec inline of ${owner}`);
        if (d) out.push(d);
      }
      const dir = doc.absPath ? dirname10(doc.absPath) : void 0;
      for (const name of ["script", "scripts"]) {
        const attr = nested.attribute(name);
        if (!attr) continue;
        for (const item of asList(attr.value())) {
          const path = knownString(item) ?? (item.kind === "string" ? item.value.replace(/^\$\{path\.module\}\//, "") : void 0);
          const file = readModuleFile(dir, path?.replace(/^\$\{path\.module\}\//, ""));
          if (!file) continue;
          const range = item.range;
          out.push(documentFromPieces(doc, [{ text: file.text, start: range.start, end: range.end, verbatim: false }], { kind: "shell", language: "bash", label: `remote-exec ${name} ${path} of ${owner}`, bootstrap: true }));
        }
      }
      continue;
    }
    tfExtractBlock(doc, nested, owner, out);
  }
}
function terraformEmbeddedDocuments(doc, notes) {
  const file = parseTerraform(doc, notes);
  const out = [];
  for (const block of file.blocks) {
    if (block.type !== "resource" || block.labels.length < 2) continue;
    const owner = `${resourceType(block)}.${resourceName(block)}`;
    if (resourceType(block) === "aws_ssm_document") {
      out.push(...ssmShellDocuments(doc, block.attribute("content")?.value(), `content of ${owner}`));
      continue;
    }
    tfExtractBlock(doc, block, owner, out);
  }
  return out;
}
var terraformUserDataExtractor = {
  name: "terraform-user-data",
  kinds: ["terraform"],
  keywords: /user_data|remote-exec|runShellScript|runPowerShellScript|provisioner\s+"file"/,
  produces: ["user-data", "cloud-init", "shell", "powershell"],
  // `.tf.json` strings have JSON escapes and no heredocs: never judged a copy.
  copiesHost: (host) => !/\.json$/i.test(host.path) && terraformCopiesHost(host.text),
  extract(doc, notes) {
    return terraformEmbeddedDocuments(doc, notes);
  }
};

// src/extract/index.ts
var extractors = [
  calledScriptExtractor,
  cloudInitExtractor,
  cloudFormationUserDataExtractor,
  dockerfileRunExtractor,
  kubernetesSecretExtractor,
  multipartUserDataExtractor,
  ansibleExtractor,
  packerExtractor,
  ec2LaunchV2Extractor,
  vagrantExtractor,
  heredocFileExtractor,
  ssmDocumentExtractor,
  cloudFormationSyntaxExtractor,
  terraformSyntaxExtractor,
  terraformUserDataExtractor
];

// src/engine/gate.ts
var OPTIONAL_PREFIX = /^(?:\\s\*|\[ \\t\]\*|-\?)/;
function hostTestOf(keywords) {
  const source = keywords.source;
  let relaxed = "";
  let anchored = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      relaxed += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      relaxed += c;
      if (c === "]") inClass = false;
    } else if (c === "[") {
      relaxed += c;
      inClass = true;
    } else if (c === "(" && (source.startsWith("(?<=", i) || source.startsWith("(?<!", i))) {
      return void 0;
    } else if (c === "^" || c === "$") {
      anchored = true;
    } else relaxed += c;
  }
  if (!anchored) return keywords;
  while (OPTIONAL_PREFIX.test(relaxed)) relaxed = relaxed.replace(OPTIONAL_PREFIX, "");
  return new RegExp(relaxed, keywords.flags.replace(/[gym]/g, ""));
}
function readsKind(rule, kinds) {
  if (rule.kinds === "all" || kinds === "any") return true;
  return rule.kinds.some((k) => kinds.has(k));
}
function takes(extractor, kinds) {
  return kinds === "any" || extractor.kinds.some((k) => kinds.has(k));
}
function nestedOf(start, all) {
  let kinds = start.produces === "any" ? "any" : new Set(start.produces);
  const nested = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of all) {
      if (e.phase === "syntax" || e.filesOnly || nested.includes(e) || !takes(e, kinds)) continue;
      nested.push(e);
      grew = true;
      if (e.produces === "any") kinds = "any";
      else if (kinds !== "any") for (const k of e.produces) kinds.add(k);
    }
  }
  return { nested, kinds };
}
var FOLDED_BREAK = /[ \t]*\r?\n[ \t]*/g;
function inRunOrder(extractors2) {
  return [...extractors2.filter((e) => e.phase !== "syntax"), ...extractors2.filter((e) => e.phase === "syntax")];
}
function gateExtractors(rules2, extractors2) {
  const ordered = inRunOrder(extractors2);
  const out = [];
  for (const extractor of ordered) {
    if (extractor.phase === "syntax") {
      out.push(extractor);
      continue;
    }
    const { nested, kinds } = nestedOf(extractor, ordered);
    const readers = rules2.filter((r) => readsKind(r, kinds));
    if (readers.length === 0) continue;
    const keywords = [...new Set(readers.map((r) => r.kindKeywords ? void 0 : r.keywords))].map((k) => k ? hostTestOf(k) : void 0);
    if (!extractor.copiesHost || keywords.some((k) => k === void 0)) {
      out.push(extractor);
      continue;
    }
    const gatedNested = nested.map((e) => ({ extractor: e, keywords: e.keywords ? hostTestOf(e.keywords) : void 0 }));
    const inner = extractor;
    out.push({
      ...inner,
      extract(doc, notes) {
        return mayFeedARule(doc, inner, keywords, gatedNested) ? inner.extract(doc, notes) : [];
      }
    });
  }
  return out;
}
var keywordHits = /* @__PURE__ */ new WeakMap();
var foldedTexts = /* @__PURE__ */ new WeakMap();
function foldedText(doc) {
  let folded = foldedTexts.get(doc);
  if (folded === void 0) foldedTexts.set(doc, folded = doc.text.replace(FOLDED_BREAK, " "));
  return folded;
}
function mayFeedARule(doc, extractor, ruleKeywords, nested) {
  let known = keywordHits.get(doc);
  if (!known) keywordHits.set(doc, known = /* @__PURE__ */ new Map());
  const memo = known;
  const mentions2 = (re) => {
    let hit = memo.get(re);
    if (hit === void 0) {
      hit = re.test(doc.text);
      if (!hit) {
        const folded = foldedText(doc);
        hit = folded !== doc.text && re.test(folded);
      }
      memo.set(re, hit);
    }
    return hit;
  };
  if (ruleKeywords.some(mentions2)) return true;
  if (!extractor.copiesHost?.(doc)) return true;
  for (const { extractor: e, keywords } of nested) {
    if (keywords && !mentions2(keywords)) continue;
    if (!e.copiesHost?.(doc)) return true;
  }
  return false;
}

// src/engine/setup.ts
function createSetup(config, allRules, options2 = {}) {
  const byId = new Map(allRules.map((r) => [r.id, r]));
  const rules2 = config.rules.flatMap((r) => {
    const rule = byId.get(r.id);
    return rule ? [{ rule, severity: r.severity, options: r.options }] : [];
  });
  const extractors2 = options2.extractors ?? extractors;
  return {
    rules: rules2,
    settings: { allowAccountIds: config.allowAccountIds, denyAccountIds: config.denyAccountIds, showSecrets: config.showSecrets },
    allowPatterns: config.allowPatterns.map((p) => new RegExp(p)),
    extractors: options2.gateExtractors === false ? inRunOrder(extractors2) : gateExtractors(rules2.map((r) => r.rule), extractors2),
    knownRuleIds: new Set(allRules.map((r) => r.id)),
    reportUnusedSuppressions: options2.reportUnusedSuppressions ?? false
  };
}

export {
  ruleHelpUri,
  defineRule,
  formatMessage,
  severityRank,
  errorSummary,
  parse2 as parse,
  decodeBytes,
  readTextFile,
  NotRegularFileError,
  readRegularFile,
  formatBytes,
  parseByteSize,
  describeNode,
  LineIndex,
  createDocument,
  SNIFF_BYTES,
  classifyFile,
  languageOf,
  initParsersSync,
  initParsers,
  iamDataVersions,
  loadParser,
  provideProgram,
  documentBootstraps,
  proposePolicy,
  neededBy,
  policyJson,
  policyHcl,
  policiesOf,
  maskLine,
  maskFindingText,
  quoteValue,
  findSdkCredentials,
  rules,
  scanText,
  scanFile,
  scanBytes,
  createSetup
};
