import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-AA4RLP2X.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-HYUYBGTW.js";
import "./chunk-TVVZCKS4.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-ZBTGT46U.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
