import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-A6Y6OEHH.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-7QC75ZGZ.js";
import "./chunk-K5MWCLXC.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-BJKRPJDF.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
