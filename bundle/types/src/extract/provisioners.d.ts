import type { Extractor } from './types.js';
/** Ansible playbooks and task files: a YAML list of maps where some map names a module we read. */
export declare const ansibleExtractor: Extractor;
export declare const packerExtractor: Extractor;
/** `tasks: [{ task: executeScript, inputs: [{ type: powershell|batch|bash, content: … }] }]`. */
export declare const ec2LaunchV2Extractor: Extractor;
/** Ruby heredocs (`<<-SHELL`, `<<~SCRIPT`, `<<EOS`) and `inline: "…"` strings of a Vagrantfile. */
export declare const vagrantExtractor: Extractor;
