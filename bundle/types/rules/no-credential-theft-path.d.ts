declare const _default: import("../src/rule.js").Rule<{}>;
export default _default;
