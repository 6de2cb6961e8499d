#!/usr/bin/env bash
# Operator daemon benchmark: one window with 1,000 offers and 1,000 bids on a local Hardhat node (started on a free
# loopback port by the driver), the real HEMS in-process, phases accelerated with evm_increaseTime. Prints the time
# from bidding close to clearing finalised and from transfer end to settlement complete, gas per match and per buyer;
# the last line is one JSON object.
#   scripts/bench-operator.sh [offers] [bids]
set -euo pipefail
cd "$(dirname "$0")/.."
npx hardhat compile --quiet >&2
dotnet build bench/EnergyAuction.Operator.Benchmarks -c Release --nologo -v quiet >&2
exec dotnet bench/EnergyAuction.Operator.Benchmarks/bin/Release/net10.0/EnergyAuction.Operator.Benchmarks.dll "$@"
