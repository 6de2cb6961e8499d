// Who may answer the oracle client, and what happens to a validation request nobody answers: a reading reaches the
// market only through the Chainlink Operator, and the owner takes back the LINK of one that expired.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const PENDING_VALIDATION = 1n;

/** An offer in a validating window whose battery reading has been asked and not answered. */
async function pendingValidationFixture() {
  const signers = await ethers.getSigners();
  const [, node, dso, seller, stranger] = signers;
  const market = await setUpMarket(signers, { node, dso, traders: [{ signer: seller, meter: "S-1", bus: 1 }] });
  const windowId = await openWindow(market.trade, windowParams({ validateOffers: true }));
  const { id, receipt } = await placeOrder(market.trade, windowId, "offer", { signer: seller, meter: "S-1", energy: 1_000n, price: 100n * G });
  const [request] = readingRequestsIn(receipt, market.operator, market.client);
  return { ...market, stranger, offer: id, request };
}

describe("The oracle client's answers", function () {
  it("a stranger cannot answer a battery reading itself: only the request's Operator may", async function () {
    const f = await loadFixture(pendingValidationFixture);
    await expect(f.client.connect(f.stranger).fulfill(f.request.requestId, 1_000_000n))
      .to.be.revertedWith("Source must be the oracle of the request");
    expect((await f.trade.order(f.offer)).status).to.equal(PENDING_VALIDATION);
  });

  it("the owner cancels an expired battery reading: the request is gone and the offer stays unvalidated", async function () {
    const f = await loadFixture(pendingValidationFixture);
    await advanceTo(f.request.cancelExpiration);
    await expect(f.client.cancelExpiredRequest(f.request.requestId))
      .to.emit(f.client, "RequestCancelled").withArgs(f.request.requestId);
    await expect(f.client.cancelExpiredRequest(f.request.requestId))
      .to.be.revertedWithCustomError(f.client, "UnknownRequest").withArgs(f.request.requestId);
    expect((await f.trade.order(f.offer)).status).to.equal(PENDING_VALIDATION);
  });
});
