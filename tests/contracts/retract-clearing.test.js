// retractClearing: the operator withdraws a posted clearing that is not final yet, in batches like closeWindow, and
// posts another; finalised clearings stay; the cancel escape hatch stays open to anyone during a retraction.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { resultHash } = require("../../scripts/lib/result-hash");

const G = 1_000_000_000n;
const Phase = { Matching: 2n, EnergyTransfer: 3n, Cancelled: 6n };
const Status = { Valid: 2n, Matched: 5n };

/** A small window in Matching: two offers, two bids, a clearing posted in two batches. */
async function postedFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, s1, s2, b1, b2, stranger] = signers;
  const traders = [
    { signer: s1, meter: "S-1", bus: 1 }, { signer: s2, meter: "S-2", bus: 2 },
    { signer: b1, meter: "B-1", bus: 3 }, { signer: b2, meter: "B-2", bus: 4 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  const { trade } = market;
  const windowId = await openWindow(trade, windowParams({ mechanism: 2 }));
  const place = async (side, signer, meter, energy, price) => (await placeOrder(trade, windowId, side, { signer, meter, energy, price })).id;
  const o1 = await place("offer", s1, "S-1", 4_000n, 100n * G);
  const o2 = await place("offer", s2, "S-2", 3_000n, 110n * G);
  const d1 = await place("bid", b1, "B-1", 5_000n, 150n * G);
  const d2 = await place("bid", b2, "B-2", 2_000n, 140n * G);
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  const first = [
    { offerId: o1, bidId: d1, energyWh: 4_000n, distanceM: 100 },
    { offerId: o2, bidId: d2, energyWh: 2_000n, distanceM: 200 },
  ];
  await recordMatchDistances(market, first);
  await trade.postClearing(windowId, 120n * G, first.slice(0, 1));
  await trade.postClearing(windowId, 120n * G, first.slice(1));
  return { ...market, windowId, view, ids: { o1, o2, d1, d2 }, first, stranger };
}

/** A window whose retraction takes two calls: more orders than one call walks (MAX_ORDERS_PER_RELEASE = 200). */
async function bigFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso] = signers;
  const traders = signers.slice(3, 13);
  const count = 204;
  const meters = Array.from({ length: count }, (_, i) => ({ signer: traders[i % traders.length], meter: `R-${i}`, bus: i % traders.length }));
  const market = await setUpMarket(signers, { node, dso, traders: meters });
  const { trade } = market;
  const windowId = await openWindow(trade, windowParams({ mechanism: 2 }));
  const orders = [];
  for (const [i, m] of meters.entries()) {
    const side = i % 2 === 0 ? "offer" : "bid";
    const { id, deposit } = await placeOrder(trade, windowId, side, { ...m, energy: 1_000n, price: side === "offer" ? 100n * G : 150n * G });
    orders.push({ id, side, owner: m.signer.address, deposit });
  }
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  // Offer 2k sells to bid 2k+1 (different owners: neighbouring traders).
  const matches = [];
  for (let i = 0; i + 1 < orders.length; i += 2) {
    matches.push({ offerId: orders[i].id, bidId: orders[i + 1].id, energyWh: 1_000n, distanceM: 50 });
  }
  await recordMatchDistances(market, matches);
  await trade.postClearing(windowId, 120n * G, matches);
  return { ...market, windowId, view, orders, matches, traders };
}

describe("retractClearing", function () {
  it("passes over an order the clearing left out: it stays valid and unallocated, as the matched ones become again", async function () {
    const f = await loadFixture(postedFixture);
    const [, , , s1, s2, b1] = await ethers.getSigners();
    const { trade } = f;
    const w = await openWindow(trade, windowParams({ mechanism: 2 }));
    const offer = (await placeOrder(trade, w, "offer", { signer: s1, meter: "S-1", energy: 1_000n, price: 100n * G })).id;
    const leftOut = (await placeOrder(trade, w, "offer", { signer: s2, meter: "S-2", energy: 1_000n, price: 140n * G })).id;
    const bid = (await placeOrder(trade, w, "bid", { signer: b1, meter: "B-1", energy: 1_000n, price: 150n * G })).id;
    await advanceTo((await trade.window(w)).biddingDeadline);
    await trade.advancePhase(w);
    const matches = [{ offerId: offer, bidId: bid, energyWh: 1_000n, distanceM: 100 }];
    await recordMatchDistances(f, matches);
    await trade.postClearing(w, 120n * G, matches);
    await expect(trade.retractClearing(w)).to.emit(trade, "ClearingRetracted").withArgs(w);
    for (const id of [offer, leftOut, bid]) {
      const o = await trade.order(id);
      expect([o.status, o.matchedWh]).to.deep.equal([Status.Valid, 0n], `order ${id}`);
    }
  });

  it("withdraws a posted clearing and lets the operator post a different one", async function () {
    const f = await loadFixture(postedFixture);
    const { trade, windowId, ids, first } = f;
    expect((await trade.order(ids.d1)).status).to.equal(Status.Matched);
    await expect(trade.retractClearing(windowId))
      .to.emit(trade, "ClearingRetracting").withArgs(windowId, 5, 5) // four orders and one slot of match refs
      .and.to.emit(trade, "ClearingRetracted").withArgs(windowId);
    let view = await trade.window(windowId);
    expect([view.price, view.matchCount, view.resultHash, view.unsettledBids]).to.deep.equal([0n, 0n, ethers.ZeroHash, 0n]);
    expect(await trade.windowMatches(windowId, 0, 10)).to.deep.equal([]);
    for (const id of Object.values(ids)) {
      const o = await trade.order(id);
      expect([o.status, o.matchedWh]).to.deep.equal([Status.Valid, 0n]);
    }
    await expect(trade.retractClearing(windowId)).to.be.revertedWithCustomError(trade, "NoClearingPosted").withArgs(windowId);

    // A different clearing at another price: the old allocations no longer count against the orders.
    const second = [
      { offerId: ids.o2, bidId: ids.d1, energyWh: 3_000n, distanceM: 300 },
      { offerId: ids.o1, bidId: ids.d1, energyWh: 2_000n, distanceM: 400 },
      { offerId: ids.o1, bidId: ids.d2, energyWh: 2_000n, distanceM: 500 },
    ];
    await recordMatchDistances(f, second);
    await trade.postClearing(windowId, 130n * G, second);
    await expect(trade.finaliseClearing(windowId))
      .to.emit(trade, "ClearingFinalised").withArgs(windowId, 130n * G, resultHash(windowId, 130n * G, second), 3);
    const page = await trade.windowMatches(windowId, 0, 10);
    expect(page.map((m) => [m.offerId, m.bidId, m.energyWh, m.distanceM]))
      .to.deep.equal(second.map((m) => [m.offerId, m.bidId, m.energyWh, BigInt(m.distanceM)]));
    expect((await trade.order(ids.o1)).matchedWh).to.equal(4_000n);
    expect((await trade.order(ids.d1)).matchedWh).to.equal(5_000n);
    expect(first.length).to.equal(2);
  });

  it("is refused after finalisation (WrongPhase), to anyone but the operator, and with nothing posted", async function () {
    const f = await loadFixture(postedFixture);
    const { trade, windowId } = f;
    await expect(trade.connect(f.stranger).retractClearing(windowId))
      .to.be.revertedWithCustomError(trade, "AccessControlUnauthorizedAccount");
    await trade.finaliseClearing(windowId);
    await expect(trade.retractClearing(windowId))
      .to.be.revertedWithCustomError(trade, "WrongPhase").withArgs(windowId, Phase.Matching, Phase.EnergyTransfer);
    const other = await openWindow(trade, windowParams());
    await advanceTo((await trade.window(other)).biddingDeadline);
    await trade.advancePhase(other);
    await expect(trade.retractClearing(other)).to.be.revertedWithCustomError(trade, "NoClearingPosted").withArgs(other);
  });

  it("runs in batches; posting and finalising wait for its last call (RetractionUnfinished)", async function () {
    const { trade, windowId, orders, matches } = await loadFixture(bigFixture);
    const total = BigInt(orders.length + Math.ceil(matches.length / 6));
    await expect(trade.retractClearing(windowId)).to.emit(trade, "ClearingRetracting").withArgs(windowId, 200, total);
    await expect(trade.postClearing(windowId, 120n * G, matches.slice(0, 1)))
      .to.be.revertedWithCustomError(trade, "RetractionUnfinished").withArgs(windowId);
    await expect(trade.finaliseClearing(windowId)).to.be.revertedWithCustomError(trade, "RetractionUnfinished").withArgs(windowId);
    await expect(trade.retractClearing(windowId))
      .to.emit(trade, "ClearingRetracting").withArgs(windowId, total, total)
      .and.to.emit(trade, "ClearingRetracted").withArgs(windowId);
    await trade.postClearing(windowId, 125n * G, matches.slice(0, 3));
    await expect(trade.finaliseClearing(windowId))
      .to.emit(trade, "ClearingFinalised").withArgs(windowId, 125n * G, resultHash(windowId, 125n * G, matches.slice(0, 3)), 3);
  });

  it("leaves the escape hatch open: after the grace period anyone cancels a window mid-retraction, every deposit back", async function () {
    const { trade, windowId, view, orders, traders } = await loadFixture(bigFixture);
    await trade.retractClearing(windowId);
    expect((await trade.window(windowId)).matchCount).to.equal(BigInt(orders.length / 2));
    await advanceTo(view.matchingDeadline + BigInt(view.params.gracePeriod) + 1n);
    // The operator can no longer finish (the deadline passed); a household cancels and returns every deposit.
    await expect(trade.retractClearing(windowId)).to.be.revertedWithCustomError(trade, "DeadlinePassed");
    const anyone = trade.connect(traders[0]);
    await expect(anyone.cancelWindow(windowId, MAX_ORDERS_PER_RELEASE)).to.emit(trade, "WindowCancelled");
    while ((await trade.window(windowId)).releasedOrders < BigInt(orders.length)) await anyone.cancelWindow(windowId, MAX_ORDERS_PER_RELEASE);
    expect((await trade.window(windowId)).phase).to.equal(Phase.Cancelled);
    const owed = new Map();
    for (const o of orders) owed.set(o.owner, (owed.get(o.owner) || 0n) + o.deposit);
    for (const [owner, amount] of owed) expect(await trade.withdrawable(owner)).to.equal(amount);
  });
});
