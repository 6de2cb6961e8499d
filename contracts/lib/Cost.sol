// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Money for energy, MARKET.md "Units" and "Settlement": integer wei, always rounded down.
library Cost {
    /// @notice cost(E, p) = E * p / 1000: wei for `energyWh` at `price` wei per kWh.
    function cost(uint256 energyWh, uint256 price) internal pure returns (uint256) {
        return energyWh * price / 1000;
    }

    /// @notice h = E * C_d * dist / (2 * 10^6), rounded down: the fee half each side of a match pays for `energyWh`
    ///         carried `distanceM` metres at `gridCharge` wei/kWh/km.
    function feeHalf(uint256 energyWh, uint256 gridCharge, uint256 distanceM) internal pure returns (uint256) {
        return energyWh * gridCharge * distanceM / 2_000_000;
    }

    /// @notice A bid's escrow: cost(E, P) + E * C_d * L / (2 * 10^6) + cost(E, penaltyRate): its price, the largest
    ///         fee half it can owe, and its own penalty collateral.
    function bidEscrow(uint256 energyWh, uint256 maxPrice, uint256 gridCharge, uint256 maxDistanceM, uint256 penaltyRate)
        internal
        pure
        returns (uint256)
    {
        return cost(energyWh, maxPrice) + energyWh * gridCharge * maxDistanceM / 2_000_000 + cost(energyWh, penaltyRate);
    }

    /// @notice An offer's collateral: cost(E, penaltyRate), enough to pay the penalty if nothing is delivered.
    function offerCollateral(uint256 energyWh, uint256 penaltyRate) internal pure returns (uint256) {
        return cost(energyWh, penaltyRate);
    }
}
