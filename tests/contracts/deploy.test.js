// scripts/deploy.js wires the market the way the operator daemon and the CLI expect it.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { deployMarket, deploymentRecord } = require("../../scripts/deploy");

async function deployedFixture() {
  const signers = await ethers.getSigners();
  const [deployer, operatorAccount, oracleNode, registrar, dso] = signers;
  const market = await deployMarket(signers, {
    operatorAddress: operatorAccount.address, registrarAddress: registrar.address, feeRecipientAddress: dso.address,
    oracleNodeAddress: oracleNode.address, hemsUrl: "http://hems.test:5080",
  });
  return { market, deployer, operatorAccount, oracleNode, registrar, dso };
}

describe("Deployment", function () {
  it("grants roles, authorises the oracle node, funds the client and records every address", async function () {
    const { market, deployer, operatorAccount, oracleNode, registrar, dso } = await loadFixture(deployedFixture);
    const { trade, dataAccess, operator, client, link } = market;
    expect(await trade.hasRole(await trade.OPERATOR_ROLE(), operatorAccount.address)).to.equal(true);
    // The operator no longer registers meters: that is the registrar's (the DSO's) alone.
    expect(await dataAccess.hasRole(await dataAccess.REGISTRAR_ROLE(), registrar.address)).to.equal(true);
    expect(await dataAccess.hasRole(await dataAccess.REGISTRAR_ROLE(), operatorAccount.address)).to.equal(false);
    expect(await dataAccess.hasRole(await dataAccess.REGISTRAR_ROLE(), deployer.address)).to.equal(false);
    expect(await trade.feeRecipient()).to.equal(dso.address);
    expect(await trade.hasRole(await trade.ORACLE_ROLE(), client.target)).to.equal(true);
    expect(await trade.oracleClient()).to.equal(client.target);
    expect(await trade.dataAccess()).to.equal(dataAccess.target);
    expect(await operator.getAuthorizedSenders()).to.deep.equal([oracleNode.address]);
    expect(await operator.owner()).to.equal(deployer.address);
    expect(await link.balanceOf(client.target)).to.equal(ethers.parseEther("1000"));
    expect(await client.operator()).to.equal(operator.target);
    expect(await client.energyTrade()).to.equal(trade.target);
    expect(await client.hemsBaseUrl()).to.equal("http://hems.test:5080");

    const record = await deploymentRecord(market, "hardhat", 31337n);
    expect(record.chainId).to.equal(31337);
    expect(Object.keys(record.contracts)).to.deep.equal(["LinkToken", "Operator", "DataAccess", "EnergyTrade", "EnergyOracleClient"]);
    expect(record.contracts.EnergyTrade.address).to.equal(trade.target);
    expect(record.block).to.be.greaterThan(0);
    expect(record.oracleFee).to.equal(market.oracleFee.toString());
    expect(record.registrar).to.equal(registrar.address);
  });

  it("moves the oracle role when the client is replaced", async function () {
    const { market, oracleNode } = await loadFixture(deployedFixture);
    const { trade, client } = market;
    const next = await ethers.deployContract("RejectingTrader");
    await expect(trade.setOracleClient(next.target)).to.emit(trade, "OracleClientSet").withArgs(next.target);
    expect(await trade.hasRole(await trade.ORACLE_ROLE(), client.target)).to.equal(false);
    expect(await trade.hasRole(await trade.ORACLE_ROLE(), next.target)).to.equal(true);
  });

  it("the clearing module runs only on the market's storage: called directly it refuses, and the market keeps working", async function () {
    const { market, operatorAccount } = await loadFixture(deployedFixture);
    const { trade } = market;
    // EnergyTrade's constructor creates WindowBounds, its reader and then the clearing module (nonces 1, 2, 3).
    const moduleAddress = ethers.getCreateAddress({ from: trade.target, nonce: 3 });
    const module = await ethers.getContractAt("ClearingChecks", moduleAddress);
    expect(await ethers.provider.getCode(moduleAddress)).to.not.equal("0x");
    // Even an account holding OPERATOR_ROLE in the market cannot post to, or finalise on, the module's own storage.
    await expect(module.connect(operatorAccount).postClearing(1, 1, [])).to.be.revertedWithCustomError(module, "NotDelegated");
    await expect(module.connect(operatorAccount).finaliseClearing(1)).to.be.revertedWithCustomError(module, "NotDelegated");
    await expect(module.connect(operatorAccount).retractClearing(1)).to.be.revertedWithCustomError(module, "NotDelegated");
    // Through the market the same calls reach the module and fail with the market's own errors.
    await expect(trade.connect(operatorAccount).postClearing(1, 1, [])).to.be.revertedWithCustomError(trade, "UnknownWindow");
  });
});
