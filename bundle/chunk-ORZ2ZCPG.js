import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);

// src/version.ts
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findPackageJson() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg2 = JSON.parse(readFileSync(candidate, "utf8"));
      if (pkg2.name === "credlint" && pkg2.version) return { name: pkg2.name, version: pkg2.version, homepage: pkg2.homepage };
    }
    dir = dirname(dir);
  }
  return { name: "credlint", version: "0.0.0" };
}
var pkg = findPackageJson();
var TOOL_NAME = pkg.name;
var VERSION = pkg.version;
var INFORMATION_URI = "https://github.com/credlint/credlint";

export {
  VERSION,
  INFORMATION_URI
};
