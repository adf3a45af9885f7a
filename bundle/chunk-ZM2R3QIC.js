import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-DFXR3AWW.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-SXESU6LK.js";
import "./chunk-7QUC6IRA.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-NDTQKQHY.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
