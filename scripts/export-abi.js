// Copies the ABIs of the market's contracts from Hardhat's artifacts/ into src/EnergyAuction.Chain/Abi/, so the
// C# build embeds them without needing node. Run after `npx hardhat compile`:
//   node scripts/export-abi.js
// No network access; fails if an artifact is missing or ambiguous.
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const OUT = path.join(ROOT, "src", "EnergyAuction.Chain", "Abi");
const CONTRACTS = ["DataAccess", "EnergyTrade", "EnergyTradeReader", "EnergyOracleClient", "Operator", "LinkToken"];

function artifactsNamed(dir, name, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "build-info") artifactsNamed(full, name, found);
    else if (entry.isFile() && entry.name === `${name}.json`) found.push(full);
  }
  return found;
}

function main() {
  if (!fs.existsSync(ARTIFACTS)) throw new Error(`${ARTIFACTS} not found: run \`npx hardhat compile\` first`);
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of CONTRACTS) {
    const found = artifactsNamed(ARTIFACTS, name);
    if (found.length !== 1) {
      throw new Error(`expected one artifact named ${name}.json under artifacts/, found ${found.length}: ${found.join(", ")}`);
    }
    const { abi } = JSON.parse(fs.readFileSync(found[0], "utf8"));
    const target = path.join(OUT, `${name}.json`);
    fs.writeFileSync(target, JSON.stringify(abi, null, 2) + "\n");
    console.log(`${path.relative(ROOT, found[0])} -> ${path.relative(ROOT, target)}`);
  }
}

try {
  main();
} catch (err) {
  console.error(`export-abi: ${err.message}`);
  process.exitCode = 1;
}
