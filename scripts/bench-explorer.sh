#!/usr/bin/env bash
# Explorer benchmark: one window of 2,000 orders (1,000 offers, 1,000 bids) cleared on a local Hardhat node (started
# on a free loopback port by the driver), then GET /window/N timed over HTTP (a warm-up, then [runs] = 5 of each kind). Prints
# each cold run (ms, the node's and the explorer's processor time, the JSON-RPC methods the node served, the load
# average), then the median, p90 and PASS or FAIL against 2,000 ms; the last line is one JSON object: renderMs is the
# median cold render (a fresh explorer that keeps nothing), p90Ms its p90, newBlockMs the median re-render at a new
# block that leaves the window alone. The goal is a median and a p90 under 2,000 ms.
#   scripts/bench-explorer.sh [orders] [runs] [html-out] [--anvil]   (html-out: where to save the page, to look at its
#   feeder map; --anvil: the same on an anvil node, which unlike Hardhat keeps no execution trace of each eth_call)
set -euo pipefail
cd "$(dirname "$0")/.."
npx hardhat compile --quiet >&2
dotnet build bench/EnergyAuction.Explorer.Benchmarks -c Release --nologo -v quiet >&2
exec dotnet bench/EnergyAuction.Explorer.Benchmarks/bin/Release/net10.0/EnergyAuction.Explorer.Benchmarks.dll "$@"
