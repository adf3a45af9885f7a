import type { ReportContext } from './common.js';
export declare function formatJson({ result, version }: ReportContext): string;
