import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-Z2PTUQYZ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-ZYYBZBPY.js";
import "./chunk-3P7I4GQV.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-2N5P6TRR.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
