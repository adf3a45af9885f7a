// The yaml library, required on the first YAML document instead of at start-up (src/lazy-require.ts):
// a scan of a shell script or a Dockerfile, the pre-commit and editor case, never evaluates it.
// Same names and signatures as the package's exports, so callers read as if they imported it.
import type * as Yaml from 'yaml';
import { lazyRequire } from '../lazy-require.js';

const yaml = lazyRequire<typeof Yaml>('yaml', 'yaml.cjs');

export type { Document, Node, YAMLError } from 'yaml';

export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const parseAllDocuments = ((...args: Parameters<typeof Yaml.parseAllDocuments>) => yaml().parseAllDocuments(...args)) as typeof Yaml.parseAllDocuments;

/** `Scalar.type` values (static strings on yaml's `Scalar` class). */
export const ScalarType = {
  PLAIN: 'PLAIN',
  QUOTE_DOUBLE: 'QUOTE_DOUBLE',
  QUOTE_SINGLE: 'QUOTE_SINGLE',
  BLOCK_LITERAL: 'BLOCK_LITERAL',
  BLOCK_FOLDED: 'BLOCK_FOLDED',
} as const satisfies Record<string, Yaml.Scalar.Type>;
