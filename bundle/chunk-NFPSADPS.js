import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-IYNKOSHQ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-GAF2QF4M.js";
import "./chunk-ZO773AHS.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-TPWJN35Z.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
