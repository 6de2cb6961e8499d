// Hardhat 2 configuration. Both Solidity compilers come from npm (solc-js), so compiling never
// downloads anything: 0.8.28 for our contracts, 0.8.19 for Chainlink's Operator (pinned pragma).
require("@nomicfoundation/hardhat-ethers");
require("@nomicfoundation/hardhat-chai-matchers");
// Adds `hardhat coverage` (scripts/coverage.sh); it only instruments when that task runs.
require("solidity-coverage");
const path = require("path");
const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");

const npmCompilers = { "0.8.28": "solc", "0.8.19": "solc-0.8.19" };

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async ({ solcVersion }, hre, runSuper) => {
  const pkg = npmCompilers[solcVersion];
  if (pkg === undefined) return runSuper();
  const compilerPath = require.resolve(`${pkg}/soljson.js`);
  const solc = require(path.dirname(compilerPath));
  return { compilerPath, isSolcJs: true, version: solcVersion, longVersion: solc.version() };
});

const optimizer = { enabled: true, runs: 200 };

// solidity-coverage's probes grow EnergyTrade's deployment past Osaka's cap of 2^24 gas a transaction (EIP-7825),
// so `hardhat coverage` runs the chain on Prague, the fork before the cap. Our bytecode targets paris either way;
// every other task keeps Hardhat's default fork, so gas bounds are still asserted under the cap.
const coverage = process.argv.includes("coverage");

module.exports = {
  solidity: {
    compilers: [
      // paris: no PUSH0/MCOPY/transient storage, so the bytecode also runs on Besu networks with older genesis forks.
      { version: "0.8.28", settings: { optimizer, evmVersion: "paris", viaIR: true } },
      { version: "0.8.19", settings: { optimizer } },
    ],
  },
  networks: {
    // 21 accounts: the 21st is the dev registrar (the DSO), kept apart from the 20 that tests and the demo hand out.
    hardhat: {
      chainId: 31337, allowUnlimitedContractSize: false, accounts: { count: 21 }, ...(coverage ? { hardfork: "prague" } : {}),
    },
    localhost: { url: process.env.RPC_URL || "http://127.0.0.1:8545" },
  },
  paths: { sources: "./contracts", tests: "./tests/contracts" },
  // The probes make the big-book tests (500-order windows, 128-match bids) several times slower.
  mocha: { timeout: coverage ? 900000 : 120000 },
};
