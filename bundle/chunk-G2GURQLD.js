import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-RVSK2JPF.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-VGIWN46Y.js";
import "./chunk-HI5DSOWS.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-3ROEDQYU.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
