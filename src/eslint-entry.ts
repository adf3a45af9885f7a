// credlint/eslint-plugin as the package exports it (bundle/eslint-plugin.js). The supported
// ESLint range (the package's optional peer) is checked first, when the plugin is loaded, so
// an older ESLint gets one clear message rather than a failure deep inside @typescript-eslint/utils.
import './eslint-check.js';

export { default, rules, languages, configs, meta, plugin } from './eslint-plugin/index.js';
