#!/usr/bin/env bash
# RPC throughput: starts a Hardhat node on a free loopback port, deploys the market through EnergyAuction.Chain and
# sends 1,000 signed DataAccess.registerMeter calls pipelined from one process (one account, locally tracked nonces);
# then the same workload sent by ethers (scripts/lib/ethers-rpc-throughput.js) to the same node.
# The last line printed is one JSON object:
#   {"txPerSecond": N, "ethersTxPerSecond": N, "ratio": N, "failed": N}   (ratio = Chain / ethers; failed = both sides)
#   scripts/bench-rpc.sh [count]        BENCH_MINING=auto (default: Hardhat automine, a block per transaction)
#                                       BENCH_MINING=interval (a block per second, JSON-RPC batches)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
mining=${BENCH_MINING:-auto}
log=.work/bench-rpc
mkdir -p "$log"

npx hardhat compile --quiet >&2
dotnet build bench/EnergyAuction.Chain.Benchmarks -c Release --nologo -v quiet >&2

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node node_modules/hardhat/internal/cli/bootstrap.js node --hostname 127.0.0.1 --port "$port" >"$log/node.log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null || true' EXIT

url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
  if curl -s -X POST -H 'Content-Type: application/json' --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" | grep -q result; then
    break
  fi
  kill -0 $node_pid 2>/dev/null || { echo "hardhat node exited:" >&2; cat "$log/node.log" >&2; exit 1; }
  sleep 0.2
done

rpc() { curl -s -X POST -H 'Content-Type: application/json' --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":[$2]}" "$url" >/dev/null; }
# The node's per-call console log is not part of what is measured.
rpc hardhat_setLoggingEnabled false
# interval: mine like the consortium chain (a block per second); the mempool takes batched transactions in any order.
if [ "$mining" = interval ]; then
  rpc evm_setAutomine false
  rpc evm_setIntervalMining 1000
fi

# Each side exits non-zero when a transaction failed; the figures are still reported.
chain=$(dotnet bench/EnergyAuction.Chain.Benchmarks/bin/Release/net10.0/EnergyAuction.Chain.Benchmarks.dll "$url" "$count" | tail -n 1) || true
echo "Chain:  $chain" >&2
ethers=$(node scripts/lib/ethers-rpc-throughput.js "$url" "$count" | tail -n 1) || true
echo "ethers: $ethers" >&2
node -e '
const [chain, ethers] = process.argv.slice(1).map((line) => { try { return JSON.parse(line); } catch { return null; } });
if (!chain || !ethers) { console.error("a side printed no result (see above)"); process.exit(1); }
const ratio = ethers.ethersTxPerSecond > 0 ? Math.round((chain.txPerSecond / ethers.ethersTxPerSecond) * 100) / 100 : null;
const failed = chain.failed + ethers.failed;
console.log(JSON.stringify({ txPerSecond: chain.txPerSecond, ethersTxPerSecond: ethers.ethersTxPerSecond, ratio, failed }));
process.exit(failed === 0 ? 0 : 1);
' "$chain" "$ethers"
