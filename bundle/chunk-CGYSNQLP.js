import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-LEJNQLBW.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-DOGHMYIE.js";
import "./chunk-I6VGSUOR.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-2SR3H523.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
