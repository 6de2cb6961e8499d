// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {MeterId} from "./lib/MeterId.sol";

/// @title Meter registry: which address owns a meter, where it sits on the feeder, who may read it
contract DataAccess is IDataAccess, AccessControl {
    /// @notice Registers meters.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    struct Meter {
        address owner;
        uint32 bus;
    }

    mapping(bytes32 meterId => Meter) private meters;
    /// @dev The owner who granted access (zero: none).
    mapping(bytes32 meterId => mapping(address requester => address grantor)) private grants;
    IEnergyTrade private market;

    /// @param admin receives DEFAULT_ADMIN_ROLE and OPERATOR_ROLE
    constructor(address admin) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(OPERATOR_ROLE, admin);
    }

    /// @inheritdoc IDataAccess
    function registerMeter(bytes32 meterId, address owner, uint32 bus) external onlyRole(OPERATOR_ROLE) {
        if (owner == address(0)) revert ZeroAddress();
        if (!MeterId.isValid(meterId)) revert InvalidMeterId(meterId);
        // A meter never changes hands here: a new owner would inherit the old owner's grants.
        if (meters[meterId].owner != address(0)) revert MeterAlreadyRegistered(meterId);
        meters[meterId] = Meter(owner, bus);
        emit MeterRegistered(meterId, owner, bus);
    }

    /// @inheritdoc IDataAccess
    function reassignMeter(bytes32 meterId, address newOwner) external onlyRole(OPERATOR_ROLE) {
        if (newOwner == address(0)) revert ZeroAddress();
        address previous = meters[meterId].owner;
        if (previous == address(0)) revert UnknownMeter(meterId);
        if (address(market) == address(0)) revert MarketNotSet();
        // An open order keeps its meter: its reading settles that order, whoever owns the meter afterwards.
        if (!market.meterIdle(meterId)) revert MeterNotIdle(meterId);
        meters[meterId].owner = newOwner;
        emit MeterReassigned(meterId, previous, newOwner);
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

    function _requireOwner(bytes32 meterId) private view {
        address owner = meters[meterId].owner;
        if (owner == address(0)) revert UnknownMeter(meterId);
        if (owner != msg.sender) revert NotMeterOwner(meterId, msg.sender);
    }
}
