import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-ANVQ7S2O.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-D7E4PSI6.js";
import "./chunk-T3MQNF3T.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-7DDSUPH4.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
