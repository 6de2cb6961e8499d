// A seller's reading spread over its matches (MARKET.md "Settlement"): floor(Q * E_m / E') each, the Wh left over go
// one each to the first matches in posting order, so the seller is paid for exactly what its meter read.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder } = require("../../scripts/lib/market-fixture");
const { reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const PRICE = 150n * G;

/** One offer of 300 Wh matched with three bids of 100 Wh, all on one bus (0 m), past the transfer. */
async function oneSellerThreeBuyersFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, seller, ...rest] = signers;
  const buyers = rest.slice(0, 3);
  const market = await setUpMarket(signers, {
    node, dso,
    traders: [{ signer: seller, meter: "S-1", bus: 1 }, ...buyers.map((signer, i) => ({ signer, meter: `B-${i}`, bus: 1 }))],
  });
  const { trade } = market;
  const windowId = await openWindow(trade, windowParams());
  const offer = await placeOrder(trade, windowId, "offer", { signer: seller, meter: "S-1", energy: 300n, price: PRICE });
  const bids = [];
  for (const [i, signer] of buyers.entries()) {
    bids.push(await placeOrder(trade, windowId, "bid", { signer, meter: `B-${i}`, energy: 100n, price: PRICE }));
  }
  const view = await trade.window(windowId);
  await advanceTo(view.biddingDeadline);
  await trade.advancePhase(windowId);
  await trade.postClearing(windowId, PRICE, bids.map((b) => ({ offerId: offer.id, bidId: b.id, energyWh: 100n, distanceM: 0 })));
  await trade.finaliseClearing(windowId);
  await advanceTo(view.transferDeadline);
  await trade.advancePhase(windowId);
  return { ...market, node, windowId, offer, bids };
}

describe("A seller's reading spread over its matches", function () {
  it("a reading that does not divide evenly pays 67, 67 and 66 Wh of 200 in posting order, no Wh lost", async function () {
    const f = await loadFixture(oneSellerThreeBuyersFixture);
    const { trade, windowId, offer, bids } = f;
    const read = new Map([[offer.id, 200n], ...bids.map((b) => [b.id, 100n])]);
    await reportReadings(f, windowId, [offer.id, ...bids.map((b) => b.id)], read);
    const receipt = await (await trade.settle(windowId, bids.map((b) => b.id))).wait();
    const settled = receipt.logs.map((l) => trade.interface.parseLog(l)).filter((e) => e && e.name === "MatchSettled");
    expect(settled.map((e) => e.args.bidId)).to.deep.equal(bids.map((b) => b.id));
    const sellerWh = settled.map((e) => e.args.sellerWh);
    expect(sellerWh).to.deep.equal([67n, 67n, 66n]);
    expect(settled.map((e) => e.args.tradedWh)).to.deep.equal(sellerWh, "each buyer took its 100 Wh, so t_m = s_m");
    expect(sellerWh.reduce((a, b) => a + b, 0n)).to.equal(200n, "the seller is paid for every Wh its meter read");
  });
});
