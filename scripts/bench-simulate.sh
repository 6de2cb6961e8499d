#!/usr/bin/env bash
# Simulation speed: windows/s of `energy market simulate` (the window loop only: clearing, pairing and settlement of
# every window under 4 mechanisms; not reading data or drawing figures). One day of 55 households x 96 windows x 4
# mechanisms, then a longer run: scripts/bench-simulate.sh 30 simulates 30 days (default 7; a year is 366).
set -euo pipefail
cd "$(dirname "$0")/.."
export ENERGYAUCTION_DATA_DIR="${ENERGYAUCTION_DATA_DIR:-$PWD/../shared/data}"
long_days="${1:-7}"
dotnet build -c Release src/EnergyAuction.Cli -v q -nologo > /dev/null
energy=(dotnet src/EnergyAuction.Cli/bin/Release/net10.0/energy.dll market simulate --out .work/bench-simulate)
for days in 1 "$long_days"; do
  line=$("${energy[@]}" --days "$days" 2>&1 >/dev/null | grep '^simulated')
  echo "$days day(s), 55 households: $line"
done
