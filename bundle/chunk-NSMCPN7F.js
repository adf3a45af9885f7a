import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-GYYKS5SA.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-AU3FWBLX.js";
import "./chunk-5HUPTZ2B.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-T74HYPCS.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
