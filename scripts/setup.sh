#!/usr/bin/env bash
# Installs the project's own dependencies: npm packages from the lock file (only when the lock
# changed since the last install) and the .NET packages. Nothing is downloaded outside the
# npm and NuGet registries: Solidity compilers come from the npm `solc` package.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "Node.js 20 is required (node not found)" >&2; exit 1; }
command -v dotnet >/dev/null || { echo ".NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
stamp=node_modules/.package-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
npx hardhat compile --quiet
# The simulation's PNG figures (ScottPlot on SkiaSharp) need a system font for their text; nothing when one is there.
if ! fc-list 2>/dev/null | grep -qi dejavu && [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q fonts-dejavu-core; else sudo apt-get install -y -q fonts-dejavu-core; fi
fi
# The explorer's browser tests drive Debian's Chromium (Playwright is given /usr/bin/chromium; it downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -q && $sudo apt-get install -y -q chromium
fi
dotnet restore EnergyAuction.sln --nologo -v quiet
