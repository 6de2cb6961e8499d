// A window with more orders than one closeWindow call returns: the deposits come back over several calls (by
// anyone), the window is Closed only by the last one, and after every call the contract holds exactly what it owes.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, instrumented, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { windowCredits } = require("../../scripts/lib/window-model");

const G = 1_000_000_000n;
const PRICE = 120n * G;
const MATCHED_PAIRS = 12;
const GAS_PER_CALL_LIMIT = 8_000_000n;
const Phase = { Matching: 2n, Settlement: 4n, Closed: 5n, Cancelled: 6n };
const Status = { PendingValidation: 1n, Valid: 2n, Matched: 5n };

/** A window with more orders than one release call returns, in Matching, its clearing not posted yet. */
async function bigBookFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso] = signers;
  const sellers = signers.slice(3, 10).map((signer, i) => ({ signer, meter: `S-${i}`, bus: i }));
  const buyers = signers.slice(10, 18).map((signer, i) => ({ signer, meter: `B-${i}`, bus: 10 + i }));
  const [anyone, stranger] = signers.slice(18, 20);
  // A meter holds one open order per window, so every order of the big window has a meter of its own.
  const perCall = 200;
  const total = perCall + 10;
  const meterOf = (trader, i) => ({ signer: trader.signer, meter: `${trader.meter}.${i}`, bus: trader.bus });
  const orderMeters = Array.from({ length: total }, (_, i) =>
    meterOf(i % 2 === 0 ? sellers[i % sellers.length] : buyers[i % buyers.length], i));
  const otherMeters = new Map();
  for (let i = 4; i < total; i += 9) otherMeters.set(i, meterOf(sellers[(i + 3) % sellers.length], `o${i}`));
  const market = await setUpMarket(signers, { node, dso, traders: [...orderMeters, ...otherMeters.values()] });
  const { trade } = market;
  expect(await trade.MAX_ORDERS_PER_RELEASE()).to.equal(BigInt(perCall));
  // Uniform: bids may be part filled. Block times follow the wall clock too, and under coverage this file takes
  // minutes: a day for settlement keeps every reading in before the deadline however slow the run.
  const params = windowParams({ mechanism: 2, settlementDuration: 86_400 });
  const windowId = await openWindow(trade, params);
  // A second window open at the same time interleaves its orders with ours, so the cursor must skip them. Its orders
  // pay no order fee, so the operator's balance is this window's fees alone.
  const otherParams = windowParams({ penaltyRate: 7n * G, orderFee: 0n });
  const otherId = await openWindow(trade, otherParams);

  const orders = [];
  let otherDeposits = 0n;
  for (let i = 0; i < total; i++) {
    const side = i % 2 === 0 ? "offer" : "bid";
    const trader = orderMeters[i];
    const energy = BigInt(1_000 + 7 * i);
    const price = side === "offer" ? 100n * G : 150n * G;
    const { id } = await placeOrder(trade, windowId, side, { signer: trader.signer, meter: trader.meter, energy, price });
    orders.push({ id, owner: trader.signer.address, bus: trader.bus, side, energy, price });
    if (i % 9 === 4) {
      const seller = otherMeters.get(i);
      const other = await placeOrder(trade, otherId, "offer", { signer: seller.signer, meter: seller.meter, energy: 2_000n, price: 90n * G });
      otherDeposits += other.deposit;
    }
  }
  const offers = orders.filter((o) => o.side === "offer");
  const bids = orders.filter((o) => o.side === "bid");
  // Each of the first offers sells part of its energy to the bid placed after it; one offer sells to two bids. A
  // seller's and a buyer's meters are as far apart as their buses say (the feeder registry holds one figure per pair).
  const metres = (offer, bid) => 100 * (offer.bus + 1) + bid.bus;
  const matches = [];
  for (let k = 0; k < MATCHED_PAIRS; k++) {
    matches.push({ offerId: offers[k].id, bidId: bids[k].id, energyWh: offers[k].energy / 2n, distanceM: metres(offers[k], bids[k]) });
  }
  matches.push({ offerId: offers[0].id, bidId: bids[MATCHED_PAIRS].id, energyWh: 300n, distanceM: metres(offers[0], bids[MATCHED_PAIRS]) });

  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  const accounts = [...sellers, ...buyers].map((t) => t.signer).concat([dso, admin]);
  return {
    ...market, admin, node, dso, anyone, stranger, perCall, params, windowId, otherId, otherDeposits, orders, matches, view, accounts,
  };
}

/** The big window cleared, past its transfer: the reading of every matched order (both sides) requested. */
async function bigWindowFixture() {
  const f = await bigBookFixture();
  const { trade, windowId, matches, view } = f;
  await recordMatchDistances(f, matches);
  await trade.postClearing(windowId, PRICE, matches);
  await trade.finaliseClearing(windowId);
  await advanceTo(view.transferDeadline);
  await trade.advancePhase(windowId);
  const matched = [...new Set(matches.flatMap((m) => [m.offerId, m.bidId]))];
  const receipt = await (await trade.requestReadings(windowId, matched)).wait();
  return { ...f, matchedBids: [...new Set(matches.map((m) => m.bidId))], requests: readingRequestsIn(receipt, f.operator, f.client) };
}

/**
 * Answer the given reading requests (some orders short, some over; only the first `answered` orders of each, the rest
 * as not read), then settle every matched bid that can be settled now; returns the readings by order id.
 */
async function deliverAll(f, requests, answered = Infinity) {
  const readings = new Map();
  for (const r of requests) {
    for (const [i, id] of r.orderIds.slice(0, answered).entries()) {
      const order = f.orders.find((o) => o.id === id);
      readings.set(id, i % 3 === 0 ? order.energy / 5n : order.energy);
    }
    await fulfil(f.operator, f.node, r, readings);
  }
  const ready = f.matchedBids.filter((b) => readings.has(b) && f.matches.every((m) => m.bidId !== b || readings.has(m.offerId)));
  await f.trade.settle(f.windowId, ready);
  return { readings, settled: ready };
}

function modelOf(f, { readings, settled }) {
  return windowCredits({
    params: f.params, feeRecipient: f.dso.address, operator: f.admin.address, orders: f.orders, price: PRICE,
    matches: f.matches.map((m) => ({ offerId: m.offerId, bidId: m.bidId, energy: m.energyWh, distance: m.distanceM })),
    readings, settled,
  });
}

/** The contract's balance equals every withdrawable balance plus the deposits both windows still hold. */
async function expectConserved(f, outcome, step) {
  const { refunds } = modelOf(f, outcome);
  let owed = f.otherDeposits;
  for (const a of f.accounts) owed += await f.trade.withdrawable(a.address);
  for (const o of f.orders) {
    const status = (await f.trade.order(o.id)).status;
    if (status === Status.Valid || status === Status.Matched || status === Status.PendingValidation) owed += refunds.get(o.id);
  }
  expect(await ethers.provider.getBalance(f.trade.target), step).to.equal(owed);
}

async function expectModelCredits(f, outcome) {
  const expected = modelOf(f, outcome);
  for (const a of f.accounts) {
    expect(await f.trade.withdrawable(a.address), a.address).to.equal(expected.credits.get(a.address.toLowerCase()) || 0n);
  }
  expect(await ethers.provider.getBalance(f.trade.target)).to.equal(expected.deposits + f.otherDeposits);
}

/** Call `send` until `finished`; each call's WindowClosing progress rises and its gas stays under the limit. */
async function releaseInCalls(f, send, { finished, between }) {
  const orderCount = BigInt(f.orders.length);
  let calls = 0;
  let last = 0n;
  while (!(await finished())) {
    const receipt = await (await send()).wait();
    calls++;
    if (!instrumented()) expect(receipt.gasUsed, `call ${calls} gas`).to.be.below(GAS_PER_CALL_LIMIT);
    const progress = receipt.logs.map((l) => f.trade.interface.parseLog(l)).find((e) => e && e.name === "WindowClosing");
    expect(progress.args.windowId).to.equal(f.windowId);
    expect(progress.args.orderCount).to.equal(orderCount);
    expect(progress.args.releasedOrders).to.be.above(last);
    last = progress.args.releasedOrders;
    expect((await f.trade.window(f.windowId)).releasedOrders).to.equal(last);
    await between(calls, last === orderCount);
    if (calls > f.orders.length) throw new Error("release does not finish");
  }
  expect(last).to.equal(orderCount);
  return calls;
}

describe("Batched close and cancel of a window with more orders than one call returns", function () {
  it("closeWindow takes several calls, by anyone; the window is Closed only by the last, every wei accounted after each", async function () {
    const f = await loadFixture(bigWindowFixture);
    const received = await deliverAll(f, f.requests);
    const trade = f.trade;
    // The operator starts the close and a stranger finishes it: closing only returns what the rules already fixed.
    const callers = [(await ethers.getSigners())[0], f.stranger];
    const calls = await releaseInCalls(f, () => trade.connect(callers[0]).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE), {
      finished: async () => (await trade.window(f.windowId)).phase === Phase.Closed,
      between: async (call, done) => {
        callers.reverse();
        const phase = (await trade.window(f.windowId)).phase;
        expect(phase, `phase after call ${call}`).to.equal(done ? Phase.Closed : Phase.Settlement);
        await expectConserved(f, received, `after close call ${call}`);
      },
    });
    expect(calls).to.equal(Math.ceil(Number(f.orders.at(-1).id - f.orders[0].id + 1n) / f.perCall));
    await expectModelCredits(f, received);
    await expect(trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE)).to.be.revertedWithCustomError(trade, "WrongPhase");
    expect((await trade.window(f.otherId)).releasedOrders).to.equal(0n);
  });

  it("the close emits WindowClosed and Closed only in the call that returns the last deposit", async function () {
    const f = await loadFixture(bigWindowFixture);
    await deliverAll(f, f.requests);
    await expect(f.trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE)).to.emit(f.trade, "WindowClosing").and.not.to.emit(f.trade, "WindowClosed");
    let last;
    do {
      last = f.trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
      await (await last).wait();
    } while ((await f.trade.window(f.windowId)).phase !== Phase.Closed);
    await expect(last).to.emit(f.trade, "WindowClosed").withArgs(f.windowId)
      .and.to.emit(f.trade, "PhaseChanged").withArgs(f.windowId, Phase.Closed);
  });

  it("a silent operator cannot strand a cleared window: anyone settles what is left and closes it; cancel is refused", async function () {
    const f = await loadFixture(bigWindowFixture);
    // Only the first half of the readings arrive; the operator then goes silent.
    const received = await deliverAll(f, f.requests, 12);
    const trade = f.trade;
    await advanceTo(f.view.settlementDeadline + BigInt(f.params.gracePeriod) + 1n);
    await expect(trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(trade, "NotCancellable").withArgs(f.windowId, Phase.Settlement, 0);
    // The missing readings count against their owners.
    const rest = f.matchedBids.filter((b) => !received.settled.includes(b));
    expect(rest.length).to.be.above(0);
    await trade.connect(f.anyone).settle(f.windowId, rest);
    received.settled = f.matchedBids;
    const callers = [f.anyone, f.stranger];
    const calls = await releaseInCalls(f, () => trade.connect(callers[0]).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE), {
      finished: async () => (await trade.window(f.windowId)).phase === Phase.Closed,
      between: async (call) => {
        callers.reverse();
        await expectConserved(f, received, `after close call ${call}`);
      },
    });
    expect(calls).to.be.above(1);
    await expectModelCredits(f, received);
  });

  it("a window whose operator never clears is cancelled by anyone in several calls, every deposit back", async function () {
    const f = await loadFixture(bigBookFixture);
    const trade = f.trade;
    await advanceTo(f.view.matchingDeadline + BigInt(f.params.gracePeriod) + 1n);
    const none = { readings: new Map(), settled: [] };
    const callers = [f.anyone, f.stranger];
    const calls = await releaseInCalls(f, () => trade.connect(callers[0]).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE), {
      finished: async () => {
        const v = await trade.window(f.windowId);
        return v.phase === Phase.Cancelled && v.releasedOrders === v.orderCount;
      },
      between: async (call) => {
        callers.reverse();
        expect((await trade.window(f.windowId)).phase).to.equal(Phase.Cancelled);
        await expectConserved(f, none, `after cancel call ${call}`);
      },
    });
    expect(calls).to.be.above(1);
    await expect(trade.cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(trade, "NotCancellable").withArgs(f.windowId, Phase.Cancelled, 0);
    const expected = windowCredits({ params: f.params, operator: f.admin.address, orders: f.orders, price: 0n, matches: [] });
    for (const a of f.accounts) {
      expect(await trade.withdrawable(a.address), a.address).to.equal(expected.credits.get(a.address.toLowerCase()) || 0n);
    }
  });

  it("closeWindow and cancelWindow refuse a count of 0 or above MAX_ORDERS_PER_RELEASE", async function () {
    const f = await loadFixture(bigWindowFixture);
    await deliverAll(f, f.requests);
    const { trade } = f;
    for (const count of [0, MAX_ORDERS_PER_RELEASE + 1]) {
      await expect(trade.closeWindow(f.windowId, count))
        .to.be.revertedWithCustomError(trade, "ReleaseCountOutOfRange").withArgs(count, MAX_ORDERS_PER_RELEASE);
    }
    const book = await loadFixture(bigBookFixture);
    await advanceTo(book.view.matchingDeadline + BigInt(book.params.gracePeriod) + 1n);
    for (const count of [0, MAX_ORDERS_PER_RELEASE + 1]) {
      await expect(book.trade.connect(book.anyone).cancelWindow(book.windowId, count))
        .to.be.revertedWithCustomError(book.trade, "ReleaseCountOutOfRange").withArgs(count, MAX_ORDERS_PER_RELEASE);
    }
    // A refused first call cancels nothing: the window is still in Matching, every deposit held.
    expect((await book.trade.window(book.windowId)).phase).to.equal(Phase.Matching);
    expect((await book.trade.window(book.windowId)).releasedOrders).to.equal(0n);
  });

  it("a caller's count sets how many orders each call returns, so a gas budget sizes the calls", async function () {
    const f = await loadFixture(bigWindowFixture);
    const received = await deliverAll(f, f.requests);
    const count = 37;
    const steps = [];
    const calls = await releaseInCalls(f, () => f.trade.closeWindow(f.windowId, count), {
      finished: async () => (await f.trade.window(f.windowId)).phase === Phase.Closed,
      between: async () => {
        steps.push((await f.trade.window(f.windowId)).releasedOrders);
        await expectConserved(f, received, `after ${steps.length} calls of ${count}`);
      },
    });
    const total = BigInt(f.orders.length);
    expect(calls).to.equal(Math.ceil(f.orders.length / count));
    expect(steps).to.deep.equal(steps.map((_, i) => (BigInt(count * (i + 1)) < total ? BigInt(count * (i + 1)) : total)));
    await expectModelCredits(f, received);
  });

  it("a close the operator abandons half way is finished by anyone's closeWindow", async function () {
    const f = await loadFixture(bigWindowFixture);
    const received = await deliverAll(f, f.requests);
    await f.trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
    expect((await f.trade.window(f.windowId)).phase).to.equal(Phase.Settlement);
    await advanceTo(f.view.settlementDeadline + BigInt(f.params.gracePeriod) + 1n);
    await expect(f.trade.connect(f.anyone).cancelWindow(f.windowId, MAX_ORDERS_PER_RELEASE)).to.be.revertedWithCustomError(f.trade, "NotCancellable");
    while ((await f.trade.window(f.windowId)).phase !== Phase.Closed) {
      await f.trade.connect(f.anyone).closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
      await expectConserved(f, received, "close finished by anyone");
    }
    await expectModelCredits(f, received);
  });
});
