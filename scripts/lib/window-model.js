// Expected credits of a whole window under MARKET.md, computed independently of the contract.
const { bidEscrow, offerCollateral, settleMatches } = require("./settlement-model");

/**
 * feeRecipient: the market-wide account credited with the grid fees
 * operator: the account that opened the window, credited with the order fee params.orderFee of every order in
 * `orders` (leave it out when the caller counts the fees itself, e.g. of orders cancelled or rejected before clearing)
 * orders: [{ id, owner, side: "offer"|"bid", energy, price }] (those whose deposit the window still held at clearing)
 * matches: [{ offerId, bidId, energy, distance }] in posting order
 * readings: Map(orderId -> Wh) of the readings that were in when the bids settled (absent = missing)
 * settled: the bids that were settled (default: every matched bid, as for a closed window); their matches are paid,
 * and every other order gets its deposit back less the penalties its settled matches took.
 * Returns { credits: Map(address -> wei), deposits: total wei paid in (order fees included when operator is given), settledMatches, refunds: Map(orderId -> wei
 * the order gets back: a settled bid at settlement, any other order when its window returns its deposit) }.
 */
function windowCredits({ params, feeRecipient, operator, orders, price, matches, readings = new Map(), settled }) {
  const credits = new Map();
  const credit = (addr, amount) => {
    if (amount === 0n) return;
    const key = addr.toLowerCase();
    credits.set(key, (credits.get(key) || 0n) + amount);
  };
  const byId = new Map(orders.map((o) => [BigInt(o.id), o]));
  const deposit = (o) => o.side === "bid"
    ? bidEscrow(o.energy, o.price, params.gridCharge, params.maxDistanceM, params.penaltyRate)
    : offerCollateral(o.energy, params.penaltyRate);

  let deposits = 0n;
  for (const o of orders) deposits += deposit(o);
  if (operator !== undefined) {
    // MARKET.md "Deposits": every order pays f on top, never refunded, all of it the operator's.
    const fees = BigInt(params.orderFee || 0n) * BigInt(orders.length);
    deposits += fees;
    credit(operator, fees);
  }

  const settledBids = new Set((settled || matches.map((m) => m.bidId)).map((id) => BigInt(id)));
  const settledMatches = settleMatches({ matches, readings, price, params })
    .filter((s) => settledBids.has(s.bidId));
  const penaltiesTaken = new Map();
  const buyerNet = new Map();
  for (const s of settledMatches) {
    credit(byId.get(s.offerId).owner, s.payment - s.feeHalf + s.buyerPenalty);
    credit(feeRecipient, 2n * s.feeHalf);
    penaltiesTaken.set(s.offerId, (penaltiesTaken.get(s.offerId) || 0n) + s.sellerPenalty);
    buyerNet.set(s.bidId, (buyerNet.get(s.bidId) || 0n) + s.payment + s.feeHalf + s.buyerPenalty - s.sellerPenalty);
  }
  const refunds = new Map();
  for (const o of orders) {
    const id = BigInt(o.id);
    refunds.set(id, deposit(o) - (settledBids.has(id) ? buyerNet.get(id) : penaltiesTaken.get(id) || 0n));
    credit(o.owner, refunds.get(id));
  }
  return { credits, deposits, settledMatches, refunds };
}

module.exports = { windowCredits };
