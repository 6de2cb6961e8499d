// Every role-guarded function of our contracts refuses an account without the role, with the named error
// and the role it lacked, at the point in a window's life where the role holder's call would succeed.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, orderFeeOf, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { reportReadings } = require("../../scripts/lib/oracle-node");

const G = 1_000_000_000n;

async function marketFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, seller, buyer, stranger] = signers;
  const traders = [{ signer: seller, meter: "S-1", bus: 1 }, { signer: buyer, meter: "B-1", bus: 2 }];
  const market = await setUpMarket(signers, { node, dso, traders });
  const params = windowParams();
  const windowId = await openWindow(market.trade, params);
  return { ...market, params, windowId, admin, node, dso, seller, buyer, stranger };
}

/** One offer and one bid, bidding over: the window is in Matching. */
async function matchingFixture() {
  const f = await marketFixture();
  f.offer = (await placeOrder(f.trade, f.windowId, "offer", { signer: f.seller, meter: "S-1", energy: 2_000n, price: 100n * G })).id;
  f.bid = (await placeOrder(f.trade, f.windowId, "bid", { signer: f.buyer, meter: "B-1", energy: 2_000n, price: 150n * G })).id;
  f.view = await f.trade.window(f.windowId);
  await advanceTo(f.view.biddingDeadline);
  await f.trade.advancePhase(f.windowId);
  return f;
}

/** The bid fully matched to the offer at 125 gwei/kWh, transfer over: the window is in Settlement, past its deadline. */
async function settlementFixture() {
  const f = await matchingFixture();
  const matches = [{ offerId: f.offer, bidId: f.bid, energyWh: 2_000n, distanceM: 100 }];
  await recordMatchDistances(f, matches);
  await f.trade.postClearing(f.windowId, 125n * G, matches);
  await f.trade.finaliseClearing(f.windowId);
  await advanceTo(f.view.transferDeadline);
  await f.trade.advancePhase(f.windowId);
  return f;
}

describe("Role checks refuse accounts without the role", function () {
  describe("EnergyTrade", function () {
    it("only the admin sets the oracle client or grants roles; a stranger cannot make itself operator", async function () {
      const f = await loadFixture(marketFixture);
      const admin = await f.trade.DEFAULT_ADMIN_ROLE();
      await expect(f.trade.connect(f.stranger).setOracleClient(f.client.target))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount").withArgs(f.stranger.address, admin);
      await expect(f.trade.connect(f.stranger).grantRole(await f.trade.OPERATOR_ROLE(), f.stranger.address))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount").withArgs(f.stranger.address, admin);
      expect(await f.trade.hasRole(await f.trade.OPERATOR_ROLE(), f.stranger.address)).to.equal(false);
      expect(await f.trade.oracleClient()).to.equal(f.client.target);
    });

    it("only the operator finalises a clearing; the window stays in Matching", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(f.trade.connect(f.stranger).finaliseClearing(f.windowId))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, await f.trade.OPERATOR_ROLE());
      expect((await f.trade.window(f.windowId)).phase).to.equal(2);
    });

    // Settlement never waits on the operator's goodwill (MARKET.md): the readings' LINK was reserved by the orders,
    // so anyone may ask for them, and anyone settles what is left after the settlement deadline.
    it("anyone requests readings; anyone settles what is left after the settlement deadline", async function () {
      const f = await loadFixture(settlementFixture);
      await expect(f.trade.connect(f.buyer).requestReadings(f.windowId, [f.bid]))
        .to.emit(f.trade, "SettlementReadingRequested");
      await advanceTo(f.view.settlementDeadline);
      await expect(f.trade.connect(f.buyer).settle(f.windowId, [f.bid])).to.emit(f.trade, "MatchSettled");
      expect((await f.trade.window(f.windowId)).unsettledBids).to.equal(0n);
    });

    it("only the oracle client validates an offer: a seller cannot vouch for its own battery", async function () {
      const f = await loadFixture(marketFixture);
      const w = await openWindow(f.trade, windowParams({ validateOffers: true }));
      const { id } = await placeOrder(f.trade, w, "offer", { signer: f.seller, meter: "S-1", energy: 5_000n, price: 100n * G });
      await expect(f.trade.connect(f.seller).onAvailableEnergy(id, 1_000_000n))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount")
        .withArgs(f.seller.address, await f.trade.ORACLE_ROLE());
      expect((await f.trade.order(id)).status).to.equal(1);
    });
  });

  describe("Accounts that run the market", function () {
    it("the operator cannot trade: it can own no meter, so every order it places is refused", async function () {
      const f = await loadFixture(marketFixture);
      const operatorRole = await f.trade.OPERATOR_ROLE();
      expect(await f.trade.hasRole(operatorRole, f.admin.address)).to.equal(true);
      await expect(f.dataAccess.connect(f.registrar).registerMeter(meterId("OP-1"), f.admin.address, 3))
        .to.be.revertedWithCustomError(f.dataAccess, "RoleHolderCannotOwnMeter").withArgs(f.admin.address);
      const escrow = await f.trade.bidEscrow(f.windowId, 1_000n, 150n * G);
      await expect(f.trade.submitBid(f.windowId, meterId("B-1"), 1_000n, 150n * G, 0, { value: escrow + await orderFeeOf(f.trade, f.windowId) }))
        .to.be.revertedWithCustomError(f.trade, "NotMeterOwner").withArgs(meterId("B-1"), f.admin.address);
      const collateral = await f.trade.offerCollateral(f.windowId, 1_000n);
      await expect(f.trade.submitOffer(f.windowId, meterId("OP-1"), 1_000n, 100n * G, 0, { value: collateral + await orderFeeOf(f.trade, f.windowId) }))
        .to.be.revertedWithCustomError(f.trade, "NotMeterOwner").withArgs(meterId("OP-1"), f.admin.address);
      expect((await f.trade.window(f.windowId)).orderCount).to.equal(0n);
    });

    it("only the registrar registers and re-assigns meters: the operator and the admin cannot", async function () {
      const f = await loadFixture(marketFixture);
      const registrarRole = await f.dataAccess.REGISTRAR_ROLE();
      await expect(f.dataAccess.connect(f.admin).registerMeter(meterId("X-1"), f.stranger.address, 3))
        .to.be.revertedWithCustomError(f.dataAccess, "AccessControlUnauthorizedAccount").withArgs(f.admin.address, registrarRole);
      await expect(f.dataAccess.connect(f.admin).reassignMeter(meterId("B-1"), f.stranger.address))
        .to.be.revertedWithCustomError(f.dataAccess, "AccessControlUnauthorizedAccount").withArgs(f.admin.address, registrarRole);
      await expect(f.dataAccess.connect(f.stranger).reassignMeter(meterId("B-1"), f.stranger.address))
        .to.be.revertedWithCustomError(f.dataAccess, "AccessControlUnauthorizedAccount").withArgs(f.stranger.address, registrarRole);
      expect((await f.dataAccess.meterOf(meterId("B-1")))[0]).to.equal(f.buyer.address);
      expect((await f.dataAccess.meterOf(meterId("X-1")))[0]).to.equal(ethers.ZeroAddress);
    });

    it("only the admin sets the fee recipient; the operator cannot send the grid fees to itself", async function () {
      const f = await loadFixture(settlementFixture);
      const adminRole = await f.trade.DEFAULT_ADMIN_ROLE();
      await f.trade.grantRole(await f.trade.OPERATOR_ROLE(), f.stranger.address);
      await expect(f.trade.connect(f.stranger).setFeeRecipient(f.stranger.address))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount").withArgs(f.stranger.address, adminRole);
      expect(await f.trade.feeRecipient()).to.equal(f.dso.address);
      await reportReadings(f, f.windowId, [f.offer, f.bid], new Map([[f.offer, 2_000n], [f.bid, 2_000n]]));
      await f.trade.connect(f.stranger).settle(f.windowId, [f.bid]);
      expect(await f.trade.withdrawable(f.stranger.address)).to.equal(0n);
      expect(await f.trade.withdrawable(f.dso.address)).to.be.greaterThan(0n);
    });
  });

  describe("DataAccess", function () {
    it("only a meter's owner grants or revokes access to it", async function () {
      const f = await loadFixture(marketFixture);
      await expect(f.dataAccess.connect(f.stranger).grantAccess(meterId("B-1"), f.stranger.address))
        .to.be.revertedWithCustomError(f.dataAccess, "NotMeterOwner").withArgs(meterId("B-1"), f.stranger.address);
      await expect(f.dataAccess.connect(f.stranger).revokeAccess(meterId("B-1"), f.trade.target))
        .to.be.revertedWithCustomError(f.dataAccess, "NotMeterOwner").withArgs(meterId("B-1"), f.stranger.address);
      await expect(f.dataAccess.connect(f.stranger).revokeAccess(meterId("X-9"), f.trade.target))
        .to.be.revertedWithCustomError(f.dataAccess, "UnknownMeter").withArgs(meterId("X-9"));
      expect(await f.dataAccess.hasAccess(meterId("B-1"), f.trade.target)).to.equal(true);
      expect(await f.dataAccess.hasAccess(meterId("B-1"), f.stranger.address)).to.equal(false);
    });
  });

  describe("EnergyOracleClient", function () {
    it("reports the LINK token and Operator it pays and calls", async function () {
      const f = await loadFixture(marketFixture);
      expect(await f.client.linkToken()).to.equal(f.link.target);
      expect(await f.client.operator()).to.equal(f.operator.target);
    });
  });
});
