import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-3A62V2MX.js";
import {
  HELP
} from "./chunk-CLUR5C64.js";
import "./chunk-E2QUTKYS.js";
import "./chunk-XV3HWLRO.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-WXJ7X2UC.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
