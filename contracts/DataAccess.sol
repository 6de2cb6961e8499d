// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
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
    /// @dev The owner who granted access (zero: none), so a trader check reads one slot instead of two.
    mapping(bytes32 meterId => mapping(address requester => address grantor)) private grants;

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
        return grants[meterId][requester] != address(0);
    }

    /// @inheritdoc IDataAccess
    function meterOf(bytes32 meterId) external view returns (address owner, uint32 bus) {
        Meter storage m = meters[meterId];
        return (m.owner, m.bus);
    }

    /// @inheritdoc IDataAccess
    function ownerAndAccess(bytes32 meterId, address requester) external view returns (address owner, bool access) {
        address grantor = grants[meterId][requester];
        if (grantor != address(0)) return (grantor, true);
        return (meters[meterId].owner, false);
    }

    function _requireOwner(bytes32 meterId) private view {
        address owner = meters[meterId].owner;
        if (owner == address(0)) revert UnknownMeter(meterId);
        if (owner != msg.sender) revert NotMeterOwner(meterId, msg.sender);
    }
}
