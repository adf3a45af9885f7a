// credlint/eslint-plugin as the package exports it (bundle/eslint-plugin.js). ESLint is not a
// declared peer dependency: npm fails with ERESOLVE when a declared peer — even an optional
// one — is present at another major, so a project still on ESLint 8 could not install credlint
// for its CLI. The supported range is checked here instead, when the plugin is loaded.
import './eslint-check.js';

export { default, rules, plugin } from './eslint-plugin/index.js';
