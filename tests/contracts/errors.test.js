// Every custom error of EnergyTrade and EnergyOracleClient, triggered the way a user or the operator would.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, impersonateAccount, setBalance } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, orderFeeOf, placeOrder, meterId, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil, reportReadings } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { resultHash } = require("../../scripts/lib/result-hash");

const G = 1_000_000_000n;
const PHASE = { None: 0, BiddingOffering: 1, Matching: 2, EnergyTransfer: 3, Settlement: 4, Closed: 5, Cancelled: 6 };

async function biddingFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, s1, s2, b1, b2, stranger] = signers;
  const traders = [
    { signer: s1, meter: "S-1", bus: 1 }, { signer: s2, meter: "S-2", bus: 2 },
    { signer: b1, meter: "B-1", bus: 3 }, { signer: b2, meter: "B-2", bus: 4 },
  ];
  const market = await setUpMarket(signers, { node, dso, traders });
  // The feeder registry puts every two of these buses (and bus 5, of a second meter some tests register) 100 m apart.
  const buses = [1, 2, 3, 4, 5];
  await market.dataAccess.connect(market.registrar).recordDistances(
    buses.flatMap((busA) => buses.filter((busB) => busB > busA).map((busB) => ({ busA, busB, metres: 100 }))));
  const params = windowParams();
  const windowId = await openWindow(market.trade, params);
  return { ...market, params, windowId, admin, node, dso, s1, s2, b1, b2, stranger };
}

/** A signer that sends from the oracle client's address: ORACLE_ROLE cannot be lent to a plain account. */
async function asOracleClient(f) {
  await impersonateAccount(f.client.target);
  await setBalance(f.client.target, ethers.parseEther("1"));
  return ethers.getSigner(f.client.target);
}

/** A window in Matching with two offers and two bids (ids in the returned object). */
async function matchingFixture() {
  const f = await biddingFixture();
  const { trade, windowId } = f;
  f.offer1 = (await placeOrder(trade, windowId, "offer", { signer: f.s1, meter: "S-1", energy: 5_000n, price: 100n * G })).id;
  f.offer2 = (await placeOrder(trade, windowId, "offer", { signer: f.s2, meter: "S-2", energy: 5_000n, price: 120n * G })).id;
  f.bid1 = (await placeOrder(trade, windowId, "bid", { signer: f.b1, meter: "B-1", energy: 4_000n, price: 150n * G })).id;
  f.bid2 = (await placeOrder(trade, windowId, "bid", { signer: f.b2, meter: "B-2", energy: 3_000n, price: 130n * G })).id;
  f.view = await trade.window(windowId);
  await advanceTo(f.view.biddingDeadline);
  await trade.advancePhase(windowId);
  return f;
}

/** The matching window cleared at 125 gwei/kWh (bid1 4,000 Wh from offer1; bid2 3,000 Wh from offer2), now in Settlement. */
async function settlementFixture() {
  const f = await matchingFixture();
  const { trade, windowId } = f;
  f.price = 125n * G;
  const matches = [
    { offerId: f.offer1, bidId: f.bid1, energyWh: 4_000n, distanceM: 100 },
    { offerId: f.offer2, bidId: f.bid2, energyWh: 3_000n, distanceM: 200 },
  ];
  await recordMatchDistances(f, matches);
  await trade.postClearing(windowId, f.price, matches);
  await trade.finaliseClearing(windowId);
  await advanceTo(f.view.transferDeadline);
  await trade.advancePhase(windowId);
  return f;
}

const match = (offerId, bidId, energyWh, distanceM = 100) => ({ offerId, bidId, energyWh, distanceM });

describe("EnergyTrade rejects bad input with named errors", function () {
  describe("opening windows and placing orders", function () {
    it("InvalidParams for a zero or over-long duration or grace, oversized energy, distance, prices or rates, ", async function () {
      const { trade } = await loadFixture(biddingFixture);
      const bad = [
        [{ biddingDuration: 0 }, "zero duration"],
        [{ maxEnergyWh: 0n }, "maxEnergyWh"],
        [{ maxEnergyWh: 2n ** 40n }, "maxEnergyWh"],
        [{ maxDistanceM: 2 ** 24 }, "maxDistanceM"],
        // 2^32 - 1 s would put the cancel escape hatch 136 years away.
        [{ biddingDuration: 2 ** 32 - 1 }, "duration above 7 days"],
        [{ matchingDuration: 7 * 86400 + 1 }, "duration above 7 days"],
        [{ transferDuration: 7 * 86400 + 1 }, "duration above 7 days"],
        [{ settlementDuration: 7 * 86400 + 1 }, "duration above 7 days"],
        [{ gracePeriod: 86400 + 1 }, "gracePeriod above 1 day"],
        [{ referencePrice: 2n ** 80n }, "referencePrice"],
        [{ gridCharge: 2n ** 80n }, "gridCharge"],
        [{ penaltyRate: 2n ** 80n }, "penaltyRate"],
        // Below MIN_PENALTY_RATE an order its owner never means to honour would cost it nothing.
        [{ penaltyRate: 0n }, "penaltyRate"],
        [{ penaltyRate: 999n }, "penaltyRate"],
      ];
      for (const [override, reason] of bad) {
        await expect(trade.openWindow(windowParams({ ...override })))
          .to.be.revertedWithCustomError(trade, "InvalidParams").withArgs(reason);
      }
    });

    it("FeeRecipientNotSet: no window opens before the admin has named the market-wide fee recipient", async function () {
      const { dataAccess, admin, dso } = await loadFixture(biddingFixture);
      const trade = await ethers.deployContract("EnergyTrade", [dataAccess.target, admin.address]);
      await expect(trade.openWindow(windowParams())).to.be.revertedWithCustomError(trade, "FeeRecipientNotSet");
      await expect(trade.setFeeRecipient(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(trade, "InvalidParams").withArgs("zero address");
      await trade.setFeeRecipient(dso.address);
      await expect(trade.openWindow(windowParams())).to.emit(trade, "WindowOpened");
    });

    it("RoleHolderCannotOwnMeter: the registrar cannot give a meter to an account that runs the market", async function () {
      const f = await loadFixture(biddingFixture);
      const { dataAccess, trade, registrar } = f;
      // The market's admin and operator, its oracle client, the registry's admin and the registrar itself.
      for (const account of [f.admin.address, f.client.target, registrar.address]) {
        await expect(dataAccess.connect(registrar).registerMeter(meterId("X-1"), account, 1))
          .to.be.revertedWithCustomError(dataAccess, "RoleHolderCannotOwnMeter").withArgs(account);
        await expect(dataAccess.connect(registrar).reassignMeter(meterId("S-1"), account))
          .to.be.revertedWithCustomError(dataAccess, "RoleHolderCannotOwnMeter").withArgs(account);
      }
      await trade.grantRole(await trade.OPERATOR_ROLE(), f.stranger.address);
      await expect(dataAccess.connect(registrar).registerMeter(meterId("X-1"), f.stranger.address, 1))
        .to.be.revertedWithCustomError(dataAccess, "RoleHolderCannotOwnMeter").withArgs(f.stranger.address);
      // A second market admin holds no role in the registry: the market's own answer is what refuses it.
      const secondAdmin = ethers.Wallet.createRandom().address;
      await trade.grantRole(await trade.DEFAULT_ADMIN_ROLE(), secondAdmin);
      expect(await dataAccess.holdsRegistryRole(secondAdmin)).to.equal(false);
      await expect(dataAccess.connect(registrar).registerMeter(meterId("X-2"), secondAdmin, 1))
        .to.be.revertedWithCustomError(dataAccess, "RoleHolderCannotOwnMeter").withArgs(secondAdmin);
      expect(await dataAccess.meterCountOf(f.stranger.address)).to.equal(0n);
      expect((await dataAccess.meterOf(meterId("S-1")))[0]).to.equal(f.s1.address);
    });

    it("SameBus: the feeder registry records distances between two buses only", async function () {
      const { dataAccess, registrar } = await loadFixture(biddingFixture);
      await expect(dataAccess.connect(registrar).recordDistances([{ busA: 3, busB: 3, metres: 10 }]))
        .to.be.revertedWithCustomError(dataAccess, "SameBus").withArgs(3);
      expect(await dataAccess.distanceBetween(3, 3)).to.deep.equal([true, 0n]);
    });

    it("MeterOwnerCannotHoldRole: no role goes to an account that owns a meter, in the market or the registry", async function () {
      const f = await loadFixture(biddingFixture);
      const { dataAccess, trade } = f;
      expect(await dataAccess.meterCountOf(f.b1.address)).to.equal(1n);
      await expect(trade.grantRole(await trade.OPERATOR_ROLE(), f.b1.address))
        .to.be.revertedWithCustomError(trade, "MeterOwnerCannotHoldRole").withArgs(f.b1.address);
      await expect(trade.grantRole(await trade.DEFAULT_ADMIN_ROLE(), f.b1.address))
        .to.be.revertedWithCustomError(trade, "MeterOwnerCannotHoldRole").withArgs(f.b1.address);
      await expect(dataAccess.grantRole(await dataAccess.REGISTRAR_ROLE(), f.b1.address))
        .to.be.revertedWithCustomError(dataAccess, "MeterOwnerCannotHoldRole").withArgs(f.b1.address);
      await expect(ethers.deployContract("EnergyTrade", [dataAccess.target, f.b1.address]))
        .to.be.revertedWithCustomError(trade, "MeterOwnerCannotHoldRole").withArgs(f.b1.address);
      expect(await trade.holdsMarketRole(f.b1.address)).to.equal(false);
      expect(await dataAccess.holdsRegistryRole(f.b1.address)).to.equal(false);
      // Once its meter has moved to another owner, the account owns none and may be given a role.
      await dataAccess.connect(f.registrar).reassignMeter(meterId("B-1"), f.stranger.address);
      await trade.grantRole(await trade.OPERATOR_ROLE(), f.b1.address);
      expect(await trade.holdsMarketRole(f.b1.address)).to.equal(true);
    });

    it("accepts a window at the bounds: 7-day phases and a 1-day grace period", async function () {
      const { trade } = await loadFixture(biddingFixture);
      const week = 7 * 86400;
      await expect(trade.openWindow(windowParams({
        biddingDuration: week, matchingDuration: week, transferDuration: week,
        settlementDuration: week, gracePeriod: 86400,
      }))).to.emit(trade, "WindowOpened");
    });

    it("only the operator opens windows; anyone advances a phase, but never before its deadline", async function () {
      const { trade, stranger, params, windowId } = await loadFixture(biddingFixture);
      await expect(trade.connect(stranger).openWindow(params))
        .to.be.revertedWithCustomError(trade, "AccessControlUnauthorizedAccount")
        .withArgs(stranger.address, await trade.OPERATOR_ROLE());
      await expect(trade.connect(stranger).advancePhase(windowId))
        .to.be.revertedWithCustomError(trade, "DeadlineNotReached");
      await advanceTo((await trade.window(windowId)).biddingDeadline);
      await expect(trade.connect(stranger).advancePhase(windowId)).to.emit(trade, "PhaseChanged").withArgs(windowId, 2);
    });

    it("UnknownWindow and UnknownOrder", async function () {
      const { trade, b1 } = await loadFixture(biddingFixture);
      await expect(trade.connect(b1).submitBid(99, meterId("B-1"), 1_000n, G, 0))
        .to.be.revertedWithCustomError(trade, "UnknownWindow").withArgs(99);
      await expect(trade.window(0)).to.be.revertedWithCustomError(trade, "UnknownWindow").withArgs(0);
      await expect(trade.connect(b1).cancelOrder(42)).to.be.revertedWithCustomError(trade, "UnknownOrder").withArgs(42);
    });

    it("ZeroEnergy, EnergyAboveMaximum, ZeroPrice, PriceAboveMaximum", async function () {
      const { trade, b1, s1, windowId, params } = await loadFixture(biddingFixture);
      const bid = (e, p) => trade.connect(b1).submitBid(windowId, meterId("B-1"), e, p, 0);
      await expect(bid(0n, G)).to.be.revertedWithCustomError(trade, "ZeroEnergy");
      await expect(bid(params.maxEnergyWh + 1n, G))
        .to.be.revertedWithCustomError(trade, "EnergyAboveMaximum").withArgs(params.maxEnergyWh + 1n, params.maxEnergyWh);
      await expect(bid(1_000n, 0n)).to.be.revertedWithCustomError(trade, "ZeroPrice");
      await expect(trade.connect(s1).submitOffer(windowId, meterId("S-1"), 1_000n, 2n ** 80n, 0))
        .to.be.revertedWithCustomError(trade, "PriceAboveMaximum").withArgs(2n ** 80n, 2n ** 80n - 1n);
    });

    it("WrongDeposit when the escrow or collateral plus the order fee is off by one wei, or leaves the fee out", async function () {
      const { trade, b1, s1, windowId } = await loadFixture(biddingFixture);
      const fee = await orderFeeOf(trade, windowId);
      expect(fee).to.be.greaterThan(0n);
      const escrow = await trade.bidEscrow(windowId, 1_000n, 150n * G);
      await expect(trade.connect(b1).submitBid(windowId, meterId("B-1"), 1_000n, 150n * G, 0, { value: escrow + fee - 1n }))
        .to.be.revertedWithCustomError(trade, "WrongDeposit").withArgs(escrow + fee, escrow + fee - 1n);
      await expect(trade.connect(b1).submitBid(windowId, meterId("B-1"), 1_000n, 150n * G, 0, { value: escrow }))
        .to.be.revertedWithCustomError(trade, "WrongDeposit").withArgs(escrow + fee, escrow);
      const collateral = await trade.offerCollateral(windowId, 1_000n);
      await expect(trade.connect(s1).submitOffer(windowId, meterId("S-1"), 1_000n, G, 0, { value: collateral + fee + 1n }))
        .to.be.revertedWithCustomError(trade, "WrongDeposit").withArgs(collateral + fee, collateral + fee + 1n);
    });

    it("DistancePreferenceAboveMaximum for a D beyond the window's L; D = 0 takes L, D = L is kept", async function () {
      const { trade, b1, s1, windowId, params } = await loadFixture(biddingFixture);
      const fee = await orderFeeOf(trade, windowId);
      const L = BigInt(params.maxDistanceM);
      const escrow = await trade.bidEscrow(windowId, 1_000n, 150n * G);
      await expect(trade.connect(b1).submitBid(windowId, meterId("B-1"), 1_000n, 150n * G, L + 1n, { value: escrow + fee }))
        .to.be.revertedWithCustomError(trade, "DistancePreferenceAboveMaximum").withArgs(L + 1n, L);
      const collateral = await trade.offerCollateral(windowId, 1_000n);
      await expect(trade.connect(s1).submitOffer(windowId, meterId("S-1"), 1_000n, G, L + 1n, { value: collateral + fee }))
        .to.be.revertedWithCustomError(trade, "DistancePreferenceAboveMaximum").withArgs(L + 1n, L);
      const bid = await placeOrder(trade, windowId, "bid", { signer: b1, meter: "B-1", energy: 1_000n, price: 150n * G });
      const offer = await placeOrder(trade, windowId, "offer", { signer: s1, meter: "S-1", energy: 1_000n, price: G, maxDistance: L });
      expect((await trade.order(bid.id)).maxDistanceM).to.equal(L);
      expect((await trade.order(offer.id)).maxDistanceM).to.equal(L);
    });

    it("NotMeterOwner for someone else's or an unregistered meter, NoDataAccess once access is revoked", async function () {
      const { trade, dataAccess, b1, b2, windowId } = await loadFixture(biddingFixture);
      const escrow = await trade.bidEscrow(windowId, 1_000n, G) + await orderFeeOf(trade, windowId);
      await expect(trade.connect(b2).submitBid(windowId, meterId("B-1"), 1_000n, G, 0, { value: escrow }))
        .to.be.revertedWithCustomError(trade, "NotMeterOwner").withArgs(meterId("B-1"), b2.address);
      await expect(trade.connect(b2).submitBid(windowId, meterId("X-9"), 1_000n, G, 0, { value: escrow }))
        .to.be.revertedWithCustomError(trade, "NotMeterOwner").withArgs(meterId("X-9"), b2.address);
      await dataAccess.connect(b1).revokeAccess(meterId("B-1"), trade.target);
      await expect(trade.connect(b1).submitBid(windowId, meterId("B-1"), 1_000n, G, 0, { value: escrow }))
        .to.be.revertedWithCustomError(trade, "NoDataAccess").withArgs(meterId("B-1"));
    });

    it("DeadlinePassed for an order after the bidding deadline, DeadlineNotReached for an early advance", async function () {
      const { trade, b1, windowId } = await loadFixture(biddingFixture);
      const view = await trade.window(windowId);
      await expect(trade.advancePhase(windowId)).to.be.revertedWithCustomError(trade, "DeadlineNotReached");
      await advanceTo(view.biddingDeadline);
      await expect(placeOrder(trade, windowId, "bid", { signer: b1, meter: "B-1", energy: 1_000n, price: G }))
        .to.be.revertedWithCustomError(trade, "DeadlinePassed");
    });

    it("NotOrderOwner and OrderNotCancellable; a cancelled order's money is withdrawable", async function () {
      const { trade, b1, b2, windowId } = await loadFixture(biddingFixture);
      const { id, deposit } = await placeOrder(trade, windowId, "bid", { signer: b1, meter: "B-1", energy: 1_000n, price: G });
      await expect(trade.connect(b2).cancelOrder(id))
        .to.be.revertedWithCustomError(trade, "NotOrderOwner").withArgs(id, b2.address);
      await expect(trade.connect(b1).cancelOrder(id)).to.emit(trade, "OrderCancelled").withArgs(windowId, id, b1.address)
        .and.to.emit(trade, "Credited").withArgs(b1.address, deposit);
      await expect(trade.connect(b1).cancelOrder(id))
        .to.be.revertedWithCustomError(trade, "OrderNotCancellable").withArgs(id, 4);
      expect(await trade.withdrawable(b1.address)).to.equal(deposit);
    });

    it("WrongPhase for an order or a cancellation outside BiddingOffering", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(placeOrder(f.trade, f.windowId, "bid", { signer: f.b1, meter: "B-1", energy: 1_000n, price: G }))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.BiddingOffering, PHASE.Matching);
      await expect(f.trade.connect(f.b1).cancelOrder(f.bid1))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.BiddingOffering, PHASE.Matching);
      await expect(f.trade.advancePhase(f.windowId))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.BiddingOffering, PHASE.Matching);
    });
  });

  describe("posting the clearing result", function () {
    it("only the operator posts, and only in Matching", async function () {
      const f = await loadFixture(biddingFixture);
      await expect(f.trade.postClearing(f.windowId, G, []))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.Matching, PHASE.BiddingOffering);
      const m = await loadFixture(matchingFixture);
      await expect(m.trade.connect(m.stranger).postClearing(m.windowId, G, []))
        .to.be.revertedWithCustomError(m.trade, "AccessControlUnauthorizedAccount");
    });

    it("ZeroPrice and PriceMismatch between batches", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(f.trade.postClearing(f.windowId, 0n, [])).to.be.revertedWithCustomError(f.trade, "ZeroPrice");
      await f.trade.postClearing(f.windowId, 125n * G, [match(f.offer1, f.bid1, 1_000n)]);
      await expect(f.trade.postClearing(f.windowId, 126n * G, [match(f.offer1, f.bid1, 1_000n)]))
        .to.be.revertedWithCustomError(f.trade, "PriceMismatch").withArgs(126n * G, 125n * G);
    });

    it("IndividualRationality when the price is below an offer's minimum or above a bid's maximum", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(f.trade.postClearing(f.windowId, 119n * G, [match(f.offer2, f.bid1, 1_000n)]))
        .to.be.revertedWithCustomError(f.trade, "IndividualRationality").withArgs(f.offer2, 119n * G);
      await expect(f.trade.postClearing(f.windowId, 131n * G, [match(f.offer1, f.bid2, 1_000n)]))
        .to.be.revertedWithCustomError(f.trade, "IndividualRationality").withArgs(f.bid2, 131n * G);
    });

    it("OverAllocation of an offer or a bid, also across batches", async function () {
      const f = await loadFixture(matchingFixture);
      const p = 125n * G;
      await expect(f.trade.postClearing(f.windowId, p, [match(f.offer1, f.bid1, 3_000n), match(f.offer1, f.bid2, 2_001n)]))
        .to.be.revertedWithCustomError(f.trade, "OverAllocation").withArgs(f.offer1, 5_001n, 5_000n);
      await f.trade.postClearing(f.windowId, p, [match(f.offer1, f.bid1, 3_000n)]);
      await expect(f.trade.postClearing(f.windowId, p, [match(f.offer2, f.bid1, 1_001n)]))
        .to.be.revertedWithCustomError(f.trade, "OverAllocation").withArgs(f.bid1, 4_001n, 4_000n);
    });

    it("ZeroMatchEnergy, DistanceAboveMaximum, WrongSide, OrderNotInWindow, OrderNotValid, UnknownOrder", async function () {
      const f = await loadFixture(matchingFixture);
      const p = 125n * G;
      const post = (m) => f.trade.postClearing(f.windowId, p, [m]);
      await expect(post(match(f.offer1, f.bid1, 0n)))
        .to.be.revertedWithCustomError(f.trade, "ZeroMatchEnergy").withArgs(f.offer1, f.bid1);
      await expect(post(match(f.offer1, f.bid1, 1n, f.params.maxDistanceM + 1)))
        .to.be.revertedWithCustomError(f.trade, "DistanceAboveMaximum").withArgs(f.params.maxDistanceM + 1, f.params.maxDistanceM);
      await expect(post(match(f.bid2, f.bid1, 1n))).to.be.revertedWithCustomError(f.trade, "WrongSide").withArgs(f.bid2, 0);
      await expect(post(match(f.offer1, f.offer2, 1n))).to.be.revertedWithCustomError(f.trade, "WrongSide").withArgs(f.offer2, 1);
      await expect(post(match(f.offer1, 77n, 1n))).to.be.revertedWithCustomError(f.trade, "UnknownOrder").withArgs(77n);

      // An order of another window, and a cancelled offer.
      const other = await openWindow(f.trade, f.params);
      const foreign = (await placeOrder(f.trade, other, "offer", { signer: f.s1, meter: "S-1", energy: 100n, price: G })).id;
      await expect(post(match(foreign, f.bid1, 1n)))
        .to.be.revertedWithCustomError(f.trade, "OrderNotInWindow").withArgs(foreign, f.windowId);
      const cancelled = (await placeOrder(f.trade, other, "offer", { signer: f.s2, meter: "S-2", energy: 100n, price: G })).id;
      await f.trade.connect(f.s2).cancelOrder(cancelled);
      await advanceTo((await f.trade.window(other)).biddingDeadline);
      await f.trade.advancePhase(other);
      const bidOther = foreign; // any order id of `other` works as the offer side check runs first
      await expect(f.trade.postClearing(other, p, [match(cancelled, bidOther, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "OrderNotValid").withArgs(cancelled, 4);
    });

    it("SameOwner: a household's offer and bid are never matched with each other", async function () {
      const f = await loadFixture(biddingFixture);
      const { trade, dataAccess, registrar, windowId } = f;
      // The seller also owns a second meter and bids with it: one owner on both sides of the book.
      await dataAccess.connect(registrar).registerMeter(meterId("S-1b"), f.s1.address, 5);
      await dataAccess.connect(f.s1).grantAccess(meterId("S-1b"), trade.target);
      const offer = await placeOrder(trade, windowId, "offer", { signer: f.s1, meter: "S-1", energy: 2_000n, price: 100n * G });
      const ownBid = await placeOrder(trade, windowId, "bid", { signer: f.s1, meter: "S-1b", energy: 2_000n, price: 150n * G });
      const otherBid = await placeOrder(trade, windowId, "bid", { signer: f.b1, meter: "B-1", energy: 2_000n, price: 150n * G });
      await advanceTo((await trade.window(windowId)).biddingDeadline);
      await trade.advancePhase(windowId);
      await expect(trade.postClearing(windowId, 125n * G, [match(offer.id, ownBid.id, 2_000n)]))
        .to.be.revertedWithCustomError(trade, "SameOwner").withArgs(offer.id, ownBid.id);
      expect((await trade.window(windowId)).matchCount).to.equal(0n);
      await expect(trade.postClearing(windowId, 125n * G, [match(offer.id, otherBid.id, 2_000n)])).to.emit(trade, "ClearingPosted");
    });

    it("DistanceNotRecorded and DistanceMismatch: a match's distance is the feeder registry's, never the operator's", async function () {
      const f = await loadFixture(matchingFixture);
      const p = 125n * G;
      // Bus 9 has no recorded distance to any other bus.
      const { dataAccess, registrar, trade } = f;
      await dataAccess.connect(registrar).registerMeter(meterId("B-9"), f.stranger.address, 9);
      await expect(trade.postClearing(f.windowId, p, [match(f.offer1, f.bid1, 1_000n, 99)]))
        .to.be.revertedWithCustomError(trade, "DistanceMismatch").withArgs(f.offer1, f.bid1, 99, 100);
      // The operator cannot shorten a match to cut the grid fee, nor lengthen it to pass the DSO more.
      await expect(trade.postClearing(f.windowId, p, [match(f.offer1, f.bid1, 1_000n, 0)]))
        .to.be.revertedWithCustomError(trade, "DistanceMismatch").withArgs(f.offer1, f.bid1, 0, 100);
      await expect(trade.postClearing(f.windowId, p, [match(f.offer1, f.bid1, 1_000n, 100)])).to.emit(trade, "ClearingPosted");

      const w = await openWindow(trade, f.params);
      const o = (await placeOrder(trade, w, "offer", { signer: f.s1, meter: "S-1", energy: 100n, price: G })).id;
      await dataAccess.connect(f.stranger).grantAccess(meterId("B-9"), trade.target);
      const b = (await placeOrder(trade, w, "bid", { signer: f.stranger, meter: "B-9", energy: 100n, price: G })).id;
      await advanceTo((await trade.window(w)).biddingDeadline);
      await trade.advancePhase(w);
      await expect(trade.postClearing(w, G, [match(o, b, 100n, 0)]))
        .to.be.revertedWithCustomError(trade, "DistanceNotRecorded").withArgs(o, b);
      await dataAccess.connect(registrar).recordDistances([{ busA: 9, busB: 1, metres: 640 }]);
      await expect(trade.postClearing(w, G, [match(o, b, 100n, 640)])).to.emit(trade, "ClearingPosted");
      expect((await trade.windowMatches(w, 0, 1))[0].distanceM).to.equal(640n);
    });

    it("FeeAbovePrice when the grid fee of a match could exceed what the energy earns", async function () {
      const f = await loadFixture(biddingFixture);
      const w = await openWindow(f.trade, windowParams({ gridCharge: 1_000_000n }));
      const o = (await placeOrder(f.trade, w, "offer", { signer: f.s1, meter: "S-1", energy: 100n, price: 1_000n })).id;
      const b = (await placeOrder(f.trade, w, "bid", { signer: f.b1, meter: "B-1", energy: 100n, price: 1_000n })).id;
      await advanceTo((await f.trade.window(w)).biddingDeadline);
      await f.trade.advancePhase(w);
      await recordMatchDistances(f, [match(o, b, 100n, 3)]);
      await expect(f.trade.postClearing(w, 1_000n, [match(o, b, 100n, 3)]))
        .to.be.revertedWithCustomError(f.trade, "FeeAbovePrice").withArgs(o, b);
      await recordMatchDistances(f, [match(o, b, 100n, 2)]);
      await f.trade.postClearing(w, 1_000n, [match(o, b, 100n, 2)]);
    });

    it("TooManyMatchesForOffer beyond 255 matches of one offer", async function () {
      const f = await loadFixture(matchingFixture);
      await f.trade.postClearing(f.windowId, 125n * G, Array.from({ length: 128 }, () => match(f.offer1, f.bid1, 1n)));
      await f.trade.postClearing(f.windowId, 125n * G, Array.from({ length: 127 }, () => match(f.offer1, f.bid2, 1n)));
      await expect(f.trade.postClearing(f.windowId, 125n * G, [match(f.offer1, f.bid2, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "TooManyMatchesForOffer").withArgs(f.offer1);
    });

    it("TooManyMatchesForBid beyond MAX_MATCHES_PER_BID (128) matches of one bid", async function () {
      const f = await loadFixture(matchingFixture);
      expect(await f.trade.MAX_MATCHES_PER_BID()).to.equal(128n);
      await f.trade.postClearing(f.windowId, 125n * G, Array.from({ length: 64 }, () => match(f.offer1, f.bid1, 1n)));
      await f.trade.postClearing(f.windowId, 125n * G, Array.from({ length: 64 }, () => match(f.offer2, f.bid1, 1n)));
      await expect(f.trade.postClearing(f.windowId, 125n * G, [match(f.offer2, f.bid1, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "TooManyMatchesForBid").withArgs(f.bid1);
    });

    it("BidNotFilled when a dpda clearing leaves a matched bid partly filled; mcafee allows it", async function () {
      const f = await loadFixture(matchingFixture);
      await f.trade.postClearing(f.windowId, 125n * G, [match(f.offer1, f.bid1, 4_000n), match(f.offer2, f.bid2, 2_999n)]);
      await expect(f.trade.finaliseClearing(f.windowId))
        .to.be.revertedWithCustomError(f.trade, "BidNotFilled").withArgs(f.bid2, 2_999n, 3_000n);

      const w = await openWindow(f.trade, windowParams({ mechanism: 1 }));
      const o = (await placeOrder(f.trade, w, "offer", { signer: f.s1, meter: "S-1", energy: 100n, price: G })).id;
      const b = (await placeOrder(f.trade, w, "bid", { signer: f.b1, meter: "B-1", energy: 200n, price: G })).id;
      await advanceTo((await f.trade.window(w)).biddingDeadline);
      await f.trade.advancePhase(w);
      await f.trade.postClearing(w, G, [match(o, b, 100n)]);
      await expect(f.trade.finaliseClearing(w)).to.emit(f.trade, "ClearingFinalised");
    });

    it("DeadlinePassed once the matching deadline and grace period are over", async function () {
      const f = await loadFixture(matchingFixture);
      await advanceTo(f.view.matchingDeadline + BigInt(f.params.gracePeriod) + 1n);
      await expect(f.trade.postClearing(f.windowId, G, [])).to.be.revertedWithCustomError(f.trade, "DeadlinePassed");
      await expect(f.trade.finaliseClearing(f.windowId))
        .to.be.revertedWithCustomError(f.trade, "DeadlinePassed");
    });

    it("a clearing with no match is allowed (no trade)", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(f.trade.finaliseClearing(f.windowId))
        .to.emit(f.trade, "ClearingFinalised").withArgs(f.windowId, 0, resultHash(f.windowId, 0, []), 0);
    });
  });

  describe("settlement and withdrawals", function () {
    it("NotMatched, AlreadySettled (double settlement), BidsNotSettled", async function () {
      const f = await loadFixture(settlementFixture);
      await expect(f.trade.closeWindow(f.windowId, MAX_ORDERS_PER_RELEASE))
        .to.be.revertedWithCustomError(f.trade, "BidsNotSettled").withArgs(f.windowId, 2);
      await reportReadings(f, f.windowId, [f.offer1, f.bid1], new Map([[f.offer1, 4_000n], [f.bid1, 4_000n]]));
      await f.trade.settle(f.windowId, [f.bid1]);
      await expect(f.trade.settle(f.windowId, [f.bid1]))
        .to.be.revertedWithCustomError(f.trade, "AlreadySettled").withArgs(f.bid1);
      await expect(f.trade.settle(f.windowId, [f.offer1]))
        .to.be.revertedWithCustomError(f.trade, "WrongSide").withArgs(f.offer1, 1);

      const w = await openWindow(f.trade, f.params);
      const lonely = (await placeOrder(f.trade, w, "bid", { signer: f.b1, meter: "B-1", energy: 10n, price: G })).id;
      const v = await f.trade.window(w);
      await advanceTo(v.biddingDeadline);
      await f.trade.advancePhase(w);
      await f.trade.finaliseClearing(w);
      await advanceTo(v.transferDeadline);
      await f.trade.advancePhase(w);
      await expect(f.trade.requestReadings(w, [lonely]))
        .to.be.revertedWithCustomError(f.trade, "NotMatched").withArgs(lonely);
      await expect(f.trade.settle(w, [lonely]))
        .to.be.revertedWithCustomError(f.trade, "NotMatched").withArgs(lonely);
      await expect(f.trade.requestReadings(w, [f.bid2]))
        .to.be.revertedWithCustomError(f.trade, "OrderNotInWindow").withArgs(f.bid2, w);
    });

    it("ReadingsOutstanding: before the settlement deadline a bid waits for its own reading and its sellers'", async function () {
      const f = await loadFixture(settlementFixture);
      await expect(f.trade.settle(f.windowId, [f.bid1]))
        .to.be.revertedWithCustomError(f.trade, "ReadingsOutstanding").withArgs(f.bid1, f.bid1);
      await reportReadings(f, f.windowId, [f.bid1], new Map([[f.bid1, 4_000n]]));
      await expect(f.trade.settle(f.windowId, [f.bid1]))
        .to.be.revertedWithCustomError(f.trade, "ReadingsOutstanding").withArgs(f.bid1, f.offer1);
      await reportReadings(f, f.windowId, [f.offer1], new Map([[f.offer1, 4_000n]]));
      await expect(f.trade.settle(f.windowId, [f.bid1])).to.emit(f.trade, "MatchSettled");
    });

    it("only the oracle client reports readings; NotAwaitingReading for one not asked, already in, or too late", async function () {
      const f = await loadFixture(settlementFixture);
      // The client passes each reading as (orderId << 64 | Wh).
      const word = (id, wh) => (id << 64n) | wh;
      await expect(f.trade.connect(f.stranger).onReadings([word(f.bid1, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, await f.trade.ORACLE_ROLE());
      const oracle = await asOracleClient(f);
      await expect(f.trade.connect(oracle).onReadings([word(f.bid1, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "NotAwaitingReading").withArgs(f.bid1);
      await f.trade.requestReadings(f.windowId, [f.bid1, f.bid2]);
      await f.trade.connect(oracle).onReadings([word(f.bid1, 4_000n)]);
      // A second fulfilment of the same reading, as a replayed answer would make it.
      await expect(f.trade.connect(oracle).onReadings([word(f.bid1, 1n)]))
        .to.be.revertedWithCustomError(f.trade, "NotAwaitingReading").withArgs(f.bid1);
      await advanceTo(f.view.settlementDeadline);
      await expect(f.trade.connect(oracle).onReadings([word(f.bid2, 3_000n)]))
        .to.be.revertedWithCustomError(f.trade, "NotAwaitingReading").withArgs(f.bid2);
    });

    it("NotAwaitingReading for a validation reading of an offer that is not pending", async function () {
      const f = await loadFixture(matchingFixture);
      const oracle = await asOracleClient(f);
      await expect(f.trade.connect(oracle).onAvailableEnergy(f.offer1, 10_000n))
        .to.be.revertedWithCustomError(f.trade, "NotAwaitingReading").withArgs(f.offer1);
    });

    it("WrongPhase and DeadlinePassed: readings are asked in Settlement, before its deadline", async function () {
      const f = await loadFixture(matchingFixture);
      await expect(f.trade.requestReadings(f.windowId, [f.bid1]))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.Settlement, PHASE.Matching);
      await expect(f.trade.settle(f.windowId, [f.bid1]))
        .to.be.revertedWithCustomError(f.trade, "WrongPhase").withArgs(f.windowId, PHASE.Settlement, PHASE.Matching);
      const s = await loadFixture(settlementFixture);
      await advanceTo(s.view.settlementDeadline);
      await expect(s.trade.requestReadings(s.windowId, [s.bid1]))
        .to.be.revertedWithCustomError(s.trade, "DeadlinePassed");
    });

    it("NothingToWithdraw, also on a second withdrawal", async function () {
      const f = await loadFixture(biddingFixture);
      const { id, deposit } = await placeOrder(f.trade, f.windowId, "bid", { signer: f.b1, meter: "B-1", energy: 1_000n, price: G });
      await f.trade.connect(f.b1).cancelOrder(id);
      await expect(f.trade.connect(f.b1).withdraw()).to.emit(f.trade, "Withdrawn").withArgs(f.b1.address, f.b1.address, deposit);
      await expect(f.trade.connect(f.b1).withdraw())
        .to.be.revertedWithCustomError(f.trade, "NothingToWithdraw").withArgs(f.b1.address);
    });

    it("TransferFailed keeps the balance when the recipient refuses ETH", async function () {
      const f = await loadFixture(biddingFixture);
      const trader = await ethers.deployContract("RejectingTrader");
      await f.dataAccess.connect(f.registrar).registerMeter(meterId("R-1"), trader.target, 9);
      await trader.forward(f.dataAccess.target, f.dataAccess.interface.encodeFunctionData("grantAccess", [meterId("R-1"), f.trade.target]));
      const escrow = await f.trade.bidEscrow(f.windowId, 1_000n, G);
      await trader.forward(f.trade.target, f.trade.interface.encodeFunctionData("submitBid", [f.windowId, meterId("R-1"), 1_000n, G, 0]),
        { value: escrow + await orderFeeOf(f.trade, f.windowId) });
      const id = await f.trade.orderCount();
      await trader.forward(f.trade.target, f.trade.interface.encodeFunctionData("cancelOrder", [id]));
      await expect(trader.forward(f.trade.target, f.trade.interface.encodeFunctionData("withdraw")))
        .to.be.revertedWithCustomError(f.trade, "TransferFailed").withArgs(trader.target, escrow);
      expect(await f.trade.withdrawable(trader.target)).to.equal(escrow);
    });

    it("a receiver that calls back into withdraw or withdrawTo while being paid gets nothing more", async function () {
      const f = await loadFixture(biddingFixture);
      for (const [n, reentry] of [["W-1", "withdraw"], ["W-2", "withdrawTo"]]) {
        const attacker = await ethers.deployContract("ReentrantWithdrawer");
        const call = (fn, args = [], value = 0n) =>
          attacker.forward(f.trade.target, f.trade.interface.encodeFunctionData(fn, args), { value });
        await f.dataAccess.connect(f.registrar).registerMeter(meterId(n), attacker.target, 9);
        await attacker.forward(f.dataAccess.target, f.dataAccess.interface.encodeFunctionData("grantAccess", [meterId(n), f.trade.target]));
        const escrow = await f.trade.bidEscrow(f.windowId, 1_000n, G);
        await call("submitBid", [f.windowId, meterId(n), 1_000n, G, 0], escrow + await orderFeeOf(f.trade, f.windowId));
        await call("cancelOrder", [await f.trade.orderCount()]);
        await attacker.arm(f.trade.target, f.trade.interface.encodeFunctionData(reentry, reentry === "withdraw" ? [] : [attacker.target]));
        await expect(call(reentry, reentry === "withdraw" ? [] : [attacker.target]))
          .to.emit(f.trade, "Withdrawn").withArgs(attacker.target, attacker.target, escrow);
        expect(await attacker.reentered(), reentry).to.equal(false);
        expect((await attacker.reentryError()).slice(0, 10), reentry)
          .to.equal(f.trade.interface.getError("NothingToWithdraw").selector);
        expect(await ethers.provider.getBalance(attacker.target), reentry).to.equal(escrow);
        expect(await f.trade.withdrawable(attacker.target), reentry).to.equal(0n);
      }
    });
  });

  describe("the oracle client", function () {
    it("OnlyEnergyTrade: nobody else can spend or reserve the client's LINK", async function () {
      const f = await loadFixture(biddingFixture);
      await expect(f.client.connect(f.stranger).requestAvailableEnergy(1, meterId("S-1")))
        .to.be.revertedWithCustomError(f.client, "OnlyEnergyTrade").withArgs(f.stranger.address);
      await expect(f.client.connect(f.stranger).requestReadings([ethers.toBigInt(meterId("B-1")) | 3n, 0n], 0, 1))
        .to.be.revertedWithCustomError(f.client, "OnlyEnergyTrade").withArgs(f.stranger.address);
      await expect(f.client.connect(f.stranger).reserveReadings(1))
        .to.be.revertedWithCustomError(f.client, "OnlyEnergyTrade").withArgs(f.stranger.address);
      await expect(f.client.connect(f.stranger).releaseReadings(1))
        .to.be.revertedWithCustomError(f.client, "OnlyEnergyTrade").withArgs(f.stranger.address);
    });

    it("NoDataAccess: the client never requests a reading of a meter that has revoked the market's access", async function () {
      const f = await loadFixture(settlementFixture);
      await f.dataAccess.connect(f.b1).revokeAccess(meterId("B-1"), f.trade.target);
      // EnergyTrade skips such a meter itself; the client's own check stands behind it for any caller it trusts.
      await f.client.setEnergyTrade(f.stranger.address);
      await expect(f.client.connect(f.stranger).requestAvailableEnergy(f.bid1, meterId("B-1")))
        .to.be.revertedWithCustomError(f.client, "NoDataAccess").withArgs(meterId("B-1"));
    });

    it("a fulfilment only counts from the Operator, and only once", async function () {
      const f = await loadFixture(settlementFixture);
      const receipt = await (await f.trade.requestReadings(f.windowId, [f.bid2])).wait();
      const [request] = readingRequestsIn(receipt, f.operator, f.client);
      await expect(f.client.connect(f.stranger).fulfillReadings(request.requestId, request.meterIds, [3_000n], [0n], [true]))
        .to.be.revertedWith("Source must be the oracle of the request");
      await expect(fulfil(f.operator, f.stranger, request, 3_000n)).to.be.revertedWith("Not authorized sender");
      await expect(fulfil(f.operator, f.node, request, 3_000n))
        .to.emit(f.client, "ReadingsFulfilled").withArgs(request.requestId, 1n);
      await expect(fulfil(f.operator, f.node, request, 3_000n)).to.be.revertedWith("Must have a valid requestId");
    });

    it("UnknownRequest: the owner cancels only a pending request of the client", async function () {
      const f = await loadFixture(biddingFixture);
      await expect(f.client.cancelExpiredRequest(ethers.ZeroHash))
        .to.be.revertedWithCustomError(f.client, "UnknownRequest").withArgs(ethers.ZeroHash);
      await expect(f.client.connect(f.stranger).cancelExpiredRequest(ethers.ZeroHash))
        .to.be.revertedWithCustomError(f.client, "OwnableUnauthorizedAccount");
      await expect(f.client.connect(f.stranger).withdrawLink(f.stranger.address, 1n))
        .to.be.revertedWithCustomError(f.client, "OwnableUnauthorizedAccount");
    });

    it("the owner reconfigures the oracle; others cannot", async function () {
      const f = await loadFixture(biddingFixture);
      await expect(f.client.connect(f.stranger).configure(f.operator.target, ethers.ZeroHash, 1n, "http://x"))
        .to.be.revertedWithCustomError(f.client, "OwnableUnauthorizedAccount");
      await expect(f.client.configure(f.operator.target, ethers.ZeroHash, 1n, "http://hems:8080"))
        .to.emit(f.client, "OracleConfigured").withArgs(f.operator.target, ethers.ZeroHash, 1n, "http://hems:8080");
      expect(await f.client.hemsBaseUrl()).to.equal("http://hems:8080");
      await expect(f.client.connect(f.stranger).setEnergyTrade(f.stranger.address))
        .to.be.revertedWithCustomError(f.client, "OwnableUnauthorizedAccount");
    });
  });
});
