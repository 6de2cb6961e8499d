// Moves chain time the way the team guide asks: evm_increaseTime + evm_mine, never sleeping.
const hre = require("hardhat");

async function latestTimestamp() {
  const block = await hre.ethers.provider.getBlock("latest");
  return block.timestamp;
}

/** Mine a block whose timestamp is at least `timestamp` (unix seconds). */
async function advanceTo(timestamp) {
  const now = await latestTimestamp();
  const delta = Number(timestamp) - now;
  if (delta > 0) await hre.network.provider.send("evm_increaseTime", [delta]);
  await hre.network.provider.send("evm_mine", []);
}

module.exports = { latestTimestamp, advanceTo };
