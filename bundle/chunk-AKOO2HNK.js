import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-4D7FZDAO.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-HJHJKMQZ.js";
import "./chunk-ZUHJQDC6.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-55NIZFCN.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
