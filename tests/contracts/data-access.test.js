// The meter registry: the registrar (the DSO) registers meters, owners grant and revoke read access.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");

const id = (s) => ethers.encodeBytes32String(s);

async function registryFixture() {
  const [admin, owner, requester, stranger, registrar] = await ethers.getSigners();
  const deployed = await ethers.deployContract("DataAccess", [admin.address, registrar.address]);
  // Every call below is the registrar's unless it says otherwise.
  const dataAccess = deployed.connect(registrar);
  return { dataAccess, admin, owner, requester, stranger, registrar };
}

describe("DataAccess", function () {
  it("registers a meter with its owner and feeder bus", async function () {
    const { dataAccess, owner } = await loadFixture(registryFixture);
    await expect(dataAccess.registerMeter(id("M-7"), owner.address, 12))
      .to.emit(dataAccess, "MeterRegistered").withArgs(id("M-7"), owner.address, 12);
    expect(await dataAccess.meterOf(id("M-7"))).to.deep.equal([owner.address, 12n]);
    expect(await dataAccess.meterOf(id("M-8"))).to.deep.equal([ethers.ZeroAddress, 0n]);
  });

  it("lets the owner grant and revoke read access, and nobody else", async function () {
    const { dataAccess, owner, requester, stranger } = await loadFixture(registryFixture);
    await dataAccess.registerMeter(id("M-7"), owner.address, 1);
    expect(await dataAccess.hasAccess(id("M-7"), requester.address)).to.equal(false);
    await expect(dataAccess.connect(owner).grantAccess(id("M-7"), requester.address))
      .to.emit(dataAccess, "AccessGranted").withArgs(id("M-7"), requester.address);
    expect(await dataAccess.hasAccess(id("M-7"), requester.address)).to.equal(true);
    expect(await dataAccess.ownerAndAccess(id("M-7"), requester.address)).to.deep.equal([owner.address, true]);
    await expect(dataAccess.connect(stranger).revokeAccess(id("M-7"), requester.address))
      .to.be.revertedWithCustomError(dataAccess, "NotMeterOwner").withArgs(id("M-7"), stranger.address);
    await expect(dataAccess.connect(owner).revokeAccess(id("M-7"), requester.address))
      .to.emit(dataAccess, "AccessRevoked").withArgs(id("M-7"), requester.address);
    expect(await dataAccess.hasAccess(id("M-7"), requester.address)).to.equal(false);
  });

  it("rejects unknown meters, zero addresses, second registrations and malformed ids", async function () {
    const { dataAccess, owner, requester, stranger } = await loadFixture(registryFixture);
    await expect(dataAccess.connect(owner).grantAccess(id("M-1"), requester.address))
      .to.be.revertedWithCustomError(dataAccess, "UnknownMeter").withArgs(id("M-1"));
    await expect(dataAccess.registerMeter(id("M-1"), ethers.ZeroAddress, 1))
      .to.be.revertedWithCustomError(dataAccess, "ZeroAddress");
    await dataAccess.registerMeter(id("M-1"), owner.address, 1);
    await expect(dataAccess.connect(owner).grantAccess(id("M-1"), ethers.ZeroAddress))
      .to.be.revertedWithCustomError(dataAccess, "ZeroAddress");
    await expect(dataAccess.registerMeter(id("M-1"), stranger.address, 2))
      .to.be.revertedWithCustomError(dataAccess, "MeterAlreadyRegistered").withArgs(id("M-1"));
    for (const bad of [ethers.ZeroHash, id("M 1"), id("M/1"), id("meter-of-13ch"), id("M-1").replace(/00$/, "01")]) {
      await expect(dataAccess.registerMeter(bad, owner.address, 1))
        .to.be.revertedWithCustomError(dataAccess, "InvalidMeterId").withArgs(bad);
    }
    await dataAccess.registerMeter(id("LOAD_55.m-12"), owner.address, 1);
  });

  it("only the registrar registers meters; the admin does not", async function () {
    const { dataAccess, admin, stranger } = await loadFixture(registryFixture);
    for (const caller of [stranger, admin]) {
      await expect(dataAccess.connect(caller).registerMeter(id("M-1"), stranger.address, 1))
        .to.be.revertedWithCustomError(dataAccess, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, await dataAccess.REGISTRAR_ROLE());
    }
    expect(await dataAccess.meterOf(id("M-1"))).to.deep.equal([ethers.ZeroAddress, 0n]);
  });

  it("the registrar records feeder distances in batches, symmetric, replaceable; nobody else does", async function () {
    const { dataAccess, admin, stranger, registrar } = await loadFixture(registryFixture);
    expect(await dataAccess.distanceBetween(34, 47)).to.deep.equal([false, 0n]);
    expect(await dataAccess.distanceBetween(34, 34)).to.deep.equal([true, 0n]);
    await expect(dataAccess.recordDistances([{ busA: 34, busB: 47, metres: 120 }, { busA: 70, busB: 34, metres: 0 }]))
      .to.emit(dataAccess, "DistanceRecorded").withArgs(34, 47, 120)
      .and.to.emit(dataAccess, "DistanceRecorded").withArgs(70, 34, 0);
    expect(await dataAccess.distanceBetween(47, 34)).to.deep.equal([true, 120n]);
    expect(await dataAccess.distanceBetween(34, 70)).to.deep.equal([true, 0n]);
    await dataAccess.recordDistances([{ busA: 47, busB: 34, metres: 125 }]);
    expect(await dataAccess.distanceBetween(34, 47)).to.deep.equal([true, 125n]);
    await expect(dataAccess.recordDistances([{ busA: 5, busB: 6, metres: 1 }, { busA: 9, busB: 9, metres: 3 }]))
      .to.be.revertedWithCustomError(dataAccess, "SameBus").withArgs(9);
    expect(await dataAccess.distanceBetween(5, 6)).to.deep.equal([false, 0n]);
    for (const caller of [admin, stranger]) {
      await expect(dataAccess.connect(caller).recordDistances([{ busA: 34, busB: 47, metres: 1 }]))
        .to.be.revertedWithCustomError(dataAccess, "AccessControlUnauthorizedAccount")
        .withArgs(caller.address, await dataAccess.REGISTRAR_ROLE());
    }
    expect(await dataAccess.distanceBetween(34, 47)).to.deep.equal([true, 125n]);
  });

  it("gives the distance between two meters as the distance between their buses; none for an unknown meter", async function () {
    const { dataAccess, owner, stranger } = await loadFixture(registryFixture);
    await dataAccess.registerMeter(id("M-1"), owner.address, 34);
    await dataAccess.registerMeter(id("M-2"), stranger.address, 47);
    await dataAccess.registerMeter(id("M-3"), stranger.address, 34);
    expect(await dataAccess.distanceBetweenMeters(id("M-1"), id("M-2"))).to.deep.equal([false, 0n]);
    await dataAccess.recordDistances([{ busA: 47, busB: 34, metres: 318 }]);
    expect(await dataAccess.distanceBetweenMeters(id("M-1"), id("M-2"))).to.deep.equal([true, 318n]);
    expect(await dataAccess.distanceBetweenMeters(id("M-2"), id("M-3"))).to.deep.equal([true, 318n]);
    expect(await dataAccess.distanceBetweenMeters(id("M-1"), id("M-3"))).to.deep.equal([true, 0n], "one bus");
    expect(await dataAccess.distanceBetweenMeters(id("M-1"), id("M-9"))).to.deep.equal([false, 0n], "unregistered");
    expect(await dataAccess.distanceBetweenMeters(id("M-9"), id("M-9"))).to.deep.equal([false, 0n], "unregistered");
  });

  it("needs an admin and a registrar", async function () {
    const { dataAccess, admin } = await loadFixture(registryFixture);
    for (const args of [[ethers.ZeroAddress, admin.address], [admin.address, ethers.ZeroAddress]]) {
      await expect(ethers.deployContract("DataAccess", args)).to.be.revertedWithCustomError(dataAccess, "ZeroAddress");
    }
  });
});
