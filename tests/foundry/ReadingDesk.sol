// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyOracleClient} from "../../contracts/interfaces/IEnergyOracleClient.sol";

/// @notice Stands in for the Chainlink oracle client: records what EnergyTrade asks to read, so the invariant
///         handler can answer, answer late, answer wrongly or stay silent. It answers by calling EnergyTrade itself
///         (it holds ORACLE_ROLE), as EnergyOracleClient does after the Chainlink Operator's callback.
contract ReadingDesk is IEnergyOracleClient {
    struct Request {
        uint256 orderId;
        ReadingKind kind;
    }

    address private immutable owner;
    address public energyTrade;
    Request[] public requests;

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

    function requestAvailableEnergy(uint256 orderId, bytes32) external returns (bytes32) {
        return _record(orderId, ReadingKind.AvailableEnergy);
    }

    function requestDelivery(uint256 bidId, bytes32, uint64, uint64) external returns (bytes32) {
        return _record(bidId, ReadingKind.Delivery);
    }

    function fulfill(bytes32, uint256) external pure {
        revert("the handler answers through EnergyTrade directly");
    }

    function _record(uint256 orderId, ReadingKind kind) private returns (bytes32) {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        requests.push(Request(orderId, kind));
        return bytes32(requests.length);
    }
}
