import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-RXQBSBBU.js";
import {
  HELP
} from "./chunk-YSKYUCNQ.js";
import "./chunk-ZLNZTCHL.js";
import "./chunk-UFUDGXAY.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-25FKGURQ.js";
import "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  HELP,
  runCli
};
