import type { Extractor } from './types.js';
/**
 * cloud-config → virtual documents: each runcmd/bootcmd entry as a shell script (label
 * `cloud-init runcmd[2]`), each write_files entry as a document of the kind its path names
 * (a `.sh` script, an AWS credentials file …), and `#cloud-boothook` payloads stay shell
 * documents handled by the shell parser directly.
 */
export declare const cloudInitExtractor: Extractor;
