import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-WLQOGBEG.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-NMOG5N5C.js";
import "./chunk-TG2DKXKT.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-MT4BHEBM.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
