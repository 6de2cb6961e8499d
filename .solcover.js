// solidity-coverage settings: measure only our contracts. Chainlink's LinkToken and Operator are vendored
// as they ship, and contracts/test/** are probes that exist only to drive our contracts from tests.
module.exports = {
  skipFiles: ["chainlink/", "test/"],
  istanbulReporter: ["json-summary", "json", "text", "html"],
};
