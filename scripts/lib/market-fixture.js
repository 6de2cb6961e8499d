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
    mechanism: 0,
    validateOffers: false,
    // Non-zero in every test window, so each conservation check counts the fees orders pay the operator.
    orderFee: 1_000_003n,
    ...overrides,
  };
}

/** The registrar (DSO) in every test market: Hardhat's 21st account (hardhat.config.js), so it is none of the
 *  signers tests hand out as deployer, oracle node, fee recipient or trader. */
const REGISTRAR_INDEX = 20;

/**
 * Deploy the market and register one meter per trader ({ signer, meter, bus }), each granting EnergyTrade access.
 * `node` is the oracle node (the Operator's authorised sender), `dso` the fee recipient; `signers[20]` registers the
 * meters and is returned as `registrar`.
 */
async function setUpMarket(signers, { node, dso, traders }) {
  const registrar = signers[REGISTRAR_INDEX];
  const market = await deployMarket(signers, {
    oracleNodeAddress: node.address, registrarAddress: registrar.address, feeRecipientAddress: dso.address,
  });
  const { dataAccess, trade } = market;
  for (const t of traders) {
    await dataAccess.connect(registrar).registerMeter(meterId(t.meter), t.signer.address, t.bus);
    await dataAccess.connect(t.signer).grantAccess(meterId(t.meter), trade.target);
  }
  return { ...market, registrar };
}

/** Open a window and return its id. */
async function openWindow(trade, params) {
  const receipt = await (await trade.openWindow(params)).wait();
  const opened = receipt.logs.map((l) => trade.interface.parseLog(l)).find((e) => e && e.name === "WindowOpened");
  return opened.args.windowId;
}

/** The window's order fee f, which every order pays on top of its deposit. */
async function orderFeeOf(trade, windowId) {
  return (await trade.window(windowId)).params.orderFee;
}

/**
 * Place an order ({ signer, meter, energy, price, maxDistance: D in metres, 0 = the window's L }) with exactly the
 * deposit and order fee the contract asks; returns { id, deposit, fee, receipt }.
 */
async function placeOrder(trade, windowId, side, { signer, meter, energy, price, maxDistance = 0 }) {
  const deposit = side === "offer"
    ? await trade.offerCollateral(windowId, energy)
    : await trade.bidEscrow(windowId, energy, price);
  const fee = await orderFeeOf(trade, windowId);
  const fn = side === "offer" ? "submitOffer" : "submitBid";
  const tx = await trade.connect(signer)[fn](windowId, meterId(meter), energy, price, maxDistance, { value: deposit + fee });
  const receipt = await tx.wait();
  const name = side === "offer" ? "OfferSubmitted" : "BidSubmitted";
  const ev = receipt.logs
    .filter((l) => l.address.toLowerCase() === trade.target.toLowerCase())
    .map((l) => trade.interface.parseLog(l))
    .find((e) => e && e.name === name);
  return { id: ev.args.orderId, deposit, fee, receipt };
}

/**
 * Have the registrar record, in the feeder registry, each match's posted distance between its two meters' buses, so
 * postClearing (which takes every distance from the registry) accepts the matches as the test wrote them. Pairs on one
 * bus are 0 m by definition and recorded nothing; a pair given two figures is a mistake in the test.
 */
async function recordMatchDistances({ trade, dataAccess, registrar }, matches) {
  const busOf = new Map();
  const bus = async (orderId) => {
    if (!busOf.has(orderId)) busOf.set(orderId, (await dataAccess.meterOf((await trade.order(orderId)).meterId)).bus);
    return busOf.get(orderId);
  };
  const pairs = new Map();
  for (const m of matches) {
    const [busA, busB] = [await bus(m.offerId), await bus(m.bidId)];
    if (busA === busB) continue;
    const key = busA < busB ? `${busA}-${busB}` : `${busB}-${busA}`;
    const metres = BigInt(m.distanceM);
    if (pairs.has(key) && pairs.get(key).metres !== metres) throw new Error(`buses ${key} given ${pairs.get(key).metres} m and ${metres} m`);
    pairs.set(key, { busA, busB, metres });
  }
  const distances = [...pairs.values()];
  for (let i = 0; i < distances.length; i += 200) {
    await (await dataAccess.connect(registrar).recordDistances(distances.slice(i, i + 200))).wait();
  }
}

/** Whether the contracts run instrumented by `hardhat coverage` (scripts/coverage.sh), whose probes add gas to every
 *  call: gas bounds are asserted only on the contracts as they deploy. */
const instrumented = () => hre.__SOLIDITY_COVERAGE_RUNNING === true;

/** EnergyTrade.MAX_ORDERS_PER_RELEASE: the most orders one closeWindow or cancelWindow call may return. */
const MAX_ORDERS_PER_RELEASE = 200;

module.exports = {
  MAX_ORDERS_PER_RELEASE, meterId, windowParams, setUpMarket, openWindow, orderFeeOf, placeOrder, recordMatchDistances, instrumented,
};
