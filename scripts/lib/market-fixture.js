// A deployed market with registered meters and access grants, plus window parameter defaults;
// shared by the contract tests and the gas benchmark.
const hre = require("hardhat");
const { deployMarket } = require("../deploy");

const { ethers } = hre;

const meterId = (name) => ethers.encodeBytes32String(name);

/** Window parameters with short, test-friendly durations; override any field. */
function windowParams(overrides = {}) {
  return {
    biddingDuration: 600,
    matchingDuration: 120,
    transferDuration: 3600,
    settlementDuration: 180,
    gracePeriod: 300,
    maxEnergyWh: 100_000n,
    referencePrice: 150_000_000_000n,
    gridCharge: 1_000_003n,
    maxDistanceM: 2_000,
    penaltyRate: 50_000_000_007n,
    feeRecipient: ethers.ZeroAddress,
    mechanism: 0,
    validateOffers: false,
    ...overrides,
  };
}

/**
 * Deploy the market and register one meter per trader ({ signer, meter, bus }), each granting EnergyTrade access.
 * `node` is the oracle node (the Operator's authorised sender).
 */
async function setUpMarket(signers, { node, traders }) {
  const market = await deployMarket(signers, { oracleNodeAddress: node.address });
  const { dataAccess, trade } = market;
  for (const t of traders) {
    await dataAccess.registerMeter(meterId(t.meter), t.signer.address, t.bus);
    await dataAccess.connect(t.signer).grantAccess(meterId(t.meter), trade.target);
  }
  return market;
}

/** Open a window and return its id. */
async function openWindow(trade, params) {
  const receipt = await (await trade.openWindow(params)).wait();
  const opened = receipt.logs.map((l) => trade.interface.parseLog(l)).find((e) => e && e.name === "WindowOpened");
  return opened.args.windowId;
}

/** Place an order ({ signer, meter, energy, price }) with exactly the deposit the contract asks; returns { id, receipt }. */
async function placeOrder(trade, windowId, side, { signer, meter, energy, price }) {
  const deposit = side === "offer"
    ? await trade.offerCollateral(windowId, energy)
    : await trade.bidEscrow(windowId, energy, price);
  const fn = side === "offer" ? "submitOffer" : "submitBid";
  const tx = await trade.connect(signer)[fn](windowId, meterId(meter), energy, price, { value: deposit });
  const receipt = await tx.wait();
  const name = side === "offer" ? "OfferSubmitted" : "BidSubmitted";
  const ev = receipt.logs
    .filter((l) => l.address.toLowerCase() === trade.target.toLowerCase())
    .map((l) => trade.interface.parseLog(l))
    .find((e) => e && e.name === name);
  return { id: ev.args.orderId, deposit, receipt };
}

module.exports = { meterId, windowParams, setUpMarket, openWindow, placeOrder };
