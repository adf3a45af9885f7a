import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  removePendingOutputs,
  writeOutputFile
} from "./chunk-EH5PNRRB.js";
import "./chunk-JQ7CTWZG.js";
export {
  installProcessHandlers,
  removePendingOutputs,
  writeOutputFile
};
