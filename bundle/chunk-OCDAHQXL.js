import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-IJWG5B2K.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-NMEB7IYP.js";
import "./chunk-QMJYBFVC.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-KPXTV4YF.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
