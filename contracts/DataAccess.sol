// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {MeterId} from "./lib/MeterId.sol";

/// @title Meter registry: which address owns a meter, where it sits on the feeder, how far apart the feeder's buses
///        are (the DSO's feeder registry), who may read a meter
contract DataAccess is IDataAccess, AccessControl {
    /// @notice The DSO: registers and re-assigns meters (and records feeder distances).
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    struct Meter {
        address owner;
        uint32 bus;
    }

    mapping(bytes32 meterId => Meter) private meters;
    /// @dev The owner who granted access (zero: none).
    mapping(bytes32 meterId => mapping(address requester => address grantor)) private grants;
    /// @dev How many meters each account owns, so no role is ever granted to a meter owner.
    mapping(address owner => uint256) private metersOwned;
    /// @dev Metres + 1 between two buses, keyed by the pair (lower bus << 32 | higher bus); 0: not recorded.
    mapping(uint64 busPair => uint256) private feederDistances;
    IEnergyTrade private market;

    /// @param admin receives DEFAULT_ADMIN_ROLE
    /// @param registrar receives REGISTRAR_ROLE (the DSO)
    constructor(address admin, address registrar) {
        if (admin == address(0) || registrar == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, registrar);
    }

    /// @inheritdoc IDataAccess
    function registerMeter(bytes32 meterId, address owner, uint32 bus) external onlyRole(REGISTRAR_ROLE) {
        _requireMayOwn(owner);
        if (!MeterId.isValid(meterId)) revert InvalidMeterId(meterId);
        // A meter never changes hands here: a new owner would inherit the old owner's grants.
        if (meters[meterId].owner != address(0)) revert MeterAlreadyRegistered(meterId);
        meters[meterId] = Meter(owner, bus);
        ++metersOwned[owner];
        emit MeterRegistered(meterId, owner, bus);
    }

    /// @inheritdoc IDataAccess
    function reassignMeter(bytes32 meterId, address newOwner) external onlyRole(REGISTRAR_ROLE) {
        _requireMayOwn(newOwner);
        address previous = meters[meterId].owner;
        if (previous == address(0)) revert UnknownMeter(meterId);
        if (address(market) == address(0)) revert MarketNotSet();
        // An open order keeps its meter: its reading settles that order, whoever owns the meter afterwards.
        if (!market.meterIdle(meterId)) revert MeterNotIdle(meterId);
        meters[meterId].owner = newOwner;
        --metersOwned[previous];
        ++metersOwned[newOwner];
        emit MeterReassigned(meterId, previous, newOwner);
    }

    /// @inheritdoc IDataAccess
    function recordDistances(BusDistance[] calldata distances) external onlyRole(REGISTRAR_ROLE) {
        for (uint256 i = 0; i < distances.length; ++i) {
            BusDistance calldata d = distances[i];
            if (d.busA == d.busB) revert SameBus(d.busA);
            feederDistances[_busPair(d.busA, d.busB)] = uint256(d.metres) + 1;
            emit DistanceRecorded(d.busA, d.busB, d.metres);
        }
    }

    /// @inheritdoc IDataAccess
    function distanceBetween(uint32 busA, uint32 busB) public view returns (bool recorded, uint256 metres) {
        if (busA == busB) return (true, 0);
        uint256 stored = feederDistances[_busPair(busA, busB)];
        return stored == 0 ? (false, 0) : (true, stored - 1);
    }

    /// @inheritdoc IDataAccess
    function distanceBetweenMeters(bytes32 meterA, bytes32 meterB) external view returns (bool recorded, uint256 metres) {
        Meter storage a = meters[meterA];
        Meter storage b = meters[meterB];
        if (a.owner == address(0) || b.owner == address(0)) return (false, 0);
        return distanceBetween(a.bus, b.bus);
    }

    /// @inheritdoc IDataAccess
    function meterCountOf(address account) external view returns (uint256) {
        return metersOwned[account];
    }

    /// @inheritdoc IDataAccess
    function holdsRegistryRole(address account) public view returns (bool) {
        return hasRole(DEFAULT_ADMIN_ROLE, account) || hasRole(REGISTRAR_ROLE, account);
    }

    /// @inheritdoc IDataAccess
    function setMarket(address market_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (market_ == address(0)) revert ZeroAddress();
        market = IEnergyTrade(market_);
        emit MarketSet(market_);
    }

    /// @inheritdoc IDataAccess
    function grantAccess(bytes32 meterId, address requester) external {
        _requireOwner(meterId);
        if (requester == address(0)) revert ZeroAddress();
        grants[meterId][requester] = msg.sender;
        emit AccessGranted(meterId, requester);
    }

    /// @inheritdoc IDataAccess
    function revokeAccess(bytes32 meterId, address requester) external {
        _requireOwner(meterId);
        delete grants[meterId][requester];
        emit AccessRevoked(meterId, requester);
    }

    /// @inheritdoc IDataAccess
    function hasAccess(bytes32 meterId, address requester) external view returns (bool) {
        address grantor = grants[meterId][requester];
        return grantor != address(0) && grantor == meters[meterId].owner;
    }

    /// @inheritdoc IDataAccess
    function meterOf(bytes32 meterId) external view returns (address owner, uint32 bus) {
        Meter storage m = meters[meterId];
        return (m.owner, m.bus);
    }

    /// @inheritdoc IDataAccess
    function ownerAndAccess(bytes32 meterId, address requester) external view returns (address owner, bool access) {
        // A grant counts only while its grantor still owns the meter, so a re-assigned meter's old grants lapse.
        owner = meters[meterId].owner;
        access = owner != address(0) && grants[meterId][requester] == owner;
    }

    /// @dev ARCHITECTURE.md "Roles": whoever runs the market (here or in the market) cannot own a meter, so cannot trade.
    function _requireMayOwn(address owner) private view {
        if (owner == address(0)) revert ZeroAddress();
        if (holdsRegistryRole(owner) || (address(market) != address(0) && market.holdsMarketRole(owner))) {
            revert RoleHolderCannotOwnMeter(owner);
        }
    }

    /// @dev The other half of the rule: a meter owner is never given a role.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (metersOwned[account] != 0) revert MeterOwnerCannotHoldRole(account);
        return super._grantRole(role, account);
    }

    /// @dev Distances are symmetric: both orders of a pair share one key.
    function _busPair(uint32 a, uint32 b) private pure returns (uint64) {
        return a < b ? (uint64(a) << 32) | b : (uint64(b) << 32) | a;
    }

    function _requireOwner(bytes32 meterId) private view {
        address owner = meters[meterId].owner;
        if (owner == address(0)) revert UnknownMeter(meterId);
        if (owner != msg.sender) revert NotMeterOwner(meterId, msg.sender);
    }
}
