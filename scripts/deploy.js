// Deploys the market: LinkToken, Operator, DataAccess, EnergyTrade, EnergyOracleClient; wires roles,
// funds the oracle client with LINK, authorises the oracle node and writes deployments/<network>.json.
//   npx hardhat run scripts/deploy.js --network localhost
// Environment: RPC_URL (via hardhat.config.js), DEPLOYMENT_FILE, OPERATOR_ADDRESS, REGISTRAR_ADDRESS,
// FEE_RECIPIENT_ADDRESS, ORACLE_NODE_ADDRESS, HEMS_URL.
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");

const { ethers } = hre;

const DEFAULTS = {
  hemsUrl: "http://127.0.0.1:5080",
  jobId: ethers.encodeBytes32String("energyauction-hems-get"),
  oracleFee: ethers.parseEther("0.1"),
  linkFunding: ethers.parseEther("1000"),
};

/**
 * Deploy and wire the whole market with `signers[0]` as deployer and admin.
 * options: operatorAddress, registrarAddress (the DSO), oracleNodeAddress (each default: the deployer),
 * feeRecipientAddress (default: the registrar), hemsUrl, jobId, oracleFee, linkFunding, log.
 * Returns the contracts (ethers Contract objects), the first deployment block, jobId and oracleFee.
 */
async function deployMarket(signers, options = {}) {
  const [deployer] = signers;
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== ""));
  const o = { ...DEFAULTS, ...given };
  const operatorAddress = address("operator address", o.operatorAddress || deployer.address);
  const registrarAddress = address("registrar address", o.registrarAddress || deployer.address);
  const feeRecipientAddress = address("fee recipient address", o.feeRecipientAddress || registrarAddress);
  const oracleNode = address("oracle node address", o.oracleNodeAddress || deployer.address);
  const log = o.log || (() => {});

  const deploy = async (name, ...args) => {
    const contract = await ethers.deployContract(name, args, deployer);
    const receipt = await contract.deploymentTransaction().wait();
    log(`${name} deployed at ${await contract.getAddress()} (block ${receipt.blockNumber})`);
    return { contract, block: receipt.blockNumber };
  };
  const send = async (what, txPromise) => {
    await (await txPromise).wait();
    log(what);
  };

  const { contract: link, block } = await deploy("LinkToken");
  const { contract: operator } = await deploy("Operator", await link.getAddress(), deployer.address);
  const { contract: dataAccess } = await deploy("DataAccess", deployer.address, registrarAddress);
  const { contract: trade } = await deploy("EnergyTrade", await dataAccess.getAddress(), deployer.address);
  const { contract: client } = await deploy(
    "EnergyOracleClient",
    await link.getAddress(),
    await operator.getAddress(),
    o.jobId,
    o.oracleFee,
    o.hemsUrl,
    await trade.getAddress(),
    await dataAccess.getAddress(),
  );

  await send("EnergyTrade: oracle client set (ORACLE_ROLE)", trade.setOracleClient(await client.getAddress()));
  await send("DataAccess: market set (meters with open orders stay with their owner)",
    dataAccess.setMarket(await trade.getAddress()));
  await send(`EnergyTrade: fee recipient ${feeRecipientAddress}`, trade.setFeeRecipient(feeRecipientAddress));
  if (operatorAddress.toLowerCase() !== deployer.address.toLowerCase()) {
    await send(`EnergyTrade: OPERATOR_ROLE -> ${operatorAddress}`,
      trade.grantRole(await trade.OPERATOR_ROLE(), operatorAddress));
  }
  await send(`Operator: authorised sender ${oracleNode}`, operator.setAuthorizedSenders([oracleNode]));
  await send("LinkToken: deployer may mint", link.grantMintRole(deployer.address));
  await send(`LinkToken: ${ethers.formatEther(o.linkFunding)} LINK to the oracle client`,
    link.mint(await client.getAddress(), o.linkFunding));

  return { link, operator, dataAccess, trade, client, block, registrar: registrarAddress, jobId: o.jobId, oracleFee: o.oracleFee };
}

function address(what, value) {
  if (!ethers.isAddress(value)) throw new Error(`${what} is not an address: ${value}`);
  return ethers.getAddress(value);
}

/** The deployment record the C# side reads. */
async function deploymentRecord(market, network, chainId) {
  const entry = async (c) => ({ address: await c.getAddress() });
  return {
    network,
    chainId: Number(chainId),
    block: market.block,
    contracts: {
      LinkToken: await entry(market.link),
      Operator: await entry(market.operator),
      DataAccess: await entry(market.dataAccess),
      EnergyTrade: await entry(market.trade),
      EnergyOracleClient: await entry(market.client),
    },
    registrar: market.registrar,
    jobId: market.jobId,
    oracleFee: market.oracleFee.toString(),
  };
}

async function main() {
  const network = hre.network.name;
  const { chainId } = await ethers.provider.getNetwork();
  console.log(`Deploying the EnergyAuction market to ${network} (chain ${chainId})`);
  const market = await deployMarket(await ethers.getSigners(), {
    operatorAddress: process.env.OPERATOR_ADDRESS,
    registrarAddress: process.env.REGISTRAR_ADDRESS,
    feeRecipientAddress: process.env.FEE_RECIPIENT_ADDRESS,
    oracleNodeAddress: process.env.ORACLE_NODE_ADDRESS,
    hemsUrl: process.env.HEMS_URL,
    log: (line) => console.log(`  ${line}`),
  });
  const file = process.env.DEPLOYMENT_FILE || path.join(__dirname, "..", "deployments", `${network}.json`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(await deploymentRecord(market, network, chainId), null, 2) + "\n");
  console.log(`Deployment written to ${file}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

module.exports = { deployMarket, deploymentRecord, DEFAULTS };
