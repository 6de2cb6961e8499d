// The contract computes the clearing's result hash itself from the posted matches (docs/CONTRACTS.md "Result hash"):
// the same whatever the batching, the one scripts/lib/result-hash.js and EnergyAuction.Chain's ClearingResultHash
// compute, and nothing the operator can choose.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { resultHash } = require("../../scripts/lib/result-hash");

const G = 1_000_000_000n;
const PRICE = 120n * G + 7n;

/** Two windows with the same book: two offers, two bids, three matches. */
async function twoBooksFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, s1, s2, b1, b2] = signers;
  const traders = [s1, s2, b1, b2].flatMap((signer, i) => ["a", "b"].map((w) => ({ signer, meter: `${w}-${i}`, bus: i + 1 })));
  const market = await setUpMarket(signers, { node, dso, traders });
  const { trade } = market;
  const books = {};
  for (const w of ["a", "b"]) {
    const windowId = await openWindow(trade, windowParams({ mechanism: 2 }));
    const place = async (side, signer, i, energy, price) =>
      (await placeOrder(trade, windowId, side, { signer, meter: `${w}-${i}`, energy, price })).id;
    const o1 = await place("offer", s1, 0, 4_000n, 100n * G);
    const o2 = await place("offer", s2, 1, 3_000n, 110n * G);
    const d1 = await place("bid", b1, 2, 5_000n, 150n * G);
    const d2 = await place("bid", b2, 3, 2_000n, 140n * G);
    books[w] = {
      windowId,
      matches: [
        { offerId: o1, bidId: d1, energyWh: 4_000n, distanceM: 120 },
        { offerId: o2, bidId: d1, energyWh: 1_000n, distanceM: 900 },
        { offerId: o2, bidId: d2, energyWh: 2_000n, distanceM: 40 },
      ],
    };
  }
  await advanceTo((await trade.window(books.b.windowId)).biddingDeadline);
  for (const w of ["a", "b"]) await trade.advancePhase(books[w].windowId);
  await recordMatchDistances(market, books.a.matches);
  return { ...market, books };
}

describe("Clearing result hash", function () {
  it("is the contract's own, the same for the matches in two batches or in one, and the JS model's", async function () {
    const { trade, books } = await loadFixture(twoBooksFixture);
    const { a, b } = books;
    await trade.postClearing(a.windowId, PRICE, a.matches.slice(0, 2));
    // After each batch the window shows the hash so far: h0 chained over the matches posted.
    expect((await trade.window(a.windowId)).resultHash).to.equal(resultHash(a.windowId, PRICE, a.matches.slice(0, 2)));
    await trade.postClearing(a.windowId, PRICE, a.matches.slice(2));
    await trade.postClearing(b.windowId, PRICE, b.matches);
    for (const { windowId, matches } of [a, b]) {
      const want = resultHash(windowId, PRICE, matches);
      await expect(trade.finaliseClearing(windowId)).to.emit(trade, "ClearingFinalised").withArgs(windowId, PRICE, want, 3);
      expect((await trade.window(windowId)).resultHash).to.equal(want);
    }
    // The books are alike but the windows are not: the window id is part of the hash.
    expect(resultHash(a.windowId, PRICE, a.matches)).to.not.equal(resultHash(b.windowId, PRICE, b.matches));
  });

  it("depends on the order of the matches, and a window finalised with none hashes as price 0 with no match", async function () {
    const { trade, books } = await loadFixture(twoBooksFixture);
    const { a, b } = books;
    const reversed = [...a.matches].reverse();
    await trade.postClearing(a.windowId, PRICE, reversed);
    await trade.finaliseClearing(a.windowId);
    expect((await trade.window(a.windowId)).resultHash).to.equal(resultHash(a.windowId, PRICE, reversed));
    expect(resultHash(a.windowId, PRICE, reversed)).to.not.equal(resultHash(a.windowId, PRICE, a.matches));
    await expect(trade.finaliseClearing(b.windowId))
      .to.emit(trade, "ClearingFinalised").withArgs(b.windowId, 0, resultHash(b.windowId, 0, []), 0);
  });
});
