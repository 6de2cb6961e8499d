// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Cost} from "./Cost.sol";

/// @notice MARKET.md "Settlement": how a buyer's delivered energy is spread over its matches and what each match pays.
library Settlement {
    struct Terms {
        uint256 price; // clearing price p0, wei per kWh
        uint256 gridCharge; // C_d, wei per kWh per km
        uint256 penaltyRate; // pi, wei per kWh undelivered
    }

    struct Outcome {
        uint256 sellerPayout; // cost(d, p0) - fee/2 (floor) + collateral for E_m - penalty
        uint256 buyerPayment; // cost(d, p0) + the rest of the fee
        uint256 fee; // to the fee recipient
        uint256 penalty; // from the seller's collateral to the buyer
    }

    /// @notice d_m = floor(D * E_m / E_b) per match, then the remainder 1 Wh each to the first matches in pairing order.
    /// @param delivered D_b = min(R_b, E_b)
    /// @param matched E_b, the sum of `energies`
    function deliveredPerMatch(uint256 delivered, uint256 matched, uint256[] memory energies)
        internal
        pure
        returns (uint256[] memory d)
    {
        d = new uint256[](energies.length);
        uint256 spread;
        for (uint256 i = 0; i < energies.length; ++i) {
            d[i] = delivered * energies[i] / matched;
            spread += d[i];
        }
        // The remainder is smaller than the number of matches, so every match gets at most one extra Wh.
        for (uint256 i = 0; spread < delivered; ++i) {
            ++d[i];
            ++spread;
        }
    }

    /// @notice What one match of `energyWh`, of which `deliveredWh` arrived over `distanceM`, pays to whom.
    /// @dev The seller's fee half cannot exceed cost(d, p0): postClearing rejects price * 2000 < C_d * distance.
    function settleMatch(Terms memory t, uint256 energyWh, uint256 deliveredWh, uint256 distanceM)
        internal
        pure
        returns (Outcome memory o)
    {
        uint256 value = Cost.cost(deliveredWh, t.price);
        o.fee = Cost.gridFee(deliveredWh, t.gridCharge, distanceM);
        uint256 sellerFee = o.fee / 2;
        o.penalty = Cost.cost(energyWh - deliveredWh, t.penaltyRate);
        o.sellerPayout = value - sellerFee + Cost.cost(energyWh, t.penaltyRate) - o.penalty;
        o.buyerPayment = value + (o.fee - sellerFee);
    }
}
