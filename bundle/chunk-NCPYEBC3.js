import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-OQD5TOGZ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-7VEVEUUT.js";
import "./chunk-R6JN5FKH.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-FMPDNBN6.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
