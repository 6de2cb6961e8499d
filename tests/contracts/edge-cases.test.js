// The less travelled paths of the contracts, each refused with its named error the way a user meets it:
// deployments without an address, windows without a phase, a closed window someone tries to cancel, a battery
// reading that arrives too late, and which of a meter's orders count against its battery.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, impersonateAccount, setBalance } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, MAX_ORDERS_PER_RELEASE } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");

const G = 1_000_000_000n;
const PHASE = { BiddingOffering: 1, Matching: 2, EnergyTransfer: 3, Settlement: 4, Closed: 5 };
const STATUS = { PendingValidation: 1, Valid: 2 };

async function marketFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, seller, buyer, stranger] = signers;
  const traders = [{ signer: seller, meter: "S-1", bus: 1 }, { signer: buyer, meter: "B-1", bus: 2 }];
  const market = await setUpMarket(signers, { node, dso, traders });
  return { ...market, admin, node, dso, seller, buyer, stranger };
}

/** A signer that sends from the oracle client's address (ORACLE_ROLE is only ever the client's). */
async function asOracleClient(f) {
  await impersonateAccount(f.client.target);
  await setBalance(f.client.target, ethers.parseEther("1"));
  return ethers.getSigner(f.client.target);
}

describe("Edge cases refused with named errors", function () {
  it("neither contract deploys without its registry or admin", async function () {
    const [admin] = await ethers.getSigners();
    const registry = await ethers.getContractFactory("DataAccess");
    await expect(registry.deploy(ethers.ZeroAddress, admin.address)).to.be.revertedWithCustomError(registry, "ZeroAddress");
    const dataAccess = await registry.deploy(admin.address, admin.address);
    const market = await ethers.getContractFactory("EnergyTrade");
    await expect(market.deploy(ethers.ZeroAddress, admin.address))
      .to.be.revertedWithCustomError(market, "InvalidParams").withArgs("zero address");
    await expect(market.deploy(dataAccess.target, ethers.ZeroAddress))
      .to.be.revertedWithCustomError(market, "InvalidParams").withArgs("zero address");
  });

  it("the registrar cannot hand a meter to the zero address, nor point the registry at no market", async function () {
    const f = await loadFixture(marketFixture);
    await expect(f.dataAccess.connect(f.registrar).reassignMeter(meterId("B-1"), ethers.ZeroAddress))
      .to.be.revertedWithCustomError(f.dataAccess, "ZeroAddress");
    await expect(f.dataAccess.setMarket(ethers.ZeroAddress)).to.be.revertedWithCustomError(f.dataAccess, "ZeroAddress");
    expect((await f.dataAccess.meterOf(meterId("B-1"))).owner).to.equal(f.buyer.address);
  });

  it("every phase of a window must last: InvalidParams for a zero matching, transfer or settlement duration", async function () {
    const f = await loadFixture(marketFixture);
    for (const phase of ["matchingDuration", "transferDuration", "settlementDuration"]) {
      await expect(f.trade.openWindow(windowParams({ [phase]: 0 })), phase)
        .to.be.revertedWithCustomError(f.trade, "InvalidParams").withArgs("zero duration");
    }
    expect(await f.trade.windowCount()).to.equal(0n);
  });

  it("a closed window cannot be cancelled: NotCancellable, and nobody's balance changes", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams());
    const offer = await placeOrder(f.trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 1_000n, price: 100n * G });
    const v = await f.trade.window(w);
    await advanceTo(v.biddingDeadline);
    await f.trade.advancePhase(w);
    await f.trade.finaliseClearing(w);
    await advanceTo(v.transferDeadline);
    await f.trade.advancePhase(w);
    await f.trade.closeWindow(w, MAX_ORDERS_PER_RELEASE);
    expect(await f.trade.withdrawable(f.seller.address)).to.equal(offer.deposit);
    // Long after every deadline and grace period: the escape hatch is for windows that still hold money.
    await advanceTo(v.settlementDeadline + v.params.gracePeriod + 1n);
    await expect(f.trade.connect(f.stranger).cancelWindow(w, MAX_ORDERS_PER_RELEASE))
      .to.be.revertedWithCustomError(f.trade, "NotCancellable").withArgs(w, PHASE.Closed, 0);
    expect(await f.trade.withdrawable(f.seller.address)).to.equal(offer.deposit);
  });

  it("a battery reading that arrives after bidding closed cannot validate the offer: NotAwaitingReading", async function () {
    const f = await loadFixture(marketFixture);
    const w = await openWindow(f.trade, windowParams({ validateOffers: true }));
    const { id } = await placeOrder(f.trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 2_000n, price: 100n * G });
    const bid = await placeOrder(f.trade, w, "bid", { signer: f.buyer, meter: "B-1", energy: 2_000n, price: 150n * G });
    await advanceTo((await f.trade.window(w)).biddingDeadline);
    await f.trade.advancePhase(w);
    const oracle = await asOracleClient(f);
    await expect(f.trade.connect(oracle).onAvailableEnergy(id, 10_000n))
      .to.be.revertedWithCustomError(f.trade, "NotAwaitingReading").withArgs(id);
    // Still unvalidated, so no clearing can match it.
    expect((await f.trade.order(id)).status).to.equal(STATUS.PendingValidation);
    await expect(f.trade.postClearing(w, 125n * G, [{ offerId: id, bidId: bid.id, energyWh: 2_000n, distanceM: 100 }]))
      .to.be.revertedWithCustomError(f.trade, "OrderNotValid").withArgs(id, STATUS.PendingValidation);
  });

  it("only a meter's valid offers count against its battery: not its bids, not offers awaiting their reading", async function () {
    const f = await loadFixture(marketFixture);
    const params = windowParams();
    const bidding = await openWindow(f.trade, params);
    const validating = await openWindow(f.trade, { ...params, validateOffers: true });
    const plain = await openWindow(f.trade, params);
    // The seller's meter also imports in one window: a bid never draws on the battery.
    await placeOrder(f.trade, bidding, "bid", { signer: f.seller, meter: "S-1", energy: 4_000n, price: 150n * G });
    const pending = await placeOrder(f.trade, validating, "offer", { signer: f.seller, meter: "S-1", energy: 3_000n, price: 100n * G });
    const valid = await placeOrder(f.trade, plain, "offer", { signer: f.seller, meter: "S-1", energy: 1_500n, price: 100n * G });
    expect((await f.trade.order(pending.id)).status).to.equal(STATUS.PendingValidation);
    expect(await f.trade.committedWh(meterId("S-1"), 0n)).to.equal(1_500n);
    // The offer being checked is not owed on top of itself.
    expect(await f.trade.committedWh(meterId("S-1"), valid.id)).to.equal(0n);
    // The pending offer's reading is judged against the valid offer only: 3,000 + 1,500 Wh fit 4,500 Wh.
    const oracle = await asOracleClient(f);
    await expect(f.trade.connect(oracle).onAvailableEnergy(pending.id, 4_500n))
      .to.emit(f.trade, "OfferValidated").withArgs(pending.id, 4_500n);
  });
});
