// Rounding at the edge: fee halves are rounded down, so a buyer whose maximum price equals the clearing price never
// pays above its escrow and the DSO receives exactly both halves.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

async function tinyTradeFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, seller, buyer] = signers;
  const market = await setUpMarket(signers, {
    node, dso, traders: [{ signer: seller, meter: "S-1", bus: 1 }, { signer: buyer, meter: "B-1", bus: 2 }],
  });
  // C_d * L = 1.5e6: a 1 Wh match's fee half floor(1 Wh * 1.5e6 / 2e6) is 0 on each side. The penalty rate is the
  // contract's minimum, 1,000 wei/kWh: 1 wei of penalty collateral per Wh on each side.
  const params = windowParams({ gridCharge: 1_500n, maxDistanceM: 1_000, penaltyRate: 1_000n });
  const windowId = await openWindow(market.trade, params);
  return { ...market, params, windowId, admin, node, dso, seller, buyer };
}

describe("Settlement rounding", function () {
  it("rounds each fee half down: the buyer pays no more than its escrow, the DSO gets twice the half", async function () {
    const f = await loadFixture(tinyTradeFixture);
    const { trade } = f;
    const offer = await placeOrder(trade, f.windowId, "offer", { signer: f.seller, meter: "S-1", energy: 1n, price: 1_000n });
    const bid = await placeOrder(trade, f.windowId, "bid", { signer: f.buyer, meter: "B-1", energy: 1n, price: 1_000n });
    expect(offer.deposit).to.equal(1n, "the seller's penalty collateral");
    expect(bid.deposit).to.equal(2n, "1 wei for the energy, 0 for the fee half, 1 of penalty collateral");
    const view = await trade.window(f.windowId);
    await advanceTo(view.biddingDeadline);
    await trade.advancePhase(f.windowId);
    const matches = [{ offerId: offer.id, bidId: bid.id, energyWh: 1n, distanceM: 1_000 }];
    await recordMatchDistances(f, matches);
    await trade.postClearing(f.windowId, 1_000n, matches);
    await trade.finaliseClearing(f.windowId);
    await advanceTo(view.transferDeadline);
    await trade.advancePhase(f.windowId);
    await reportReadings(f, f.windowId, [offer.id, bid.id], new Map([[offer.id, 1n], [bid.id, 1n]]));
    await expect(trade.settle(f.windowId, [bid.id]))
      .to.emit(trade, "MatchSettled").withArgs(f.windowId, offer.id, bid.id, 1, 1, 1, 0, 0, 0, false, false);
    await trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE);
    expect(await trade.withdrawable(f.seller.address)).to.equal(2n, "the 1 wei paid and its collateral back");
    expect(await trade.withdrawable(f.buyer.address)).to.equal(1n, "its penalty collateral back");
    expect(await trade.withdrawable(f.dso.address)).to.equal(0n);
    // The two order fees are the operator's (the account that opened the window), not part of any refund.
    expect(await trade.withdrawable(f.admin.address)).to.equal(2n * f.params.orderFee);
    expect(await ethers.provider.getBalance(trade.target)).to.equal(3n + 2n * f.params.orderFee);
  });
});
