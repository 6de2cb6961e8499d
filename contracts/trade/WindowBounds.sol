// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade, IEnergyTradeTypes} from "../interfaces/IEnergyTrade.sol";
import {MarketBounds} from "../lib/MarketBounds.sol";

/// @title The bounds of a window's parameters (docs/CONTRACTS.md), checked when a window opens
/// @notice A contract of its own, created by EnergyTrade's constructor and called by openWindow, so that these checks
///         cost EnergyTrade none of its 24,576 deployed bytes. It reverts with EnergyTrade's InvalidParams, which
///         openWindow passes on unchanged.
contract WindowBounds {
    /// @notice Longest phase a window may have. Bounded so that no window can put its cancel escape hatch
    ///         (deadline + grace) out of reach of the households whose money it holds.
    uint256 public constant MAX_PHASE_DURATION = 7 days;
    /// @notice Longest grace period after a missed deadline before anyone may cancel.
    uint256 public constant MAX_GRACE_PERIOD = 1 days;
    /// @notice Largest order fee, wei per order (0.01 ether): the fee pays for the oracle requests an order causes, so
    ///         a bound well above that keeps an operator from pricing households out of its windows.
    uint256 public constant MAX_ORDER_FEE = 1e16;

    /// @notice Reverts with InvalidParams(reason) unless every parameter of `p` is within its bound.
    function check(IEnergyTrade.WindowParams calldata p) external pure {
        if (p.biddingDuration == 0 || p.matchingDuration == 0 || p.transferDuration == 0 || p.settlementDuration == 0) {
            revert IEnergyTradeTypes.InvalidParams("zero duration");
        }
        if (
            p.biddingDuration > MAX_PHASE_DURATION || p.matchingDuration > MAX_PHASE_DURATION
                || p.transferDuration > MAX_PHASE_DURATION || p.settlementDuration > MAX_PHASE_DURATION
        ) revert IEnergyTradeTypes.InvalidParams("duration above 7 days");
        if (p.gracePeriod > MAX_GRACE_PERIOD) revert IEnergyTradeTypes.InvalidParams("gracePeriod above 1 day");
        uint256 maxPrice = MarketBounds.MAX_PRICE;
        if (p.maxEnergyWh == 0 || p.maxEnergyWh > MarketBounds.MAX_ENERGY_WH) revert IEnergyTradeTypes.InvalidParams("maxEnergyWh");
        if (p.referencePrice > maxPrice) revert IEnergyTradeTypes.InvalidParams("referencePrice");
        if (p.gridCharge > maxPrice) revert IEnergyTradeTypes.InvalidParams("gridCharge");
        if (p.penaltyRate < MarketBounds.MIN_PENALTY_RATE || p.penaltyRate > maxPrice) {
            revert IEnergyTradeTypes.InvalidParams("penaltyRate");
        }
        if (p.maxDistanceM > MarketBounds.MAX_DISTANCE_M) revert IEnergyTradeTypes.InvalidParams("maxDistanceM");
        if (p.orderFee > MAX_ORDER_FEE) revert IEnergyTradeTypes.InvalidParams("orderFee");
    }
}
