import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-GTMKQXBO.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-OAR3RZ5J.js";
import "./chunk-U37IFCST.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-NNUPHB5Q.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
