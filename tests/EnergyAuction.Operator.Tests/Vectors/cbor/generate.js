// Prints the CBOR bytes Chainlink.sol builds, for ChainlinkCborTests.
// Run: cd tests/EnergyAuction.Operator.Tests/Vectors/cbor && ln -s ../../../../node_modules . && npx hardhat run generate.js && rm node_modules
const { ethers } = require("hardhat");

async function main() {
  const vectors = await ethers.deployContract("CborVectors");
  console.log("getAndPath:", await vectors.getAndPath("http://127.0.0.1:5080/meters/M-7/energy?from=1700000000&to=1700003600"));
  console.log("everyType: ", await vectors.everyType());
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
