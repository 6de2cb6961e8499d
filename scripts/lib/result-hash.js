// The clearing result hash as docs/CONTRACTS.md defines it and EnergyTrade computes it, independently of batching:
// h0 = keccak256(abi.encode(windowId, price)), then per match in posting order
// h = keccak256(abi.encode(h, offerId, bidId, energyWh, distanceM)).
const { ethers } = require("ethers");

const coder = ethers.AbiCoder.defaultAbiCoder();

/** matches: [{ offerId, bidId, energyWh, distanceM }] in posting order. */
function resultHash(windowId, price, matches) {
  let h = ethers.keccak256(coder.encode(["uint256", "uint256"], [windowId, price]));
  for (const m of matches) {
    h = ethers.keccak256(coder.encode(["bytes32", "uint256", "uint256", "uint256", "uint256"],
      [h, m.offerId, m.bidId, m.energyWh, m.distanceM]));
  }
  return h;
}

module.exports = { resultHash };
