// Gas benchmark: one window with 100 offers and 100 bids, cleared (200 matches), settled through the real
// Operator and withdrawn; prints a table and, as its last line, one JSON object of gas per operation.
//   npx hardhat run scripts/bench-gas.js
const hre = require("hardhat");
const { setUpMarket, windowParams, openWindow, placeOrder, recordMatchDistances } = require("./lib/market-fixture");
const { readingRequestsIn, fulfil } = require("./lib/oracle-node");
const { advanceTo } = require("./lib/chain-time");

const { ethers } = hre;
const ORDERS_PER_SIDE = 100;
const BATCH = 50;
const G = 1_000_000_000n;
const PHASE_CLOSED = 5n;

const gasOf = async (txOrPromise) => (await (await txOrPromise).wait()).gasUsed;
const deployGas = async (contract) =>
  (await ethers.provider.getTransactionReceipt(contract.deploymentTransaction().hash)).gasUsed;
const mean = (xs) => xs.reduce((s, x) => s + x, 0n) / BigInt(xs.length);

async function main() {
  const signers = await ethers.getSigners();
  const [, node, dso] = signers;
  const sellers = signers.slice(3, 11).map((signer, i) => ({ signer, meter: `S-${i}`, bus: i }));
  const buyers = signers.slice(11, 19).map((signer, i) => ({ signer, meter: `B-${i}`, bus: 20 + i }));
  // A meter holds one open order per window: each order below has a meter of its own, owned by one of the traders.
  const meterOf = (traders, prefix) => (i) => ({ ...traders[i % traders.length], meter: `${prefix}-${i}` });
  const offerMeter = meterOf(sellers, "S");
  const bidMeter = meterOf(buyers, "B");
  const cancelMeter = meterOf(buyers, "C");
  const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  const meters = [
    ...range(ORDERS_PER_SIDE, offerMeter), ...range(ORDERS_PER_SIDE, bidMeter), ...range(10, cancelMeter),
  ];
  const market = await setUpMarket(signers, { node, dso, traders: meters });
  const { trade, operator, client } = market;
  const figures = {};
  const detail = {};

  figures.deployEnergyTrade = await deployGas(trade);
  figures.deployDataAccess = await deployGas(market.dataAccess);
  figures.deployOracleClient = await deployGas(client);

  const params = windowParams({ settlementDuration: 3600 });
  const openReceipt = await (await trade.openWindow(params)).wait();
  figures.openWindow = openReceipt.gasUsed;
  const windowId = await trade.windowCount();

  // 100 offers of 1,000 Wh and 100 bids of 1,000 Wh; bid i takes 500 Wh from offers i and i+1 (200 matches).
  const offerIds = [];
  const bidIds = [];
  const offerGas = [];
  const bidGas = [];
  for (let i = 0; i < ORDERS_PER_SIDE; i++) {
    const s = offerMeter(i);
    const o = await placeOrder(trade, windowId, "offer", { ...s, energy: 1_000n, price: 100n * G + BigInt(i) });
    offerIds.push(o.id);
    offerGas.push(o.receipt.gasUsed);
    const b = bidMeter(i);
    const r = await placeOrder(trade, windowId, "bid", { ...b, energy: 1_000n, price: 150n * G + BigInt(i) });
    bidIds.push(r.id);
    bidGas.push(r.receipt.gasUsed);
  }
  figures.submitOffer = mean(offerGas);
  figures.submitBid = mean(bidGas);
  detail.submitOfferFirstOfWindow = offerGas[0];

  const cancelGas = [];
  for (let i = 0; i < 10; i++) {
    const b = cancelMeter(i);
    const { id } = await placeOrder(trade, windowId, "bid", { ...b, energy: 500n, price: 120n * G });
    cancelGas.push(await gasOf(trade.connect(b.signer).cancelOrder(id)));
  }
  figures.cancel = mean(cancelGas);

  // Offers validated by the oracle, in a second window.
  const validated = await openWindow(trade, windowParams({ settlementDuration: 3600, validateOffers: true }));
  const oracleOfferGas = [];
  const fulfilOfferGas = [];
  for (let i = 0; i < 10; i++) {
    const s = offerMeter(i); // a meter with an open order in the first window as well
    const { receipt } = await placeOrder(trade, validated, "offer", { ...s, energy: 1_000n, price: 100n * G });
    oracleOfferGas.push(receipt.gasUsed);
    const [request] = readingRequestsIn(receipt, operator, client);
    fulfilOfferGas.push((await fulfil(operator, node, request, 5_000n)).gasUsed);
  }
  figures.submitOfferWithOracle = mean(oracleOfferGas);
  // Bids whose meters already hold an order in the first window: the meter's order list is not fresh storage.
  const secondBidGas = [];
  for (let i = 0; i < 10; i++) {
    secondBidGas.push((await placeOrder(trade, validated, "bid", { ...bidMeter(i), energy: 1_000n, price: 150n * G })).receipt.gasUsed);
  }
  detail.submitBidMeterWithOtherOrder = mean(secondBidGas);
  detail.offerValidationFulfilment = mean(fulfilOfferGas);

  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  const price = 125n * G;
  // The feeder registry (recorded by the DSO before the clearing, not counted) gives each seller-buyer bus pair its distance.
  const metres = (offer, bid) => 100 + 37 * offerMeter(offer).bus + 11 * (bidMeter(bid).bus - 20);
  const matches = [];
  for (let i = 0; i < ORDERS_PER_SIDE; i++) {
    const j = (i + 1) % ORDERS_PER_SIDE;
    matches.push({ offerId: offerIds[i], bidId: bidIds[i], energyWh: 500n, distanceM: metres(i, i) });
    matches.push({ offerId: offerIds[j], bidId: bidIds[i], energyWh: 500n, distanceM: metres(j, i) });
  }
  await recordMatchDistances(market, matches);
  let clearingGas = 0n;
  for (let i = 0; i < matches.length; i += BATCH) {
    clearingGas += await gasOf(trade.postClearing(windowId, price, matches.slice(i, i + BATCH)));
  }
  figures.postClearingPerMatch = clearingGas / BigInt(matches.length);
  figures.finaliseClearing = await gasOf(trade.finaliseClearing(windowId));

  await advanceTo(view.transferDeadline);
  await trade.advancePhase(windowId);
  // Both sides of every match are read, MAX_READINGS_PER_REQUEST orders per Operator request and one fulfilment each,
  // then the bids are settled in batches. A reading costs the same on either side: the request and fulfilment gas is
  // spread over every order read; a buyer also pays its share of settle (which credits its sellers too).
  let requestGas = 0n;
  let fulfilGas = 0n;
  const matched = [...offerIds, ...bidIds];
  const perRequest = Number(await client.MAX_READINGS_PER_REQUEST());
  for (let i = 0; i < matched.length; i += perRequest) {
    const receipt = await (await trade.requestReadings(windowId, matched.slice(i, i + perRequest))).wait();
    requestGas += receipt.gasUsed;
    for (const r of readingRequestsIn(receipt, operator, client)) {
      // Every fifth order is 10 % short, so penalties are paid both ways.
      const readings = new Map(r.orderIds.map((id) => [id, Number(id) % 5 === 0 ? 900n : 1_000n]));
      fulfilGas += (await fulfil(operator, node, r, readings)).gasUsed;
    }
  }
  let settleGas = 0n;
  for (let i = 0; i < bidIds.length; i += 30) settleGas += await gasOf(trade.settle(windowId, bidIds.slice(i, i + 30)));
  const readingPerOrder = (requestGas + fulfilGas) / BigInt(matched.length);
  figures.settlePerBuyer = readingPerOrder + settleGas / BigInt(bidIds.length);
  figures.settlePerSeller = readingPerOrder;
  detail.settleOnlyPerBuyer = settleGas / BigInt(bidIds.length);
  detail.readingRequestPerOrder = requestGas / BigInt(matched.length);
  detail.readingFulfilmentPerOrder = fulfilGas / BigInt(matched.length);
  // closeWindow returns the deposits of at most MAX_ORDERS_PER_RELEASE order ids per call: call until Closed.
  const perRelease = await trade.MAX_ORDERS_PER_RELEASE();
  const closeGas = [];
  do {
    closeGas.push(await gasOf(trade.closeWindow(windowId, perRelease)));
  } while ((await trade.window(windowId)).phase !== PHASE_CLOSED);
  const closeTotal = closeGas.reduce((a, b) => a + b, 0n);
  detail.closeWindowCalls = BigInt(closeGas.length);
  detail.closeWindowLargestCall = closeGas.reduce((a, b) => (b > a ? b : a), 0n);
  figures.closeWindowPerOrder = closeTotal / (await trade.window(windowId)).orderCount;

  const withdrawGas = [];
  for (const a of [...sellers, ...buyers].map((t) => t.signer).concat([dso])) {
    if ((await trade.withdrawable(a.address)) > 0n) withdrawGas.push(await gasOf(trade.connect(a).withdraw()));
  }
  figures.withdraw = mean(withdrawGas);

  // Issue #11's goals.
  const targets = {
    submitBid: 60_000n, submitOffer: 60_000n, postClearingPerMatch: 20_000n, settlePerBuyer: 40_000n, settlePerSeller: 40_000n,
  };
  console.log(`Gas per operation (${ORDERS_PER_SIDE} offers, ${ORDERS_PER_SIDE} bids, ${matches.length} matches in batches of ${BATCH}):`);
  for (const [k, v] of Object.entries({ ...figures, ...detail })) {
    const target = targets[k] ? `  target <= ${targets[k]}: ${v <= targets[k] ? "met" : "missed"}` : "";
    console.log(`  ${k.padEnd(28)} ${v.toString().padStart(10)}${target}`);
  }
  console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v)]))));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
