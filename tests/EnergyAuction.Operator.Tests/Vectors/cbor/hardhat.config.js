// Generates CBOR test vectors with Chainlink's own library (see generate.js). Uses the
// repository's npm compiler so nothing is downloaded.
const path = require("path");
const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");
require("@nomicfoundation/hardhat-ethers");

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async ({ solcVersion }) => {
  const compilerPath = require.resolve("solc-0.8.19/soljson.js");
  const solc = require(path.dirname(compilerPath));
  return { compilerPath, isSolcJs: true, version: solcVersion, longVersion: solc.version() };
});

module.exports = {
  solidity: "0.8.19",
  paths: { cache: path.join(require("os").tmpdir(), "cbor-vectors-cache"), artifacts: path.join(require("os").tmpdir(), "cbor-vectors-artifacts") },
};
