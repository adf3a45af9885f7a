import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-H4DAAVR3.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-MZAGKNGF.js";
import "./chunk-E5DW4SLP.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-FVSNTYJ5.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
