import type { Scalar } from 'yaml';
import { VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
export type CloudCommandSection = 'runcmd' | 'bootcmd';
export interface CloudCommand {
    readonly section: CloudCommandSection;
    /** 0-based index in its list. */
    readonly index: number;
    /** `string`: run by `sh -c`; `argv`: a list executed as is (no shell). */
    readonly form: 'string' | 'argv';
    /** The scalar (string form) or the scalars of the list (argv form). */
    readonly scalars: readonly Scalar[];
    readonly start: number;
    readonly end: number;
}
export interface RangedValue {
    readonly value: string;
    readonly start: number;
    readonly end: number;
    /** True when `value` was decoded (b64/gzip) and maps to its range as a whole. */
    readonly decoded: boolean;
    readonly scalar: Scalar;
}
export interface CloudWriteFile {
    readonly index: number;
    readonly path: RangedValue | undefined;
    readonly content: RangedValue | undefined;
    readonly encoding: string;
    /** Range of the list item (a write_files entry), for reporting when the path is absent. */
    readonly start: number;
    readonly end: number;
}
export interface CloudConfig {
    readonly commands: readonly CloudCommand[];
    readonly writeFiles: readonly CloudWriteFile[];
    readonly errors: readonly string[];
}
/** Whether a document is `#cloud-config` YAML (a `cloud-init` file or cloud-config user data). */
export declare function isCloudConfigDocument(doc: SourceDocument): boolean;
/** The parsed cloud-config of a document, once per document; undefined when it is not cloud-config. */
export declare function cloudConfig(doc: SourceDocument): CloudConfig | undefined;
/**
 * Cloud-configs are often templates: Terraform `templatefile` directives (`%{ if x ~}` on lines
 * of their own) and, under `## template: jinja`, Jinja tags and `{{ expressions }}`. None is
 * valid YAML (`%` opens a directive, `{` a flow mapping), and the YAML parser's recovery then
 * drops the keys around them. Blanks the directives and tags and turns expressions into a
 * placeholder word, each at the same length (newlines kept), so every offset stays exact.
 */
export declare function neutralizeTemplateSyntax(text: string): string;
/** Parses cloud-config YAML; syntax errors are collected, never thrown. */
export declare function parseCloudConfig(source: string): CloudConfig;
interface Piece {
    readonly text: string;
    readonly hostStart: number;
    readonly hostEnd: number;
    readonly verbatim: boolean;
}
/**
 * Aligns a scalar's value with its source so that each character copied from the file maps
 * one to one (block scalars line by line, indentation skipped; folded line breaks and escape
 * sequences map to the source they stand for). Returns undefined when the two cannot be
 * aligned (the caller then maps the value as a whole).
 */
export declare function alignScalar(value: string, host: string, scalar: Scalar): Piece[] | undefined;
/** Appends a scalar's value to a builder, character-exact when possible, else as a whole. */
export declare function appendScalar(builder: VirtualTextBuilder, value: string, host: string, scalar: Scalar): void;
/**
 * The shell text of a runcmd/bootcmd entry: a string as is (cloud-init runs it with `sh -c`);
 * a list joined into one command line, each item quoted when needed so that it stays one
 * word whose value is the item (cloud-init runs lists without a shell: nothing is expanded).
 */
export declare function commandText(command: CloudCommand, host: string): {
    text: string;
    map: ReturnType<VirtualTextBuilder['build']>['map'];
};
export {};
