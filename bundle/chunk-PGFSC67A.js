import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-CAL7ANI4.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-64PRMJFW.js";
import "./chunk-OAEFOMVM.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-AE3PNMDD.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
