import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-O3Q4CTRZ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-TEEDELRU.js";
import "./chunk-7TXANZ2B.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-2OA4JL3D.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
