#!/usr/bin/env bash
# One simulated day of the IEEE feeder's 55 households under grid-only, dpda, mcafee and uniform
# (docs/OUTCOMES.md). Prints the Markdown summary and where report.json and the figures are.
# Extra arguments go to `energy market simulate`, e.g. scripts/simulate-day.sh --strategy zi --seed 2.
set -euo pipefail
cd "$(dirname "$0")/.."
export ENERGYAUCTION_DATA_DIR="${ENERGYAUCTION_DATA_DIR:-$PWD/../shared/data}"
dotnet run -c Release --project src/EnergyAuction.Cli -v q -- market simulate --out .work/simulation "$@"
