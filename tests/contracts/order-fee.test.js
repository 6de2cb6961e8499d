// MARKET.md "Deposits": every order pays the window's order fee f on top of its deposit; f is never refunded and is
// credited to the operator that opened the window.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, MAX_ORDERS_PER_RELEASE } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const FEE = 7_000_001n;

async function twoOperatorsFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, seller, buyer, secondOperator] = signers;
  const market = await setUpMarket(signers, {
    node, dso, traders: [{ signer: seller, meter: "S-1", bus: 1 }, { signer: buyer, meter: "B-1", bus: 2 }],
  });
  await market.trade.grantRole(await market.trade.OPERATOR_ROLE(), secondOperator.address);
  return { ...market, admin, node, dso, seller, buyer, secondOperator };
}

describe("Order fee", function () {
  it("goes to the operator that opened the window, and no cancel, rejection or cancelled window gives it back", async function () {
    const f = await loadFixture(twoOperatorsFixture);
    const { trade } = f;
    const w = await openWindow(trade.connect(f.secondOperator), windowParams({ orderFee: FEE, validateOffers: true }));
    const bid = await placeOrder(trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 1_000n, price: 150n * G });
    expect(bid.fee).to.equal(FEE);
    expect(await trade.withdrawable(f.secondOperator.address)).to.equal(FEE);
    expect(await trade.withdrawable(f.admin.address)).to.equal(0n);

    // Cancelled: the escrow comes back, the fee does not.
    await trade.connect(f.buyer).cancelOrder(bid.id);
    expect(await trade.withdrawable(f.buyer.address)).to.equal(bid.deposit);

    // Rejected by the battery check: the collateral comes back, the fee does not.
    const offer = await placeOrder(trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 2_000n, price: 100n * G });
    const [request] = readingRequestsIn(offer.receipt, f.operator, f.client);
    await fulfil(f.operator, f.node, request, 1_000n);
    expect((await trade.order(offer.id)).status).to.equal(3n); // Rejected
    expect(await trade.withdrawable(f.seller.address)).to.equal(offer.deposit);

    // Valid orders of a window cancelled for a missed clearing: their deposits come back, their fees do not.
    const again = await placeOrder(trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 1_000n, price: 150n * G });
    const view = await trade.window(w);
    await advanceTo(view.matchingDeadline + BigInt(view.params.gracePeriod) + 1n);
    await trade.cancelWindow(w, MAX_ORDERS_PER_RELEASE);
    expect(await trade.withdrawable(f.buyer.address)).to.equal(bid.deposit + again.deposit);
    expect(await trade.withdrawable(f.secondOperator.address)).to.equal(3n * FEE);
    await expect(trade.connect(f.secondOperator).withdraw())
      .to.emit(trade, "Withdrawn").withArgs(f.secondOperator.address, f.secondOperator.address, 3n * FEE);
  });

  it("is bounded when the window opens (InvalidParams \"orderFee\"); a window may charge none", async function () {
    const f = await loadFixture(twoOperatorsFixture);
    const bounds = await ethers.getContractAt("WindowBounds", ethers.getCreateAddress({ from: f.trade.target, nonce: 1 }));
    const max = await bounds.MAX_ORDER_FEE();
    expect(max).to.equal(10n ** 16n);
    await expect(f.trade.openWindow(windowParams({ orderFee: max + 1n })))
      .to.be.revertedWithCustomError(f.trade, "InvalidParams").withArgs("orderFee");
    await openWindow(f.trade, windowParams({ orderFee: max }));
    const w = await openWindow(f.trade, windowParams({ orderFee: 0n }));
    const bid = await placeOrder(f.trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 1_000n, price: 150n * G });
    expect(bid.fee).to.equal(0n);
    expect(await f.trade.withdrawable(f.admin.address)).to.equal(0n);
  });
});
