import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-UL3ATXRZ.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-GU5DZ2FR.js";
import "./chunk-DRPC5BRK.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-BB3WTVGO.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
