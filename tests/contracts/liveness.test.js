// Liveness without the operator: a window it abandons before clearing is final is cancelled by anyone after the
// grace period and every wei comes back; a cleared window is moved on, settled and closed by anyone instead, so the
// sellers who delivered are paid.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil, reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { windowCredits } = require("../../scripts/lib/window-model");

const G = 1_000_000_000n;

async function bookFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, s1, s2, b1, b2, anyone] = signers;
  const traders = [
    { signer: s1, meter: "S-1", bus: 1 }, { signer: s2, meter: "S-2", bus: 2 },
    { signer: b1, meter: "B-1", bus: 3 }, { signer: b2, meter: "B-2", bus: 4 },
    { signer: s2, meter: "S-3", bus: 5 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  const params = windowParams({ validateOffers: true });
  const windowId = await openWindow(market.trade, params);
  const orders = [];
  const place = async (side, signer, meter, energy, price, available) => {
    const { id, receipt } = await placeOrder(market.trade, windowId, side, { signer, meter, energy, price });
    if (side === "offer") {
      const [request] = readingRequestsIn(receipt, market.operator, market.client);
      if (available !== undefined) await fulfil(market.operator, node, request, available);
    }
    orders.push({ id, owner: signer.address, side, energy, price });
    return id;
  };
  const ids = {
    offer1: await place("offer", s1, "S-1", 5_000n, 100n * G, 9_000n),
    offer2: await place("offer", s2, "S-2", 4_000n, 110n * G, 4_000n),
    pending: await place("offer", s2, "S-3", 1_000n, 90n * G), // its reading never arrives
    bid1: await place("bid", b1, "B-1", 3_000n, 150n * G),
    bid2: await place("bid", b2, "B-2", 4_000n, 140n * G),
  };
  const view = await market.trade.window(windowId);
  return { ...market, params, windowId, orders, ids, view, anyone, admin, s1, s2, b1, b2, dso, node };
}

async function expectEveryoneRepaid(f, expected) {
  let owed = 0n;
  for (const a of [f.s1, f.s2, f.b1, f.b2, f.dso, f.admin]) {
    const want = expected.credits.get(a.address.toLowerCase()) || 0n;
    expect(await f.trade.withdrawable(a.address)).to.equal(want);
    owed += want;
    if (want > 0n) await f.trade.connect(a).withdraw();
  }
  expect(owed).to.equal(expected.deposits);
  expect(await ethers.provider.getBalance(f.trade.target)).to.equal(0n);
}

describe("Liveness: a window the operator abandoned", function () {
  it("is refused until the matching deadline plus grace has passed, then anyone recovers everything", async function () {
    const f = await loadFixture(bookFixture);
    const cancellableAfter = f.view.matchingDeadline + BigInt(f.params.gracePeriod);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(f.windowId, 1, cancellableAfter);
    await advanceTo(f.view.biddingDeadline);
    await f.trade.advancePhase(f.windowId);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(f.windowId, 2, cancellableAfter);

    await advanceTo(cancellableAfter + 1n);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.emit(f.trade, "WindowCancelled").withArgs(f.windowId, f.anyone.address)
      .and.to.emit(f.trade, "PhaseChanged").withArgs(f.windowId, 6);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(f.windowId, 6, 0);
    expect((await f.trade.order(f.ids.pending)).status).to.equal(7n); // Refunded
    await expectEveryoneRepaid(f, windowCredits({ params: f.params, operator: f.admin.address, orders: f.orders, price: 0n, matches: [] }));
  });

  it("after a partial settlement the operator goes silent: anyone settles the rest and closes; cancel is refused", async function () {
    const f = await loadFixture(bookFixture);
    await advanceTo(f.view.biddingDeadline);
    await f.trade.advancePhase(f.windowId);
    const price = 120n * G;
    const matches = [
      { offerId: f.ids.offer1, bidId: f.ids.bid1, energyWh: 3_000n, distanceM: 500 },
      { offerId: f.ids.offer1, bidId: f.ids.bid2, energyWh: 2_000n, distanceM: 700 },
      { offerId: f.ids.offer2, bidId: f.ids.bid2, energyWh: 2_000n, distanceM: 900 },
    ];
    await recordMatchDistances(f, matches);
    await f.trade.postClearing(f.windowId, price, matches);
    await f.trade.finaliseClearing(f.windowId);
    await advanceTo(f.view.transferDeadline);
    await f.trade.advancePhase(f.windowId);
    const readings = new Map([[f.ids.offer1, 5_000n], [f.ids.offer2, 1_500n], [f.ids.bid1, 2_500n]]);
    await reportReadings(f, f.windowId, [f.ids.offer1, f.ids.offer2, f.ids.bid1], readings);
    await f.trade.settle(f.windowId, [f.ids.bid1]);

    // The operator goes silent after one bid: the cleared window is settled by anyone, never cancelled.
    await advanceTo(f.view.settlementDeadline + BigInt(f.params.gracePeriod) + 1n);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(f.windowId, 4, 0);
    await f.trade.connect(f.anyone).settle(f.windowId, [f.ids.bid2]);
    await expect(f.trade.connect(f.anyone).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE)).to.emit(f.trade, "WindowClosed").withArgs(f.windowId);

    // bid2's reading was never asked: it counts against its buyer.
    const expected = windowCredits({
      params: f.params, feeRecipient: f.dso.address, operator: f.admin.address, orders: f.orders, price,
      matches: matches.map((m) => ({ offerId: m.offerId, bidId: m.bidId, energy: m.energyWh, distance: m.distanceM })),
      readings,
    });
    await expectEveryoneRepaid(f, expected);
  });

  it("a window whose operator stops after clearing is moved on, settled and closed by anyone, the seller paid", async function () {
    const f = await loadFixture(bookFixture);
    await advanceTo(f.view.biddingDeadline);
    await f.trade.advancePhase(f.windowId);
    const price = 120n * G;
    const matches = [{ offerId: f.ids.offer2, bidId: f.ids.bid1, energyWh: 3_000n, distanceM: 10 }];
    await recordMatchDistances(f, matches);
    await f.trade.postClearing(f.windowId, price, matches);
    await f.trade.finaliseClearing(f.windowId);
    await advanceTo(f.view.transferDeadline);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(f.windowId, 3, 0);
    await expect(f.trade.connect(f.anyone).advancePhase(f.windowId)).to.emit(f.trade, "PhaseChanged").withArgs(f.windowId, 4);
    // The seller asks for the readings itself and settles once they are in.
    const readings = new Map([[f.ids.offer2, 3_000n], [f.ids.bid1, 3_000n]]);
    await reportReadings(f, f.windowId, [f.ids.offer2, f.ids.bid1], readings, f.s2);
    await f.trade.connect(f.s2).settle(f.windowId, [f.ids.bid1]);
    await f.trade.connect(f.anyone).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
    await expectEveryoneRepaid(f, windowCredits({
      params: f.params, feeRecipient: f.dso.address, operator: f.admin.address, orders: f.orders, price,
      matches: matches.map((m) => ({ offerId: m.offerId, bidId: m.bidId, energy: m.energyWh, distance: m.distanceM })),
      readings,
    }));
  });
});
