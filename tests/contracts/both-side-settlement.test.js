// MARKET.md "Settlement" on chain: readings on both sides of every match, penalties in both directions, missing
// readings counted against their owners, readings asked and bids settled by anyone, and the oracle client's LINK
// reserved for every reading an order can need. Each attack is tried and shown failing.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, orderFeeOf, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil, reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { windowCredits } = require("../../scripts/lib/window-model");
const { cost } = require("../../scripts/lib/settlement-model");

const G = 1_000_000_000n;
const READING = { None: 0n, Pending: 1n, Read: 2n, Released: 3n };

/**
 * One offer (S-1) matched to one bid (B-1) for 4,000 Wh over 300 m, and a second pair (S-2, B-2) for 3,000 Wh,
 * in Settlement. `overrides` change the window parameters.
 */
async function pairsFixture(overrides = {}) {
  const signers = await ethers.getSigners();
  const [admin, node, dso, s1, s2, b1, b2, anyone] = signers;
  const traders = [
    { signer: s1, meter: "S-1", bus: 1 }, { signer: s2, meter: "S-2", bus: 2 },
    { signer: b1, meter: "B-1", bus: 3 }, { signer: b2, meter: "B-2", bus: 4 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  // A settlement phase longer than the Operator's five-minute request expiry, so a request can be repeated in it.
  const params = windowParams({ settlementDuration: 3600, ...overrides });
  const { trade } = market;
  const windowId = await openWindow(trade, params);
  const orders = [];
  const place = async (side, signer, meter, energy, price) => {
    const { id } = await placeOrder(trade, windowId, side, { signer, meter, energy, price });
    orders.push({ id, owner: signer.address, side, energy, price });
    return id;
  };
  const offer1 = await place("offer", s1, "S-1", 5_000n, 100n * G);
  const offer2 = await place("offer", s2, "S-2", 3_000n, 110n * G);
  const bid1 = await place("bid", b1, "B-1", 4_000n, 150n * G);
  const bid2 = await place("bid", b2, "B-2", 3_000n, 140n * G);
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  const price = 120n * G;
  const matches = [
    { offerId: offer1, bidId: bid1, energyWh: 4_000n, distanceM: 300 },
    { offerId: offer2, bidId: bid2, energyWh: 3_000n, distanceM: 500 },
  ];
  await recordMatchDistances(market, matches);
  await trade.postClearing(windowId, price, matches);
  await trade.finaliseClearing(windowId);
  await advanceTo(view.transferDeadline);
  await trade.connect(anyone).advancePhase(windowId);
  return {
    ...market, params, windowId, view, price, orders, admin, node, dso, s1, s2, b1, b2, anyone, offer1, offer2, bid1, bid2,
    matches: matches.map((m) => ({ offerId: m.offerId, bidId: m.bidId, energy: m.energyWh, distance: m.distanceM })),
  };
}

const fixture = () => pairsFixture();
const dearPenaltyFixture = () => pairsFixture({ penaltyRate: 500n * G });

/** Settle every bid (after the deadline if `late`), close, and check every balance against the model to the wei. */
async function settleAndCheck(f, readings, { late = false } = {}) {
  if (late) await advanceTo(f.view.settlementDeadline);
  const receipt = await (await f.trade.connect(f.anyone).settle(f.windowId, [f.bid1, f.bid2])).wait();
  await f.trade.connect(f.anyone).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
  const expected = windowCredits({ params: f.params, feeRecipient: f.dso.address, operator: f.admin.address, orders: f.orders, price: f.price, matches: f.matches, readings });
  const settledEvents = receipt.logs.map((l) => f.trade.interface.parseLog(l)).filter((e) => e && e.name === "MatchSettled");
  expect(settledEvents.map((e) => e.args.slice(1).map((x) => (typeof x === "boolean" ? x : BigInt(x))))).to.deep.equal(
    expected.settledMatches.map((m) => [m.offerId, m.bidId, m.buyerWh, m.sellerWh, m.traded, m.feeHalf,
      m.sellerPenalty, m.buyerPenalty, m.buyerMissing, m.sellerMissing]));
  let owed = 0n;
  for (const who of [f.s1, f.s2, f.b1, f.b2, f.dso, f.admin]) {
    const want = expected.credits.get(who.address.toLowerCase()) || 0n;
    expect(await f.trade.withdrawable(who.address), who.address).to.equal(want);
    owed += want;
  }
  expect(owed).to.equal(expected.deposits);
  expect(await ethers.provider.getBalance(f.trade.target)).to.equal(expected.deposits);
  return { expected, events: settledEvents };
}

describe("Settlement on both sides of every match", function () {
  it("reads buyers and sellers, pays each side for what it did and penalises each for its own shortfall", async function () {
    const f = await loadFixture(fixture);
    // S-1 exported 3,500 of 4,000; B-1 took all 4,000. S-2 delivered 3,000; B-2 took only 2,000.
    const readings = new Map([[f.offer1, 3_500n], [f.bid1, 4_000n], [f.offer2, 3_000n], [f.bid2, 2_000n]]);
    await reportReadings(f, f.windowId, [f.offer1, f.bid1, f.offer2, f.bid2], readings, f.anyone);
    const { events } = await settleAndCheck(f, readings);
    const [first, second] = events.map((e) => e.args);
    expect(first.tradedWh).to.equal(3_500n);
    expect(first.sellerPenalty).to.equal(cost(500n, f.params.penaltyRate));
    expect(first.buyerPenalty).to.equal(0n);
    expect(second.tradedWh).to.equal(2_000n);
    expect(second.sellerPenalty).to.equal(0n);
    expect(second.buyerPenalty).to.equal(cost(1_000n, f.params.penaltyRate));
  });

  it("attack 1: a buyer who revokes access after clearing neither blocks the batch nor escapes paying the seller", async function () {
    const f = await loadFixture(fixture);
    await f.dataAccess.connect(f.b1).revokeAccess(meterId("B-1"), f.trade.target);
    const tx = f.trade.connect(f.anyone).requestReadings(f.windowId, [f.offer1, f.bid1, f.offer2, f.bid2]);
    await expect(tx).to.emit(f.trade, "ReadingUnavailable").withArgs(f.windowId, f.bid1, meterId("B-1"));
    const [request] = readingRequestsIn(await (await tx).wait(), f.operator, f.client);
    expect(request.orderIds).to.deep.equal([f.offer1, f.offer2, f.bid2]);
    const readings = new Map([[f.offer1, 4_000n], [f.offer2, 3_000n], [f.bid2, 3_000n]]);
    await fulfil(f.operator, f.node, request, readings);
    const { events } = await settleAndCheck(f, readings, { late: true });
    // Settled against itself: as having taken all the seller delivered, which costs it more than 0 Wh here.
    expect(events[0].args.buyerWh).to.equal(4_000n);
    expect(events[0].args.buyerMissing).to.equal(true);
    const sellerGot = await f.trade.withdrawable(f.s1.address);
    expect(sellerGot).to.equal(cost(5_000n, f.params.penaltyRate) + cost(4_000n, f.price) - events[0].args.feeHalf);
  });

  it("a silent seller meter gets nothing for its match and pays its penalty to the buyer", async function () {
    const f = await loadFixture(fixture);
    const readings = new Map([[f.bid1, 4_000n], [f.offer2, 3_000n], [f.bid2, 3_000n]]);
    const [request] = await reportReadings(f, f.windowId, [f.offer1, f.bid1, f.offer2, f.bid2], readings);
    // One request for all four; S-1's HEMS never answers, so the answer has it as not read.
    expect(request.orderIds).to.have.length(4);
    expect((await f.trade.orderReading(f.offer1)).state).to.equal(READING.Pending);
    await expect(f.trade.settle(f.windowId, [f.bid1]))
      .to.be.revertedWithCustomError(f.trade, "ReadingsOutstanding").withArgs(f.bid1, f.offer1);
    const { events } = await settleAndCheck(f, readings, { late: true });
    const m = events[0].args;
    expect([m.sellerWh, m.tradedWh, m.sellerMissing]).to.deep.equal([0n, 0n, true]);
    expect(m.sellerPenalty).to.equal(cost(4_000n, f.params.penaltyRate));
    expect(await f.trade.withdrawable(f.s1.address)).to.equal(cost(1_000n, f.params.penaltyRate));
  });

  it("a silent buyer meter is settled at b = s when that costs it more, at b = 0 when that does", async function () {
    // Penalty rate below the price: taking the energy costs the buyer more than refusing it, so b = s.
    const cheap = await loadFixture(fixture);
    const readings = new Map([[cheap.offer1, 3_000n], [cheap.offer2, 3_000n], [cheap.bid2, 3_000n]]);
    await reportReadings(cheap, cheap.windowId, [cheap.offer1, cheap.offer2, cheap.bid2], readings);
    const atSeller = await settleAndCheck(cheap, readings, { late: true });
    expect(atSeller.events[0].args.buyerWh).to.equal(3_000n);

    // Penalty rate above the price: refusing costs it more, so b = 0 and it pays the penalty on the whole match.
    const dear = await loadFixture(dearPenaltyFixture);
    const dearReadings = new Map([[dear.offer1, 3_000n], [dear.offer2, 3_000n], [dear.bid2, 3_000n]]);
    await reportReadings(dear, dear.windowId, [dear.offer1, dear.offer2, dear.bid2], dearReadings);
    const atZero = await settleAndCheck(dear, dearReadings, { late: true });
    const m = atZero.events[0].args;
    expect([m.buyerWh, m.tradedWh]).to.deep.equal([0n, 0n]);
    expect(m.buyerPenalty).to.equal(cost(4_000n, 500n * G));
  });

  it("asks each reading at most once: a pending or fulfilled one is not repeated, an expired one is", async function () {
    const f = await loadFixture(fixture);
    const [first] = await reportReadings(f, f.windowId, [f.bid1], new Map());
    const pending = await f.trade.orderReading(f.bid1);
    expect([pending.state, pending.requestId]).to.deep.equal([READING.Pending, first.requestId]);
    await expect(f.trade.connect(f.anyone).requestReadings(f.windowId, [f.bid1]))
      .to.emit(f.trade, "ReadingNotRepeated").withArgs(f.windowId, f.bid1, READING.Pending)
      .and.not.to.emit(f.client, "ReadingsRequested");

    // The Operator lets a request be cancelled five minutes after it was made: then anyone may ask again, and the
    // client cancels the old request so its LINK pays for the new one.
    await advanceTo(pending.expiresAt);
    const linkBefore = await f.link.balanceOf(f.client.target);
    const repeat = f.trade.connect(f.anyone).requestReadings(f.windowId, [f.bid1]);
    await expect(repeat).to.emit(f.client, "RequestCancelled").withArgs(first.requestId);
    const [second] = readingRequestsIn(await (await repeat).wait(), f.operator, f.client);
    expect(second.requestId).to.not.equal(first.requestId);
    expect(await f.link.balanceOf(f.client.target)).to.equal(linkBefore);
    await expect(fulfil(f.operator, f.node, first, 4_000n)).to.be.revertedWith("Must have a valid requestId");
    await expect(fulfil(f.operator, f.node, second, 4_000n))
      .to.emit(f.trade, "ReadingReported").withArgs(f.windowId, f.bid1, 4_000n, 4_000n);

    await expect(f.trade.requestReadings(f.windowId, [f.bid1]))
      .to.emit(f.trade, "ReadingNotRepeated").withArgs(f.windowId, f.bid1, READING.Read);
  });

  it("an expired request the owner cancelled is repeated from a fresh reservation", async function () {
    const f = await loadFixture(fixture);
    const [first] = await reportReadings(f, f.windowId, [f.bid1], new Map());
    await advanceTo((await f.trade.orderReading(f.bid1)).expiresAt);
    const reservedBefore = await f.client.reservedReadings();
    await expect(f.client.cancelExpiredRequest(first.requestId)).to.emit(f.client, "RequestCancelled");
    const [second] = await reportReadings(f, f.windowId, [f.bid1], new Map([[f.bid1, 4_000n]]));
    expect(second.requestId).to.not.equal(first.requestId);
    expect(await f.client.reservedReadings()).to.equal(reservedBefore);
    expect((await f.trade.orderReading(f.bid1)).state).to.equal(READING.Read);
  });

  it("an order is accepted only while the client holds the LINK for its readings; the owner withdraws only the rest", async function () {
    const signers = await ethers.getSigners();
    const [admin, node, dso, s1, , b1] = signers;
    const market = await setUpMarket(signers, {
      node, dso, traders: [{ signer: s1, meter: "S-1", bus: 1 }, { signer: b1, meter: "B-1", bus: 3 }, { signer: b1, meter: "B-9", bus: 4 }],
    });
    const { trade, client, link } = market;
    const fee = await client.fee();
    const held = await link.balanceOf(client.target);
    // Leave the client LINK for exactly three readings.
    await expect(client.withdrawLink(admin.address, held - 3n * fee)).to.emit(client, "LinkWithdrawn");
    const w = await openWindow(trade, windowParams({ validateOffers: true }));
    // A validated offer needs two readings (validation and settlement), a bid one.
    await placeOrder(trade, w, "offer", { signer: s1, meter: "S-1", energy: 1_000n, price: G });
    const bid = await placeOrder(trade, w, "bid", { signer: b1, meter: "B-1", energy: 1_000n, price: G });
    expect(await client.reservedReadings()).to.equal(2n); // the validation reading was sent and paid
    await expect(client.withdrawLink(admin.address, 1n))
      .to.be.revertedWithCustomError(client, "InsufficientLink").withArgs(2n * fee + 1n, 2n * fee);
    const escrow = await trade.bidEscrow(w, 1_000n, G);
    await expect(trade.connect(b1).submitBid(w, meterId("B-9"), 1_000n, G, 0, { value: escrow + await orderFeeOf(trade, w) }))
      .to.be.revertedWithCustomError(client, "InsufficientLink").withArgs(3n * fee, 2n * fee);
    // Cancelling gives the bid's reservation back, so another order fits.
    await expect(trade.connect(b1).cancelOrder(bid.id)).to.emit(client, "LinkReserved").withArgs(1n);
    await trade.connect(b1).submitBid(w, meterId("B-9"), 1_000n, G, 0, { value: escrow + await orderFeeOf(trade, w) });
    expect(await client.reservedReadings()).to.equal(2n);
  });

  it("releases the LINK of readings never asked when the window closes", async function () {
    const f = await loadFixture(fixture);
    const reserved = await f.client.reservedReadings();
    expect(reserved).to.equal(4n);
    await advanceTo(f.view.settlementDeadline);
    await f.trade.settle(f.windowId, [f.bid1, f.bid2]);
    expect(await f.client.reservedReadings()).to.equal(2n);
    expect((await f.trade.orderReading(f.bid1)).state).to.equal(READING.Released);
    await f.trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
    expect(await f.client.reservedReadings()).to.equal(0n);
    // Nothing was read, so nothing was traded: no fee for the DSO, and each side paid the other its full penalty.
    expect(await f.trade.withdrawable(f.dso.address)).to.equal(0n);
    expect(await f.trade.withdrawable(f.b1.address))
      .to.equal(await f.trade.bidEscrow(f.windowId, 4_000n, 150n * G));
  });

  it("after setEnergyTrade, answers to the old market's requests are dropped, not forwarded", async function () {
    const f = await loadFixture(fixture);
    const [request] = await reportReadings(f, f.windowId, [f.bid1], new Map());
    await f.client.setEnergyTrade(f.anyone.address);
    await expect(fulfil(f.operator, f.node, request, 4_000n))
      .to.emit(f.client, "ReadingDropped").withArgs(request.requestId, f.trade.target)
      .and.not.to.emit(f.trade, "ReadingReported");
    expect((await f.trade.orderReading(f.bid1)).state).to.equal(READING.Pending);
  });

  it("reproduces MARKET.md's worked example of `energy market settle` to the wei", async function () {
    const signers = await ethers.getSigners();
    const [, node, dso, seller, buyer] = signers;
    const market = await setUpMarket(signers, {
      node, dso, traders: [{ signer: seller, meter: "M-24", bus: 1 }, { signer: buyer, meter: "M-39", bus: 2 }],
    });
    const { trade } = market;
    const params = windowParams({ gridCharge: 100n, maxDistanceM: 400, penaltyRate: 1000n });
    const w = await openWindow(trade, params);
    const offer = await placeOrder(trade, w, "offer", { signer: seller, meter: "M-24", energy: 25_000n, price: 16_000n });
    const bid = await placeOrder(trade, w, "bid", { signer: buyer, meter: "M-39", energy: 16_000n, price: 28_000n });
    expect([offer.deposit, bid.deposit]).to.deep.equal([25_000n, 464_320n]);
    const view = await trade.window(w);
    await advanceTo(view.biddingDeadline);
    await trade.advancePhase(w);
    const matches = [{ offerId: offer.id, bidId: bid.id, energyWh: 16_000n, distanceM: 120 }];
    await recordMatchDistances(market, matches);
    await trade.postClearing(w, 16_500n, matches);
    await trade.finaliseClearing(w);
    await advanceTo(view.transferDeadline);
    await trade.advancePhase(w);
    await reportReadings({ ...market, node }, w, [offer.id, bid.id], new Map([[offer.id, 15_000n]]));
    await advanceTo(view.settlementDeadline);
    await expect(trade.settle(w, [bid.id])).to.emit(trade, "MatchSettled")
      .withArgs(w, offer.id, bid.id, 15_000n, 15_000n, 15_000n, 90n, 1_000n, 1_000n, true, false);
    await trade.closeWindow(w, MAX_ORDERS_PER_RELEASE);
    expect(await trade.withdrawable(seller.address)).to.equal(272_410n);
    expect(await trade.withdrawable(buyer.address)).to.equal(216_730n);
    expect(await trade.withdrawable(dso.address)).to.equal(180n);
  });
});
