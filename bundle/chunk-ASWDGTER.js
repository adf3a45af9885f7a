import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-6ZUSPRFR.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-QB45IZYR.js";
import "./chunk-SQPGCMDQ.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-OWCA3CRA.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
