// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Test-only trader whose address refuses ETH, to show a failed withdrawal reverts and keeps the balance.
contract RejectingTrader {
    /// @notice Forward a call (e.g. grantAccess, submitBid, withdraw) from this contract's address.
    function forward(address target, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{value: msg.value}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }
}
