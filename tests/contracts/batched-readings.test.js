// MARKET.md "Readings": one oracle request carries the readings of many meters, answered by one fulfilment (the
// HEMS answer ABI-encoded as a Chainlink job's ethabiencode makes it), and each meter's reading is fulfilled at most
// once per window. Skipped meters never make the batch revert; an expired request is repeated per order.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil, fulfilWith } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const READING = { None: 0n, Pending: 1n, Read: 2n, Released: 3n };
const PAIRS = 5;
const coder = ethers.AbiCoder.defaultAbiCoder();

/** Five sellers S-i each matched to a buyer B-i for 1,000 * i Wh, in Settlement; orders listed seller, buyer, ... */
async function batchFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, anyone, stranger] = signers;
  const traders = [];
  for (let i = 1; i <= PAIRS; i++) {
    traders.push({ signer: signers[4 + i], meter: `S-${i}`, bus: i });
    traders.push({ signer: signers[4 + PAIRS + i], meter: `B-${i}`, bus: PAIRS + i });
  }
  const market = await setUpMarket(signers, { node, dso, traders });
  const params = windowParams({ settlementDuration: 3600 });
  const { trade } = market;
  const windowId = await openWindow(trade, params);
  const orders = [];
  const matches = [];
  for (let i = 1; i <= PAIRS; i++) {
    const energy = 1_000n * BigInt(i);
    const offer = await placeOrder(trade, windowId, "offer", { signer: signers[4 + i], meter: `S-${i}`, energy, price: 100n * G });
    const bid = await placeOrder(trade, windowId, "bid", { signer: signers[4 + PAIRS + i], meter: `B-${i}`, energy, price: 150n * G });
    orders.push({ id: offer.id, meter: `S-${i}`, signer: signers[4 + i], energy });
    orders.push({ id: bid.id, meter: `B-${i}`, signer: signers[4 + PAIRS + i], energy });
    matches.push({ offerId: offer.id, bidId: bid.id, energyWh: energy, distanceM: 100 });
  }
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  await recordMatchDistances(market, matches);
  await trade.postClearing(windowId, 120n * G, matches);
  await trade.finaliseClearing(windowId);
  await advanceTo(view.transferDeadline);
  await trade.advancePhase(windowId);
  return { ...market, node, anyone, stranger, windowId, view, orders, ids: orders.map((o) => o.id) };
}

async function ask(f, ids, caller = f.anyone) {
  const tx = f.trade.connect(caller).requestReadings(f.windowId, ids);
  return { tx, requests: readingRequestsIn(await (await tx).wait(), f.operator, f.client) };
}

describe("Batched readings through the oracle", function () {
  it("one request reads every meter of the batch, and one fulfilment stores each order's reading", async function () {
    const f = await loadFixture(batchFixture);
    const reservedBefore = await f.client.reservedReadings();
    const operatorLinkBefore = await f.link.balanceOf(f.operator.target);
    const { requests } = await ask(f, f.ids);
    expect(requests).to.have.length(1);
    const [request] = requests;
    expect(request.orderIds).to.deep.equal(f.ids);
    expect(request.meterIds).to.deep.equal(f.orders.map((o) => meterId(o.meter)));
    expect(request.url).to.equal(`http://127.0.0.1:5080/readings?from=${f.view.matchingDeadline}` +
      `&to=${f.view.transferDeadline}&meters=${f.orders.map((o) => o.meter).join(",")}`);
    // Paid per reading, from what each order reserved.
    const fee = await f.client.fee();
    expect(await f.link.balanceOf(f.operator.target)).to.equal(operatorLinkBefore + fee * BigInt(f.ids.length));
    expect(await f.client.reservedReadings()).to.equal(reservedBefore - BigInt(f.ids.length));
    for (const id of f.ids) expect((await f.trade.orderReading(id)).requestId).to.equal(request.requestId);

    // Sellers export, buyers import: the answer carries both per meter and the client takes each order's side.
    const imports = f.orders.map((o, i) => (i % 2 === 1 ? o.energy - 100n : 7n));
    const exports = f.orders.map((o, i) => (i % 2 === 0 ? o.energy - 200n : 9n));
    const data = coder.encode(["bytes32", "bytes32[]", "uint256[]", "uint256[]", "bool[]"],
      [request.requestId, request.meterIds, imports, exports, f.orders.map(() => true)]);
    const receipt = await fulfilWith(f.operator, f.node, request, data);
    const reported = receipt.logs.filter((l) => l.address === f.trade.target)
      .map((l) => f.trade.interface.parseLog(l)).filter((e) => e.name === "ReadingReported");
    expect(reported).to.have.length(f.ids.length);
    for (const [i, o] of f.orders.entries()) {
      const r = await f.trade.orderReading(o.id);
      expect(r.state).to.equal(READING.Read);
      expect(r.readingWh).to.equal(i % 2 === 0 ? o.energy - 200n : o.energy - 100n);
    }
  });

  it("a revoked meter in the middle of the batch is skipped with its event; the rest go in one request", async function () {
    const f = await loadFixture(batchFixture);
    const revoked = f.orders[4];
    await f.dataAccess.connect(revoked.signer).revokeAccess(meterId(revoked.meter), f.trade.target);
    const { tx, requests } = await ask(f, f.ids);
    await expect(tx).to.emit(f.trade, "ReadingUnavailable").withArgs(f.windowId, revoked.id, meterId(revoked.meter));
    const rest = f.ids.filter((id) => id !== revoked.id);
    expect(requests).to.have.length(1);
    expect(requests[0].orderIds).to.deep.equal(rest);
    await fulfil(f.operator, f.node, requests[0], new Map(rest.map((id) => [id, 1_000n])));
    for (const id of rest) expect((await f.trade.orderReading(id)).state).to.equal(READING.Read);
    expect((await f.trade.orderReading(revoked.id)).state).to.equal(READING.None);
  });

  it("a second request for the same orders is refused while pending and once read; one id twice is asked once", async function () {
    const f = await loadFixture(batchFixture);
    const [a, b] = f.ids;
    const { requests } = await ask(f, [a, b, a]);
    expect(requests[0].orderIds).to.deep.equal([a, b]);
    const again = f.trade.connect(f.anyone).requestReadings(f.windowId, [a, b]);
    await expect(again).to.emit(f.trade, "ReadingNotRepeated").withArgs(f.windowId, a, READING.Pending)
      .and.not.to.emit(f.client, "ReadingsRequested");
    await fulfil(f.operator, f.node, requests[0], 1_000n);
    await expect(f.trade.requestReadings(f.windowId, [b]))
      .to.emit(f.trade, "ReadingNotRepeated").withArgs(f.windowId, b, READING.Read);
  });

  it("an expired batch is repeated per order by anyone: the old request is cancelled and its LINK pays", async function () {
    const f = await loadFixture(batchFixture);
    const { requests: [first] } = await ask(f, f.ids);
    await advanceTo((await f.trade.orderReading(f.ids[0])).expiresAt);
    const held = await f.link.balanceOf(f.client.target);
    const reserved = await f.client.reservedReadings();
    // Two of the ten orders are asked again: the old request goes (all ten readings' LINK back), two are paid anew.
    const { tx, requests: [second] } = await ask(f, f.ids.slice(0, 2), f.stranger);
    await expect(tx).to.emit(f.client, "RequestCancelled").withArgs(first.requestId);
    const fee = await f.client.fee();
    expect(await f.link.balanceOf(f.client.target)).to.equal(held + fee * BigInt(f.ids.length - 2));
    expect(await f.client.reservedReadings()).to.equal(reserved);
    await expect(fulfil(f.operator, f.node, first, 1_000n)).to.be.revertedWith("Must have a valid requestId");
    await fulfil(f.operator, f.node, second, 1_000n);
    // The other eight are still pending on the cancelled request: each is repeated from a fresh reservation.
    const { requests: [third] } = await ask(f, f.ids);
    expect(third.orderIds).to.deep.equal(f.ids.slice(2));
    expect(await f.client.reservedReadings()).to.equal(reserved);
    await fulfil(f.operator, f.node, third, 1_000n);
    for (const id of f.ids) expect((await f.trade.orderReading(id)).state).to.equal(READING.Read);
  });

  it("a meter the HEMS could not read stays pending (ReadingMissing) and is asked again once the request expired", async function () {
    const f = await loadFixture(batchFixture);
    const { requests: [request] } = await ask(f, f.ids);
    const silent = f.ids[3];
    const answer = new Map(f.ids.filter((id) => id !== silent).map((id) => [id, 500n]));
    await expect(fulfil(f.operator, f.node, request, answer))
      .to.emit(f.client, "ReadingMissing").withArgs(request.requestId, silent)
      .and.to.emit(f.client, "ReadingsFulfilled").withArgs(request.requestId, f.ids.length - 1);
    expect((await f.trade.orderReading(silent)).state).to.equal(READING.Pending);
    await advanceTo((await f.trade.orderReading(silent)).expiresAt);
    const { requests: [repeat] } = await ask(f, f.ids);
    expect(repeat.orderIds).to.deep.equal([silent]);
    await fulfil(f.operator, f.node, repeat, 500n);
    expect((await f.trade.orderReading(silent)).state).to.equal(READING.Read);
  });

  it("an answer for other meters, or with arrays of another length, is rejected whole (ReadingsRejected)", async function () {
    const f = await loadFixture(batchFixture);
    const { requests: [request] } = await ask(f, f.ids);
    const n = f.ids.length;
    const wh = f.ids.map(() => 1_000n);
    const swapped = [request.meterIds[1], request.meterIds[0], ...request.meterIds.slice(2)];
    const wrongMeters = coder.encode(["bytes32", "bytes32[]", "uint256[]", "uint256[]", "bool[]"],
      [request.requestId, swapped, wh, wh, wh.map(() => true)]);
    await expect(fulfilWith(f.operator, f.node, request, wrongMeters))
      .to.emit(f.client, "ReadingsRejected").withArgs(request.requestId)
      .and.not.to.emit(f.trade, "ReadingReported");
    expect((await f.trade.orderReading(f.ids[0])).state).to.equal(READING.Pending);

    await advanceTo((await f.trade.orderReading(f.ids[0])).expiresAt);
    const { requests: [repeat] } = await ask(f, f.ids);
    const short = coder.encode(["bytes32", "bytes32[]", "uint256[]", "uint256[]", "bool[]"],
      [repeat.requestId, repeat.meterIds, wh.slice(1), wh, wh.map(() => true)]);
    expect(repeat.orderIds).to.have.length(n);
    await expect(fulfilWith(f.operator, f.node, repeat, short)).to.emit(f.client, "ReadingsRejected");
  });

  it("an answer one of whose meters, exports or read flags is missing is rejected whole, each in turn", async function () {
    const f = await loadFixture(batchFixture);
    const wh = f.ids.map(() => 1_000n);
    const read = f.ids.map(() => true);
    const answers = [
      (r) => [r.requestId, r.meterIds.slice(1), wh, wh, read],
      (r) => [r.requestId, r.meterIds, wh, wh.slice(1), read],
      (r) => [r.requestId, r.meterIds, wh, wh, read.slice(1)],
    ];
    for (const answer of answers) {
      const { requests: [request] } = await ask(f, f.ids);
      const data = coder.encode(["bytes32", "bytes32[]", "uint256[]", "uint256[]", "bool[]"], answer(request));
      await expect(fulfilWith(f.operator, f.node, request, data))
        .to.emit(f.client, "ReadingsRejected").withArgs(request.requestId)
        .and.not.to.emit(f.trade, "ReadingReported");
      expect((await f.trade.orderReading(f.ids[0])).state).to.equal(READING.Pending);
      await advanceTo((await f.trade.orderReading(f.ids[0])).expiresAt);
    }
  });

  it("TooManyReadings: one request carries at most MAX_READINGS_PER_REQUEST readings", async function () {
    const f = await loadFixture(batchFixture);
    const max = await f.client.MAX_READINGS_PER_REQUEST();
    await f.client.setEnergyTrade(f.stranger.address);
    const asks = [];
    for (let i = 1n; i <= max + 1n; i++) asks.push(ethers.toBigInt(meterId("B-1")) | (i << 1n) | 1n, 0n);
    await expect(f.client.connect(f.stranger).requestReadings(asks, 0, 1))
      .to.be.revertedWithCustomError(f.client, "TooManyReadings").withArgs(max + 1n, max);
    await expect(f.client.connect(f.stranger).requestReadings(asks.slice(0, 2 * Number(max)), 0, 1))
      .to.emit(f.client, "ReadingsRequested");
  });

  it("batched requests go to the readings job, which only the owner sets", async function () {
    const f = await loadFixture(batchFixture);
    const job = ethers.id("readings job");
    await expect(f.client.connect(f.stranger).setReadingsJob(job))
      .to.be.revertedWithCustomError(f.client, "OwnableUnauthorizedAccount").withArgs(f.stranger.address);
    await expect(f.client.setReadingsJob(job)).to.emit(f.client, "ReadingsJobSet").withArgs(job);
    const { tx } = await ask(f, f.ids);
    const receipt = await (await tx).wait();
    const request = receipt.logs.map((l) => { try { return f.operator.interface.parseLog(l); } catch { return null; } })
      .find((e) => e && e.name === "OracleRequest");
    expect(request.args.specId).to.equal(job);
  });

  it("the owner cancels an expired batched request; a repeat of its orders reserves anew", async function () {
    const f = await loadFixture(batchFixture);
    const { requests: [request] } = await ask(f, f.ids.slice(0, 4));
    await advanceTo((await f.trade.orderReading(f.ids[0])).expiresAt);
    const reserved = await f.client.reservedReadings();
    await expect(f.client.cancelExpiredRequest(request.requestId))
      .to.emit(f.client, "RequestCancelled").withArgs(request.requestId);
    expect(await f.client.reservedReadings()).to.equal(reserved);
    const { tx } = await ask(f, f.ids.slice(0, 4));
    await expect(tx).to.emit(f.client, "ReadingsRequested").and.not.to.emit(f.client, "RequestCancelled");
    expect(await f.client.reservedReadings()).to.equal(reserved);
  });
});
