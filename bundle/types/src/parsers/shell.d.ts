import type { SourceDocument } from '../engine/document.js';
/** How a word's value is known statically. */
export type WordKind = 'literal' | 'expansion' | 'command-substitution';
export interface ShellSubstitution {
    /** Source text of the command inside `$(…)` / backticks. */
    readonly text: string;
    readonly start: number;
    readonly end: number;
}
/** One shell word (a command name, an argument, an assignment value). Offsets are document offsets. */
export interface ShellWord {
    /** Raw source text, quotes included. */
    readonly text: string;
    readonly start: number;
    readonly end: number;
    /** The unquoted value when it is fully static (no expansion), else undefined. */
    readonly value: string | undefined;
    /** Raw text with quote characters removed: for pattern matching on dynamic words (`"$HOME/.aws/x"`). */
    readonly loose: string;
    readonly kind: WordKind;
    /** Variables expanded in the word (`$X`, `${X:-d}` → `X`). */
    readonly variables: readonly string[];
    readonly substitutions: readonly ShellSubstitution[];
    /** Offsets of the content without the surrounding quotes of a single quoted/raw string. */
    readonly contentStart: number;
    readonly contentEnd: number;
}
export interface ShellHeredoc {
    readonly delimiter: string;
    /** `<<'EOF'` / `<<"EOF"`: the body is not expanded. */
    readonly quoted: boolean;
    readonly body: string;
    readonly bodyStart: number;
    readonly bodyEnd: number;
}
export interface ShellRedirect {
    /** `>`, `>>`, `<`, `&>`, `>|`, `<<`, `<<-`, `<<<` … */
    readonly operator: string;
    readonly target?: ShellWord;
    readonly heredoc?: ShellHeredoc;
    readonly start: number;
    readonly end: number;
}
export type AssignmentVia = 'assignment' | 'export' | 'declare' | 'local' | 'readonly' | 'prefix' | 'env';
export interface ShellAssignment {
    readonly name: string;
    readonly nameStart: number;
    readonly nameEnd: number;
    /** Undefined for `export X` / `declare -x X` without a value. */
    readonly value: ShellWord | undefined;
    readonly via: AssignmentVia;
    /** Visible to child processes (`export`, `declare -x`, prefix or `env` assignments). */
    readonly exported: boolean;
    readonly start: number;
}
export interface ShellCommand {
    /** The command as written, wrappers included: `[sudo, -u, ec2-user, aws, configure]`. */
    readonly argv: readonly ShellWord[];
    /** argv after wrappers (`sudo`, `env`, `nohup`, `time`, `timeout 5` …): `[aws, configure]`. */
    readonly effective: readonly ShellWord[];
    /** Prefix assignments (`X=1 cmd`) and `env X=1 cmd` / `sudo X=1 cmd` assignments. */
    readonly assignments: readonly ShellAssignment[];
    /** Redirections of the statement this command is the body of (or the last stage of). */
    readonly redirects: readonly ShellRedirect[];
    /** The command before it in a pipeline (`echo … | aws configure`). */
    readonly upstream: ShellCommand | undefined;
    readonly start: number;
    readonly end: number;
    /** 0 for the document's own commands; 1+ inside `bash -c '…'`, `su -c "…"`, a heredoc fed to a shell. */
    readonly nesting: number;
}
export interface ShellScript {
    readonly commands: readonly ShellCommand[];
    readonly assignments: readonly ShellAssignment[];
    /** Writes by compound statements (`{ echo a; echo b; } > f`), whose content is the statement's text. */
    readonly statementWrites: readonly FileWrite[];
    /** True when tree-sitter had to recover from syntax errors somewhere. */
    readonly hasErrors: boolean;
    /** True when a parse ran out of its time budget: part of the script has no commands. */
    readonly incomplete?: boolean;
}
export interface FileWrite {
    /** The written path as a word (its `loose` text is what patterns should match). */
    readonly target: ShellWord;
    /** What is written when it can be seen (echo/printf arguments, a heredoc body); undefined for copies. */
    readonly content: string | undefined;
    readonly via: 'redirect' | 'tee' | 'copy';
    readonly command: ShellCommand | undefined;
}
/**
 * Whether a document holds a POSIX shell script: `shell` documents, shell-script user data
 * (not MIME multipart, `#cloud-config` or Windows blocks) and `#cloud-boothook` payloads.
 */
export declare function isShellDocument(doc: SourceDocument): boolean;
/** The parsed model of a shell document, computed once per document; undefined when it is not shell. */
export declare function shellScript(doc: SourceDocument): ShellScript | undefined;
/** Parses shell source into the model; never throws for bad input. */
export declare function parseShell(text: string): ShellScript;
/**
 * User data is often a template (Terraform `templatefile`, heredocs with `${var.x}`,
 * `${lookup(m, "k")}`): those interpolations are not valid bash, and tree-sitter's error
 * recovery would swallow the statements around them. Rewrites each to a same-length bash
 * expansion (`${var.key}` → `${var_key}`) so every offset stays exact and the value reads as
 * an expansion of a variable the script never assigns — which is what it is.
 */
export declare function neutralizeTemplateInterpolations(text: string): string;
/** Strips wrappers (`sudo -u x`, `env A=1`, `nohup`, `timeout 5s` …) off an argv; returns the rest and env assignments. */
export declare function unwrapCommand(argv: readonly ShellWord[]): {
    effective: ShellWord[];
    assignments: ShellAssignment[];
};
/** Ranges of scripts a command runs in a nested shell, as document offsets. */
export declare function innerScripts(command: ShellCommand): Array<{
    start: number;
    end: number;
}>;
/** The base name of a command word: `/usr/local/bin/aws` → `aws`. */
export declare function commandName(command: ShellCommand): string | undefined;
/** The text a command sends to stdin when it is visible: echo/printf arguments, a heredoc, a here-string. */
export declare function stdinTextOf(command: ShellCommand): string | undefined;
/** What a command writes to stdout when statically visible (echo/printf/cat heredoc). */
export declare function outputTextOf(command: ShellCommand): string | undefined;
/** Whether the command gets input on stdin (pipe, heredoc, here-string or `< file`). */
export declare function hasStdinInput(command: ShellCommand): boolean;
/** Files a script writes, with the written content when visible. */
export declare function fileWrites(script: ShellScript): FileWrite[];
/** The last assignment of `name` before `offset` in the script, if any. */
export declare function assignmentBefore(script: ShellScript, name: string, offset: number): ShellAssignment | undefined;
export interface AwsInvocation {
    /** The `aws` word. */
    readonly aws: ShellWord;
    /** `configure`, `s3`, `iam` … */
    readonly service: ShellWord | undefined;
    /** Words after the service with global options removed (the operation first). */
    readonly args: readonly ShellWord[];
    /** Value of `--profile` wherever it appears. */
    readonly profile: string | undefined;
}
/** Recognises `aws [global options] <service> …` (after wrappers). */
export declare function awsInvocation(command: ShellCommand): AwsInvocation | undefined;
/** The heredoc bodies a script writes to files, with the written path. */
export declare function heredocFileWrites(script: ShellScript): Array<{
    path: ShellWord;
    heredoc: ShellHeredoc;
}>;
