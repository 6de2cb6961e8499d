// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Cost} from "./Cost.sol";

/// @notice MARKET.md "Settlement": each side's reading spread over its order's matches, a missing buyer reading,
///         and what one match pays to whom. Integer wei and Wh, rounded down as MARKET.md says.
library Settlement {
    struct Terms {
        uint256 price; // clearing price p0, wei per kWh
        uint256 gridCharge; // C_d, wei per kWh per km
        uint256 penaltyRate; // pi, wei per kWh not delivered or not taken
    }

    struct Outcome {
        uint256 tradedWh; // t_m = min(b_m, s_m)
        uint256 payment; // cost(t_m, p0), buyer to seller
        uint256 feeHalf; // h_m, paid by each side
        uint256 sellerPenalty; // cost(E_m - s_m, pi), seller to buyer
        uint256 buyerPenalty; // cost(E_m - b_m, pi), buyer to seller
    }

    /// @notice Q = min(reading, E') spread over the matches: floor(Q * E_m / E') each, then 1 Wh more to each of the
    ///         first r matches in posting order, r being what is left (so no match gets more than E_m).
    /// @param matched E', the sum of `energies`
    function spread(uint256 reading, uint256 matched, uint256[] memory energies)
        internal
        pure
        returns (uint256[] memory d)
    {
        uint256 q = reading < matched ? reading : matched;
        d = new uint256[](energies.length);
        uint256 spreadWh;
        for (uint256 i = 0; i < energies.length; ++i) {
            d[i] = q * energies[i] / matched;
            spreadWh += d[i];
        }
        for (uint256 i = 0; spreadWh < q; ++i) {
            ++d[i];
            ++spreadWh;
        }
    }

    /// @notice The share of match `index` in the spread of `q` (already capped at `matched`) whose remainder is `r`.
    function share(uint256 q, uint256 matched, uint256 energyWh, uint256 index, uint256 r)
        internal
        pure
        returns (uint256)
    {
        return q * energyWh / matched + (index < r ? 1 : 0);
    }

    /// @notice A missing buyer reading, match by match: b_m = s_m or b_m = 0, whichever costs the buyer more (ties s_m).
    function missingBuyerWh(Terms memory t, uint256 energyWh, uint256 sellerWh, uint256 distanceM)
        internal
        pure
        returns (uint256)
    {
        uint256 atSeller = Cost.cost(sellerWh, t.price) + Cost.feeHalf(sellerWh, t.gridCharge, distanceM)
            + Cost.cost(energyWh - sellerWh, t.penaltyRate);
        return atSeller >= Cost.cost(energyWh, t.penaltyRate) ? sellerWh : 0;
    }

    /// @notice What one match of `energyWh` over `distanceM` pays, given its buyer side b and seller side s.
    /// @dev h_m never exceeds cost(t_m, p0): postClearing rejects price * 2000 < C_d * distance.
    function settleMatch(Terms memory t, uint256 energyWh, uint256 buyerWh, uint256 sellerWh, uint256 distanceM)
        internal
        pure
        returns (Outcome memory o)
    {
        o.tradedWh = buyerWh < sellerWh ? buyerWh : sellerWh;
        o.payment = Cost.cost(o.tradedWh, t.price);
        o.feeHalf = Cost.feeHalf(o.tradedWh, t.gridCharge, distanceM);
        o.sellerPenalty = Cost.cost(energyWh - sellerWh, t.penaltyRate);
        o.buyerPenalty = Cost.cost(energyWh - buyerWh, t.penaltyRate);
    }
}
