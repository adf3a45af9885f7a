import type { ReportContext } from './common.js';
export declare function formatStylish({ result, rules }: ReportContext, options?: {
    color?: boolean;
}): string;
