// Expected credits of a whole window under MARKET.md, computed independently of the contract.
const { bidEscrow, offerCollateral, settleBid } = require("./settlement-model");

/**
 * feeRecipient: the market-wide account credited with the grid fees
 * orders: [{ id, owner, side: "offer"|"bid", energy, price, state: "valid"|"rejected"|"cancelled" }]
 * matches: [{ offerId, bidId, energy, distance }] in posting order
 * received: Map(bidId -> Wh) for the bids that were settled (all matched bids for a closed window)
 * Returns { credits: Map(address -> wei), deposits: total wei paid in }.
 */
function windowCredits({ params, feeRecipient, orders, price, matches, received }) {
  const credits = new Map();
  const credit = (addr, amount) => {
    if (amount === 0n) return;
    const key = addr.toLowerCase();
    credits.set(key, (credits.get(key) || 0n) + amount);
  };
  const byId = new Map(orders.map((o) => [BigInt(o.id), o]));
  const deposit = (o) => o.side === "bid"
    ? bidEscrow(o.energy, o.price, params.gridCharge, params.maxDistanceM)
    : offerCollateral(o.energy, params.penaltyRate);

  let deposits = 0n;
  for (const o of orders) deposits += deposit(o);

  const collateralUsed = new Map();
  const settled = new Set();
  for (const [bidId, r] of received) {
    const bid = byId.get(BigInt(bidId));
    const own = matches.filter((m) => BigInt(m.bidId) === BigInt(bidId));
    const result = settleBid({
      matches: own, escrow: deposit(bid), received: r, price,
      gridCharge: params.gridCharge, penaltyRate: params.penaltyRate,
    });
    result.perMatch.forEach((pm) => credit(byId.get(BigInt(pm.offerId)).owner, pm.sellerPayout));
    for (const m of own) {
      const key = BigInt(m.offerId);
      collateralUsed.set(key, (collateralUsed.get(key) || 0n) + offerCollateral(m.energy, params.penaltyRate));
    }
    credit(feeRecipient, result.feeTotal);
    credit(bid.owner, result.buyerCredit);
    settled.add(BigInt(bidId));
  }
  for (const o of orders) {
    if (settled.has(BigInt(o.id))) continue;
    credit(o.owner, deposit(o) - (collateralUsed.get(BigInt(o.id)) || 0n));
  }
  return { credits, deposits };
}

module.exports = { windowCredits };
