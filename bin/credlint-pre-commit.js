#!/usr/bin/env node
// The pre-commit hooks' command (.pre-commit-hooks.yaml): the CLI plus, when a commit is
// blocked, how to suppress or baseline. Runs the committed bundle (bundle/pre-commit.js).
import '../bundle/pre-commit.js';
