#!/usr/bin/env bash
# Regenerates EnergyAuction.Chain's typed contract access from the contracts: compiles them (Hardhat), then
# writes src/EnergyAuction.Chain/Generated (nethereum-codegen) and src/EnergyAuction.Chain/Abi (the ABIs the
# revert mapper reads). Re-run after any contract change and commit the result; Chain's tests fail while the
# committed code is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
npx hardhat compile --quiet
node scripts/codegen.js
node scripts/export-abi.js
