import type { ReportContext } from './common.js';
export declare function formatStylish({ result: raw, rules, showSecrets }: ReportContext, options?: {
    color?: boolean;
}): string;
