// One open order per meter per window, and a battery offered net of what the meter already owes other windows
// (MARKET.md "Orders"): the attacks of issue #11 item 6, and every transition of the battery commitment.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, orderFeeOf, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const BATTERY_WH = 5_000n;

async function marketFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, seller, buyer, other] = signers;
  const traders = [
    { signer: seller, meter: "S-1", bus: 1 },
    { signer: buyer, meter: "B-1", bus: 2 },
    { signer: other, meter: "B-2", bus: 3 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  return { ...market, node, dso, seller, buyer, other };
}

/** Place an offer in a validating window and answer its reading with `availableWh`; returns the fulfilment tx. */
async function offerWithReading(f, windowId, energy, availableWh) {
  const { id, receipt } = await placeOrder(f.trade, windowId, "offer", { signer: f.seller, meter: "S-1", energy, price: 100n * G });
  const [request] = readingRequestsIn(receipt, f.operator, f.client);
  return { id, fulfilment: fulfil(f.operator, f.node, request, availableWh) };
}

const committed = (f, exceptOrderId = 0n) => f.trade.committedWh(meterId("S-1"), exceptOrderId);

describe("One open order per meter per window", function () {
  it("a second bid on the same meter reverts, so two bids can no longer each be credited the whole import", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams());
    const first = await placeOrder(f.trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 3_000n, price: 150n * G });
    const escrow = await f.trade.bidEscrow(w, 3_000n, 150n * G);
    await expect(f.trade.connect(f.buyer).submitBid(w, meterId("B-1"), 3_000n, 150n * G, 0, { value: escrow + await orderFeeOf(f.trade, w) }))
      .to.be.revertedWithCustomError(f.trade, "MeterHasOpenOrder").withArgs(meterId("B-1"), first.id);
    expect((await f.trade.window(w)).orderCount).to.equal(1n);
  });

  it("an offer and a bid on one meter in one window: the second reverts (no trading with itself)", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams());
    const offer = await placeOrder(f.trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 1_000n, price: 100n * G });
    const escrow = await f.trade.bidEscrow(w, 1_000n, 150n * G);
    await expect(f.trade.connect(f.seller).submitBid(w, meterId("S-1"), 1_000n, 150n * G, 0, { value: escrow + await orderFeeOf(f.trade, w) }))
      .to.be.revertedWithCustomError(f.trade, "MeterHasOpenOrder").withArgs(meterId("S-1"), offer.id);
  });

  it("cancelling frees the meter; another window takes an order of the same meter meanwhile", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams());
    const next = await openWindow(f.trade, windowParams());
    const first = await placeOrder(f.trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 3_000n, price: 150n * G });
    await placeOrder(f.trade, next, "bid", { signer: f.buyer, meter: "B-1", energy: 3_000n, price: 150n * G });
    expect(await f.trade.meterIdle(meterId("B-1"))).to.equal(false);
    await f.trade.connect(f.buyer).cancelOrder(first.id);
    const again = await placeOrder(f.trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 2_000n, price: 140n * G });
    expect(await f.trade.windowOrderIds(w, 0, 10)).to.deep.equal([first.id, again.id]);
  });

  it("a rejected offer frees the meter in its window", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams({ validateOffers: true }));
    const rejected = await offerWithReading(f, w, 2_000n, 1_000n);
    await expect(rejected.fulfilment).to.emit(f.trade, "OfferRejected").withArgs(rejected.id, 2_000n, 1_000n, 0n);
    const retry = await offerWithReading(f, w, 1_000n, 1_000n);
    await expect(retry.fulfilment).to.emit(f.trade, "OfferValidated").withArgs(retry.id, 1_000n);
  });

  it("a meter holds at most MAX_OPEN_ORDERS_PER_METER orders in windows not yet closed; a closed window frees one", async function () {
    const f = await loadFixture(marketFixture);
    const limit = await f.trade.MAX_OPEN_ORDERS_PER_METER();
    const windows = [];
    for (let i = 0n; i < limit; i++) windows.push(await openWindow(f.trade, windowParams()));
    windows.push(await openWindow(f.trade, windowParams({ biddingDuration: 20_000 })));
    for (let i = 0n; i < limit; i++) {
      await placeOrder(f.trade, windows[i], "bid", { signer: f.buyer, meter: "B-1", energy: 100n, price: G });
    }
    const last = windows[limit];
    const escrow = await f.trade.bidEscrow(last, 100n, G);
    await expect(f.trade.connect(f.buyer).submitBid(last, meterId("B-1"), 100n, G, 0, { value: escrow + await orderFeeOf(f.trade, last) }))
      .to.be.revertedWithCustomError(f.trade, "TooManyOpenOrders").withArgs(meterId("B-1"), limit);

    // The first window closes unmatched (its bid is refunded): the meter may trade in the last one.
    const v = await f.trade.window(windows[0]);
    await advanceTo(v.biddingDeadline);
    await f.trade.advancePhase(windows[0]);
    await f.trade.finaliseClearing(windows[0]);
    await advanceTo(v.transferDeadline);
    await f.trade.advancePhase(windows[0]);
    await f.trade.closeWindow(windows[0], MAX_ORDERS_PER_RELEASE);
    await expect(f.trade.connect(f.buyer).submitBid(last, meterId("B-1"), 100n, G, 0, { value: escrow + await orderFeeOf(f.trade, last) }))
      .to.emit(f.trade, "BidSubmitted");
  });
});

describe("Battery net of commitments", function () {
  // Window 1 bids briefly; windows 2 and 3 take orders until long after window 1's transfer interval has ended.
  async function threeWindowsFixture() {
    const f = await marketFixture();
    f.w1 = await openWindow(f.trade, windowParams({ validateOffers: true, mechanism: 2 }));
    const long = windowParams({ validateOffers: true, biddingDuration: 20_000 });
    f.w2 = await openWindow(f.trade, long);
    f.w3 = await openWindow(f.trade, long);
    return f;
  }

  it("three 5,000 Wh offers on a 5,000 Wh battery in three windows: only the first is valid", async function () {
    const f = await loadFixture(threeWindowsFixture);
    const a = await offerWithReading(f, f.w1, BATTERY_WH, BATTERY_WH);
    await expect(a.fulfilment).to.emit(f.trade, "OfferValidated");
    const b = await offerWithReading(f, f.w2, BATTERY_WH, BATTERY_WH);
    await expect(b.fulfilment).to.emit(f.trade, "OfferRejected").withArgs(b.id, BATTERY_WH, BATTERY_WH, BATTERY_WH);
    const c = await offerWithReading(f, f.w3, BATTERY_WH, BATTERY_WH);
    await expect(c.fulfilment).to.emit(f.trade, "OfferRejected").withArgs(c.id, BATTERY_WH, BATTERY_WH, BATTERY_WH);
    expect((await f.trade.order(b.id)).status).to.equal(3n); // Rejected: collateral back in full
    expect(await f.trade.withdrawable(f.seller.address)).to.equal(2n * await f.trade.offerCollateral(f.w2, BATTERY_WH));
    // Split to fit, the second window's offer is valid for what is left.
    const smaller = await offerWithReading(f, f.w2, 1n, BATTERY_WH);
    await expect(smaller.fulfilment).to.emit(f.trade, "OfferRejected").withArgs(smaller.id, 1n, BATTERY_WH, BATTERY_WH);
  });

  it("the commitment follows validation, cancel, finalisation, end of transfer, settlement and close", async function () {
    const f = await loadFixture(threeWindowsFixture);
    const { trade } = f;

    // A pending offer commits nothing, a valid one its energy.
    const a = await offerWithReading(f, f.w1, BATTERY_WH, BATTERY_WH);
    expect(await committed(f)).to.equal(0n);
    await a.fulfilment;
    expect(await committed(f)).to.equal(BATTERY_WH);
    expect(await committed(f, a.id)).to.equal(0n);

    // Cancel: the battery is free again.
    await trade.connect(f.seller).cancelOrder(a.id);
    expect(await committed(f)).to.equal(0n);
    const a2 = await offerWithReading(f, f.w1, BATTERY_WH, BATTERY_WH);
    await a2.fulfilment;
    const bid = await placeOrder(trade, f.w1, "bid", { signer: f.buyer, meter: "B-1", energy: 2_000n, price: 150n * G });

    // Matching: still the whole offer until the clearing is final, then only its allocation.
    const v1 = await trade.window(f.w1);
    await advanceTo(v1.biddingDeadline);
    await trade.advancePhase(f.w1);
    const matches = [{ offerId: a2.id, bidId: bid.id, energyWh: 2_000n, distanceM: 100 }];
    await recordMatchDistances(f, matches);
    await trade.postClearing(f.w1, 120n * G, matches);
    expect(await committed(f)).to.equal(BATTERY_WH);
    await trade.finaliseClearing(f.w1);
    expect(await committed(f)).to.equal(2_000n);

    // With 2,000 Wh allocated in window 1, window 2 gets 3,000 Wh of the 5,000 Wh battery, not one more.
    const tooMuch = await offerWithReading(f, f.w2, 3_001n, BATTERY_WH);
    await expect(tooMuch.fulfilment).to.emit(trade, "OfferRejected").withArgs(tooMuch.id, 3_001n, BATTERY_WH, 2_000n);
    const fits = await offerWithReading(f, f.w2, 3_000n, BATTERY_WH);
    await expect(fits.fulfilment).to.emit(trade, "OfferValidated");
    expect(await committed(f)).to.equal(5_000n);

    // The transfer interval of window 1 ends: its allocation is delivered (or not) and no longer owed.
    await advanceTo(v1.transferDeadline);
    expect(await committed(f)).to.equal(3_000n);
    const third = await offerWithReading(f, f.w3, 2_000n, BATTERY_WH);
    await expect(third.fulfilment).to.emit(trade, "OfferValidated");
    expect(await committed(f)).to.equal(5_000n);

    // Settlement and close of window 1 change nothing more; the meter is not idle while windows 2 and 3 hold orders.
    await trade.advancePhase(f.w1);
    await advanceTo(v1.settlementDeadline);
    await trade.settle(f.w1, [bid.id]);
    await trade.closeWindow(f.w1, MAX_ORDERS_PER_RELEASE);
    expect(await committed(f)).to.equal(5_000n);
    expect(await trade.meterIdle(meterId("S-1"))).to.equal(false);

    // A cancelled window's offers no longer commit anything.
    const v2 = await trade.window(f.w2);
    await advanceTo(v2.matchingDeadline + v2.params.gracePeriod + 1n);
    await trade.cancelWindow(f.w2, MAX_ORDERS_PER_RELEASE);
    expect(await committed(f)).to.equal(2_000n);
  });
});

describe("An offer's battery reading after the oracle client moved to another market", function () {
  it("is dropped, not forwarded: the old market's offer stays pending and the new market hears nothing", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams({ validateOffers: true }));
    const { id, receipt } = await placeOrder(f.trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 1_000n, price: 100n * G });
    const [request] = readingRequestsIn(receipt, f.operator, f.client);
    const successor = await ethers.deployContract("RejectingTrader");
    await f.client.setEnergyTrade(successor.target);
    await expect(fulfil(f.operator, f.node, request, 5_000n))
      .to.emit(f.client, "ReadingDropped").withArgs(request.requestId, f.trade.target)
      .and.not.to.emit(f.trade, "OfferValidated");
    expect((await f.trade.order(id)).status).to.equal(1n, "PendingValidation");
  });
});
