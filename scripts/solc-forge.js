#!/usr/bin/env node
// The solc that forge calls (foundry.toml `solc`): answers `--version` like the native compiler and compiles
// `--standard-json` from stdin with the npm solc-js, so forge never downloads a compiler.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const args = process.argv.slice(2);
if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("solc-forge: only --version and --standard-json are supported\n");
  process.exit(2);
}
const valueOf = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const roots = [...valueOf("--base-path"), ...valueOf("--include-path"), process.cwd()];
const findImports = (name) => {
  for (const root of roots) {
    const file = path.resolve(root, name);
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
  }
  return { error: `not found under ${roots.join(", ")}: ${name}` };
};
process.stdout.write(solc.compile(fs.readFileSync(0, "utf8"), { import: findImports }));
