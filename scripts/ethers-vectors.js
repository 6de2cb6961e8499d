#!/usr/bin/env node
// Produces the reference vectors EnergyAuction.Chain is tested against, using ethers (npm), so that
// keys, signatures, transactions, ABI, RLP and keystores are checked against an independent implementation.
//   node scripts/ethers-vectors.js                     writes tests/EnergyAuction.Chain.Tests/Vectors/*.json
//   node scripts/ethers-vectors.js decrypt FILE PASS   prints the address in a keystore (used to check ours)
const fs = require("fs");
const path = require("path");
const { ethers } = require("ethers");

const outDir = path.join(__dirname, "..", "tests", "EnergyAuction.Chain.Tests", "Vectors");

// Deterministic keys, so regenerating changes nothing unless ethers' behaviour does.
const keyFor = (i) => ethers.keccak256(ethers.toUtf8Bytes(`energy-auction-vector-${i}`));
const wallets = Array.from({ length: 8 }, (_, i) => new ethers.Wallet(keyFor(i)));
// One key in 256 starts with a zero byte; signers that drop leading zeros of the key break on it.
const leadingZero = new ethers.Wallet("0x00" + keyFor(0).slice(4));

// JSON cannot carry bigint or Uint8Array; write integers as decimal strings and bytes as 0x hex.
const plain = (v) =>
  typeof v === "bigint" ? v.toString()
    : Array.isArray(v) ? v.map(plain)
      : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

function keys() {
  return [...wallets, leadingZero].map((w) => ({ privateKey: w.privateKey, address: w.address, publicKey: w.signingKey.publicKey }));
}

function messages() {
  const texts = ["hello", "", "Offer 1500 Wh at 0.21 EUR/kWh in window 7", "ünïcødé ⚡"];
  return texts.flatMap((message, i) => {
    const w = wallets[i % wallets.length];
    return [{ privateKey: w.privateKey, address: w.address, message, signature: w.signMessageSync(message) }];
  }).concat([{ privateKey: leadingZero.privateKey, address: leadingZero.address, message: "sell 1000 Wh",
    signature: leadingZero.signMessageSync("sell 1000 Wh") }]);
}

async function transactions() {
  const cases = [
    { type: 0, nonce: 0, gasPrice: 1000000000n, gasLimit: 21000n, to: wallets[1].address, value: 1n, data: "0x", chainId: 31337n },
    { type: 0, nonce: 7, gasPrice: 0n, gasLimit: 300000n, to: wallets[2].address, value: 0n, data: "0xa9059cbb0000000000000000000000001111111111111111111111111111111111111111", chainId: 1337n },
    { type: 0, nonce: 255, gasPrice: 20000000000n, gasLimit: 1000000n, to: null, value: 10n ** 18n, data: "0x6080604052", chainId: 1n },
    { type: 2, nonce: 0, maxPriorityFeePerGas: 1000000000n, maxFeePerGas: 3000000000n, gasLimit: 21000n, to: wallets[3].address, value: 12345n, data: "0x", chainId: 31337n },
    { type: 2, nonce: 1024, maxPriorityFeePerGas: 0n, maxFeePerGas: 0n, gasLimit: 5000000n, to: null, value: 0n, data: "0x60806040", chainId: 2018n },
    { type: 2, nonce: 3, maxPriorityFeePerGas: 2n, maxFeePerGas: 875000000n, gasLimit: 90000n, to: wallets[4].address, value: 0n, data: "0xdeadbeef", chainId: 11155111n },
    { type: 0, nonce: 0, gasPrice: 0n, gasLimit: 21000n, to: wallets[5].address, value: 5n, data: "0x", chainId: 1337n, signer: leadingZero },
    { type: 2, nonce: 3, maxPriorityFeePerGas: 1n, maxFeePerGas: 2000000000n, gasLimit: 21000n, to: wallets[5].address, value: 5n, data: "0x", chainId: 31337n, signer: leadingZero },
  ];
  const out = [];
  for (const [i, { signer, ...c }] of cases.entries()) {
    const w = signer ?? wallets[i % wallets.length];
    const signed = await w.signTransaction(c);
    out.push({ ...plain(c), privateKey: w.privateKey, signed, hash: ethers.keccak256(signed) });
  }
  return out;
}

function abi() {
  const coder = ethers.AbiCoder.defaultAbiCoder();
  const a1 = wallets[0].address, a2 = wallets[1].address;
  const cases = [
    { types: ["uint256"], values: [123456789n] },
    { types: ["uint8", "int256", "int32"], values: [255n, -1n, -123456n] },
    { types: ["address", "bool", "bool"], values: [a1, true, false] },
    { types: ["bytes", "bytes32", "bytes4"], values: ["0x0102030405", "0x" + "ab".repeat(32), "0xdeadbeef"] },
    { types: ["string", "string"], values: ["", "Energy ⚡ market"] },
    { types: ["uint256[]", "address[2]"], values: [[1n, 2n, 3n], [a1, a2]] },
    { types: ["string[]", "bytes[2]"], values: [["a", "bc", ""], ["0x", "0x00ff"]] },
    { types: ["(uint256,address,bool)"], values: [[7n, a1, true]] },
    { types: ["(uint64,string,uint128[])"], values: [[42n, "bid", [5n, 6n]]] },
    { types: ["(uint256,uint256,address)[]"], values: [[[1n, 2n, a1], [3n, 4n, a2]]] },
    { types: ["(string,(uint8,bytes)[])[2]", "uint16"], values: [[["x", [[1n, "0x01"]]], ["yz", []]], 65535n] },
    { types: ["uint256[][]", "int8[3]"], values: [[[1n], [], [2n, 3n]], [-128n, 0n, 127n]] },
  ];
  return cases.map((c) => ({ ...c, values: plain(c.values), encoded: coder.encode(c.types, c.values) }));
}

function selectors() {
  const iface = new ethers.Interface([
    "function placeBid(uint256 windowId, uint64 energyWh, uint256 priceWeiPerKWh) payable returns (uint256)",
    "function postClearing(uint256 windowId, (uint256 offerId, uint256 bidId, uint64 energyWh)[] matches, bytes32 resultHash)",
    "event BidPlaced(uint256 indexed windowId, uint256 indexed bidId, address indexed buyer, uint64 energyWh, uint256 priceWeiPerKWh)",
    "event Note(string indexed tag, bytes payload)",
    "error WrongPhase(uint256 windowId, uint8 expected, uint8 actual)",
  ]);
  const out = [];
  iface.forEachFunction((f) => out.push({ kind: "function", signature: f.format("sighash"), selector: f.selector }));
  iface.forEachEvent((e) => out.push({ kind: "event", signature: e.format("sighash"), selector: e.topicHash }));
  iface.forEachError((e) => out.push({ kind: "error", signature: e.format("sighash"), selector: e.selector }));
  const log = iface.encodeEventLog("BidPlaced", [7n, 3n, wallets[0].address, 1500n, 210000000000000000n]);
  const note = iface.encodeEventLog("Note", ["solar", "0x0102"]);
  const revert = iface.encodeErrorResult("WrongPhase", [3n, 1n, 2n]);
  return { items: out, bidPlacedLog: log, noteLog: note, wrongPhaseRevert: revert };
}

function rlp() {
  const cases = [
    "0x", "0x00", "0x7f", "0x80", "0x" + "aa".repeat(55), "0x" + "bb".repeat(56), "0x" + "cc".repeat(1024),
    [], ["0x01", "0x0203"], [[], [[]], [[], [[]]]], Array.from({ length: 30 }, (_, i) => ethers.toBeHex(i * 1000 + 1)),
  ];
  return cases.map((input) => ({ input, encoded: ethers.encodeRlp(input) }));
}

async function keystores() {
  const out = [];
  for (const [i, password] of ["correct horse", "", "pässwörd"].entries()) {
    const w = wallets[i];
    const r = fixedRandomness(i);
    const json = await ethers.encryptKeystoreJson({ address: w.address, privateKey: w.privateKey }, password,
      { scrypt: { N: 1024 }, salt: r.salt, iv: r.iv, uuid: r.uuidBytes });
    out.push({ password, address: w.address, privateKey: w.privateKey, json: JSON.parse(json) });
  }
  out.push(await pbkdf2Keystore(wallets[3], "pbkdf2 pass"));
  return out;
}

// Salt, IV and id derived from a seed, so regenerating the vectors leaves the files unchanged.
function fixedRandomness(seed) {
  const bytes = (label, n) => ethers.dataSlice(ethers.keccak256(ethers.toUtf8Bytes(`keystore-${seed}-${label}`)), 0, n);
  const u = ethers.getBytes(bytes("uuid", 16));
  u[6] = (u[6] & 0x0f) | 0x40; u[8] = (u[8] & 0x3f) | 0x80;
  const h = ethers.hexlify(u).slice(2);
  return { salt: bytes("salt", 32), iv: bytes("iv", 16), uuidBytes: ethers.hexlify(u), uuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` };
}

// ethers writes only scrypt keystores; build a pbkdf2 one with node's crypto and prove ethers reads it back.
async function pbkdf2Keystore(w, password) {
  const crypto = require("crypto");
  const { salt: saltHex, iv: ivHex, uuid } = fixedRandomness(99);
  const salt = Buffer.from(ethers.getBytes(saltHex)), iv = Buffer.from(ethers.getBytes(ivHex)), c = 4096;
  const dk = crypto.pbkdf2Sync(Buffer.from(password.normalize("NFKC")), salt, c, 32, "sha256");
  const cipher = crypto.createCipheriv("aes-128-ctr", dk.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(ethers.getBytes(w.privateKey)), cipher.final()]);
  const mac = ethers.keccak256(Buffer.concat([dk.subarray(16, 32), ciphertext])).slice(2);
  const json = {
    address: w.address.slice(2).toLowerCase(), id: uuid, version: 3,
    crypto: {
      cipher: "aes-128-ctr", cipherparams: { iv: iv.toString("hex") }, ciphertext: ciphertext.toString("hex"),
      kdf: "pbkdf2", kdfparams: { c, dklen: 32, prf: "hmac-sha256", salt: salt.toString("hex") }, mac,
    },
  };
  const back = await ethers.Wallet.fromEncryptedJson(JSON.stringify(json), password);
  if (back.address !== w.address) throw new Error("pbkdf2 keystore does not round-trip through ethers");
  return { password, address: w.address, privateKey: w.privateKey, json };
}

async function main() {
  const [command, file, password] = process.argv.slice(2);
  if (command === "decrypt") {
    if (!file) { console.error("usage: ethers-vectors.js decrypt FILE PASSWORD"); process.exit(2); }
    const wallet = await ethers.Wallet.fromEncryptedJson(fs.readFileSync(file, "utf8"), password ?? "");
    console.log(JSON.stringify({ address: wallet.address, privateKey: wallet.privateKey }));
    return;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const write = (name, data) => fs.writeFileSync(path.join(outDir, name), JSON.stringify(data, null, 2) + "\n");
  write("keys.json", keys());
  write("messages.json", messages());
  write("transactions.json", await transactions());
  write("abi.json", abi());
  write("selectors.json", selectors());
  write("rlp.json", rlp());
  write("keystores.json", await keystores());
  console.log(`vectors written to ${path.relative(process.cwd(), outDir)}`);
}

main().catch((e) => { console.error(e.message ?? e); process.exit(1); });
