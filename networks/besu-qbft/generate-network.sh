#!/usr/bin/env bash
# Generates the four validators' keys and the QBFT genesis (validators in extraData) with Besu's own tool,
# so no private key is ever committed. Output: genesis.json and nodes/node-{1..4}/{key,key.pub}.
set -euo pipefail
cd "$(dirname "$0")"
if [ -e genesis.json ] || [ -e nodes ]; then
  echo "genesis.json or nodes/ already exist; remove them to generate a new network" >&2
  exit 1
fi
besu_run() {
  if command -v besu >/dev/null; then besu "$@"
  else docker run --rm -v "$PWD:/net" -w /net hyperledger/besu:24.12.2 "$@"; fi
}
besu_run operator generate-blockchain-config --config-file=qbftConfigFile.json --to=generated --private-key-file-name=key
cp generated/genesis.json genesis.json
i=1
for dir in generated/keys/*/; do
  mkdir -p "nodes/node-$i"
  cp "$dir/key" "$dir/key.pub" "nodes/node-$i/"
  chmod 600 "nodes/node-$i/key"
  i=$((i + 1))
done
rm -rf generated
# Every node finds the others through validator 1, whose enode is only known once its key exists.
echo "BOOTNODE=enode://$(sed 's/^0x//' nodes/node-1/key.pub)@172.16.240.11:30303" > .env
echo "validators: $(ls nodes | tr '\n' ' ')"
echo "genesis.json written; start with: docker compose up -d"
