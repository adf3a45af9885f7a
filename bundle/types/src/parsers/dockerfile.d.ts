import type { SourceDocument } from '../engine/document.js';
export interface DockerToken {
    readonly value: string;
    readonly start: number;
    readonly end: number;
}
export interface DockerFlag {
    readonly name: string;
    readonly value: string | null;
    readonly start: number;
    readonly end: number;
}
export interface DockerProperty {
    readonly name: DockerToken;
    /** Undefined for `ARG NAME` without a default. */
    readonly value: DockerToken | undefined;
}
export interface DockerHeredoc {
    readonly name: string;
    /** Content range; empty when the heredoc has no body. */
    readonly contentStart: number;
    readonly contentEnd: number;
}
export interface DockerInstruction {
    /** Upper-cased keyword: RUN, ENV, ARG, COPY … */
    readonly keyword: string;
    readonly keywordStart: number;
    readonly start: number;
    readonly end: number;
    /** 0-based index of the build stage (−1 before the first FROM). */
    readonly stage: number;
    readonly flags: readonly DockerFlag[];
    /** Whitespace-separated arguments after the flags (shell form), as dockerfile-ast splits them. */
    readonly args: readonly DockerToken[];
    /** ENV / ARG / LABEL pairs. */
    readonly properties: readonly DockerProperty[];
    readonly heredocs: readonly DockerHeredoc[];
    /** Start of the arguments (after the flags). */
    readonly argsStart: number;
    /** Exec form `["…", "…"]`: the strings with their content ranges (inside the quotes). */
    readonly json: readonly DockerToken[] | undefined;
    /** The ONBUILD trigger this instruction came from (its keyword then reads e.g. RUN). */
    readonly onbuild: boolean;
}
export interface DockerfileModel {
    readonly instructions: readonly DockerInstruction[];
    /** Number of stages (FROM instructions). */
    readonly stageCount: number;
    readonly escape: string;
    /** Stages whose SHELL is not POSIX (powershell, pwsh, cmd): their RUN bodies are not sh. */
    readonly shells: ReadonlyMap<number, string>;
}
/** The parsed Dockerfile, once per document; undefined when the document is not a Dockerfile. */
export declare function dockerfile(doc: SourceDocument): DockerfileModel | undefined;
/** JSON string tokens of an exec-form array in `text`, with content offsets (inside the quotes). */
export declare function jsonStrings(text: string, offset: number): DockerToken[] | undefined;
/**
 * The Dockerfile a document is part of (itself, or the nearest one it is embedded in: a RUN
 * body, or a Dockerfile that user data writes from a heredoc), if any.
 */
export declare function enclosingDockerfile(doc: SourceDocument): SourceDocument | undefined;
