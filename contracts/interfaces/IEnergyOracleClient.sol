// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Chainlink client that fetches meter readings for EnergyTrade
interface IEnergyOracleClient {
    /// @notice What a request reads: the seller's available energy, or orders' settlement readings.
    enum ReadingKind { AvailableEnergy, Settlement }

    /// @notice A reading was requested from the Operator. `orderId` is the offer or bid it is for.
    event ReadingRequested(bytes32 indexed requestId, uint256 indexed orderId, bytes32 meterId, uint8 kind, string url);
    /// @notice The Operator delivered a reading; it was forwarded to EnergyTrade.
    event ReadingFulfilled(bytes32 indexed requestId, uint256 value);
    /// @notice One request asks the HEMS for the settlement readings of `orderIds`, whose meters are `meterIds`.
    event ReadingsRequested(bytes32 indexed requestId, uint256[] orderIds, bytes32[] meterIds, string url);
    /// @notice A batched request was answered: `read` of its readings were forwarded to EnergyTrade.
    event ReadingsFulfilled(bytes32 indexed requestId, uint256 read);
    /// @notice The answer had no reading for this order's meter (the HEMS could not read it): the order's reading
    ///         stays pending and may be asked again once the request has expired.
    event ReadingMissing(bytes32 indexed requestId, uint256 indexed orderId);
    /// @notice The answer did not match the request (other meters, or arrays of another length): nothing was taken.
    event ReadingsRejected(bytes32 indexed requestId);
    /// @notice The Operator delivered a reading for a request made by an EnergyTrade that is no longer ours: dropped.
    event ReadingDropped(bytes32 indexed requestId, address market);
    /// @notice An expired request was cancelled at the Operator and its LINK came back.
    event RequestCancelled(bytes32 indexed requestId);
    /// @notice The LINK reserved for readings orders may still need changed: `reserved` readings of `fee` each.
    event LinkReserved(uint256 reserved);
    /// @notice LINK above the reservation was withdrawn by the owner.
    event LinkWithdrawn(address indexed to, uint256 amount);
    /// @notice The job that serves batched readings requests changed.
    event ReadingsJobSet(bytes32 jobId);
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
    /// @notice A batched request may carry at most `max` readings, so that its fulfilment fits a block.
    error TooManyReadings(uint256 count, uint256 max);

    /// @notice Reserve the LINK for `readings` more readings; reverts InsufficientLink when the client cannot pay for
    ///         every reading reserved. EnergyTrade only, on order placement.
    function reserveReadings(uint256 readings) external;

    /// @notice Give back the reservation of `readings` readings that will never be requested. EnergyTrade only.
    function releaseReadings(uint256 readings) external;

    /// @notice Ask for the seller's available energy in Wh (HEMS `/battery-soc/{meter}`). EnergyTrade only.
    function requestAvailableEnergy(uint256 orderId, bytes32 meterId) external returns (bytes32 requestId);

    /// @notice The id and expiry the next request will have, so EnergyTrade can stamp each order while it picks the
    ///         batch (ChainlinkClient numbers requests from 1 and names each keccak256(client, number)).
    function nextReadingsRequest() external view returns (bytes32 requestId, uint64 expiresAt);

    /// @notice Ask, in one Operator request (the one nextReadingsRequest names), for the Wh each order's meter imported
    ///         (a bid) or exported (an offer) in [fromTs, toTs] (HEMS `/readings?from=&to=&meters=`). Pays `fee` per
    ///         reading; at most MAX_READINGS_PER_REQUEST readings (TooManyReadings). Two words per order (plain words
    ///         keep EnergyTrade's code small): first the meter id in the top 96 bits (its bytes12), the order id
    ///         above bit 0 and the side in bit 0 (1 for a bid); then the order's expired request, or zero. Pairs
    ///         after the last order are zero. An expired request is cancelled if still at the Operator, and the order's
    ///         reading is reserved anew. No order, no request. EnergyTrade only.
    function requestReadings(uint256[] calldata asks, uint64 fromTs, uint64 toTs) external;

    /// @notice Chainlink callback (via the Operator): record the reading and forward it to EnergyTrade.
    function fulfill(bytes32 requestId, uint256 value) external;

    /// @notice Chainlink callback (via the Operator) of a batched request, as a job's ethabiencode of the HEMS answer
    ///         makes it: per position of the request, the meter, its import and export, and whether it was read.
    ///         Forwards each read order's import (bid) or export (offer) to EnergyTrade in one call.
    function fulfillReadings(
        bytes32 requestId,
        bytes32[] calldata meters,
        uint256[] calldata imports,
        uint256[] calldata exports,
        bool[] calldata read
    ) external;
}
