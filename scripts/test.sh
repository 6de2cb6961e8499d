#!/usr/bin/env bash
# The one test command: contract tests (Hardhat), fuzz and invariant tests (Foundry), then every NUnit project (unit and integration
# tests against real Hardhat nodes the fixtures start). Installs what it needs first.
# Ends with one line "N passed, N failed, N skipped" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.work/test"
rm -rf "$out" && mkdir -p "$out"

passed=0 failed=0 skipped=0
step() { printf '\n==> %s\n' "$*"; }
count_failure() { failed=$((failed + 1)); echo "FAILED: $*"; }

step "Installing JavaScript dependencies (npm ci)"
if ! ./scripts/setup.sh; then
  echo "set-up failed"; echo "0 passed, 1 failed"; exit 1
fi

step "Contract tests (Hardhat)"
npx hardhat test 2>&1 | tee "$out/hardhat.log"
hh_rc=${PIPESTATUS[0]}
hh_pass=$(grep -Eo '^ *[0-9]+ passing' "$out/hardhat.log" | grep -Eo '[0-9]+' | tail -1)
hh_fail=$(grep -Eo '^ *[0-9]+ failing' "$out/hardhat.log" | grep -Eo '[0-9]+' | tail -1)
hh_skip=$(grep -Eo '^ *[0-9]+ pending' "$out/hardhat.log" | grep -Eo '[0-9]+' | tail -1)
passed=$((passed + ${hh_pass:-0})); failed=$((failed + ${hh_fail:-0})); skipped=$((skipped + ${hh_skip:-0}))
if [ "$hh_rc" -ne 0 ] && [ "${hh_fail:-0}" -eq 0 ]; then count_failure "hardhat test exited $hh_rc"; fi

step "Fuzz and invariant tests (Foundry)"
./scripts/test-foundry.sh 2>&1 | tee "$out/forge.log"
forge_rc=${PIPESTATUS[0]}
forge_summary=$(grep -Eo '[0-9]+ tests passed, [0-9]+ failed, [0-9]+ skipped' "$out/forge.log" | tail -1)
f_pass=$(echo "$forge_summary" | grep -Eo '^[0-9]+')
f_fail=$(echo "$forge_summary" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+')
f_skip=$(echo "$forge_summary" | grep -Eo '[0-9]+ skipped' | grep -Eo '[0-9]+')
passed=$((passed + ${f_pass:-0})); failed=$((failed + ${f_fail:-0})); skipped=$((skipped + ${f_skip:-0}))
if [ "$forge_rc" -ne 0 ] && [ "${f_fail:-0}" -eq 0 ]; then count_failure "forge test exited $forge_rc"; fi

step "Building the .NET solution"
if ! dotnet build EnergyAuction.sln -c Release --nologo -v quiet 2>&1 | tee "$out/build.log"; then
  count_failure "dotnet build"
else
  for proj in tests/EnergyAuction.*Tests/*.csproj; do
    name=$(basename "$proj" .csproj)
    step "NUnit: $name"
    dotnet test "$proj" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$out" 2>&1 | tee "$out/$name.log" | grep -Ev '^\s*Passed ' 
    rc=${PIPESTATUS[0]}
    trx="$out/$name.trx"
    if [ -f "$trx" ]; then
      counters=$(grep -o '<Counters [^>]*>' "$trx")
      attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
      p=$(attr passed); f=$(attr failed); t=$(attr total); e=$(attr executed)
      s=$(( ${t:-0} - ${e:-0} ))
      passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + s))
      if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then count_failure "$name exited $rc"; fi
    elif [ "$rc" -ne 0 ]; then
      count_failure "$name exited $rc with no results"
    fi
  done
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
