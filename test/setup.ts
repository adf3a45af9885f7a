// Every test file may lint text synchronously: load the tree-sitter grammars once first.
import { beforeAll } from 'vitest';
import { initParsers } from '../src/parsers/tree-sitter.js';

beforeAll(async () => {
  await initParsers();
});
