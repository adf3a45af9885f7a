// bundle/action.js: what the runner starts for `uses: credlint/credlint@v0`.
import { runAction } from './main.js';

process.exitCode = await runAction(process.env, process.stdout, process.stderr);
