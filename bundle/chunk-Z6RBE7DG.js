import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-LCJUGDYG.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-3L5JLPNV.js";
import "./chunk-OCOF5H2L.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-VXZSTNYD.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
