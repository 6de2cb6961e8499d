// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Forwarder} from "./Forwarder.sol";

/// @notice Test-only trader whose receive() calls back into EnergyTrade's withdraw or withdrawTo, to show that a
///         re-entrant withdrawal finds nothing left to take (the balance is zeroed before the transfer).
contract ReentrantWithdrawer is Forwarder {
    /// @notice The call receive() makes back into the market; empty: none.
    bytes public reentry;
    address public target;
    /// @notice Whether the re-entrant call succeeded (it must not).
    bool public reentered;
    bytes public reentryError;

    /// @notice What receive() calls on `to` when paid.
    function arm(address to, bytes calldata data) external {
        target = to;
        reentry = data;
    }

    receive() external payable {
        if (reentry.length == 0) return;
        bytes memory data = reentry;
        delete reentry;
        (bool ok, bytes memory ret) = target.call(data);
        reentered = ok;
        reentryError = ret;
    }
}
