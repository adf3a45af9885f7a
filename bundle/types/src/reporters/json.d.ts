import type { ReportContext } from './common.js';
export declare function formatJson({ result: raw, version, showSecrets }: ReportContext): string;
