// Issue #11 attack 3: a bid with as many matches as the contract allows (MAX_MATCHES_PER_BID = 128, each with its
// own seller) must still settle in one call that fits the operator daemon's default gas budget, since one bid's
// settlement cannot be split: otherwise a buyer (or an operator) could make a bid nobody can settle.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, recordMatchDistances, instrumented } = require("../../scripts/lib/market-fixture");
const { reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
/** The daemon's default GasBudget (docs/OPERATOR.md): the most gas one of its batch transactions may take. */
const DAEMON_GAS_BUDGET = 8_000_000n;
const OFFER_WH = 100n;
const MAX_MATCHES_PER_BID = 128;

async function widestBidFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, buyer] = signers;
  const sellers = signers.slice(4, 19);
  const matchesPerBid = MAX_MATCHES_PER_BID;
  const offerMeters = Array.from({ length: matchesPerBid }, (_, i) =>
    ({ signer: sellers[i % sellers.length], meter: `S-${i}`, bus: i + 1 }));
  const market = await setUpMarket(signers, {
    node, dso, traders: [...offerMeters, { signer: buyer, meter: "B-1", bus: 1_000 }],
  });
  const { trade } = market;
  const windowId = await openWindow(trade, windowParams({ mechanism: 2, settlementDuration: 3600 }));
  const offers = [];
  for (const m of offerMeters) offers.push((await placeOrder(trade, windowId, "offer", { ...m, energy: OFFER_WH, price: 100n * G })).id);
  const bid = (await placeOrder(trade, windowId, "bid", {
    signer: buyer, meter: "B-1", energy: OFFER_WH * BigInt(matchesPerBid), price: 150n * G,
  })).id;
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  const matches = offers.map((offerId, i) => ({ offerId, bidId: bid, energyWh: OFFER_WH, distanceM: 20 + (i % 300) }));
  await recordMatchDistances(market, matches);
  for (let i = 0; i < matches.length; i += 50) await trade.postClearing(windowId, 120n * G, matches.slice(i, i + 50));
  await trade.finaliseClearing(windowId);
  await advanceTo(view.transferDeadline);
  await trade.advancePhase(windowId);
  const orders = [...offers, bid];
  // Every seller delivered all but 1 Wh, the buyer took everything: penalties and credits on every match.
  const readings = new Map(orders.map((id) => [id, id === bid ? OFFER_WH * BigInt(matchesPerBid) : OFFER_WH - 1n]));
  const perRequest = Number(await market.client.MAX_READINGS_PER_REQUEST());
  for (let i = 0; i < orders.length; i += perRequest) {
    await reportReadings({ ...market, node }, windowId, orders.slice(i, i + perRequest), readings);
  }
  return { ...market, windowId, bid, offerMeters, matchesPerBid };
}

describe("A bid with the most matches the contract allows", function () {
  it("settles in one call within the daemon's default gas budget, every seller credited", async function () {
    const f = await loadFixture(widestBidFixture);
    const { trade, windowId, bid } = f;
    expect(await trade.MAX_MATCHES_PER_BID()).to.equal(BigInt(f.matchesPerBid));
    const estimate = await trade.settle.estimateGas(windowId, [bid]);
    const receipt = await (await trade.settle(windowId, [bid])).wait();
    console.log(`      settle of one ${f.matchesPerBid}-match bid: ${receipt.gasUsed} gas (estimate ${estimate})`);
    if (!instrumented()) expect(receipt.gasUsed).to.be.below(DAEMON_GAS_BUDGET);
    expect((await trade.order(bid)).status).to.equal(6n, "Settled");
    for (const seller of new Set(f.offerMeters.map((m) => m.signer))) {
      expect(await trade.withdrawable(seller.address)).to.be.above(0n, `seller ${seller.address} credited`);
    }
  });
});
