// A complete trading window with oracle-validated offers, a clearing posted in two batches, a short delivery and a
// short export, both sides read through the real Chainlink Operator, settlement and withdrawals; every balance
// checked to the wei.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { windowCredits } = require("../../scripts/lib/window-model");
const { resultHash: resultHashOf } = require("../../scripts/lib/result-hash");
const { spread, bidEscrow } = require("../../scripts/lib/settlement-model");

const G = 1_000_000_000n; // prices in gwei per kWh read better

async function completeWindowFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, s1, s2, s3, b1, b2, b3] = signers;
  const traders = [
    { signer: s1, meter: "S-1", bus: 1 }, { signer: s2, meter: "S-2", bus: 2 }, { signer: s3, meter: "S-3", bus: 3 },
    { signer: b1, meter: "B-1", bus: 4 }, { signer: b2, meter: "B-2", bus: 5 }, { signer: b3, meter: "B-3", bus: 6 },
    // Second meters of s3 and b1: a meter holds one open order per window.
    { signer: s3, meter: "S-4", bus: 7 }, { signer: b1, meter: "B-4", bus: 8 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  const params = windowParams({ validateOffers: true });
  const windowId = await openWindow(market.trade, params);
  return { market, params, windowId, admin, node, dso, s1, s2, s3, b1, b2, b3 };
}

describe("A complete trading window", function () {
  it("validates offers, clears, settles a short delivery pro rata and pays everyone to the wei", async function () {
    const f = await loadFixture(completeWindowFixture);
    const { trade, operator, client } = f.market;
    const { params, windowId, node } = f;
    const orders = [];

    // Offers: each asks the oracle for the seller's available energy; S-3's second offer exceeds it.
    const offers = [
      { signer: f.s1, meter: "S-1", energy: 10_000n, price: 100n * G, available: 12_000n },
      { signer: f.s2, meter: "S-2", energy: 8_000n, price: 110n * G, available: 8_000n },
      { signer: f.s3, meter: "S-3", energy: 6_000n, price: 120n * G + 7n, available: 7_500n },
      { signer: f.s3, meter: "S-4", energy: 9_000n, price: 90n * G, available: 4_000n },
    ];
    for (const o of offers) {
      const { id, receipt } = await placeOrder(trade, windowId, "offer", o);
      const [request] = readingRequestsIn(receipt, operator, client);
      expect(request.url).to.equal(`http://127.0.0.1:5080/battery-soc/${o.meter}`);
      expect((await trade.order(id)).status).to.equal(1n); // PendingValidation
      const fulfilment = fulfil(operator, node, request, o.available);
      if (o.energy <= o.available) {
        await expect(fulfilment).to.emit(trade, "OfferValidated").withArgs(id, o.available);
      } else {
        await expect(fulfilment).to.emit(trade, "OfferRejected").withArgs(id, o.energy, o.available, 0);
      }
      o.id = id;
      orders.push({ id, owner: o.signer.address, side: "offer", energy: o.energy, price: o.price,
        state: o.energy <= o.available ? "valid" : "rejected" });
    }
    expect((await trade.order(offers[3].id)).status).to.equal(3n); // Rejected

    const bids = [
      { signer: f.b1, meter: "B-1", energy: 7_000n, price: 150n * G },
      { signer: f.b2, meter: "B-2", energy: 9_000n, price: 140n * G + 3n },
      { signer: f.b3, meter: "B-3", energy: 5_000n, price: 130n * G },
      { signer: f.b1, meter: "B-4", energy: 2_000n, price: 90n * G }, // below the clearing price: unmatched
    ];
    for (const b of bids) {
      b.id = (await placeOrder(trade, windowId, "bid", b)).id;
      orders.push({ id: b.id, owner: b.signer.address, side: "bid", energy: b.energy, price: b.price, state: "valid" });
    }
    expect(await trade.windowOrderIds(windowId, 0, 100)).to.deep.equal(orders.map((o) => o.id));

    // Matching: one price, two batches, every bid filled (dpda), S-3 curtailed to 3,000 Wh.
    let view = await trade.window(windowId);
    await advanceTo(view.biddingDeadline);
    await expect(trade.advancePhase(windowId)).to.emit(trade, "PhaseChanged").withArgs(windowId, 2);
    const price = 125n * G + 11n;
    const m = (offer, bid, energy, distance) => ({ offerId: offer.id, bidId: bid.id, energyWh: energy, distanceM: distance });
    const batch1 = [m(offers[0], bids[0], 7_000n, 450), m(offers[0], bids[1], 3_000n, 1_200)];
    const batch2 = [m(offers[1], bids[1], 6_000n, 300), m(offers[1], bids[2], 2_000n, 800), m(offers[2], bids[2], 3_000n, 1_900)];
    await recordMatchDistances(f.market, [...batch1, ...batch2]);
    await expect(trade.postClearing(windowId, price, batch1)).to.emit(trade, "ClearingPosted").withArgs(windowId, price, 2, 2);
    await expect(trade.postClearing(windowId, price, batch2)).to.emit(trade, "ClearingPosted").withArgs(windowId, price, 3, 5);
    const all = [...batch1, ...batch2];
    // The contract's own hash of the two batches is the one docs/CONTRACTS.md defines over all five matches.
    const resultHash = resultHashOf(windowId, price, all);
    await expect(trade.finaliseClearing(windowId))
      .to.emit(trade, "ClearingFinalised").withArgs(windowId, price, resultHash, 5);
    expect((await trade.windowMatches(windowId, 0, 10)).map((x) => [x.offerId, x.bidId, x.energyWh, x.distanceM]))
      .to.deep.equal(all.map((x) => [x.offerId, x.bidId, x.energyWh, BigInt(x.distanceM)]));
    expect((await trade.windowMatches(windowId, 3, 1))[0].bidId).to.equal(bids[2].id);
    expect((await trade.order(bids[1].id)).status).to.equal(5n); // Matched
    view = await trade.window(windowId);
    expect(view.resultHash).to.equal(resultHash);
    expect(view.unsettledBids).to.equal(3n);

    // Transfer, then settlement: B-1 got everything, B-2 is short, B-3's meter shows more than it bought; S-1
    // exported all it sold, S-2 is short, S-3 exported more.
    await advanceTo(view.transferDeadline);
    await trade.advancePhase(windowId);
    const matchedBids = [bids[0], bids[1], bids[2]];
    const matchedOffers = [offers[0], offers[1], offers[2]];
    const matched = [...matchedOffers, ...matchedBids];
    const receipt = await (await trade.connect(f.b3).requestReadings(windowId, matched.map((o) => o.id))).wait();
    // One oracle request reads every meter of the batch.
    const [request, ...more] = readingRequestsIn(receipt, operator, client);
    expect(more).to.have.length(0);
    expect(request.url).to.equal(`http://127.0.0.1:5080/readings?from=${view.matchingDeadline}&to=${view.transferDeadline}` +
      `&meters=${matched.map((o) => o.meter).join(",")}`);
    expect(request.orderIds).to.deep.equal(matched.map((o) => o.id));
    const readings = new Map([[offers[0].id, 10_000n], [offers[1].id, 7_100n], [offers[2].id, 4_000n],
      [bids[0].id, 7_000n], [bids[1].id, 6_500n], [bids[2].id, 6_000n]]);
    const allocations = new Map([[offers[0].id, 10_000n], [offers[1].id, 8_000n], [offers[2].id, 3_000n],
      [bids[0].id, 7_000n], [bids[1].id, 9_000n], [bids[2].id, 5_000n]]);
    const fulfilment = fulfil(operator, node, request, readings);
    for (const id of request.orderIds) {
      const wh = readings.get(id);
      const capped = wh < allocations.get(id) ? wh : allocations.get(id);
      await expect(fulfilment).to.emit(trade, "ReadingReported").withArgs(windowId, id, wh, capped);
    }
    await trade.connect(f.s1).settle(windowId, matchedBids.map((b) => b.id));

    // B-2's 6,500 Wh: floor(6500*3000/9000)=2166 and floor(6500*6000/9000)=4333, the spare Wh to the first match.
    expect(spread(6_500n, [3_000n, 6_000n])).to.deep.equal([2_167n, 4_333n]);

    await expect(trade.closeWindow(windowId, MAX_ORDERS_PER_RELEASE)).to.emit(trade, "WindowClosed").withArgs(windowId);
    expect((await trade.window(windowId)).phase).to.equal(5n);

    const expected = windowCredits({
      params, feeRecipient: f.dso.address, operator: f.admin.address, orders, price,
      matches: all.map((x) => ({ offerId: x.offerId, bidId: x.bidId, energy: x.energyWh, distance: x.distanceM })),
      readings,
    });
    const accounts = [f.s1, f.s2, f.s3, f.b1, f.b2, f.b3, f.dso, f.admin];
    let owed = 0n;
    for (const a of accounts) {
      const want = expected.credits.get(a.address.toLowerCase()) || 0n;
      expect(await trade.withdrawable(a.address), a.address).to.equal(want);
      owed += want;
    }
    // Conservation: everything paid in is owed back to someone, and the contract holds exactly that.
    expect(owed).to.equal(expected.deposits);
    expect(await ethers.provider.getBalance(trade.target)).to.equal(expected.deposits);
    expect(expected.credits.get(f.dso.address.toLowerCase())).to.be.greaterThan(0n);

    for (const a of accounts) {
      const before = await ethers.provider.getBalance(a.address);
      const want = await trade.withdrawable(a.address);
      const r = await (await trade.connect(a).withdraw()).wait();
      const after = await ethers.provider.getBalance(a.address);
      expect(after - before + r.gasUsed * r.gasPrice).to.equal(want);
    }
    expect(await ethers.provider.getBalance(trade.target)).to.equal(0n);
  });

  it("keeps several windows open at once, each with its own book", async function () {
    const f = await loadFixture(completeWindowFixture);
    const { trade } = f.market;
    const second = await openWindow(trade, windowParams({ biddingDuration: 60 }));
    expect(second).to.equal(f.windowId + 1n);
    const a = await placeOrder(trade, second, "bid", { signer: f.b1, meter: "B-1", energy: 1_000n, price: 10n * G });
    const b = await placeOrder(trade, f.windowId, "bid", { signer: f.b2, meter: "B-2", energy: 2_000n, price: 10n * G });
    const c = await placeOrder(trade, second, "bid", { signer: f.b3, meter: "B-3", energy: 3_000n, price: 10n * G });
    expect(await trade.windowOrderIds(second, 0, 10)).to.deep.equal([a.id, c.id]);
    expect(await trade.windowOrderIds(f.windowId, 0, 10)).to.deep.equal([b.id]);
    expect(await trade.windowCount()).to.equal(2n);
    expect(await trade.orderCount()).to.equal(3n);
    await advanceTo((await trade.window(second)).biddingDeadline);
    await trade.advancePhase(second);
    expect((await trade.window(second)).phase).to.equal(2n);
    expect((await trade.window(f.windowId)).phase).to.equal(1n);
    await placeOrder(trade, f.windowId, "bid", { signer: f.b3, meter: "B-3", energy: 500n, price: 10n * G });
  });

  it("reports an order's deposit, meter and side", async function () {
    const f = await loadFixture(completeWindowFixture);
    const { trade } = f.market;
    const { id, deposit } = await placeOrder(trade, f.windowId, "bid", { signer: f.b1, meter: "B-1", energy: 1_234n, price: 77n * G });
    const o = await trade.order(id);
    expect([o.windowId, o.owner, o.meterId, o.side, o.energyWh, o.price, o.status, o.matchedWh, o.deposit])
      .to.deep.equal([f.windowId, f.b1.address, meterId("B-1"), 1n, 1_234n, 77n * G, 2n, 0n, deposit]);
    expect(deposit).to.equal(bidEscrow(1_234n, 77n * G, f.params.gridCharge, f.params.maxDistanceM, f.params.penaltyRate));
  });
});
