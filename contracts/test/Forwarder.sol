// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Test-only account that is a contract: it makes calls from its own address, so tests can show what the
///         market does when a trader's address is code (refuses ETH, re-enters on receipt).
abstract contract Forwarder {
    /// @notice Forward a call (grantAccess, submitBid, cancelOrder, withdraw) from this contract's address,
    ///         bubbling up the callee's revert data unchanged.
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
