import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-GRT37AH7.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-Y37LBW7B.js";
import "./chunk-R45NPSXX.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-WVVT3UC5.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
