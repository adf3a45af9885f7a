import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-C77TWRDC.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-ZVN6OUAN.js";
import "./chunk-S7THUZK4.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-NZS7MV5I.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
