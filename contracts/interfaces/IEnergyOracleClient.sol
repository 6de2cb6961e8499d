// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Chainlink client that fetches meter readings for EnergyTrade
interface IEnergyOracleClient {
    /// @notice What a request reads: the seller's available energy, or the buyer's delivered energy.
    enum ReadingKind { AvailableEnergy, Delivery }

    /// @notice A reading was requested from the Operator. `orderId` is the offer or bid it is for.
    event ReadingRequested(bytes32 indexed requestId, uint256 indexed orderId, bytes32 meterId, uint8 kind, string url);
    /// @notice The Operator delivered a reading; it was forwarded to EnergyTrade.
    event ReadingFulfilled(bytes32 indexed requestId, uint256 value);
    /// @notice Oracle settings changed.
    event OracleConfigured(address operator, bytes32 jobId, uint256 fee, string hemsBaseUrl);
    /// @notice The EnergyTrade contract allowed to request readings changed.
    event EnergyTradeSet(address energyTrade);

    error OnlyEnergyTrade(address caller);
    error NoDataAccess(bytes32 meterId);

    /// @notice Ask for the seller's available energy in Wh (HEMS `/battery-soc/{meter}`). EnergyTrade only.
    function requestAvailableEnergy(uint256 orderId, bytes32 meterId) external returns (bytes32 requestId);

    /// @notice Ask for the Wh the buyer's meter received in [fromTs, toTs] (HEMS `/meters/{meter}/energy`). EnergyTrade only.
    function requestDelivery(uint256 bidId, bytes32 meterId, uint64 fromTs, uint64 toTs) external returns (bytes32 requestId);

    /// @notice Chainlink callback (via the Operator): record the reading and forward it to EnergyTrade.
    function fulfill(bytes32 requestId, uint256 value) external;
}
