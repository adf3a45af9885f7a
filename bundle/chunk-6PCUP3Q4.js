import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-XNVTZYRX.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-UZZK2OTL.js";
import "./chunk-VALTK4J7.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-I4XBVQCL.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
