#!/usr/bin/env bash
# Full-page PNG screenshots of the explorer's Market, Window and Household pages on a demo market: runs the demo
# (6 households, three windows) with --keep-running, takes market.png, window.png and household.png into OUT_DIR with
# Playwright in Debian's Chromium (src/EnergyAuction.Explorer.Screenshots), then stops the demo and everything it started.
#   ./scripts/explorer-screenshot.sh OUT_DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
out=$1
cd "$(dirname "$0")/.."
./scripts/setup.sh
dotnet build src/EnergyAuction.Demo/EnergyAuction.Demo.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build src/EnergyAuction.Explorer.Screenshots/EnergyAuction.Explorer.Screenshots.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
mkdir -p .work
log=$(mktemp .work/explorer-screenshot-XXXXXX.log)
dotnet src/EnergyAuction.Demo/bin/Release/net10.0/EnergyAuction.Demo.dll --households 6 --windows 3 --keep-running >"$log" 2>&1 &
demo=$!
# A background job here has SIGINT ignored, so the demo is stopped with SIGTERM, which it handles as Ctrl+C.
stop() { kill -TERM "$demo" 2>/dev/null || true; wait "$demo" || true; }
trap stop EXIT
echo "==> Running a demo window (log: $log)"
url=""
for _ in $(seq 600); do
  url=$(sed -n 's/^The market keeps running\. Explorer: \(http[^ ]*\)$/\1/p' "$log")
  [ -n "$url" ] && break
  kill -0 "$demo" 2>/dev/null || { cat "$log" >&2; echo "explorer-screenshot: the demo stopped before its market was up" >&2; exit 1; }
  sleep 1
done
[ -n "$url" ] || { tail -20 "$log" >&2; echo "explorer-screenshot: the demo's market was not up within 10 minutes" >&2; exit 1; }
echo "==> Screenshots of $url into $out"
dotnet src/EnergyAuction.Explorer.Screenshots/bin/Release/net10.0/EnergyAuction.Explorer.Screenshots.dll "$url" "$out" 1 M-1
stop
trap - EXIT
tail -2 "$log"
