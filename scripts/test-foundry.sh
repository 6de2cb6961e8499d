#!/usr/bin/env bash
# Foundry fuzz and invariant tests of the contracts (tests/foundry, foundry.toml), offline: forge is the native
# binary inside the npm package @foundry-rs/forge, its compiler the npm solc-js behind scripts/solc-forge.js.
#   ./scripts/test-foundry.sh [forge test options, e.g. --mt invariant_ -vvv]
set -euo pipefail
cd "$(dirname "$0")/.."
forge=$(ls node_modules/@foundry-rs/forge-*/bin/forge 2>/dev/null | head -1 || true)
if [ -z "$forge" ]; then
  echo "forge is not installed (npm package @foundry-rs/forge); run scripts/setup.sh" >&2
  exit 1
fi
exec "$forge" test "$@"
