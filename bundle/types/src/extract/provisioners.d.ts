import type { Extractor } from './types.js';
/**
 * Whether the first YAML document of a text that has contents may be a sequence, by its first
 * content line: a playbook or task file is a list, and the keyword filter also passes every
 * Kubernetes manifest and Helm template (`command:`, `template:`), which are maps — not worth a
 * parse (the yaml library's, at 2-3 MB/s) to find that out. yaml decides a document's root by its
 * first token after comments, directives and the markers `---` / `...`: a block sequence starts
 * with `-`, a flow sequence with `[`, and a tag or an anchor (`!`, `&`) may stand before either.
 * Any other first token (a key, a scalar, `{`, `?`, an alias) makes the root something else.
 * Errs towards "may" (`-1` is a scalar); test/extract/provisioners.test.ts holds it to the parse.
 */
export declare function firstDocumentMayBeList(text: string): boolean;
/** Ansible playbooks and task files: a YAML list of maps where some map names a module we read. */
export declare const ansibleExtractor: Extractor;
export declare const packerExtractor: Extractor;
/** `tasks: [{ task: executeScript, inputs: [{ type: powershell|batch|bash, content: … }] }]`. */
export declare const ec2LaunchV2Extractor: Extractor;
/** Ruby heredocs (`<<-SHELL`, `<<~SCRIPT`, `<<EOS`) and `inline: "…"` strings of a Vagrantfile. */
export declare const vagrantExtractor: Extractor;
