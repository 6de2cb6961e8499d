#!/usr/bin/env bash
# Market engine benchmarks (BenchmarkDotNet, short in-process runs pinned to one core).
# Prints BenchmarkDotNet's summary and then the result tables. Extra arguments go to
# BenchmarkDotNet, e.g. scripts/bench-market-engine.sh --filter '*Pairing*'.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts=.work/bench-market
rm -rf "$artifacts"
dotnet run -c Release --project bench/EnergyAuction.Market.Benchmarks -- --artifacts "$artifacts" "$@"
echo
for report in "$artifacts"/results/*-report-github.md; do
  [ -f "$report" ] || continue
  echo "== $(basename "$report" -report-github.md)"
  # GitHub-flavoured tables with BenchmarkDotNet's bold and HTML quotes taken out.
  sed -n '/^|/p' "$report" | sed -e 's/\*\*//g' -e "s/&#39;/'/g"
  echo
done
