#!/usr/bin/env bash
# The load run: one window with 1,000 households on a local Hardhat node, with the HEMS and the operator daemon as
# child processes. Orders go through the Chain library (one signed transaction per household, 32 in flight) rather
# than 1,000 `energy` invocations. Prints orders/s submitted and confirmed, real time per phase, gas per operation
# and the daemon's peak memory; the last line is one JSON object. Leaves nothing running.
#   ./scripts/bench-market.sh [--households N] [--data-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
dotnet build src/EnergyAuction.Demo/EnergyAuction.Demo.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet src/EnergyAuction.Demo/bin/Release/net10.0/EnergyAuction.Demo.dll load "$@"
