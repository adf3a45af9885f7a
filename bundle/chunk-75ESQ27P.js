import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-WDINJTC7.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-GCV2N2OY.js";
import "./chunk-NCQE43NU.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-C2F3P3SZ.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
