import type { Extractor } from './types.js';
/**
 * Scripts and Dockerfiles that a shell script writes from a heredoc, as documents of their own
 * mapped onto the heredoc body: user data that writes `/opt/bootstrap.sh` and runs it, or a
 * Dockerfile and builds it. Their commands are otherwise only text inside a heredoc.
 */
export declare const heredocFileExtractor: Extractor;
