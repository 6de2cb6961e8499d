// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The market's numeric bounds, in one place for EnergyTrade (which publishes them) and WindowBounds.
library MarketBounds {
    /// @notice Largest order energy (Wh) and window maxEnergyWh: orders store energy in 40 bits.
    uint256 internal constant MAX_ENERGY_WH = type(uint40).max;
    /// @notice Largest order price (wei per kWh): orders store prices in 80 bits.
    uint256 internal constant MAX_PRICE = type(uint80).max;
    /// @notice Smallest window penaltyRate (wei per kWh), MARKET.md "Settlement": an order its owner does not mean to
    ///         honour always costs it. It is the smallest rate at which one undelivered Wh costs at least 1 wei
    ///         (cost(1, 1000) = 1), and it lets MARKET.md's worked example (pi = 1000) run on chain as written.
    uint256 internal constant MIN_PENALTY_RATE = 1000;
    /// @notice Largest window maxDistanceM: matches store distances in 24 bits.
    uint256 internal constant MAX_DISTANCE_M = type(uint24).max;
}
