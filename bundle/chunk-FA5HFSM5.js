import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-PZEWWGH2.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-BICPCWZ6.js";
import "./chunk-GNT5IQX4.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-5QFEPD6J.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
