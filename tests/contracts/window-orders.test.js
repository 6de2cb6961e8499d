// EnergyTradeReader.windowOrders: a window's book read page by page, each entry what order(id) says of the order windowOrderIds names
// at the same index with its meter's registry entry, at most 500 to a call (issue #13, the explorer's large windows).
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, instrumented, orderFeeOf, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const ORDERS = 45;
const ORDERS_PER_VIEW = 500;

async function marketFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, seller, buyer] = signers;
  const meters = Array.from({ length: ORDERS }, (_, i) =>
    ({ signer: i % 2 === 0 ? seller : buyer, meter: `${i % 2 === 0 ? "S" : "B"}-${i}`, bus: i }));
  const market = await setUpMarket(signers, { node, dso, traders: meters });
  const reader = await ethers.getContractAt("EnergyTradeReader", await market.trade.reader());
  return { ...market, reader, dso, seller, buyer, meters };
}

/** Read a list through pages of `size`. */
async function allPages(read, size) {
  const out = [];
  for (let from = 0; ; from += size) {
    const page = await read(from, size);
    out.push(...page);
    if (page.length < size) return out;
  }
}

const plain = (view) => view.toArray();

/** The orders of one windowOrders page, as plain arrays. */
const ordersOf = async (reader, w, from, n) => (await reader.windowOrders(w, from, n)).page.map(plain);

describe("EnergyTradeReader.windowOrders", function () {
  it("pages are the window's orders as order(id) shows them, in submission order, for every page size", async function () {
    const f = await loadFixture(marketFixture);
    const { trade, reader } = f;
    const w = await openWindow(trade, windowParams());
    const other = await openWindow(trade, windowParams());
    const ids = [];
    for (let i = 0; i < ORDERS; i++) {
      const m = f.meters[i];
      const side = i % 2 === 0 ? "offer" : "bid";
      ids.push((await placeOrder(trade, w, side, { ...m, energy: 1_000n + BigInt(i), price: (side === "offer" ? 100n : 150n) * G })).id);
      // The other window's orders interleave with ours; no page of ours may show them.
      if (i % 4 === 0) await placeOrder(trade, other, side, { ...m, energy: 10n, price: 100n * G });
    }
    await trade.connect(f.meters[3].signer).cancelOrder(ids[3]);
    const v = await trade.window(w);
    await advanceTo(v.biddingDeadline);
    await trade.advancePhase(w);
    const matches = [{ offerId: ids[0], bidId: ids[1], energyWh: 700n, distanceM: 30 }];
    await recordMatchDistances(f, matches);
    await trade.postClearing(w, 120n * G, matches);

    const expected = [];
    for (const id of ids) expected.push(plain(await trade.order(id)));
    expect(expected[1][6]).to.equal(5n, "a matched bid reads Matched");
    expect(expected[3][6]).to.equal(4n, "the cancelled bid reads Cancelled");
    for (const size of [1, 7, 16, 100]) {
      expect(await allPages((from, n) => ordersOf(reader, w, from, n), size)).to.deep.equal(expected);
    }
    const otherIds = await trade.windowOrderIds(other, 0, 100);
    expect(await ordersOf(reader, other, 0, 100)).to.deep.equal(await Promise.all(otherIds.map(async (id) => plain(await trade.order(id)))));
  });

  it("each order comes with its meter's owner and feeder bus as the registry holds them", async function () {
    const f = await loadFixture(marketFixture);
    const { trade, reader, dataAccess } = f;
    const w = await openWindow(trade, windowParams());
    for (let i = 0; i < 9; i++) {
      await placeOrder(trade, w, i % 2 === 0 ? "offer" : "bid", { ...f.meters[i], energy: 1_000n, price: (i % 2 === 0 ? 100n : 150n) * G });
    }
    for (const size of [2, 9]) {
      const pages = await allPages(async (from, n) => {
        const { page, meters } = await reader.windowOrders(w, from, n);
        expect(meters.length).to.equal(page.length, "one meter entry per order");
        return page.map((o, i) => ({ meterId: o.meterId, owner: o.owner, meter: plain(meters[i]) }));
      }, size);
      expect(pages.length).to.equal(9);
      for (const [i, entry] of pages.entries()) {
        expect(entry.meterId).to.equal(meterId(f.meters[i].meter));
        expect(entry.meter).to.deep.equal(plain(await dataAccess.meterOf(entry.meterId)));
        expect(entry.meter).to.deep.equal([f.meters[i].signer.address, BigInt(f.meters[i].bus)], `meter ${f.meters[i].meter}`);
        expect(entry.meter[0]).to.equal(entry.owner, "the meter's owner placed the order");
      }
    }
  });

  it("the reader is the one the market created and reads that market", async function () {
    const f = await loadFixture(marketFixture);
    expect(await f.reader.trade()).to.equal(f.trade.target);
  });

  it("a page past the end is empty, a page over the end is cut short, and an unknown window reverts", async function () {
    const f = await loadFixture(marketFixture);
    const { trade, reader } = f;
    const w = await openWindow(trade, windowParams());
    expect(await ordersOf(reader, w, 0, 10)).to.deep.equal([], "a window without orders");
    expect((await reader.windowOrders(w, 0, 10)).meters).to.deep.equal([], "and no meters");
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await placeOrder(trade, w, "offer", { ...f.meters[2 * i], energy: 1_000n, price: 100n * G })).id);
    const last = plain(await trade.order(ids[4]));
    expect(await ordersOf(reader, w, 3, 10)).to.deep.equal([plain(await trade.order(ids[3])), last]);
    expect(await ordersOf(reader, w, 4, ethers.MaxUint256)).to.deep.equal([last]);
    expect((await reader.windowOrders(w, 4, ethers.MaxUint256)).meters.length).to.equal(1);
    expect(await ordersOf(reader, w, 5, 10)).to.deep.equal([]);
    expect(await ordersOf(reader, w, ethers.MaxUint256, ethers.MaxUint256)).to.deep.equal([]);
    expect(await ordersOf(reader, w, 0, 0)).to.deep.equal([]);
    await expect(reader.windowOrders(99, 0, 10)).to.be.revertedWithCustomError(trade, "UnknownWindow").withArgs(99);
  });

  it("returns at most 500 orders per call, and a full page stays far below the eth_call gas cap", async function () {
    const f = await loadFixture(marketFixture);
    const { trade, reader, dataAccess } = f;
    const w = await openWindow(trade, windowParams({ biddingDuration: 7_200 }));
    const signers = await ethers.getSigners();
    const total = ORDERS_PER_VIEW + 2;
    // One meter per order (a meter has one open order per window), sent without waiting for each receipt.
    const placed = [];
    for (let i = 0; i < total; i++) {
      const owner = signers[5 + (i % 10)];
      const meter = meterId(`P-${i}`);
      await dataAccess.connect(f.registrar).registerMeter(meter, owner.address, 1);
      await dataAccess.connect(owner).grantAccess(meter, trade.target);
      const deposit = await trade.offerCollateral(w, 1_000n);
      placed.push(await trade.connect(owner).submitOffer(w, meter, 1_000n, 100n * G, 0, { value: deposit + await orderFeeOf(trade, w) }));
    }
    await Promise.all(placed.map((tx) => tx.wait()));
    const ids = await trade.windowOrderIds(w, 0, total);
    expect(ids.length).to.equal(total);

    const { page, meters } = await reader.windowOrders(w, 0, total);
    expect(page.length).to.equal(ORDERS_PER_VIEW);
    expect(meters.length).to.equal(ORDERS_PER_VIEW);
    expect(plain(page[ORDERS_PER_VIEW - 1])).to.deep.equal(plain(await trade.order(ids[ORDERS_PER_VIEW - 1])));
    const rest = await ordersOf(reader, w, ORDERS_PER_VIEW, total);
    expect(rest).to.deep.equal([plain(await trade.order(ids[total - 2])), plain(await trade.order(ids[total - 1]))]);

    const gas = await reader.windowOrders.estimateGas(w, 0, ORDERS_PER_VIEW);
    if (!instrumented()) expect(gas).to.be.lessThan(9_000_000n, `a full page costs ${gas} gas`);
  });
});
