// Plays the Chainlink node: reads OracleRequest events of the real Operator and answers them with
// fulfillOracleRequest2 from an authorised sender (data = abi.encode(requestId, value)).
const hre = require("hardhat");

const coder = hre.ethers.AbiCoder.defaultAbiCoder();
// The Operator insists on this much gas left for the consumer; the client then calls EnergyTrade.
const FULFIL_GAS_LIMIT = 2_000_000;

/**
 * Oracle requests of a transaction receipt, each joined with the client's ReadingRequested event:
 * { requestId, payment, callbackAddr, callbackFunctionId, cancelExpiration, orderId, meterId, kind, url }.
 */
function readingRequestsIn(receipt, operator, client) {
  const byId = new Map();
  for (const log of receipt.logs) {
    const op = tryParse(operator, log);
    if (op && op.name === "OracleRequest") {
      const a = op.args;
      byId.set(a.requestId, {
        requestId: a.requestId,
        payment: a.payment,
        callbackAddr: a.callbackAddr,
        callbackFunctionId: a.callbackFunctionId,
        cancelExpiration: a.cancelExpiration,
      });
    }
  }
  const requests = [];
  for (const log of receipt.logs) {
    const ev = tryParse(client, log);
    if (ev && ev.name === "ReadingRequested") {
      const r = byId.get(ev.args.requestId);
      requests.push({ ...r, orderId: ev.args.orderId, meterId: ev.args.meterId, kind: Number(ev.args.kind), url: ev.args.url });
    }
  }
  return requests;
}

function tryParse(contract, log) {
  if (log.address.toLowerCase() !== contract.target.toLowerCase()) return null;
  try {
    return contract.interface.parseLog(log);
  } catch {
    return null;
  }
}

/** Answer one request with `value`; resolves to the fulfilment receipt. */
async function fulfil(operator, node, request, value) {
  const data = coder.encode(["bytes32", "uint256"], [request.requestId, value]);
  const tx = await operator.connect(node).fulfillOracleRequest2(
    request.requestId,
    request.payment,
    request.callbackAddr,
    request.callbackFunctionId,
    request.cancelExpiration,
    data,
    { gasLimit: FULFIL_GAS_LIMIT },
  );
  return tx.wait();
}

/**
 * Ask for the settlement readings of `orderIds` (as `caller`, default the market's signer) and answer each request
 * whose order has a value in `values` (Map orderId -> Wh); the others are left unanswered. Resolves to the requests.
 */
async function reportReadings({ trade, operator, client, node }, windowId, orderIds, values, caller) {
  const market = caller ? trade.connect(caller) : trade;
  const receipt = await (await market.requestReadings(windowId, orderIds)).wait();
  const requests = readingRequestsIn(receipt, operator, client);
  for (const r of requests) {
    const value = values.get(r.orderId);
    if (value !== undefined) await fulfil(operator, node, r, value);
  }
  return requests;
}

module.exports = { readingRequestsIn, fulfil, reportReadings };
