import { type SourceDocument } from '../engine/document.js';
import { type DockerfileModel } from '../parsers/dockerfile.js';
import type { Extractor } from './types.js';
/**
 * Shell virtual documents for every RUN of a Dockerfile (shell form, heredocs, `sh -c` exec
 * form), and for the shell-form CMD and ENTRYPOINT: those run `/bin/sh -c` when the container
 * starts (an IMDSv1 call there runs on every ECS/EC2 host), so they are scanned too, but they
 * are not image-build steps (`bootstrap: false`, labelled with their keyword).
 */
export declare function runDocuments(doc: SourceDocument, model: DockerfileModel): SourceDocument[];
/** Dockerfile RUN bodies (and shell-form CMD/ENTRYPOINT) → shell virtual documents. */
export declare const dockerfileRunExtractor: Extractor;
