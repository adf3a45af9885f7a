import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-VALTK4J7.js";
import {
  INFORMATION_URI
} from "./chunk-ORZ2ZCPG.js";
import {
  classifyFile,
  createSetup,
  decodeBytes,
  formatBytes,
  iamDataVersions,
  initParsers,
  maskFindingText,
  maskLine,
  ruleHelpUri,
  scanBytes,
  scanFile,
  scanText,
  severityRank
} from "./chunk-I4XBVQCL.js";
import {
  __commonJS,
  __toESM
} from "./chunk-JQ7CTWZG.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        if (path in cache) {
          return cache[path];
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/engine/shard.ts
import { createHash } from "node:crypto";
function parseShard(value) {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1024 || index < 1 || index > count) {
    throw new UsageError(`--shard: expected I/N with 1 <= I <= N <= 1024 (e.g. 2/4), got "${value}"`);
  }
  return { index, count };
}
function shardOf(path, count) {
  return createHash("sha1").update(path).digest().readUIntBE(0, 6) % count + 1;
}
function inShard(shard) {
  return (path) => shardOf(path, shard.count) === shard.index;
}

// src/engine/run.ts
var import_ignore3 = __toESM(require_ignore(), 1);
import { statSync as statSync3 } from "node:fs";
import { availableParallelism } from "node:os";
import { relative as relative3, resolve as resolve4, sep as sep2 } from "node:path";

// src/engine/discover.ts
var import_ignore = __toESM(require_ignore(), 1);
import { execFile } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
var ALWAYS_SKIPPED_NAMES = /* @__PURE__ */ new Set([".git", "node_modules"]);
var ALWAYS_SKIPPED = /(?:^|\/)(?:\.git|node_modules)(?:\/|$)/;
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
function relativeTo(baseDir, absPath) {
  const rel = toPosix(relative(baseDir, absPath));
  return rel === "" ? "." : rel;
}
function joinRel(dir, rel) {
  const native = sep === "/" ? rel : rel.split("/").join(sep);
  return dir.endsWith(sep) ? dir + native : dir + sep + native;
}
async function gitTopLevel(dir) {
  try {
    const { stdout } = await execFileAsync("git", ["-C", dir, "rev-parse", "--show-toplevel"], { encoding: "utf8" });
    const top = stdout.trim();
    return top || void 0;
  } catch {
    return void 0;
  }
}
var GIT_BUFFER = 1024 * 1024 * 1024;
async function gitListFiles(dir, unlistable) {
  const git = (args) => execFileAsync("git", ["-C", dir, "ls-files", "-z", ...args, "--", "."], { encoding: "utf8", maxBuffer: GIT_BUFFER });
  const [staged, others, modified] = await Promise.all([git(["--stage"]), git(["--others", "--exclude-standard"]), git(["--modified"])]);
  const changed = new Set(modified.stdout.split("\0").filter(Boolean));
  const out = [];
  const nested = [];
  const seen = /* @__PURE__ */ new Set();
  for (const line of staged.stdout.split("\0")) {
    if (!line) continue;
    const tab = line.indexOf("	");
    const path = line.slice(tab + 1);
    if (seen.has(path)) continue;
    seen.add(path);
    const mode = line.slice(0, line.indexOf(" "));
    if (mode === "160000") {
      nested.push(path);
      continue;
    }
    if (changed.has(path)) {
      try {
        lstatSync(joinRel(dir, path));
      } catch (error) {
        if (error.code === "ENOENT" || error.code === "ENOTDIR") continue;
      }
      out.push({ rel: path, link: void 0 });
    } else out.push({ rel: path, link: mode === "120000" });
  }
  for (const path of others.stdout.split("\0")) {
    if (!path) continue;
    if (path.endsWith("/")) nested.push(path.slice(0, -1));
    else out.push({ rel: path, link: void 0 });
  }
  for (const sub of nested) {
    const subDir = joinRel(dir, sub);
    let inner;
    try {
      inner = await gitTopLevel(subDir) === subDir ? await gitListFiles(subDir, unlistable) : await collectWalk(subDir, unlistable);
    } catch {
      inner = await collectWalk(subDir, unlistable);
    }
    for (const f of inner) out.push({ rel: `${sub}/${f.rel}`, link: f.link });
  }
  return out;
}
async function collectWalk(dir, unlistable) {
  const out = [];
  await walk(dir, unlistable, (rel, link) => out.push({ rel, link }));
  return out;
}
function ignoredBy(chain, rel, isDir) {
  let ignored = false;
  for (const { base, ig, above } of chain) {
    const sub = above !== void 0 ? `${above}/${rel}` : base === "" ? rel : rel.slice(base.length + 1);
    const verdict = ig.test(isDir ? `${sub}/` : sub);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
var byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
var DIRS_PER_TURN = 256;
async function walk(dir, unlistable, emit, inherited = []) {
  const stack = [{ abs: dir, rel: "", chain: inherited }];
  let listed = 0;
  while (stack.length > 0) {
    const frame = stack.pop();
    let entries;
    try {
      entries = readdirSync(frame.abs, { withFileTypes: true });
    } catch (error) {
      const code = error.code;
      if (code === "EACCES" || code === "EPERM") unlistable.push(frame.abs);
      continue;
    }
    entries.sort(byName);
    let chain = frame.chain;
    const gitignore = entries.find((e) => e.name === ".gitignore");
    if (gitignore?.isFile()) {
      try {
        chain = [...chain, { base: frame.rel, ig: (0, import_ignore.default)().add(readFileSync(joinRel(frame.abs, ".gitignore"), "utf8")) }];
      } catch {
      }
    }
    const subdirs = [];
    for (const entry of entries) {
      const name = entry.name;
      if (ALWAYS_SKIPPED_NAMES.has(name)) continue;
      const rel = frame.rel === "" ? name : `${frame.rel}/${name}`;
      if (entry.isDirectory()) {
        if (chain.length === 0 || !ignoredBy(chain, rel, true)) subdirs.push({ abs: joinRel(frame.abs, name), rel, chain });
      } else if (chain.length === 0 || !ignoredBy(chain, rel, false)) {
        emit(rel, entry.isSymbolicLink());
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    if (++listed % DIRS_PER_TURN === 0) await new Promise((r) => setImmediate(r));
  }
}
async function discoverEach(options, onFile) {
  const { baseDir } = options;
  const ignoreBase = options.ignoreBase ?? baseDir;
  const userIgnore = options.ignore.length > 0 ? (0, import_ignore.default)().add([...options.ignore]) : void 0;
  const seen = /* @__PURE__ */ new Set();
  const deliver = (file) => {
    if (seen.has(file.relPath)) return;
    seen.add(file.relPath);
    onFile(file);
  };
  const explicit = [];
  const dirs = [];
  for (const input of options.paths.length > 0 ? options.paths : ["."]) {
    const absInput = isAbsolute(input) ? input : resolve(baseDir, input);
    let stat;
    try {
      stat = statSync(absInput);
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT") {
        const matches = await expandGlob(input, baseDir);
        if (matches === void 0) throw new UsageError(`${input}: no such file or directory`);
        if (matches.length === 0) throw new UsageError(`${input}: no file matches this pattern`);
        explicit.push(...matches);
        continue;
      }
      explicit.push(absInput);
      continue;
    }
    if (!stat.isDirectory()) {
      explicit.push(absInput);
      continue;
    }
    try {
      readdirSync(absInput);
    } catch (error) {
      throw new UsageError(`${input}: cannot read directory (${error.code ?? "error"})`);
    }
    dirs.push({ input, abs: absInput });
  }
  for (const absPath of explicit) deliver({ absPath, relPath: relativeTo(baseDir, absPath), explicit: true });
  for (const { abs: absInput } of dirs) {
    let rootReal;
    try {
      rootReal = realpathSync(absInput);
    } catch {
      rootReal = absInput;
    }
    const relInput = relativeTo(baseDir, absInput);
    const prefix = relInput === "." ? "" : `${relInput}/`;
    const fromIgnoreBase = relativeTo(ignoreBase, absInput);
    const ignorePrefix = fromIgnoreBase === "." ? "" : `${fromIgnoreBase}/`;
    const unlistable = [];
    const add = (rel, link) => {
      const absPath = joinRel(absInput, rel);
      const relPath = prefix + rel;
      if (link !== false) {
        const refused = linkLeavingRoot(absPath, rootReal, relPath);
        if (refused) {
          deliver({ absPath, relPath, explicit: false, refused });
          return;
        }
      }
      if (ALWAYS_SKIPPED.test(rel)) return;
      if (userIgnore) {
        const fromBase = ignorePrefix + rel;
        const testPath = fromBase.startsWith("../") ? fromBase.replace(/^(?:\.\.\/)+/, "") : fromBase;
        if (testPath && userIgnore.ignores(testPath)) return;
      }
      deliver({ absPath, relPath, explicit: false });
    };
    const useGit = options.useGit !== false && await gitTopLevel(absInput) !== void 0;
    let listed;
    if (useGit) {
      try {
        listed = await gitListFiles(absInput, unlistable);
      } catch {
        listed = void 0;
      }
      if (listed?.length === 0) listed = void 0;
    }
    if (listed) for (const f of listed) add(f.rel, f.link);
    else await walk(absInput, unlistable, add, gitignoresAbove(baseDir, absInput));
    for (const dir of unlistable) {
      const relPath = relativeTo(baseDir, dir);
      deliver({
        absPath: dir,
        relPath,
        explicit: false,
        refused: { id: "unreadable-file", level: "error", path: relPath, message: `${relPath}: directory could not be read (permission denied); its files were not scanned` }
      });
    }
  }
}
function gitignoresAbove(baseDir, dir) {
  const rel = relative(baseDir, dir).split(sep).join("/");
  if (rel === "" || rel === ".." || rel.startsWith("../") || isAbsolute(rel)) return [];
  const parts = rel.split("/");
  const levels = [];
  for (let i = 0; i < parts.length; i++) {
    const holder = join(baseDir, ...parts.slice(0, i));
    try {
      const text = readFileSync(join(holder, ".gitignore"), "utf8");
      levels.push({ base: "", ig: (0, import_ignore.default)().add(text), above: parts.slice(i).join("/") });
    } catch {
    }
  }
  if (levels.length === 0) return [];
  let ignored = false;
  for (const level of levels) {
    const verdict = level.ig.test(`${level.above}/`);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored ? [] : levels;
}
async function expandGlob(input, baseDir) {
  const { default: fg } = await import("./chunk-CYV3KTNR.js");
  const pattern = toPosix(input);
  if (!fg.isDynamicPattern(pattern)) return void 0;
  const matches = await fg(pattern, {
    cwd: baseDir,
    absolute: true,
    dot: true,
    ignore: ["**/.git/**", "**/node_modules/**"],
    followSymbolicLinks: false,
    suppressErrors: true
  });
  return matches.map((m) => resolve(m)).sort();
}
function linkLeavingRoot(absPath, rootReal, relPath) {
  let isLink = false;
  try {
    isLink = lstatSync(absPath).isSymbolicLink();
  } catch {
    return void 0;
  }
  if (!isLink) return void 0;
  let target;
  try {
    target = realpathSync(absPath);
  } catch {
    return void 0;
  }
  const inside = target === rootReal || target.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
  if (inside) return void 0;
  return { id: "not-a-file", level: "warning", path: relPath, message: `${relPath}: skipped: a symbolic link to a file outside the scanned directory (not followed)` };
}

// src/engine/pool.ts
import { Worker } from "node:worker_threads";
import { existsSync, statSync as statSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
var WORKER_URL = new URL("./worker.js", import.meta.url);
function workersAvailable() {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}
var DEFAULT_FILE_TIMEOUT = { baseMs: 3e4, perMbMs: 1e4 };
var BATCH_FILES = 24;
var WATCH_INTERVAL_MS = 250;
var FilePool = class {
  constructor(options) {
    this.options = options;
    this.timeout = options.fileTimeout ?? DEFAULT_FILE_TIMEOUT;
    for (let t = 0; t < Math.max(1, options.threads); t++) this.spawn();
    if (this.timeout) {
      this.watch = setInterval(() => this.check(), WATCH_INTERVAL_MS);
      this.watch.unref();
    }
  }
  options;
  files = [];
  results = [];
  /** Files waiting for a worker, in order; retries (text-only) first. */
  queue = [];
  retries = [];
  /** Why a file is being retried with the text-level rules only. */
  timedOut = /* @__PURE__ */ new Map();
  slots = [];
  ended = false;
  done = 0;
  nextBatch = 0;
  failure;
  settle;
  watch;
  timeout;
  /** Queues one file; it is scanned as soon as a worker is free. */
  add(file) {
    this.files.push({ absPath: file.absPath, relPath: file.relPath });
    this.queue.push(this.files.length - 1);
    this.pump();
  }
  /** No more files: resolves with every file's result, in the order they were added. */
  finish() {
    this.ended = true;
    return new Promise((resolve5, reject) => {
      this.settle = { resolve: resolve5, reject };
      this.pump();
      this.maybeSettle();
    });
  }
  async close() {
    if (this.watch) clearInterval(this.watch);
    const live = this.slots.filter((s) => !s.dead);
    for (const s of live) s.dead = true;
    await Promise.all(live.map((s) => s.worker.terminate()));
  }
  spawn() {
    const progress = new SharedArrayBuffer(4);
    const init = {
      config: this.options.config,
      reportUnusedSuppressions: this.options.reportUnusedSuppressions,
      progress,
      ...this.options.hookModule !== void 0 ? { hookModule: this.options.hookModule } : {}
    };
    const worker = new Worker(WORKER_URL, { workerData: init });
    const slot = { worker, progress: new Int32Array(progress), job: void 0, startedBefore: 0, seen: 0, seenAt: 0, budgetMs: 0, sized: false, dead: false };
    this.slots.push(slot);
    worker.on("message", (msg) => this.onReply(slot, msg));
    worker.on("error", (error) => this.onDeath(slot, `the worker thread failed (${error.code ?? error.name})`, error));
    worker.on("exit", (code) => {
      if (code !== 0) this.onDeath(slot, `the worker thread exited with code ${code}`, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }
  onReply(slot, msg) {
    if (slot.dead) return;
    const job = slot.job;
    slot.job = void 0;
    if (!job) return;
    if ("error" in msg) {
      this.fail(new Error(`worker failed: ${msg.error}`));
      return;
    }
    slot.startedBefore += job.items.length;
    job.items.forEach((index, i) => {
      const result = msg.results[i];
      const reason = this.timedOut.get(index);
      this.results[index] = reason === void 0 ? result : { ...result, notifications: [this.note(index, `${reason}; only the text-level checks ran`), ...result.notifications] };
    });
    this.done += job.items.length;
    this.options.onFileDone?.(this.done);
    this.pump();
    this.maybeSettle();
  }
  /** Posts work to every idle worker. */
  pump() {
    if (this.failure) return;
    for (const slot of this.slots) {
      if (slot.dead || slot.job) continue;
      let job;
      if (this.retries.length > 0) job = { items: [this.retries.shift()], textOnly: true };
      else if (this.queue.length > 0) {
        if (!this.ended && this.queue.length < BATCH_FILES) continue;
        const size = this.ended ? Math.max(1, Math.min(BATCH_FILES, Math.ceil(this.queue.length / (2 * this.liveCount())))) : BATCH_FILES;
        job = { items: this.queue.splice(0, size), textOnly: false };
      }
      if (!job) continue;
      slot.job = job;
      slot.sized = false;
      slot.budgetMs = this.timeout ? this.timeout.baseMs : 0;
      slot.seen = Atomics.load(slot.progress, 0);
      slot.seenAt = Date.now();
      const request = { batch: this.nextBatch++, files: job.items.map((i) => this.files[i]), ...job.textOnly ? { textOnly: true } : {} };
      slot.worker.postMessage(request);
    }
  }
  liveCount() {
    return this.slots.filter((s) => !s.dead).length;
  }
  /** The watchdog: a worker whose started-file count has not moved for longer than that file's budget. */
  check() {
    if (!this.timeout) return;
    const now = Date.now();
    for (const slot of this.slots) {
      if (slot.dead || !slot.job) continue;
      const started = Atomics.load(slot.progress, 0);
      if (started !== slot.seen) {
        slot.seen = started;
        slot.seenAt = now;
        slot.sized = false;
        slot.budgetMs = this.timeout.baseMs;
        continue;
      }
      if (now - slot.seenAt <= slot.budgetMs) continue;
      const position = started - slot.startedBefore - 1;
      const index = slot.job.items[position];
      if (index === void 0) continue;
      if (!slot.sized) {
        slot.sized = true;
        let bytes = 0;
        try {
          bytes = statSync2(this.files[index].absPath).size;
        } catch {
        }
        slot.budgetMs = this.timeout.baseMs + Math.ceil(this.timeout.perMbMs * bytes / (1024 * 1024));
        if (now - slot.seenAt <= slot.budgetMs) continue;
      }
      this.onStuck(slot, position, `not fully scanned: timed out after ${formatSeconds(slot.budgetMs)} (the per-file time limit, --file-timeout)`);
    }
  }
  /** Terminates the worker on `position` of its job, replaces it, and re-queues the job's other files. */
  onStuck(slot, position, reason) {
    const job = slot.job;
    slot.dead = true;
    slot.job = void 0;
    void slot.worker.terminate();
    const index = job.items[position];
    if (job.textOnly) {
      this.resolveUnscanned(index, `${this.timedOut.get(index) ?? reason}; the text-level checks did not finish either`);
    } else {
      this.timedOut.set(index, reason);
      this.retries.push(index);
    }
    const rest = job.items.filter((_, i) => i !== position);
    this.queue.unshift(...rest);
    this.spawn();
    this.pump();
    this.maybeSettle();
  }
  onDeath(slot, reason, error) {
    if (slot.dead) return;
    const job = slot.job;
    if (!job) {
      slot.dead = true;
      this.fail(error);
      return;
    }
    const position = Math.max(0, Math.min(job.items.length - 1, Atomics.load(slot.progress, 0) - slot.startedBefore - 1));
    this.onStuck(slot, position, `not fully scanned: ${reason}`);
  }
  resolveUnscanned(index, reason) {
    const file = this.files[index];
    this.results[index] = { path: file.relPath, findings: [], notifications: [this.note(index, reason)], bytes: 0, scanned: false };
    this.done++;
    this.options.onFileDone?.(this.done);
  }
  note(index, reason) {
    const path = this.files[index].relPath;
    return { id: "not-fully-scanned", level: "warning", path, message: `${path}: ${reason}` };
  }
  fail(error) {
    this.failure ??= error;
    this.settle?.reject(this.failure);
  }
  maybeSettle() {
    if (!this.settle || this.failure) return;
    if (!this.ended || this.done < this.files.length) return;
    this.settle.resolve(this.results);
  }
};
function formatSeconds(ms) {
  return `${Number((ms / 1e3).toFixed(ms < 1e4 ? 1 : 0))} s`;
}
var BlobPool = class {
  workers = [];
  idle = [];
  queue = [];
  waiting = /* @__PURE__ */ new Map();
  failure;
  constructor(config, threads, reportUnusedSuppressions) {
    for (let t = 0; t < threads; t++) {
      const init = { config, reportUnusedSuppressions, progress: new SharedArrayBuffer(4) };
      const worker = new Worker(WORKER_URL, { workerData: init });
      this.workers.push(worker);
      this.idle.push(worker);
      worker.on("message", (msg) => {
        const job = this.waiting.get(worker);
        this.waiting.delete(worker);
        if (msg.error !== void 0) job?.reject(new Error(`worker failed: ${msg.error}`));
        else job?.resolve(msg.results ?? []);
        this.idle.push(worker);
        this.pump();
      });
      const fail = (error) => {
        this.failure ??= error;
        this.waiting.get(worker)?.reject(error);
        for (const q of this.queue.splice(0)) q.reject(error);
      };
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (code !== 0) fail(new Error(`worker exited with code ${code}`));
      });
    }
  }
  submit(blobs) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve5, reject) => {
      this.queue.push({ blobs, resolve: resolve5, reject });
      this.pump();
    });
  }
  pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const job = this.queue.shift();
      this.waiting.set(worker, job);
      const transfer = job.blobs.map((b) => b.data.buffer);
      worker.postMessage({ batch: 0, blobs: job.blobs }, [...new Set(transfer)]);
    }
  }
  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
};

// src/engine/staged.ts
import { resolve as resolve3 } from "node:path";

// src/engine/git.ts
import { execFile as execFile2, spawn } from "node:child_process";
import { promisify as promisify2 } from "node:util";
var execFileAsync2 = promisify2(execFile2);
var gitProcessCount = { value: 0 };
async function gitTopLevel2(dir, flag, allowBare = false) {
  const rev = async (args) => {
    gitProcessCount.value++;
    return (await execFileAsync2("git", ["-C", dir, "rev-parse", ...args], { encoding: "utf8" }).catch(() => void 0))?.stdout.trim();
  };
  const top = await rev(["--show-toplevel"]);
  if (top) return top;
  if (allowBare) {
    const [bare, gitDir] = (await rev(["--is-bare-repository", "--absolute-git-dir"]) ?? "").split("\n");
    if (bare === "true" && gitDir) return gitDir;
  }
  throw new UsageError(`${flag}: not inside a git work tree`);
}
async function gitBytes(top, args) {
  gitProcessCount.value++;
  const { stdout } = await execFileAsync2("git", ["-C", top, ...args], { encoding: "buffer", maxBuffer: 1024 * 1024 * 1024 });
  return stdout;
}
function readBlobs(top, oids, maxBytes, onBlob, onFlow) {
  if (oids.length === 0) return Promise.resolve();
  return new Promise((resolvePromise, reject) => {
    gitProcessCount.value++;
    const child = spawn("git", ["-C", top, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    let index = 0;
    let pending = Buffer.alloc(0);
    let current;
    let stderr = "";
    let failed = false;
    const fail = (error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    onFlow?.({ pause: () => child.stdout.pause(), resume: () => child.stdout.resume() });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.on("error", (error) => fail(new UsageError(`git cat-file could not start: ${error.message}`)));
    child.stdin.on("error", () => void 0);
    child.stdout.on("data", (chunk) => {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        for (; ; ) {
          if (current) {
            const take = Math.min(current.remaining, pending.length);
            if (current.chunks) current.chunks.push(pending.subarray(0, take));
            current.remaining -= take;
            pending = pending.subarray(take);
            if (current.remaining > 0) return;
            const { oid: oid2, size: size2, chunks } = current;
            current = void 0;
            const i = index++;
            if (chunks) {
              const data = Buffer.concat(chunks);
              onBlob(oid2, { status: "ok", data: data.subarray(0, size2) }, i);
            } else {
              onBlob(oid2, { status: "too-large", size: size2 }, i);
            }
            continue;
          }
          const nl = pending.indexOf(10);
          if (nl === -1) return;
          const header = pending.subarray(0, nl).toString("utf8");
          pending = pending.subarray(nl + 1);
          const parts = header.split(" ");
          const oid = parts[0] ?? "";
          if (parts[1] === "missing" || parts[1] === "ambiguous") {
            onBlob(oid, { status: "missing" }, index++);
            continue;
          }
          const size = Number(parts[2]);
          if (!Number.isFinite(size)) throw new Error(`unexpected git cat-file output: ${header.slice(0, 80)}`);
          current = { oid, size, chunks: size <= maxBytes ? [] : void 0, remaining: size + 1 };
        }
      } catch (error) {
        fail(error);
      }
    });
    child.on("close", (code) => {
      if (failed) return;
      if (index < oids.length) {
        reject(new UsageError(`git cat-file --batch stopped after ${index} of ${oids.length} objects${stderr ? `: ${stderr.split("\n")[0]}` : ""} (exit ${code})`));
        return;
      }
      resolvePromise();
    });
    child.stdin.end(`${oids.join("\n")}
`);
  });
}

// src/engine/history.ts
var import_ignore2 = __toESM(require_ignore(), 1);
import { spawn as spawn2 } from "node:child_process";
import { relative as relative2, resolve as resolve2 } from "node:path";
var NON_CONTENT_MODES = /* @__PURE__ */ new Set(["160000", "120000", "000000"]);
function pathFilter(baseDir, top, ignorePatterns, ignoreBase = baseDir) {
  const userIgnore = (0, import_ignore2.default)().add([...ignorePatterns]);
  return (repoPath) => {
    if (/(?:^|\/)(?:\.git|node_modules)\//.test(repoPath)) return void 0;
    const abs = resolve2(top, repoPath);
    const fromBase = toPosix(relative2(ignoreBase, abs));
    if (fromBase && !fromBase.startsWith("../") && userIgnore.ignores(fromBase)) return void 0;
    return toPosix(relative2(baseDir, abs));
  };
}
function checkRange(range) {
  if (range.startsWith("-") || range.includes("\0") || range.trim() === "") {
    throw new UsageError(`--history: "${range}" is not a revision range (expected e.g. main..HEAD)`);
  }
}
function listBlobs(top, range, keep) {
  return new Promise((resolvePromise, reject) => {
    gitProcessCount.value++;
    const args = [
      "-C",
      top,
      "-c",
      "core.quotePath=false",
      "log",
      "--reverse",
      "-m",
      "--root",
      "--raw",
      "--no-abbrev",
      "-z",
      "--no-renames",
      "--no-ext-diff",
      "--no-textconv",
      "--diff-filter=AMT",
      "--format=commit %H %aI",
      "--end-of-options",
      range,
      "--"
    ];
    const child = spawn2("git", args, { stdio: ["ignore", "pipe", "pipe"] });
    const seen = /* @__PURE__ */ new Set();
    const commitIds = /* @__PURE__ */ new Set();
    const entries = [];
    let commit;
    let meta;
    let rest = Buffer.alloc(0);
    let stderr = "";
    const token = (raw) => {
      const t = raw.toString("utf8");
      if (meta !== void 0) {
        const fields = meta.split(" ");
        meta = void 0;
        const mode = fields[1] ?? "";
        const oid = fields[3] ?? "";
        if (!commit || NON_CONTENT_MODES.has(mode) || seen.has(oid)) return;
        const relPath = keep(t);
        if (relPath === void 0) return;
        seen.add(oid);
        entries.push({ oid, repoPath: t, relPath, commit });
        return;
      }
      const s = t.startsWith("\n") ? t.slice(1) : t;
      if (s.startsWith(":")) {
        meta = s.slice(1);
        return;
      }
      const header = /^commit ([0-9a-f]{40,64}) (\S+)/.exec(s);
      if (header) {
        commit = { sha: header[1], authorDate: header[2] };
        commitIds.add(commit.sha);
      }
    };
    child.stdout.on("data", (chunk) => {
      let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      for (let nul = buf.indexOf(0); nul !== -1; nul = buf.indexOf(0)) {
        token(buf.subarray(0, nul));
        buf = buf.subarray(nul + 1);
      }
      rest = Buffer.from(buf);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.on("error", (error) => reject(new UsageError(`--history: git could not start: ${error.message}`)));
    child.on("close", (code) => {
      if (rest.length) token(rest);
      if (code !== 0) {
        const first = stderr.split("\n").find((l) => l.trim() !== "") ?? `git log exited with ${code}`;
        if (/does not have any commits yet|bad default revision 'HEAD'/.test(stderr)) {
          resolvePromise({ entries: [], commits: 0 });
          return;
        }
        reject(new UsageError(`--history ${range}: ${first.replace(/^fatal: /, "")}`));
        return;
      }
      resolvePromise({ entries, commits: commitIds.size });
    });
  });
}
async function countCommits(top, range) {
  try {
    const out = await gitBytes(top, ["rev-list", "--count", "--end-of-options", range, "--"]);
    const n = Number(out.toString("utf8").trim());
    return Number.isFinite(n) ? n : void 0;
  } catch {
    return void 0;
  }
}
var WORKER_MIN_BLOBS = 200;
var BATCH_BLOBS = 32;
var BATCH_BYTES = 4 * 1024 * 1024;
var MAX_IN_FLIGHT_BYTES = 64 * 1024 * 1024;
async function scanHistory(options) {
  const range = options.range ?? "HEAD";
  checkRange(range);
  const top = await gitTopLevel2(options.baseDir, "--history", true);
  const keep = pathFilter(options.baseDir, top, options.ignorePatterns, options.ignoreBase);
  const [listed, commits] = await Promise.all([listBlobs(top, range, keep), countCommits(top, range)]);
  const entries = options.shard ? listed.entries.filter((e) => options.shard?.(e.relPath)) : listed.entries;
  const perBlob = new Array(entries.length);
  let binary = 0;
  const pool = options.workers && entries.length >= WORKER_MIN_BLOBS ? options.workers.start() : void 0;
  const submitted = [];
  let batch = [];
  let batchBytes = 0;
  let inFlight = 0;
  let flow;
  let paused = false;
  let done = 0;
  const flush = () => {
    if (!pool || batch.length === 0) return;
    const jobs = batch;
    const bytes = batchBytes;
    batch = [];
    batchBytes = 0;
    inFlight += bytes;
    if (inFlight > MAX_IN_FLIGHT_BYTES && !paused) {
      paused = true;
      flow?.pause();
    }
    submitted.push(
      pool.submit(jobs.map((j) => ({ path: j.path, data: j.data }))).then((results2) => {
        results2.forEach((r, k) => perBlob[jobs[k].index] = r);
        inFlight -= bytes;
        done += jobs.length;
        options.onProgress?.(done, entries.length);
        if (paused && inFlight < MAX_IN_FLIGHT_BYTES / 2) {
          paused = false;
          flow?.resume();
        }
      })
    );
  };
  try {
    await readBlobs(
      top,
      entries.map((e) => e.oid),
      options.maxBytes,
      (_oid, read, index) => {
        const entry = entries[index];
        const { relPath, commit } = entry;
        if (read.status !== "ok") {
          const at = `${relPath} (commit ${commit.sha.slice(0, 12)})`;
          const note = read.status === "too-large" ? { id: "file-too-large", level: "warning", path: relPath, message: `${at}: skipped: ${formatBytes(read.size)} is over the size limit of ${formatBytes(options.maxBytes)} (set maxFileSize or --max-file-size)` } : { id: "unreadable-file", level: "error", path: relPath, message: `${at}: blob ${entry.oid.slice(0, 12)} is missing from the repository (shallow or partial clone?)` };
          perBlob[index] = { path: relPath, findings: [], notifications: [note], bytes: 0, scanned: false };
          return;
        }
        if (pool) {
          const data = new Uint8Array(read.data.length);
          data.set(read.data);
          batch.push({ index, path: relPath, data });
          batchBytes += data.length;
          if (batch.length >= BATCH_BLOBS || batchBytes >= BATCH_BYTES) flush();
          return;
        }
        perBlob[index] = scanBytes(read.data, relPath, Infinity, options.setup);
        options.onProgress?.(index + 1, entries.length);
      },
      (f) => flow = f
    );
    flush();
    await Promise.all(submitted);
  } finally {
    await pool?.close();
  }
  const results = [];
  const reported = /* @__PURE__ */ new Set();
  perBlob.forEach((r, index) => {
    if (!r) return;
    const { commit, relPath } = entries[index];
    if (!r.scanned && r.notifications.length === 1 && r.notifications[0]?.id === "binary-file") {
      binary++;
      return;
    }
    const at = `${relPath} (commit ${commit.sha.slice(0, 12)})`;
    const findings = [];
    for (const f of r.findings) {
      const key = `${f.path}\0${f.fingerprint}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({ ...f, commit });
    }
    const notifications = r.scanned ? r.notifications.map((n) => ({ ...n, message: n.message.replace(relPath, at) })) : r.notifications;
    results.push({ ...r, findings, notifications });
  });
  if (binary > 0) {
    results.push({
      path: "",
      findings: [],
      notifications: [{ id: "binary-file", level: "note", message: `${binary} binary blob${binary === 1 ? "" : "s"} skipped (NUL byte in the first 8000 bytes)` }],
      bytes: 0,
      scanned: false
    });
  }
  return { results, commits: commits ?? listed.commits, blobs: entries.length };
}

// src/engine/staged.ts
async function scanStaged(baseDir, setup, maxBytes, ignorePatterns, ignoreBase = baseDir, shard) {
  const top = await gitTopLevel2(baseDir, "--staged");
  const raw = await gitBytes(top, ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--diff-filter=ACMRT", "--no-renames"]);
  const keep = pathFilter(baseDir, top, ignorePatterns, ignoreBase);
  const entries = [];
  const fields = raw.toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i].split(" ");
    const repoPath = fields[i + 1];
    const mode = meta[1] ?? "";
    const oid = meta[3] ?? "";
    if (NON_CONTENT_MODES.has(mode) || !/^[0-9a-f]{40,64}$/.test(oid)) continue;
    const relPath = keep(repoPath);
    if (relPath === void 0 || shard && !shard(relPath)) continue;
    entries.push({ oid, repoPath, relPath });
  }
  entries.sort((a, b) => a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  const results = [];
  await readBlobs(
    top,
    entries.map((e) => e.oid),
    maxBytes,
    (_oid, read, index) => {
      const { relPath, repoPath } = entries[index];
      if (read.status !== "ok") {
        results.push({
          path: relPath,
          findings: [],
          notifications: [
            read.status === "too-large" ? { id: "file-too-large", level: "warning", path: relPath, message: `${relPath}: skipped: staged version is ${formatBytes(read.size)}, over the size limit of ${formatBytes(maxBytes)}` } : { id: "unreadable-file", level: "error", path: relPath, message: `${relPath}: could not read the staged version` }
          ],
          bytes: 0,
          scanned: false
        });
        return;
      }
      const decoded = decodeBytes(read.data, relPath);
      if (!decoded.ok) {
        results.push({ path: relPath, findings: [], notifications: [decoded.notification], bytes: 0, scanned: false });
        return;
      }
      const { findings, notifications } = scanText(relPath, decoded.text, setup, void 0, resolve3(top, repoPath));
      results.push({ path: relPath, findings, notifications: [...decoded.notifications, ...notifications], bytes: read.data.length, scanned: true });
    }
  );
  return results;
}

// src/engine/run.ts
var AUTO_MIN_WEIGHT = 800;
var AUTO_MIN_BYTES = 2 * 1024 * 1024;
function byteFactor(weight) {
  return weight >= 1 ? 1 : weight >= 0.5 ? 0.1 : 0.03;
}
var MAYBE_TEMPLATE = /\.(?:ya?ml|json|template)$/i;
function workWeight(relPath) {
  switch (classifyFile(relPath, "")) {
    case "javascript":
    case "text":
    case "dotenv":
    case "aws-config":
      return MAYBE_TEMPLATE.test(relPath) ? 0.5 : 0.08;
    default:
      return 1;
  }
}
function compareFindings(a, b) {
  return cmp(a.path, b.path) || a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || cmp(a.ruleId, b.ruleId) || a.region.endLine - b.region.endLine || a.region.endColumn - b.region.endColumn || cmp(a.fingerprint, b.fingerprint);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareNotifications(a, b) {
  return cmp(a.path ?? "", b.path ?? "") || (a.line ?? 0) - (b.line ?? 0) || cmp(a.id, b.id) || cmp(a.message, b.message);
}
function fixedThreads(concurrency, fileTimeoutSet) {
  if (!workersAvailable()) return 0;
  if (concurrency === "off" || concurrency === 1 || concurrency === 0) return fileTimeoutSet ? 1 : 0;
  if (typeof concurrency === "number") return concurrency;
  return void 0;
}
function autoThreads() {
  return Math.min(availableParallelism(), 8);
}
var FEW_CORES_MIN_BYTES = 64 * 1024 * 1024;
function fewCores(cores = availableParallelism()) {
  return cores <= 2;
}
function bytesAtLeast(files, limit, maxFileSize) {
  let bytes = 0;
  for (const f of files) {
    try {
      const size = statSync3(f.absPath).size;
      if (size <= maxFileSize) bytes += size;
    } catch {
    }
    if (bytes >= limit) return true;
  }
  return false;
}
function bigEnough(files, maxFileSize) {
  let bytes = 0;
  for (const f of files) {
    try {
      const size = statSync3(f.absPath).size;
      if (size <= maxFileSize) bytes += size * byteFactor(workWeight(f.relPath));
    } catch {
    }
    if (bytes >= AUTO_MIN_BYTES) return true;
  }
  return false;
}
async function scan(options) {
  const baseDir = resolve4(options.cwd);
  const { config } = options;
  const fromGit = options.staged === true || options.history !== void 0 || options.stdin !== void 0;
  const shardFilter = options.shard ? inShard(options.shard) : void 0;
  const fileTimeout = options.fileTimeout;
  const refusedNotes = [];
  const files = [];
  let pool;
  let pooled;
  if (!fromGit) {
    const fixed = options.extractors ? 0 : fixedThreads(options.concurrency ?? "auto", fileTimeout !== void 0 && fileTimeout !== false);
    const startPool = (threads) => new FilePool({
      config,
      threads,
      reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
      ...fileTimeout !== void 0 ? { fileTimeout } : {},
      ...options.testing?.workerHookModule !== void 0 ? { hookModule: options.testing.workerHookModule } : {},
      ...options.onProgress ? { onFileDone: (done) => options.onProgress?.(done, files.length) } : {}
    });
    const mayAuto = fixed === void 0 && availableParallelism() >= 2;
    const few = fewCores();
    let weight = 0;
    if (fixed !== void 0 && fixed > 0) pool = startPool(fixed);
    try {
      await discoverEach({ baseDir, paths: options.paths, ignore: config.ignore, ignoreBase: config.configDir, useGit: options.useGit }, (f) => {
        if (f.refused) {
          refusedNotes.push(f.refused);
          return;
        }
        if (shardFilter && !shardFilter(f.relPath)) return;
        files.push(f);
        if (!pool && mayAuto) weight += workWeight(f.relPath);
        if (!pool && mayAuto && !few && weight >= AUTO_MIN_WEIGHT) {
          pool = startPool(autoThreads());
          for (const g of files) pool.add(g);
        } else pool?.add(f);
      });
      if (!pool && fixed === void 0 && files.length > 0) {
        const pays = few && weight >= AUTO_MIN_WEIGHT ? bytesAtLeast(files, FEW_CORES_MIN_BYTES, config.maxFileSize) : bigEnough(files, config.maxFileSize);
        const threads = mayAuto && files.length >= 2 && pays ? autoThreads() : fileTimeout ? 1 : 0;
        if (threads > 0) {
          pool = startPool(threads);
          for (const g of files) pool.add(g);
        }
      }
      pooled = pool?.finish();
      pooled?.catch(() => void 0);
    } catch (error) {
      await pool?.close();
      throw error;
    }
  }
  let results;
  let history;
  if (fromGit) {
    await initParsers();
    const setup = createSetup(config, options.rules, { reportUnusedSuppressions: options.reportUnusedSuppressions, extractors: options.extractors });
    const concurrency = options.concurrency ?? "auto";
    const historyThreads = options.extractors || concurrency === "off" || concurrency === 1 || !workersAvailable() || availableParallelism() < 2 ? 0 : typeof concurrency === "number" ? concurrency : Math.min(availableParallelism(), 8);
    if (options.stdin !== void 0) {
      results = [scanBytes(options.stdin.data, options.stdin.path, config.maxFileSize, setup)];
    } else if (options.history !== void 0) {
      const scanned = await scanHistory({
        baseDir,
        ...typeof options.history === "string" ? { range: options.history } : {},
        setup,
        maxBytes: config.maxFileSize,
        ignorePatterns: config.ignore,
        ...config.configDir ? { ignoreBase: config.configDir } : {},
        ...shardFilter ? { shard: shardFilter } : {},
        ...options.onProgress ? { onProgress: options.onProgress } : {},
        ...historyThreads > 0 ? { workers: { start: () => new BlobPool(config, historyThreads, options.reportUnusedSuppressions ?? false) } } : {}
      });
      results = scanned.results;
      history = { commits: scanned.commits, blobs: scanned.blobs };
    } else {
      results = await scanStaged(baseDir, setup, config.maxFileSize, config.ignore, config.configDir, shardFilter);
    }
  } else if (pool && pooled) {
    try {
      results = await pooled;
    } finally {
      await pool.close();
    }
  } else {
    await initParsers();
    const setup = createSetup(config, options.rules, {
      reportUnusedSuppressions: options.reportUnusedSuppressions,
      extractors: options.extractors
    });
    results = [];
    for (const f of files) {
      results.push(await scanFile(f.absPath, f.relPath, config.maxFileSize, setup));
      options.onProgress?.(results.length, files.length);
    }
  }
  const allowPaths = config.allowPaths.length > 0 ? (0, import_ignore3.default)().add([...config.allowPaths]) : void 0;
  const allowListed = (f) => {
    if (!allowPaths) return false;
    const fromConfig = config.configDir ? relative3(config.configDir, resolve4(baseDir, f.path)).split(sep2).join("/") : f.path;
    return !!fromConfig && !fromConfig.startsWith("../") && allowPaths.ignores(fromConfig);
  };
  const findings = [];
  const notifications = [...refusedNotes];
  let filesScanned = 0;
  let bytesScanned = 0;
  for (const r of results) {
    notifications.push(...r.notifications);
    if (r.scanned) {
      filesScanned++;
      bytesScanned += r.bytes;
    }
    for (const f of r.findings) if (!allowListed(f)) findings.push(f);
  }
  const scannedPaths = new Set(results.map((r) => r.path));
  let outsideSetup;
  const outside = async (path) => {
    if (!shardFilter || scannedPaths.has(path)) return [];
    outsideSetup ??= createSetup(config, options.rules, {});
    return (await scanFile(resolve4(baseDir, path), path, config.maxFileSize, outsideSetup)).findings.filter((f) => !allowListed(f));
  };
  await dropResolvedReferences(findings, outside);
  findings.sort(compareFindings);
  notifications.sort(compareNotifications);
  return {
    findings,
    notifications,
    stats: {
      filesDiscovered: history ? history.blobs : fromGit ? results.length : files.length + refusedNotes.length,
      filesScanned,
      bytesScanned,
      ...history ? { commits: history.commits, blobs: history.blobs } : {}
    },
    enabledRules: config.rules.map((r) => r.id).sort(),
    ruleSeverities: Object.fromEntries(config.rules.map((r) => [r.id, r.severity])),
    baseDir,
    ...options.shard ? { shard: options.shard } : {}
  };
}
async function dropResolvedReferences(findings, outside) {
  if (!findings.some((f) => f.refersTo)) return;
  const byPath = /* @__PURE__ */ new Map();
  for (const f of findings) byPath.set(f.path, [...byPath.get(f.path) ?? [], f]);
  for (const f of findings) {
    const target = f.refersTo?.path;
    if (target !== void 0 && !byPath.has(target)) byPath.set(target, await outside(target));
  }
  const before = (a, b) => a.line < b.line || a.line === b.line && a.column < b.column;
  const overlaps = (a, b) => before({ line: a.startLine, column: a.startColumn }, { line: b.endLine, column: b.endColumn }) && before({ line: b.startLine, column: b.startColumn }, { line: a.endLine, column: a.endColumn });
  for (let i = findings.length - 1; i >= 0; i--) {
    const ref = findings[i].refersTo;
    if (!ref) continue;
    if ((byPath.get(ref.path) ?? []).some((g) => g !== findings[i] && !g.refersTo && overlaps(g.region, ref.region))) findings.splice(i, 1);
  }
}

// src/reporters/safe-output.ts
function maskText(text) {
  return text.includes("\n") ? text.split("\n").map((l) => maskLine(l)).join("\n") : maskLine(text);
}
function outgoingResult(result, showSecrets = false) {
  if (showSecrets) return result;
  const findings = result.findings.map((f) => {
    const paths = f.refersTo ? [f.path, f.refersTo.path] : [f.path];
    const message = maskFindingText(f.message, paths);
    const snippet = maskFindingText(f.snippet);
    const justification = f.suppression?.justification;
    const suppression = f.suppression && justification !== void 0 ? { ...f.suppression, justification: maskText(justification) } : f.suppression;
    const related = f.related?.map((r) => {
      const m = maskFindingText(r.message, paths);
      return m === r.message ? r : { ...r, message: m };
    });
    const relatedChanged = related !== void 0 && related.some((r, i) => r !== f.related?.[i]);
    const embeddedIn = f.embeddedIn?.map((label) => maskFindingText(label));
    const embeddedChanged = embeddedIn !== void 0 && embeddedIn.some((l, i) => l !== f.embeddedIn?.[i]);
    return message === f.message && snippet === f.snippet && suppression === f.suppression && !relatedChanged && !embeddedChanged ? f : { ...f, message, snippet, ...suppression ? { suppression } : {}, ...relatedChanged ? { related } : {}, ...embeddedChanged ? { embeddedIn } : {} };
  });
  const notifications = result.notifications.map((n) => {
    const message = maskFindingText(n.message, n.path === void 0 ? [] : [n.path]);
    return message === n.message ? n : { ...n, message };
  });
  return { ...result, findings, notifications };
}
var TERMINAL_UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
function terminalSafe(text) {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
function linePath(path) {
  const safe = terminalSafe(path);
  return safe.startsWith(":") ? `./${safe}` : safe;
}
function noWorkflowCommands(report) {
  return report.replace(/^([ \t]*)::/gm, "$1\\::");
}

// src/reporters/common.ts
function activeFindings(findings) {
  return findings.filter((f) => !f.suppression);
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/reporters/stylish.ts
var ANSI = {
  red: "\x1B[31m",
  yellow: "\x1B[33m",
  blue: "\x1B[34m",
  dim: "\x1B[2m",
  bold: "\x1B[1m",
  underline: "\x1B[4m",
  reset: "\x1B[0m"
};
function codeFrame(f, paint) {
  const lines = f.snippet.split("\n");
  const first = lines[0] ?? "";
  const offset = (f.snippetColumn ?? 1) - 1;
  const gutterWidth = String(f.region.startLine + lines.length - 1).length;
  const out = [];
  lines.forEach((text, i) => {
    const lineNo = String(f.region.startLine + i).padStart(gutterWidth);
    const marker = i === 0 ? ">" : " ";
    out.push(`    ${paint("dim", `${marker} ${lineNo} |`)} ${terminalSafe(expandTabs(text))}`);
    if (i === 0) {
      const startCol = f.region.startColumn - 1 - offset;
      const endCol = f.region.endLine === f.region.startLine ? f.region.endColumn - 1 - offset : first.length;
      const pad = terminalSafe(expandTabs(first.slice(0, Math.max(0, startCol)))).length;
      const width = Math.max(1, terminalSafe(expandTabs(first.slice(Math.max(0, startCol), Math.max(startCol + 1, endCol)))).length);
      out.push(`    ${paint("dim", `  ${" ".repeat(gutterWidth)} |`)} ${" ".repeat(pad)}${paint("red", "^".repeat(width))}`);
    }
  });
  return out;
}
function expandTabs(s) {
  return s.replace(/\t/g, "  ");
}
function formatStylish({ result: raw, rules, showSecrets }, options = {}) {
  const result = outgoingResult(raw, showSecrets);
  const paint = options.color ? (style, s) => `${ANSI[style]}${s}${ANSI.reset}` : (_style, s) => s;
  const findings = activeFindings(result.findings);
  const out = [];
  const byPath = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = byPath.get(f.path) ?? [];
    list.push(f);
    byPath.set(f.path, list);
  }
  for (const [path, list] of byPath) {
    out.push(paint("underline", linePath(path)));
    for (const f of list) {
      const sev = f.severity === "error" ? paint("red", "error  ") : f.severity === "warning" ? paint("yellow", "warning") : paint("blue", "note   ");
      const where = f.embeddedIn?.length ? paint("dim", ` (in ${terminalSafe(f.embeddedIn.join(" \u203A "))})`) : "";
      const commit = f.commit ? paint("dim", ` (commit ${terminalSafe(f.commit.sha.slice(0, 12))}, ${terminalSafe(f.commit.authorDate.slice(0, 10))})`) : "";
      out.push(`  ${paint("dim", `${f.region.startLine}:${f.region.startColumn}`.padEnd(8))} ${sev}  ${terminalSafe(f.message)}${where}${commit}  ${paint("dim", f.ruleId)}`);
      out.push(...codeFrame(f, paint));
    }
    out.push("");
  }
  const reported = [...new Set(findings.map((f) => f.ruleId))].sort();
  if (reported.length > 0) {
    const byId = new Map(rules.map((r) => [r.id, r]));
    const width = Math.max(...reported.map((id) => id.length));
    out.push(paint("bold", "Rules"));
    for (const id of reported) out.push(`  ${id.padEnd(width)}  ${paint("dim", byId.get(id)?.helpUri ?? ruleHelpUri(id))}`);
    out.push("");
  }
  const shown = result.notifications.filter((n) => n.level !== "note");
  const notes = result.notifications.length - shown.length;
  if (shown.length > 0) {
    out.push(paint("bold", "Notifications"));
    for (const n of shown) out.push(`  ${n.level === "error" ? paint("red", "error  ") : paint("yellow", "warning")}  ${terminalSafe(n.message)}`);
    out.push("");
  }
  const counts = countBySeverity(findings);
  const suppressed = result.findings.length - findings.length;
  const { commits } = result.stats;
  const scanned = commits !== void 0 ? `${plural(result.stats.filesScanned, "blob")} from ${plural(commits, "commit")} scanned` : `${plural(result.stats.filesScanned, "file")} scanned`;
  const extras = [
    suppressed ? `${suppressed} suppressed` : "",
    notes ? `${plural(notes, "file note")} (see --format sarif or --debug)` : ""
  ].filter(Boolean);
  const tail = extras.length ? `; ${extras.join(", ")}` : "";
  if (findings.length === 0) {
    out.push(`${paint("bold", "No problems found")} (${scanned}${tail}).`);
  } else {
    const summary = `\u2716 ${plural(findings.length, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")})`;
    out.push(`${paint(counts.error ? "red" : "yellow", paint("bold", summary))} in ${scanned}${tail}.`);
  }
  return `${out.join("\n")}
`;
}

// src/reporters/json.ts
function formatJson({ result: raw, version, showSecrets }) {
  const result = outgoingResult(raw, showSecrets);
  const report = {
    tool: { name: "credlint", version },
    stats: result.stats,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      line: f.region.startLine,
      column: f.region.startColumn,
      endLine: f.region.endLine,
      endColumn: f.region.endColumn,
      snippet: f.snippet,
      ...f.snippetColumn ? { snippetColumn: f.snippetColumn } : {},
      fingerprint: f.fingerprint,
      kind: f.kind,
      ...f.embeddedIn ? { embeddedIn: f.embeddedIn } : {},
      ...f.suppression ? { suppression: f.suppression } : {},
      ...f.commit ? { commit: f.commit.sha, authorDate: f.commit.authorDate } : {},
      ...f.related ? { related: f.related.map((r) => ({ line: r.region.startLine, column: r.region.startColumn, endLine: r.region.endLine, endColumn: r.region.endColumn, message: r.message })) } : {},
      ...f.properties ? { properties: f.properties } : {}
    })),
    notifications: result.notifications
  };
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/reporters/sarif.ts
import { pathToFileURL } from "node:url";
var MAX_SARIF_RESULTS = 25e3;
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "credlint/v1";
function pathToUri(path) {
  return path.split("/").map((seg) => seg === ".." || seg === "." ? seg : encodeURIComponent(seg)).join("/");
}
function cweTag(cwe) {
  return `external/cwe/${cwe.toLowerCase()}`;
}
function ruleDescriptor(rule, level) {
  const messages = Object.entries(rule.messages).map(([id, text]) => `- \`${id}\`: ${text}`).join("\n");
  const references = (rule.references ?? []).map((r) => `- ${r}`).join("\n");
  return {
    id: rule.id,
    name: rule.id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(""),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.fullDescription },
    help: {
      text: `${rule.description}.

${rule.recommendation}

Documentation: ${rule.helpUri}`,
      markdown: [
        `**${rule.description}.**`,
        "",
        rule.fullDescription,
        "",
        "## How to fix",
        "",
        rule.recommendation,
        "",
        "## Messages",
        "",
        messages,
        ...references ? ["", "## References", "", references] : [],
        "",
        `[Rule documentation](${rule.helpUri})`
      ].join("\n")
    },
    helpUri: rule.helpUri,
    defaultConfiguration: { level },
    properties: {
      tags: [.../* @__PURE__ */ new Set(["security", ...rule.tags ?? [], ...rule.cwe.map(cweTag)])],
      precision: rule.precision,
      "security-severity": rule.securitySeverity.toFixed(1),
      problem: { severity: rule.severity }
    }
  };
}
function toSarifNotification(n) {
  return {
    level: n.level,
    message: { text: n.message },
    descriptor: { id: n.id },
    ...n.path ? {
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(n.path), uriBaseId: SRCROOT },
            ...n.line ? { region: { startLine: n.line, ...n.column ? { startColumn: n.column } : {} } } : {}
          }
        }
      ]
    } : {}
  };
}
function truncate(findings) {
  if (findings.length <= MAX_SARIF_RESULTS) return { kept: [...findings], dropped: 0 };
  const ranked = findings.map((f, i) => ({ f, i })).sort((a, b) => Number(!!a.f.suppression) - Number(!!b.f.suppression) || severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i).slice(0, MAX_SARIF_RESULTS).sort((a, b) => a.i - b.i);
  return { kept: ranked.map((x) => x.f), dropped: findings.length - MAX_SARIF_RESULTS };
}
function buildSarif({ result: raw, rules, version, showSecrets }) {
  const result = outgoingResult(raw, showSecrets);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const { kept, dropped } = truncate(result.findings);
  const ids = [.../* @__PURE__ */ new Set([...result.enabledRules, ...kept.map((f) => f.ruleId)])].sort();
  const descriptors = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const rule = byId.get(id);
    if (!rule) continue;
    ruleIndex.set(id, descriptors.length);
    descriptors.push(ruleDescriptor(rule, result.ruleSeverities?.[id] ?? rule.severity));
  }
  const results = kept.map((f) => {
    const r = {
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
              endColumn: f.region.endColumn
            },
            // Whole masked lines around the region (left out when a long line was cropped,
            // since a cropped line is not the artifact's text).
            ...f.snippetColumn ? {} : {
              contextRegion: {
                startLine: f.region.startLine,
                endLine: f.region.startLine + f.snippet.split("\n").length - 1,
                snippet: { text: f.snippet }
              }
            }
          }
        }
      ],
      ...f.related ? {
        relatedLocations: f.related.map((rel, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation: { uri: pathToUri(f.path), uriBaseId: SRCROOT }, region: { ...rel.region } },
          message: { text: rel.message }
        }))
      } : {},
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: {
        messageId: f.messageId,
        fileKind: f.kind,
        ...f.embeddedIn ? { embeddedIn: [...f.embeddedIn] } : {},
        // --history: where the blob holding the finding entered the repository.
        ...f.commit ? { commitSha: f.commit.sha, authorDate: f.commit.authorDate } : {}
      }
    };
    if (f.related) {
      const physical = (region) => ({ artifactLocation: { uri: pathToUri(f.path), uriBaseId: SRCROOT }, region: { ...region } });
      r.relatedLocations = f.related.map((rel, i) => ({ id: i + 1, physicalLocation: physical(rel.region), message: { text: rel.message } }));
      if (f.flow) {
        r.codeFlows = [{ threadFlows: [{ locations: f.related.map((rel, i) => ({ executionOrder: i + 1, location: { physicalLocation: physical(rel.region), message: { text: rel.message } } })) }] }];
      }
    }
    if (f.properties) r.properties = { ...f.properties, ...r.properties };
    if (f.suppression) {
      r.suppressions = [{ kind: f.suppression.kind, ...f.suppression.justification ? { justification: f.suppression.justification } : {} }];
    }
    return r;
  });
  const notifications = result.notifications.map(toSarifNotification);
  if (dropped > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${dropped} results were left out: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} results per run (the most severe were kept)`
      },
      descriptor: { id: "results-truncated" }
    });
  }
  const run = {
    tool: {
      driver: {
        name: "credlint",
        semanticVersion: version,
        version,
        informationUri: INFORMATION_URI,
        // The IAM data snapshots the IAM rules judged with (action catalogue, AWS managed policies).
        properties: { iamData: iamDataVersions() },
        rules: descriptors
      }
    },
    // GitHub takes the category from the id up to its last `/`: `credlint/shard-2-of-4/`
    // is category `credlint/shard-2-of-4`, so the shards of one matrix do not replace each other.
    automationDetails: { id: result.shard ? `credlint/shard-${result.shard.index}-of-${result.shard.count}/` : "credlint/" },
    originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(result.baseDir).href.replace(/\/?$/, "/")}` } },
    invocations: [
      {
        executionSuccessful: !result.notifications.some((n) => n.id === "rule-error"),
        toolExecutionNotifications: notifications
      }
    ],
    columnKind: "utf16CodeUnits",
    results
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function formatSarif(context) {
  return `${JSON.stringify(buildSarif(context), null, 2)}
`;
}

// src/reporters/github.ts
function escapeData(s) {
  return terminalSafe(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function formatGithub({ result: raw, showSecrets }) {
  const result = outgoingResult(raw, showSecrets);
  const lines = [];
  for (const f of activeFindings(result.findings)) {
    const r = f.region;
    const props = [
      `file=${escapeProperty(f.path)}`,
      `line=${r.startLine}`,
      `col=${r.startColumn}`,
      `endLine=${r.endLine}`,
      `endColumn=${r.endColumn}`,
      `title=${escapeProperty(`credlint ${f.ruleId}`)}`
    ];
    const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)}, ${f.commit.authorDate.slice(0, 10)})` : "";
    lines.push(`::${COMMAND[f.severity]} ${props.join(",")}::${escapeData(f.message + commit)}`);
  }
  for (const n of result.notifications) {
    if (n.level === "note") continue;
    const props = n.path ? [`file=${escapeProperty(n.path)}`, ...n.line ? [`line=${n.line}`] : []] : [];
    lines.push(`::${n.level === "error" ? "error" : "warning"}${props.length ? ` ${props.join(",")}` : ""}::${escapeData(n.message)}`);
  }
  return lines.length ? `${lines.join("\n")}
` : "";
}

export {
  parseShard,
  scan,
  maskText,
  terminalSafe,
  noWorkflowCommands,
  formatStylish,
  formatJson,
  buildSarif,
  formatSarif,
  formatGithub
};
