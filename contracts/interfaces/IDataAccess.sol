// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Meter registry, feeder distances and read-access grants
/// @notice Meter ids are short ASCII strings packed left-aligned into bytes32 (e.g. "M-7"),
///         so the oracle client can turn them back into HEMS URLs and orders can store them next to the owner:
///         1 to 12 characters from [A-Za-z0-9._-], the remaining bytes zero.
interface IDataAccess {
    /// @notice A meter was registered by the registrar.
    event MeterRegistered(bytes32 indexed meterId, address indexed owner, uint32 bus);
    /// @notice The meter's owner allowed `requester` to read the meter's data.
    event AccessGranted(bytes32 indexed meterId, address indexed requester);
    /// @notice The meter's owner withdrew `requester`'s read access.
    event AccessRevoked(bytes32 indexed meterId, address indexed requester);
    /// @notice The registrar moved an idle meter to a new owner (e.g. it was registered to a mistyped address).
    event MeterReassigned(bytes32 indexed meterId, address indexed previousOwner, address indexed newOwner);
    /// @notice The market whose open orders keep a meter from being re-assigned.
    event MarketSet(address market);
    /// @notice The registrar recorded the feeder distance between two buses (either order; it replaces an earlier figure).
    event DistanceRecorded(uint32 indexed busA, uint32 indexed busB, uint32 metres);

    /// @notice The length in metres of the feeder path between two buses, as the DSO measures it.
    struct BusDistance {
        uint32 busA;
        uint32 busB;
        uint32 metres;
    }

    error ZeroAddress();
    error InvalidMeterId(bytes32 meterId);
    error UnknownMeter(bytes32 meterId);
    error MeterAlreadyRegistered(bytes32 meterId);
    error NotMeterOwner(bytes32 meterId, address caller);
    error MarketNotSet();
    error MeterNotIdle(bytes32 meterId);
    /// @notice An account that runs the market (admin, registrar, operator, oracle) cannot own a meter.
    error RoleHolderCannotOwnMeter(address account);
    /// @notice An account that owns a meter cannot be given a role.
    error MeterOwnerCannotHoldRole(address account);
    /// @notice A bus is at distance 0 from itself; only pairs of two buses are recorded.
    error SameBus(uint32 bus);

    /// @notice Register a new meter: who owns it and on which feeder bus it sits. Registrar only; the owner holds
    ///         no role here or in the market (RoleHolderCannotOwnMeter).
    function registerMeter(bytes32 meterId, address owner, uint32 bus) external;

    /// @notice Give an idle meter (no open order in the market) a new owner. The old owner's read grants lapse: the
    ///         new owner grants access again. Registrar only; the new owner holds no role.
    function reassignMeter(bytes32 meterId, address newOwner) external;

    /// @notice The market (EnergyTrade) asked whether a meter is idle before it is re-assigned. Admin only.
    function setMarket(address market) external;

    /// @notice Allow `requester` (e.g. EnergyTrade) to read the caller's meter. Meter owner only.
    function grantAccess(bytes32 meterId, address requester) external;

    /// @notice Withdraw `requester`'s read access to the caller's meter. Meter owner only.
    function revokeAccess(bytes32 meterId, address requester) external;

    /// @notice Whether `requester` may read the meter's data.
    function hasAccess(bytes32 meterId, address requester) external view returns (bool);

    /// @notice The meter's owner (zero if unknown) and feeder bus.
    function meterOf(bytes32 meterId) external view returns (address owner, uint32 bus);

    /// @notice Record bus-to-bus feeder distances in metres (ARCHITECTURE.md "FeederRegistry", the thesis's Algorithm 5),
    ///         as many pairs per call as fit a block. Registrar only.
    function recordDistances(BusDistance[] calldata distances) external;

    /// @notice The feeder distance between two buses: 0 for one bus, else what the registrar recorded (`recorded`
    ///         false when it recorded none).
    function distanceBetween(uint32 busA, uint32 busB) external view returns (bool recorded, uint256 metres);

    /// @notice distanceBetween of the two meters' buses (EnergyTrade checks each posted match with one call); an
    ///         unregistered meter has no distance to anything.
    function distanceBetweenMeters(bytes32 meterA, bytes32 meterB) external view returns (bool recorded, uint256 metres);

    /// @notice How many meters `account` owns (an owner of any is never given a role).
    function meterCountOf(address account) external view returns (uint256);

    /// @notice Whether `account` holds a role of the registry (admin or registrar).
    function holdsRegistryRole(address account) external view returns (bool);

    /// @notice Owner and access in one call (what EnergyTrade checks when an order is placed).
    function ownerAndAccess(bytes32 meterId, address requester) external view returns (address owner, bool access);
}
