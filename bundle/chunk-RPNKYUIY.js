import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-F3R6Y5BJ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-KJABIJQW.js";
import "./chunk-7X3F65AI.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-N366DXZO.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
