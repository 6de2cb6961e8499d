// An independent JavaScript statement of MARKET.md "Settlement" (BigInt, to the wei), used by the tests
// and the benchmark to predict every credit the contract makes.

const cost = (energyWh, price) => (BigInt(energyWh) * BigInt(price)) / 1000n;
const gridFee = (energyWh, gridCharge, distanceM) =>
  (BigInt(energyWh) * BigInt(gridCharge) * BigInt(distanceM)) / 1_000_000n;
const bidEscrow = (energyWh, maxPrice, gridCharge, maxDistanceM) =>
  cost(energyWh, maxPrice) + (BigInt(energyWh) * BigInt(gridCharge) * BigInt(maxDistanceM)) / 2_000_000n;
const offerCollateral = (energyWh, penaltyRate) => cost(energyWh, penaltyRate);

/**
 * Settle one bid. matches: [{ offerId, energy, distance }] in posting order; escrow: the bid's escrow;
 * received: R_b. Returns { perMatch: [{ offerId, delivered, sellerPayout, buyerPayment, fee, penalty }],
 * buyerCredit, feeTotal }.
 */
function settleBid({ matches, escrow, received, price, gridCharge, penaltyRate }) {
  const matched = matches.reduce((s, m) => s + BigInt(m.energy), 0n);
  const deliveredTotal = BigInt(received) < matched ? BigInt(received) : matched;
  const delivered = matches.map((m) => (deliveredTotal * BigInt(m.energy)) / matched);
  let remainder = deliveredTotal - delivered.reduce((s, d) => s + d, 0n);
  for (let i = 0; remainder > 0n; i++, remainder--) delivered[i] += 1n;

  let paid = 0n;
  let penalties = 0n;
  let feeTotal = 0n;
  const perMatch = matches.map((m, i) => {
    const d = delivered[i];
    const value = cost(d, price);
    const fee = gridFee(d, gridCharge, m.distance);
    const sellerFee = fee / 2n;
    const penalty = cost(BigInt(m.energy) - d, penaltyRate);
    const sellerPayout = value - sellerFee + cost(m.energy, penaltyRate) - penalty;
    const buyerPayment = value + fee - sellerFee;
    paid += buyerPayment;
    penalties += penalty;
    feeTotal += fee;
    return { offerId: m.offerId, delivered: d, sellerPayout, buyerPayment, fee, penalty };
  });
  if (paid > escrow) {
    feeTotal -= paid - escrow;
    paid = escrow;
  }
  return { perMatch, buyerCredit: escrow - paid + penalties, feeTotal };
}

module.exports = { cost, gridFee, bidEscrow, offerCollateral, settleBid };
