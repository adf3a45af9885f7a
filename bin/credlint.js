#!/usr/bin/env node
// Thin launcher for the committed bundle (bundle/cli.js, built from src/bin.ts by
// `npm run bundle`): nothing is compiled at install time, so `npm pack`, `npm install -g` and
// pre-commit's node environment print nothing and need no dev dependencies.
import '../bundle/cli.js';
