// Paginated per-window views, the oracle role, withdrawing to another address and re-assigning an idle meter
// (issue #11 items 4 and 8).
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, orderFeeOf, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { reportReadings } = require("../../scripts/lib/oracle-node");

const G = 1_000_000_000n;
const ORDERS = 45;

async function marketFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso, seller, buyer, stranger] = signers;
  const meters = Array.from({ length: ORDERS }, (_, i) =>
    ({ signer: i % 2 === 0 ? seller : buyer, meter: `${i % 2 === 0 ? "S" : "B"}-${i}`, bus: i }));
  const market = await setUpMarket(signers, { node, dso, traders: meters });
  return { ...market, admin, node, dso, seller, buyer, stranger, meters };
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

describe("Paginated window views", function () {
  it("windowOrderIds and windowMatches pages are complete, in order, and the same for every page size", async function () {
    const f = await loadFixture(marketFixture);
    const { trade } = f;
    const w = await openWindow(trade, windowParams({ mechanism: 2 }));
    const other = await openWindow(trade, windowParams());
    const ids = [];
    const otherIds = [];
    for (let i = 0; i < ORDERS; i++) {
      const m = f.meters[i];
      const side = i % 2 === 0 ? "offer" : "bid";
      ids.push((await placeOrder(trade, w, side, { ...m, energy: 1_000n, price: side === "offer" ? 100n * G : 150n * G })).id);
      // The other window's orders interleave with ours; no page of ours may show them.
      if (i % 4 === 0) otherIds.push((await placeOrder(trade, other, side, { ...m, energy: 10n, price: 100n * G })).id);
    }
    for (const size of [1, 7, 16, 100]) {
      expect(await allPages((from, n) => trade.windowOrderIds(w, from, n), size)).to.deep.equal(ids);
    }
    expect(await allPages((from, n) => trade.windowOrderIds(other, from, n), 5)).to.deep.equal(otherIds);
    expect(await trade.windowOrderIds(w, ORDERS, 10)).to.deep.equal([]);
    expect(await trade.windowOrderIds(w, ORDERS - 2, 10)).to.deep.equal(ids.slice(-2));

    // Each bid takes half its energy from the offer before it and a quarter from the first offer, in two batches.
    const matches = [];
    for (let i = 1; i < ORDERS; i += 2) {
      matches.push({ offerId: ids[i - 1], bidId: ids[i], energyWh: 500n, distanceM: 10 * i });
      if (i > 1 && i < 17) matches.push({ offerId: ids[0], bidId: ids[i], energyWh: 50n, distanceM: 7 });
    }
    const v = await trade.window(w);
    await advanceTo(v.biddingDeadline);
    await trade.advancePhase(w);
    await recordMatchDistances(f, matches);
    await trade.postClearing(w, 120n * G, matches.slice(0, 13));
    await trade.postClearing(w, 120n * G, matches.slice(13));
    const asTuples = matches.map((m) => [m.offerId, m.bidId, m.energyWh, BigInt(m.distanceM)]);
    for (const size of [1, 4, 6, 50]) {
      const pages = await allPages((from, n) => trade.windowMatches(w, from, n), size);
      expect(pages.map((m) => [m.offerId, m.bidId, m.energyWh, m.distanceM])).to.deep.equal(asTuples);
    }
    expect(await trade.windowMatches(w, matches.length, 5)).to.deep.equal([]);
  });
});

describe("The oracle role", function () {
  it("only setOracleClient gives ORACLE_ROLE, and only to a contract", async function () {
    const f = await loadFixture(marketFixture);
    const { trade } = f;
    await expect(trade.grantRole(await trade.ORACLE_ROLE(), f.stranger.address))
      .to.be.revertedWithCustomError(trade, "OracleRoleOnlyViaSetOracleClient");
    await expect(trade.setOracleClient(f.stranger.address))
      .to.be.revertedWithCustomError(trade, "OracleClientNotContract").withArgs(f.stranger.address);
    expect(await trade.hasRole(await trade.ORACLE_ROLE(), f.stranger.address)).to.equal(false);
    // Other roles are granted as before.
    await trade.grantRole(await trade.OPERATOR_ROLE(), f.stranger.address);
    expect(await trade.hasRole(await trade.OPERATOR_ROLE(), f.stranger.address)).to.equal(true);
  });
});

describe("withdrawTo", function () {
  it("a fee recipient contract that cannot receive ETH withdraws its fees to another address", async function () {
    const f = await loadFixture(marketFixture);
    const { trade } = f;
    const recipient = await ethers.deployContract("RejectingTrader");
    await expect(trade.setFeeRecipient(recipient.target)).to.emit(trade, "FeeRecipientSet").withArgs(recipient.target);
    const w = await openWindow(trade, windowParams());
    const offer = await placeOrder(trade, w, "offer", { ...f.meters[0], energy: 1_000n, price: 100n * G });
    const bid = await placeOrder(trade, w, "bid", { ...f.meters[1], energy: 1_000n, price: 150n * G });
    const v = await trade.window(w);
    await advanceTo(v.biddingDeadline);
    await trade.advancePhase(w);
    const matches = [{ offerId: offer.id, bidId: bid.id, energyWh: 1_000n, distanceM: 500 }];
    await recordMatchDistances(f, matches);
    await trade.postClearing(w, 120n * G, matches);
    await trade.finaliseClearing(w);
    await advanceTo(v.transferDeadline);
    await trade.advancePhase(w);
    await reportReadings(f, w, [offer.id, bid.id], new Map([[offer.id, 1_000n], [bid.id, 1_000n]]));
    await trade.settle(w, [bid.id]);
    const fees = await trade.withdrawable(recipient.target);
    expect(fees).to.be.greaterThan(0n);

    const call = (fn, args) => recipient.forward(trade.target, trade.interface.encodeFunctionData(fn, args));
    await expect(call("withdraw", [])).to.be.revertedWithCustomError(trade, "TransferFailed").withArgs(recipient.target, fees);
    await expect(call("withdrawTo", [ethers.ZeroAddress])).to.be.revertedWithCustomError(trade, "InvalidParams");
    const before = await ethers.provider.getBalance(f.dso.address);
    await expect(call("withdrawTo", [f.dso.address]))
      .to.emit(trade, "Withdrawn").withArgs(recipient.target, f.dso.address, fees);
    expect(await ethers.provider.getBalance(f.dso.address)).to.equal(before + fees);
    expect(await trade.withdrawable(recipient.target)).to.equal(0n);
  });
});

describe("Re-assigning a meter", function () {
  it("the registrar moves an idle meter to a new owner; an open order keeps it; the old grants lapse", async function () {
    const f = await loadFixture(marketFixture);
    const { trade } = f;
    const dataAccess = f.dataAccess.connect(f.registrar);
    const meter = meterId("M-typo");
    // Registered to the wrong address by mistake; that owner grants access and bids.
    await dataAccess.registerMeter(meter, f.stranger.address, 77);
    await dataAccess.connect(f.stranger).grantAccess(meter, trade.target);
    const w = await openWindow(trade, windowParams());
    const bid = await placeOrder(trade, w, "bid", { signer: f.stranger, meter: "M-typo", energy: 100n, price: G });

    await expect(dataAccess.connect(f.stranger).reassignMeter(meter, f.buyer.address))
      .to.be.revertedWithCustomError(dataAccess, "AccessControlUnauthorizedAccount");
    await expect(dataAccess.reassignMeter(meter, f.buyer.address))
      .to.be.revertedWithCustomError(dataAccess, "MeterNotIdle").withArgs(meter);
    await expect(dataAccess.reassignMeter(meterId("M-none"), f.buyer.address))
      .to.be.revertedWithCustomError(dataAccess, "UnknownMeter");

    await trade.connect(f.stranger).cancelOrder(bid.id);
    expect(await trade.meterIdle(meter)).to.equal(true);
    await expect(dataAccess.reassignMeter(meter, f.buyer.address))
      .to.emit(dataAccess, "MeterReassigned").withArgs(meter, f.stranger.address, f.buyer.address);
    expect((await dataAccess.meterOf(meter)).owner).to.equal(f.buyer.address);

    // The old owner's grant no longer counts: neither it nor the new owner trades until the new owner grants.
    expect(await dataAccess.hasAccess(meter, trade.target)).to.equal(false);
    const escrow = await trade.bidEscrow(w, 100n, G);
    await expect(trade.connect(f.stranger).submitBid(w, meter, 100n, G, 0, { value: escrow + await orderFeeOf(trade, w) }))
      .to.be.revertedWithCustomError(trade, "NotMeterOwner");
    await expect(trade.connect(f.buyer).submitBid(w, meter, 100n, G, 0, { value: escrow + await orderFeeOf(trade, w) }))
      .to.be.revertedWithCustomError(trade, "NoDataAccess");
    await dataAccess.connect(f.buyer).grantAccess(meter, trade.target);
    await expect(trade.connect(f.buyer).submitBid(w, meter, 100n, G, 0, { value: escrow + await orderFeeOf(trade, w) })).to.emit(trade, "BidSubmitted");
  });

  it("a registry without a market refuses to re-assign", async function () {
    const [admin, owner, other, registrar] = await ethers.getSigners();
    const registry = await ethers.deployContract("DataAccess", [admin.address, registrar.address]);
    await registry.connect(registrar).registerMeter(meterId("M-1"), owner.address, 1);
    await expect(registry.connect(registrar).reassignMeter(meterId("M-1"), other.address)).to.be.revertedWithCustomError(registry, "MarketNotSet");
    await expect(registry.connect(owner).setMarket(other.address))
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount");
  });
});
