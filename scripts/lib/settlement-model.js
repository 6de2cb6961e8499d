// An independent JavaScript statement of MARKET.md "Settlement" (BigInt, to the wei): readings on both sides of
// every match, penalties in both directions, missing readings counted against their owners. Used by the tests and
// the benchmark to predict every credit the contract makes.

const cost = (energyWh, price) => (BigInt(energyWh) * BigInt(price)) / 1000n;
const feeHalf = (energyWh, gridCharge, distanceM) =>
  (BigInt(energyWh) * BigInt(gridCharge) * BigInt(distanceM)) / 2_000_000n;
const bidEscrow = (energyWh, maxPrice, gridCharge, maxDistanceM, penaltyRate) =>
  cost(energyWh, maxPrice) + feeHalf(energyWh, gridCharge, maxDistanceM) + cost(energyWh, penaltyRate);
const offerCollateral = (energyWh, penaltyRate) => cost(energyWh, penaltyRate);

/** Q = min(reading, sum) spread over `energies` in order: floor shares, then 1 Wh more to the first r. */
function spread(reading, energies) {
  const matched = energies.reduce((s, e) => s + BigInt(e), 0n);
  const q = BigInt(reading) < matched ? BigInt(reading) : matched;
  const shares = energies.map((e) => (q * BigInt(e)) / matched);
  let left = q - shares.reduce((s, d) => s + d, 0n);
  for (let i = 0; left > 0n; i++, left--) shares[i] += 1n;
  return shares;
}

/** A missing buyer reading: b = s or b = 0, whichever costs the buyer more on the match (ties: s). */
function missingBuyerWh(energy, sellerWh, distance, price, { gridCharge, penaltyRate }) {
  const atSeller = cost(sellerWh, price) + feeHalf(sellerWh, gridCharge, distance) + cost(BigInt(energy) - sellerWh, penaltyRate);
  return atSeller >= cost(energy, penaltyRate) ? sellerWh : 0n;
}

/**
 * Settle matches ([{ offerId, bidId, energy, distance }], posting order) from readings (Map orderId -> Wh; an
 * absent id is a missing reading). Returns one entry per match: { offerId, bidId, energy, buyerWh, sellerWh,
 * traded, payment, feeHalf, sellerPenalty, buyerPenalty, buyerMissing, sellerMissing }.
 */
function settleMatches({ matches, readings, price, params }) {
  const key = (id) => BigInt(id);
  const read = new Map([...readings].map(([id, wh]) => [key(id), wh]));
  const indexesBy = (field) => {
    const groups = new Map();
    matches.forEach((m, i) => {
      const id = key(m[field]);
      if (!groups.has(id)) groups.set(id, []);
      groups.get(id).push(i);
    });
    return groups;
  };
  const sellerWh = matches.map(() => 0n);
  for (const [offerId, idx] of indexesBy("offerId")) {
    if (!read.has(offerId)) continue;
    spread(read.get(offerId), idx.map((i) => matches[i].energy)).forEach((s, k) => { sellerWh[idx[k]] = s; });
  }
  const buyerWh = matches.map(() => null);
  for (const [bidId, idx] of indexesBy("bidId")) {
    if (!read.has(bidId)) {
      for (const i of idx) buyerWh[i] = missingBuyerWh(matches[i].energy, sellerWh[i], matches[i].distance, price, params);
    } else {
      spread(read.get(bidId), idx.map((i) => matches[i].energy)).forEach((b, k) => { buyerWh[idx[k]] = b; });
    }
  }
  return matches.map((m, i) => {
    const b = buyerWh[i];
    const s = sellerWh[i];
    const traded = b < s ? b : s;
    return {
      offerId: key(m.offerId), bidId: key(m.bidId), energy: BigInt(m.energy), buyerWh: b, sellerWh: s, traded,
      payment: cost(traded, price),
      feeHalf: feeHalf(traded, params.gridCharge, m.distance),
      sellerPenalty: cost(BigInt(m.energy) - s, params.penaltyRate),
      buyerPenalty: cost(BigInt(m.energy) - b, params.penaltyRate),
      buyerMissing: !read.has(key(m.bidId)),
      sellerMissing: !read.has(key(m.offerId)),
    };
  });
}

module.exports = { cost, feeHalf, bidEscrow, offerCollateral, spread, missingBuyerWh, settleMatches };
