// Plays the Chainlink node: reads OracleRequest events of the real Operator and answers them with
// fulfillOracleRequest2 from an authorised sender. An available-energy request is answered with
// abi.encode(requestId, value); a batched settlement request with the HEMS answer as a job's ethabiencode makes it:
// abi.encode(requestId, bytes32[] meters, uint256[] imports, uint256[] exports, bool[] read).
const hre = require("hardhat");

const coder = hre.ethers.AbiCoder.defaultAbiCoder();
// The Operator swallows a failed callback, so an estimate of the whole fulfilment passes even with a starved callback
// (and Hardhat's estimator overshoots the transaction gas cap on it). The gas sent is instead the callback's own
// eth_estimateGas, as the Operator makes the call, plus a 10% margin, times 64/63 (the EVM keeps 1/64 back from a
// call), plus the Operator's minimum consumer gas, which it insists is left before calling and which also covers its
// own work.
const OPERATOR_MINIMUM_CONSUMER_GAS = 400_000n;
// Upper bound of the estimate: the chain caps one transaction's gas at 2^24 (EIP-7825). `hardhat coverage` runs
// without the cap (hardhat.config.js), and its probes take a 200-order batch's callback past it.
const estimateCap = () => (hre.__SOLIDITY_COVERAGE_RUNNING === true ? 1n << 40n : 16_000_000n);
const READINGS_ABI = ["bytes32", "bytes32[]", "uint256[]", "uint256[]", "bool[]"];

/**
 * Oracle requests of a transaction receipt, each joined with the client's event: an available-energy request
 * { requestId, payment, callbackAddr, callbackFunctionId, cancelExpiration, orderId, meterId, kind: 0, url }, or a
 * batched settlement request { ..., kind: 1, orderIds, meterIds, url }.
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
    } else if (ev && ev.name === "ReadingsRequested") {
      const r = byId.get(ev.args.requestId);
      requests.push({ ...r, kind: 1, orderIds: [...ev.args.orderIds], meterIds: [...ev.args.meterIds], url: ev.args.url });
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

/**
 * The fulfilment data for a request: `value` (Wh) for an available-energy request; for a batched request a Map
 * orderId -> Wh, each order answered as both its meter's import and export (the client takes the side's), an order
 * without a value as not read (a plain `value` reads every order of the batch as that).
 */
function fulfilmentData(request, value) {
  if (request.orderIds === undefined) return coder.encode(["bytes32", "uint256"], [request.requestId, value]);
  const values = value instanceof Map ? value : new Map(request.orderIds.map((id) => [id, value]));
  const wh = request.orderIds.map((id) => values.get(id) ?? 0n);
  const read = request.orderIds.map((id) => values.has(id));
  return coder.encode(READINGS_ABI, [request.requestId, request.meterIds, wh, wh, read]);
}

/** The gas limit of a fulfilment whose callback eth_estimateGas put at `callback`. */
function fulfilGas(callback) {
  return ((callback * 110n) / 100n) * 64n / 63n + OPERATOR_MINIMUM_CONSUMER_GAS;
}

/** fulfillOracleRequest2 of `data` for `request`, with gas from the callback's eth_estimateGas (fulfilGas). */
async function fulfilWith(operator, node, request, data) {
  const args = [
    request.requestId,
    request.payment,
    request.callbackAddr,
    request.callbackFunctionId,
    request.cancelExpiration,
    data,
  ];
  // A callback that cannot succeed (a replayed or stale answer) fails its estimate; this test node sends it anyway,
  // with the Operator's minimum, so a test sees what the Operator and the client make of it.
  const callback = await hre.ethers.provider.estimateGas({
    from: operator.target,
    to: request.callbackAddr,
    data: hre.ethers.concat([request.callbackFunctionId, data]),
    gasLimit: estimateCap(),
  }).catch(() => 0n);
  return (await operator.connect(node).fulfillOracleRequest2(...args, { gasLimit: fulfilGas(callback) })).wait();
}

/** Answer one request (see fulfilmentData for `value`); resolves to the fulfilment receipt. */
async function fulfil(operator, node, request, value) {
  return fulfilWith(operator, node, request, fulfilmentData(request, value));
}

/**
 * Ask for the settlement readings of `orderIds` (as `caller`, default the market's signer) and answer the batched
 * request with the orders that have a value in `values` (Map orderId -> Wh); the others are answered as not read.
 * With no value at all the request is left unanswered. Resolves to the requests.
 */
async function reportReadings({ trade, operator, client, node }, windowId, orderIds, values, caller) {
  const market = caller ? trade.connect(caller) : trade;
  const receipt = await (await market.requestReadings(windowId, orderIds)).wait();
  const requests = readingRequestsIn(receipt, operator, client);
  for (const r of requests) {
    if (r.orderIds.some((id) => values.has(id))) await fulfil(operator, node, r, values);
  }
  return requests;
}

module.exports = { readingRequestsIn, fulfilmentData, fulfilGas, fulfilWith, fulfil, reportReadings };
