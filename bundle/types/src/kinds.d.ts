export declare const FILE_KINDS: readonly ["javascript", "shell", "powershell", "user-data", "cloud-init", "dockerfile", "cloudformation", "terraform", "aws-config", "dotenv", "text"];
export type FileKind = (typeof FILE_KINDS)[number];
/** How much of a file's head the sniffers look at. */
export declare const SNIFF_BYTES: number;
export declare function baseName(path: string): string;
/**
 * Decides a file's kind. `head` is the start of its decoded text (at most SNIFF_BYTES).
 * Order matters: explicit names beat extensions, extensions beat content sniffing,
 * except that a user-data name wins over everything (it is a bootstrap payload whatever
 * its extension says).
 */
export declare function classifyFile(path: string, head: string): FileKind;
export declare function looksLikeCloudFormation(text: string): boolean;
/**
 * A language hint for kinds that are plain text to the engine, from the extension: tells
 * the suppression scanner which comment syntax to expect and lets detectors weigh context.
 */
export declare function languageOf(path: string, kind: FileKind): string;
/**
 * The kind of a user-data payload handed over by a template (CloudFormation `UserData`,
 * Terraform `user_data`): `cloud-init` for `#cloud-config`, `user-data` for everything
 * else (shell scripts, MIME multipart, Windows `<powershell>`/`<script>` blocks).
 */
export declare function userDataKind(text: string): 'cloud-init' | 'user-data';
