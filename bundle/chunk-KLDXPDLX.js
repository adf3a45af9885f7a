import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-OHKAHMUR.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-REG5NCBF.js";
import "./chunk-FNMUIZDN.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-ANDBQK3A.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
