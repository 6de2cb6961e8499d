// Rounding at the edge: a buyer whose maximum price equals the clearing price never pays above its escrow.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

async function tinyTradeFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, seller, buyer] = signers;
  const market = await setUpMarket(signers, {
    node, dso, traders: [{ signer: seller, meter: "S-1", bus: 1 }, { signer: buyer, meter: "B-1", bus: 2 }],
  });
  // C_d * L = 1.5e6: the escrow's fee half floor(1 Wh * 1.5e6 / 2e6) is 0, but a 1 Wh delivery owes a 1 wei fee.
  // The penalty rate is the contract's minimum: the seller's 1 Wh puts up cost(1, 1 gwei) = 1,000,000 wei.
  const params = windowParams({ gridCharge: 1_500n, maxDistanceM: 1_000, penaltyRate: 1_000_000_000n });
  const windowId = await openWindow(market.trade, params);
  return { ...market, params, windowId, node, dso, seller, buyer };
}

describe("Settlement rounding", function () {
  it("lets the fee recipient forgo the wei a buyer's fee half would exceed its escrow by", async function () {
    const f = await loadFixture(tinyTradeFixture);
    const { trade } = f;
    const offer = await placeOrder(trade, f.windowId, "offer", { signer: f.seller, meter: "S-1", energy: 1n, price: 1_000n });
    const bid = await placeOrder(trade, f.windowId, "bid", { signer: f.buyer, meter: "B-1", energy: 1n, price: 1_000n });
    expect(bid.deposit).to.equal(1n);
    const view = await trade.window(f.windowId);
    await advanceTo(view.biddingDeadline);
    await trade.advancePhase(f.windowId);
    await trade.postClearing(f.windowId, 1_000n, [{ offerId: offer.id, bidId: bid.id, energyWh: 1n, distanceM: 1_000 }]);
    await trade.finaliseClearing(f.windowId, ethers.ZeroHash);
    await advanceTo(view.transferDeadline);
    await trade.advancePhase(f.windowId);
    const receipt = await (await trade.requestDeliveryReadings(f.windowId, [bid.id])).wait();
    const [request] = readingRequestsIn(receipt, f.operator, f.client);
    // Nominal: value 1 wei, fee 1 wei (seller half 0, buyer half 1), so the buyer would pay 2 wei from 1 wei of escrow.
    // The seller's payout is that 1 wei plus its whole collateral back (it delivered).
    const collateral = 1_000_000n;
    expect(offer.deposit).to.equal(collateral);
    await expect(fulfil(f.operator, f.node, request, 1n))
      .to.emit(trade, "MatchSettled").withArgs(f.windowId, offer.id, bid.id, 1, 1n + collateral, 2, 1, 0);
    await trade.closeWindow(f.windowId);
    expect(await trade.withdrawable(f.seller.address)).to.equal(1n + collateral);
    expect(await trade.withdrawable(f.buyer.address)).to.equal(0n);
    expect(await trade.withdrawable(f.dso.address)).to.equal(0n);
    expect(await ethers.provider.getBalance(trade.target)).to.equal(1n + collateral);
  });
});
