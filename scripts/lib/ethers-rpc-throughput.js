// The ethers side of scripts/bench-rpc.sh: the same workload as bench/EnergyAuction.Chain.Benchmarks (N
// DataAccess.registerMeter calls from one account, 150,000 gas each, every receipt awaited) sent the way an ethers
// user pipelines it: every transaction signed locally with consecutive nonces, sent through one JsonRpcProvider
// (which packs the calls made in one tick into a JSON-RPC batch, with no extra stall), receipts polled in batches
// every 20 ms.
// Deploying DataAccess is not timed. Usage: node scripts/lib/ethers-rpc-throughput.js <rpc-url> <count>
// Last line: {"ethersTxPerSecond": N, "transactions": N, "failed": N}
const path = require("path");
const { ethers } = require("ethers");

// Hardhat's and anvil's first default account: a public development key.
const DEV_ACCOUNT_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const REGISTER_GAS = 150_000n;
const POLL_MS = 20;
const BATCH = 100;

async function main() {
  const [url, countArg] = process.argv.slice(2);
  const count = Number(countArg ?? 1000);
  if (!url || !Number.isInteger(count) || count <= 0) throw new Error("usage: ethers-rpc-throughput.js <rpc-url> [count]");
  const provider = new ethers.JsonRpcProvider(url, undefined, { staticNetwork: true, batchMaxCount: BATCH, batchStallTime: 0 });
  const wallet = new ethers.Wallet(DEV_ACCOUNT_0, provider);
  const artifact = require(path.join(__dirname, "..", "..", "artifacts", "contracts", "DataAccess.sol", "DataAccess.json"));
  const deployed = await new ethers.ContractFactory(artifact.abi, artifact.bytecode, wallet).deploy(wallet.address);
  await deployed.waitForDeployment();
  const dataAccess = new ethers.Contract(await deployed.getAddress(), artifact.abi, provider);
  const owner = ethers.Wallet.createRandom().address;
  console.error(`ethers: DataAccess at ${await dataAccess.getAddress()}; sending ${count} registerMeter calls`);

  // Hardhat answers hardhat_getAutomine; nodes that do not (anvil with interval blocks, Besu) have a mempool.
  const automine = await provider.send("hardhat_getAutomine", []).catch(() => false);
  const started = process.hrtime.bigint();
  const { chainId } = await provider.getNetwork();
  const nonce = await provider.getTransactionCount(wallet.address, "pending");
  const block = await provider.getBlock("latest");
  const fees = await provider.getFeeData();
  // A zero-base-fee chain takes legacy transactions at its gas price, like Chain's fee estimator decides.
  const feeFields = block.baseFeePerGas === 0n || block.baseFeePerGas == null
    ? { type: 0, gasPrice: fees.gasPrice }
    : { type: 2, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
  const signed = [];
  for (let i = 0; i < count; i++) {
    const data = dataAccess.interface.encodeFunctionData("registerMeter", [ethers.encodeBytes32String(`ETHERS-${i}`), owner, i % 100]);
    signed.push(await wallet.signTransaction({ to: dataAccess.target, data, nonce: nonce + i, chainId, gasLimit: REGISTER_GAS, ...feeFields }));
  }
  // A node with a mempool takes them in JSON-RPC batches (concurrent sends, packed by the provider); an automining
  // node (Hardhat) refuses a nonce ahead of the one it expects, also within a batch, so there each send goes once
  // the one before it is answered (no receipt awaited), as Chain's ordered sender does.
  const step = automine ? 1 : BATCH;
  const sent = [];
  for (let i = 0; i < signed.length; i += step)
    sent.push(...(await Promise.allSettled(signed.slice(i, i + step).map((raw) => provider.send("eth_sendRawTransaction", [raw])))));
  const refused = sent.filter((s) => s.status === "rejected");
  if (refused.length > 0) console.error(`ethers: the node refused ${refused.length} transaction(s), e.g. ${refused[0].reason.message}`);
  let pending = sent.filter((s) => s.status === "fulfilled").map((s) => s.value);
  const receipts = [];
  while (pending.length > 0) {
    const answers = await Promise.all(pending.map((hash) => provider.send("eth_getTransactionReceipt", [hash])));
    answers.forEach((r) => r && receipts.push(r));
    pending = pending.filter((_, i) => !answers[i]);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const failed = count - receipts.filter((r) => r.status === "0x1").length;
  const last = await dataAccess.meterOf(ethers.encodeBytes32String(`ETHERS-${count - 1}`));
  console.error(`ethers: all mined in ${seconds.toFixed(2)}s; last meter registered: ${last.owner === owner}`);
  console.log(JSON.stringify({ ethersTxPerSecond: Math.round(((count - failed) / seconds) * 10) / 10, transactions: count, failed }));
  provider.destroy();
  process.exitCode = failed === 0 && last.owner === owner ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
