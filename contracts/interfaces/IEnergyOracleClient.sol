// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Chainlink client that fetches meter readings for EnergyTrade
interface IEnergyOracleClient {
    /// @notice What a request reads: the seller's available energy, or an order's settlement reading.
    enum ReadingKind { AvailableEnergy, Settlement }

    /// @notice A reading was requested from the Operator. `orderId` is the offer or bid it is for.
    event ReadingRequested(bytes32 indexed requestId, uint256 indexed orderId, bytes32 meterId, uint8 kind, string url);
    /// @notice The Operator delivered a reading; it was forwarded to EnergyTrade.
    event ReadingFulfilled(bytes32 indexed requestId, uint256 value);
    /// @notice The Operator delivered a reading for a request made by an EnergyTrade that is no longer ours: dropped.
    event ReadingDropped(bytes32 indexed requestId, address market);
    /// @notice An expired request was cancelled at the Operator and its LINK came back.
    event RequestCancelled(bytes32 indexed requestId);
    /// @notice The LINK reserved for readings orders may still need changed: `reserved` readings of `fee` each.
    event LinkReserved(uint256 reserved);
    /// @notice LINK above the reservation was withdrawn by the owner.
    event LinkWithdrawn(address indexed to, uint256 amount);
    /// @notice Oracle settings changed.
    event OracleConfigured(address operator, bytes32 jobId, uint256 fee, string hemsBaseUrl);
    /// @notice The EnergyTrade contract allowed to request readings changed.
    event EnergyTradeSet(address energyTrade);

    error OnlyEnergyTrade(address caller);
    error NoDataAccess(bytes32 meterId);
    /// @notice The client does not hold the LINK for the readings already reserved plus `needed` juels more.
    error InsufficientLink(uint256 needed, uint256 held);
    /// @notice No pending request of ours has this id.
    error UnknownRequest(bytes32 requestId);

    /// @notice Reserve the LINK for `readings` more readings; reverts InsufficientLink when the client cannot pay for
    ///         every reading reserved. EnergyTrade only, on order placement.
    function reserveReadings(uint256 readings) external;

    /// @notice Give back the reservation of `readings` readings that will never be requested. EnergyTrade only.
    function releaseReadings(uint256 readings) external;

    /// @notice Ask for the seller's available energy in Wh (HEMS `/battery-soc/{meter}`). EnergyTrade only.
    function requestAvailableEnergy(uint256 orderId, bytes32 meterId) external returns (bytes32 requestId);

    /// @notice Ask for the Wh the meter imported (`exported` false) or exported in [fromTs, toTs] (HEMS
    ///         `/meters/{meter}/energy`, path importWh or exportWh). `replaces`, if not zero, is an expired request for
    ///         the same reading: it is cancelled first, so its LINK pays for this one. EnergyTrade only.
    function requestReading(uint256 orderId, bytes32 meterId, bool exported, uint64 fromTs, uint64 toTs, bytes32 replaces)
        external
        returns (bytes32 requestId, uint64 expiresAt);

    /// @notice Chainlink callback (via the Operator): record the reading and forward it to EnergyTrade.
    function fulfill(bytes32 requestId, uint256 value) external;
}
