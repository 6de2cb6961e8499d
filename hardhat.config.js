// Placeholder until the contracts issue lands its config.
module.exports = { solidity: "0.8.28", paths: { tests: "./tests/contracts" } };
