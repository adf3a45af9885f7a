import type { Log } from '../../vendor/sarif.js';
import type { ReportContext } from './common.js';
/** GitHub code scanning accepts at most this many results per run. */
export declare const MAX_SARIF_RESULTS = 25000;
export declare const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export declare const FINGERPRINT_KEY = "credlint/v1";
/** A relative path as a URI reference: each segment percent-encoded (spaces, non-ASCII). */
export declare function pathToUri(path: string): string;
export declare function buildSarif({ result: raw, rules, version, showSecrets }: ReportContext): Log;
export declare function formatSarif(context: ReportContext): string;
