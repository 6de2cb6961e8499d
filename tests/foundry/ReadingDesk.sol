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

    /// @dev A repeat (`replaces` set) is paid by the expired request it cancels, as the Operator refunds it.
    function requestReading(uint256 orderId, bytes32, bool, uint64, uint64, bytes32 replaces)
        external
        onlyTrade
        returns (bytes32 requestId, uint64 expiresAt)
    {
        if (replaces != bytes32(0)) {
            --spentReadings;
            ++reservedReadings;
        }
        requestId = _record(orderId, ReadingKind.Settlement);
        expiresAt = uint64(block.timestamp + REQUEST_EXPIRY);
    }

    function fulfill(bytes32, uint256) external pure {
        revert("the handler answers through EnergyTrade directly");
    }

    modifier onlyTrade() {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        _;
    }

    function _record(uint256 orderId, ReadingKind kind) private returns (bytes32) {
        --reservedReadings;
        ++spentReadings;
        requests.push(Request(orderId, kind));
        return bytes32(requests.length);
    }
}
