import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  HELP
} from "./chunk-CLUR5C64.js";
import {
  VERSION
} from "./chunk-ORZ2ZCPG.js";

// src/quick-answer.ts
var HELP_FLAGS = /* @__PURE__ */ new Set(["-h", "--help"]);
var VERSION_FLAGS = /* @__PURE__ */ new Set(["-v", "--version"]);
function quickAnswer(argv) {
  if (argv.length === 0 || !argv.every((a) => HELP_FLAGS.has(a) || VERSION_FLAGS.has(a))) return void 0;
  return argv.some((a) => HELP_FLAGS.has(a)) ? `${HELP}
` : `${VERSION}
`;
}

export {
  quickAnswer
};
