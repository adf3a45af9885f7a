import type { ReportContext } from './common.js';
export declare function formatStylish({ result }: ReportContext, options?: {
    color?: boolean;
}): string;
