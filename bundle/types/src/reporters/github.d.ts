import type { ReportContext } from './common.js';
export declare function formatGithub({ result }: ReportContext): string;
