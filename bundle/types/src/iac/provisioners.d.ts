import { type SourceDocument } from '../engine/document.js';
import type { Extractor } from '../engine/extractors.js';
import { type IacValue } from './value.js';
/**
 * A write of `content` to `dest` as the shell it amounts to — `cat > DEST <<'CREDLINT_FILE'
 * … CREDLINT_FILE` — with DEST mapped to the destination value and the body to the content
 * (or a `${content}` placeholder when the content is elsewhere): "writes ~/.aws/credentials"
 * and "writes AWS_SECRET_ACCESS_KEY into /etc/environment" are then found by the same code as
 * in a script.
 */
export declare function fileWriteDocument(host: SourceDocument, dest: IacValue, content: IacValue | undefined, label: string): SourceDocument | undefined;
export declare const ssmDocumentExtractor: Extractor;
/** Ansible playbooks and task files: a YAML list of maps where some map names a module we read. */
export declare const ansibleExtractor: Extractor;
export declare const packerExtractor: Extractor;
/** `tasks: [{ task: executeScript, inputs: [{ type: powershell|batch|bash, content: … }] }]`. */
export declare const ec2LaunchV2Extractor: Extractor;
/** Ruby heredocs (`<<-SHELL`, `<<~SCRIPT`, `<<EOS`) and `inline: "…"` strings of a Vagrantfile. */
export declare const vagrantExtractor: Extractor;
