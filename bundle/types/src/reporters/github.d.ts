import type { ReportContext } from './common.js';
export declare function formatGithub({ result: raw, showSecrets }: ReportContext): string;
