#!/usr/bin/env bash
# The demo of a whole market, one command on a fresh machine: installs what it needs (npm ci, NuGet restore,
# contract compile), builds in Release, then starts a Hardhat node, deploys, starts the HEMS, the explorer (its
# address is printed) and the operator daemon, and trades one window for 20 households through the `energy` CLI
# (about a minute). Leaves nothing running; with --keep-running the market stays up until Ctrl+C, then stops.
#   ./scripts/demo.sh [--households N] [--windows K] [--data-dir DIR] [--json-summary FILE] [--keep-running]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> Installing dependencies and compiling the contracts (scripts/setup.sh)"
./scripts/setup.sh
echo "==> Building the demo (Release)"
dotnet build src/EnergyAuction.Demo/EnergyAuction.Demo.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
echo "==> Running the market"
exec dotnet src/EnergyAuction.Demo/bin/Release/net10.0/EnergyAuction.Demo.dll "$@"
