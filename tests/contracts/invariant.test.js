// Randomised invariant: many windows with random books, clearings, readings on both sides (random values, revoked
// access, silent meters), settlements before and after the deadline, cancellations and withdrawals.
// After every step the contract's ETH balance equals what it owes (withdrawable balances plus deposits still
// held), and at the end of each window every account's balance matches the JS model of MARKET.md to the wei.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { setUpMarket, windowParams, openWindow, placeOrder, meterId, MAX_ORDERS_PER_RELEASE, recordMatchDistances } = require("../../scripts/lib/market-fixture");
const { readingRequestsIn, fulfil } = require("../../scripts/lib/oracle-node");
const { advanceTo } = require("../../scripts/lib/chain-time");
const { windowCredits } = require("../../scripts/lib/window-model");
const { bidEscrow, offerCollateral } = require("../../scripts/lib/settlement-model");

const SEED = Number(process.env.INVARIANT_SEED || 1);
const WINDOWS = Number(process.env.INVARIANT_WINDOWS || 12);
const MAX_ORDERS_PER_WINDOW = 12;

/** mulberry32: a small deterministic PRNG so a failure can be replayed with INVARIANT_SEED. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, big: (lo, hi) => BigInt(int(Number(lo), Number(hi))), pick: (xs) => xs[int(0, xs.length - 1)] };
}

async function tradersFixture() {
  const signers = await ethers.getSigners();
  const [admin, node, dso] = signers;
  const sellers = signers.slice(3, 9).map((signer, i) => ({ signer, meter: `S-${i}`, bus: i }));
  const buyers = signers.slice(9, 15).map((signer, i) => ({ signer, meter: `B-${i}`, bus: 10 + i }));
  // A meter holds one open order per window: each trader has one meter per order slot of a window.
  const meters = [...sellers, ...buyers].flatMap((t) =>
    Array.from({ length: MAX_ORDERS_PER_WINDOW }, (_, i) => ({ ...t, meter: `${t.meter}.${i}` })));
  const market = await setUpMarket(signers, { node, dso, traders: meters });
  return { ...market, admin, node, dso, sellers, buyers };
}

describe(`Randomised invariant (seed ${SEED}, ${WINDOWS} windows)`, function () {
  it("the contract always holds exactly what it owes, and pays what MARKET.md says", async function () {
    const f = await loadFixture(tradersFixture);
    const { trade, operator, client, node, dso } = f;
    const rnd = prng(SEED);
    const seen = {
      matches: 0, shortReadings: 0, windowsCancelled: 0, rejectedOffers: 0, closed: 0, closedByHouseholds: 0,
      revocations: 0, silentMeters: 0, settledEarly: 0, settledLate: 0,
    };
    const accounts = [...f.sellers, ...f.buyers].map((t) => t.signer).concat([dso]);
    // The admin opens every window: it is the operator the order fees are credited to. Kept out of `accounts`, whose
    // random picks (withdrawals, callers) the seeds were chosen for.
    const owedTo = accounts.concat([f.admin]);
    const expectedBalance = new Map(owedTo.map((a) => [a.address.toLowerCase(), 0n]));
    const addExpected = (credits) => {
      for (const [addr, amount] of credits) expectedBalance.set(addr, expectedBalance.get(addr) + amount);
    };

    // Money the open window still holds, per the model: deposits of live orders, less collateral already paid out.
    let held = () => 0n;
    const checkBalance = async (step) => {
      let owed = held();
      for (const a of owedTo) owed += await trade.withdrawable(a.address);
      expect(await ethers.provider.getBalance(trade.target), step).to.equal(owed);
    };
    const checkAccounts = async (step) => {
      for (const a of owedTo) {
        expect(await trade.withdrawable(a.address), `${step}: ${a.address}`).to.equal(expectedBalance.get(a.address.toLowerCase()));
      }
    };
    const randomWithdrawals = async () => {
      for (const a of accounts) {
        if (rnd.next() < 0.3 && (await trade.withdrawable(a.address)) > 0n) {
          await trade.connect(a).withdraw();
          expectedBalance.set(a.address.toLowerCase(), 0n);
        }
      }
    };

    for (let w = 0; w < WINDOWS; w++) {
      const params = windowParams({
        gridCharge: rnd.big(0, 5_000_000),
        maxDistanceM: rnd.int(100, 3_000),
        penaltyRate: rnd.pick([1_000_000_000n, rnd.big(1_000_000_000, 10n ** 11n)]),
        maxEnergyWh: rnd.big(1_000, 50_000),
        mechanism: rnd.int(0, 2),
        validateOffers: rnd.next() < 0.4,
        // Not drawn from the PRNG, so the seeds keep the books, readings and outcomes they were chosen for.
        orderFee: BigInt(w % 3) * 333_333_337n,
      });
      const windowId = await openWindow(trade, params);
      const orders = []; // model: { id, owner, side, energy, price, state }
      const live = (o) => o.state === "valid" || o.state === "pending";
      held = () => orders.filter(live).reduce((s, o) => s + (o.side === "bid"
        ? bidEscrow(o.energy, o.price, params.gridCharge, params.maxDistanceM, params.penaltyRate)
        : offerCollateral(o.energy, params.penaltyRate)), 0n);

      const nOrders = rnd.int(2, MAX_ORDERS_PER_WINDOW);
      for (let i = 0; i < nOrders; i++) {
        const side = rnd.next() < 0.5 ? "offer" : "bid";
        const t = rnd.pick(side === "offer" ? f.sellers : f.buyers);
        const energy = rnd.big(1, params.maxEnergyWh);
        const price = rnd.big(1, 300) * 1_000_000_007n;
        const { id, receipt } = await placeOrder(trade, windowId, side, { signer: t.signer, meter: `${t.meter}.${i}`, energy, price });
        const o = { id, owner: t.signer.address, signer: t.signer, meter: `${t.meter}.${i}`, side, energy, price, state: "valid" };
        orders.push(o);
        // The order fee is the operator's at once, whatever becomes of the order.
        addExpected([[f.admin.address.toLowerCase(), params.orderFee]]);
        if (side === "offer" && params.validateOffers) {
          o.state = "pending";
          const [request] = readingRequestsIn(receipt, operator, client);
          if (rnd.next() < 0.85) {
            const available = rnd.big(0, Number(energy) * 2);
            await fulfil(operator, node, request, available);
            o.state = available >= energy ? "valid" : "rejected";
            if (o.state === "rejected") seen.rejectedOffers++;
            if (o.state === "rejected") addExpected([[o.owner.toLowerCase(), offerCollateral(energy, params.penaltyRate)]]);
          }
        }
        if (live(o) && rnd.next() < 0.1) {
          await trade.connect(t.signer).cancelOrder(id);
          addExpected([[o.owner.toLowerCase(), o.side === "bid"
            ? bidEscrow(energy, price, params.gridCharge, params.maxDistanceM, params.penaltyRate)
            : offerCollateral(energy, params.penaltyRate)]]);
          o.state = "cancelled";
        }
        await checkBalance(`window ${w} order ${i}`);
      }
      await checkAccounts(`window ${w} after bidding`);

      let view = await trade.window(windowId);
      await advanceTo(view.biddingDeadline);
      await trade.advancePhase(windowId);

      // A valid clearing: a price, then bids filled from offers priced at or below it (dpda: whole bids only).
      const price = rnd.big(1, 300) * 1_000_000_007n;
      const offers = orders.filter((o) => o.side === "offer" && o.state === "valid" && o.price <= price)
        .map((o) => ({ ...o, left: o.energy }));
      const bids = orders.filter((o) => o.side === "bid" && o.state === "valid" && o.price >= price);
      const matches = [];
      const maxFeeDistance = params.gridCharge === 0n ? params.maxDistanceM
        : Math.min(params.maxDistanceM, Number((price * 2000n) / params.gridCharge));
      for (const b of bids) {
        const supply = offers.reduce((s, o) => s + o.left, 0n);
        if (supply === 0n) break;
        if (params.mechanism === 0 && supply < b.energy) continue;
        let need = b.energy < supply ? b.energy : supply;
        for (const o of offers) {
          if (need === 0n || matches.filter((m) => m.bidId === b.id).length >= 5) break;
          const e = o.left < need ? o.left : need;
          if (e === 0n) continue;
          matches.push({ offerId: o.id, bidId: b.id, energy: e, distance: rnd.int(0, maxFeeDistance) });
          o.left -= e;
          need -= e;
        }
        if (params.mechanism === 0 && need > 0n) throw new Error("model bug: dpda bid not filled");
      }
      seen.matches += matches.length;
      const abandonClearing = rnd.next() < 0.15;
      for (let i = 0; i < matches.length;) {
        const size = rnd.int(1, 6);
        const batch = matches.slice(i, i + size)
          .map((m) => ({ offerId: m.offerId, bidId: m.bidId, energyWh: m.energy, distanceM: m.distance }));
        await recordMatchDistances(f, batch);
        await trade.postClearing(windowId, price, batch);
        i += size;
        await checkBalance(`window ${w} clearing`);
      }

      if (abandonClearing) {
        await advanceTo(view.matchingDeadline + BigInt(params.gracePeriod) + 1n);
        await trade.cancelWindow(windowId, MAX_ORDERS_PER_RELEASE);
        seen.windowsCancelled++;
        addExpected(windowCredits({ params, orders: orders.filter(live), price, matches: [] }).credits);
      } else {
        await trade.finaliseClearing(windowId);
        view = await trade.window(windowId);
        await advanceTo(view.transferDeadline);
        await trade.advancePhase(windowId);
        const matchedBids = [...new Set(matches.map((m) => m.bidId))];
        const matched = [...new Set(matches.flatMap((m) => [m.offerId, m.bidId]))];
        const allocation = (id) => matches.filter((m) => m.offerId === id || m.bidId === id).reduce((s, m) => s + m.energy, 0n);
        const readings = new Map();
        const settled = [];
        const liveOrders = orders.filter(live);
        const model = () => windowCredits({ params, feeRecipient: dso.address, orders: liveOrders, price, matches, readings, settled });
        // Deposits still held: unsettled bids' escrow, offers' collateral less the penalties settled matches took.
        const track = () => {
          const { refunds } = model();
          held = () => liveOrders.filter((o) => !settled.includes(o.id)).reduce((s, o) => s + refunds.get(o.id), 0n);
        };

        // Some owners revoke the market's access after clearing: their readings cannot be asked, and count as missing.
        const revoked = matched.filter(() => rnd.next() < 0.1);
        for (const id of revoked) {
          const o = orders.find((x) => x.id === id);
          await f.dataAccess.connect(o.signer).revokeAccess(meterId(o.meter), trade.target);
          seen.revocations++;
        }
        const asked = matched.filter(() => rnd.next() < 0.9);
        if (asked.length > 0) {
          const asker = rnd.next() < 0.5 ? trade : trade.connect(rnd.pick(accounts));
          const receipt = await (await asker.requestReadings(windowId, asked)).wait();
          // One request for the batch; a silent meter is answered as not read.
          for (const r of readingRequestsIn(receipt, operator, client)) {
            const answered = new Map();
            for (const id of r.orderIds) {
              if (rnd.next() < 0.15) {
                seen.silentMeters++;
                continue;
              }
              const energy = allocation(id);
              const value = rnd.pick([0n, energy, rnd.big(0, Number(energy) * 3 / 2)]);
              answered.set(id, value);
              if (value < energy) seen.shortReadings++;
            }
            await fulfil(operator, node, r, answered);
            for (const [id, value] of answered) readings.set(id, value);
          }
        }
        // Bids whose readings and sellers' readings are all in settle at once, one by one, each checked.
        for (const b of matchedBids) {
          const ready = readings.has(b) && matches.every((m) => m.bidId !== b || readings.has(m.offerId));
          if (!ready || rnd.next() < 0.3) continue;
          await trade.connect(rnd.pick(accounts)).settle(windowId, [b]);
          settled.push(b);
          seen.settledEarly++;
          track();
          await checkBalance(`window ${w} settlement of ${b}`);
        }
        const rest = matchedBids.filter((b) => !settled.includes(b));
        // Sometimes the operator goes silent after the readings: a household settles what is left and closes (a
        // cleared window is never cancelled, so the sellers who delivered are paid).
        const byHousehold = rnd.next() < 0.15;
        const closer = byHousehold ? trade.connect(rnd.pick(accounts)) : trade;
        if (byHousehold) {
          await expect(closer.cancelWindow(windowId, MAX_ORDERS_PER_RELEASE)).to.be.revertedWithCustomError(trade, "NotCancellable");
          await advanceTo(view.settlementDeadline + BigInt(params.gracePeriod) + 1n);
          seen.closedByHouseholds++;
        }
        if (rest.length > 0) {
          await advanceTo(view.settlementDeadline);
          await closer.settle(windowId, rest);
          settled.push(...rest);
          seen.settledLate += rest.length;
          track();
          await checkBalance(`window ${w} late settlement`);
        }
        for (const id of revoked) {
          const o = orders.find((x) => x.id === id);
          await f.dataAccess.connect(o.signer).grantAccess(meterId(o.meter), trade.target);
        }
        await closer.closeWindow(windowId, MAX_ORDERS_PER_RELEASE);
        seen.closed++;
        addExpected(model().credits);
      }
      held = () => 0n;
      await checkBalance(`window ${w} finished`);
      await checkAccounts(`window ${w} finished`);
      await randomWithdrawals();
      await checkBalance(`window ${w} withdrawals`);
    }

    for (const a of owedTo) {
      if ((await trade.withdrawable(a.address)) > 0n) await trade.connect(a).withdraw();
    }
    expect(await ethers.provider.getBalance(trade.target)).to.equal(0n);
    // Every reading the orders reserved was asked or given back.
    expect(await client.reservedReadings()).to.equal(0n);
    // The run must have exercised the interesting paths, or it proves little.
    for (const [what, count] of Object.entries(seen)) expect(count, what).to.be.greaterThan(0);
  });
});
