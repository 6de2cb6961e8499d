// Reads what `hardhat coverage` wrote (coverage/coverage-summary.json, coverage/coverage-final.json) and checks
// the bar of issue #11: every contract of ours has branch coverage >= the minimum, every custom error declared in
// contracts/ is asserted by name in a test, and every role-guarded function is called by an account without the
// role in a test that expects the access-control error. Prints a table and what fails; exits 1 on any failure.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const minBranches = Number(process.env.COVERAGE_MIN_BRANCHES || 95);
// Chainlink's contracts are theirs; contracts/test/** only drive ours from tests (.solcover.js skips both).
const ours = (rel) => rel.endsWith(".sol") && !rel.startsWith("chainlink/") && !rel.startsWith("test/");
const ROLE_ERRORS = ["AccessControlUnauthorizedAccount", "OwnableUnauthorizedAccount"];

function solidityFiles(dir, rel = "") {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? solidityFiles(dir, r) : [r];
  }).filter(ours);
}

function testSources() {
  const dir = path.join(root, "tests", "contracts");
  return fs.readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

function coverageTable(failures) {
  const summary = JSON.parse(fs.readFileSync(path.join(root, "coverage", "coverage-summary.json"), "utf8"));
  const detail = JSON.parse(fs.readFileSync(path.join(root, "coverage", "coverage-final.json"), "utf8"));
  const rows = Object.entries(summary)
    .filter(([file]) => file !== "total")
    .map(([file, s]) => [path.relative(path.join(root, "contracts"), file), s])
    .filter(([rel, s]) => ours(rel) && s.statements.total > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const pct = (m) => `${m.pct.toFixed(2).padStart(6)}% ${`(${m.covered}/${m.total})`.padEnd(10)}`;
  console.log(`${"contract".padEnd(24)} ${"statements".padEnd(18)} ${"branches".padEnd(18)} ${"functions".padEnd(18)} lines`);
  for (const [rel, s] of rows) {
    console.log(`${rel.padEnd(24)} ${pct(s.statements)} ${pct(s.branches)} ${pct(s.functions)} ${pct(s.lines)}`);
    if (s.branches.pct < minBranches) failures.push(`${rel}: branches ${s.branches.pct}% < ${minBranches}%`);
  }
  for (const [file, d] of Object.entries(detail)) {
    const rel = path.relative(path.join(root, "contracts"), file);
    if (!ours(rel)) continue;
    const missed = Object.entries(d.branchMap).flatMap(([id, b]) =>
      d.b[id].map((n, arm) => (n === 0 ? `line ${b.line} (${b.type} arm ${arm})` : null)).filter(Boolean));
    if (missed.length > 0) console.log(`  ${rel} branch arms never taken: ${missed.join(", ")}`);
  }
}

function declaredErrors(files) {
  const names = new Set();
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, "contracts", rel), "utf8");
    for (const m of text.matchAll(/^\s*error\s+(\w+)\s*\(/gm)) names.add(m[1]);
  }
  return [...names].sort();
}

function guardedFunctions(files) {
  const guarded = [];
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, "contracts", rel), "utf8");
    for (const m of text.matchAll(/function\s+(\w+)\s*\(([^{;]*)\{/g)) {
      const guard = m[2].match(/\b(onlyRole\(\w+\)|onlyOwner)/);
      if (guard) guarded.push({ contract: path.basename(rel, ".sol"), fn: m[1], guard: guard[1] });
    }
  }
  return guarded;
}

function checkTests(files, failures) {
  const tests = testSources();
  const asserted = new Set(tests.flatMap((t) =>
    [...t.matchAll(/revertedWithCustomError\(\s*[^,]+,\s*"(\w+)"/g)].map((m) => m[1])));
  const errors = declaredErrors(files);
  const untested = errors.filter((e) => !asserted.has(e));
  console.log(`custom errors declared in contracts/: ${errors.length}, asserted by name in tests: ${errors.length - untested.length}`);
  for (const e of untested) failures.push(`custom error ${e} is never asserted with revertedWithCustomError`);

  // One statement (up to its semicolon) that calls the function and expects the access-control error.
  const statements = tests.flatMap((t) => t.split(";"));
  const guarded = guardedFunctions(files);
  const refused = guarded.filter(({ fn }) => statements.some((s) =>
    s.includes(`.${fn}(`) && ROLE_ERRORS.some((e) => s.includes(`"${e}"`))));
  console.log(`role-guarded functions: ${guarded.length}, refused to an account without the role in a test: ${refused.length}`);
  for (const g of guarded.filter((x) => !refused.includes(x))) {
    failures.push(`${g.contract}.${g.fn} (${g.guard}) is never called without the role in a test`);
  }
}

const failures = [];
const files = solidityFiles(path.join(root, "contracts"));
coverageTable(failures);
checkTests(files, failures);
if (failures.length > 0) {
  console.log("FAILED:");
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log(`OK: every contract of ours has branches >= ${minBranches}%, every custom error and role check is tested`);
