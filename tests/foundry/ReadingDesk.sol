// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyOracleClient} from "../../contracts/interfaces/IEnergyOracleClient.sol";

/// @notice Stands in for the Chainlink oracle client: records what EnergyTrade asks to read, so the invariant
///         handler can answer, answer late, answer wrongly or stay silent. It answers by calling EnergyTrade itself
///         (it holds ORACLE_ROLE), as EnergyOracleClient does after the Chainlink Operator's callback. Its LINK is a
///         budget of readings: it reserves as EnergyOracleClient does and refuses an order it cannot pay for.
contract ReadingDesk is IEnergyOracleClient {
    struct Request {
        uint256 orderId;
        ReadingKind kind;
    }

    /// @notice Readings the desk's LINK pays for.
    uint256 public constant BUDGET = 40;
    uint256 private constant REQUEST_EXPIRY = 5 minutes;

    address private immutable owner;
    address public energyTrade;
    Request[] public requests;
    /// @notice Readings reserved by orders and not yet requested or released.
    uint256 public reservedReadings;
    /// @notice Readings requested, i.e. LINK spent.
    uint256 public spentReadings;
    uint256 private batchesSent;
    /// @dev Readings each batch not yet cancelled paid for.
    mapping(bytes32 requestId => uint256) private liveBatches;

    constructor() {
        owner = msg.sender;
    }

    function setEnergyTrade(address energyTrade_) external {
        require(msg.sender == owner, "owner only");
        energyTrade = energyTrade_;
    }

    function requestCount() external view returns (uint256) {
        return requests.length;
    }

    function reserveReadings(uint256 readings) external onlyTrade {
        reserveReadingsOf(readings);
    }

    function reserveReadingsOf(uint256 readings) private {
        uint256 reserved = reservedReadings + readings;
        if (spentReadings + reserved > BUDGET) revert InsufficientLink(reserved, BUDGET - spentReadings);
        reservedReadings = reserved;
    }

    function releaseReadings(uint256 readings) external onlyTrade {
        reservedReadings -= readings;
    }

    function requestAvailableEnergy(uint256 orderId, bytes32) external onlyTrade returns (bytes32) {
        return _record(orderId, ReadingKind.AvailableEnergy);
    }

    function nextReadingsRequest() external view returns (bytes32 requestId, uint64 expiresAt) {
        return (_batchId(batchesSent + 1), uint64(block.timestamp + REQUEST_EXPIRY));
    }

    /// @dev As EnergyOracleClient: one batch per call, each of its orders recorded to be answered on its own; a repeat
    ///      cancels the expired batch it replaces (the Operator refunds that batch's LINK) and reserves its reading anew.
    function requestReadings(uint256[] calldata asks, uint64, uint64) external onlyTrade {
        uint256 n;
        while (2 * n < asks.length && asks[2 * n] != 0) ++n;
        if (n == 0) return;
        uint256 repeats;
        for (uint256 i = 0; i < n; ++i) {
            bytes32 replaces = bytes32(asks[2 * i + 1]);
            if (replaces == bytes32(0)) continue;
            ++repeats;
            spentReadings -= liveBatches[replaces];
            liveBatches[replaces] = 0;
        }
        reserveReadingsOf(repeats);
        for (uint256 i = 0; i < n; ++i) {
            --reservedReadings;
            ++spentReadings;
            requests.push(Request(uint160(asks[2 * i]) >> 1, ReadingKind.Settlement));
        }
        liveBatches[_batchId(++batchesSent)] = n;
    }

    function fulfill(bytes32, uint256) external pure {
        revert("the handler answers through EnergyTrade directly");
    }

    function fulfillReadings(bytes32, bytes32[] calldata, uint256[] calldata, uint256[] calldata, bool[] calldata)
        external
        pure
    {
        revert("the handler answers through EnergyTrade directly");
    }

    modifier onlyTrade() {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        _;
    }

    /// @dev Batch ids apart from the per-order ids of available-energy requests.
    function _batchId(uint256 batch) private pure returns (bytes32) {
        return bytes32(1 << 255 | batch);
    }

    function _record(uint256 orderId, ReadingKind kind) private returns (bytes32) {
        --reservedReadings;
        ++spentReadings;
        requests.push(Request(orderId, kind));
        return bytes32(requests.length);
    }
}
