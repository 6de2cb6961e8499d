// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The few forge cheatcodes the tests use (forge-std is not installed: it would come from outside the registry).
interface Vm {
    function warp(uint256 timestamp) external;
    function prank(address sender) external;
    function deal(address account, uint256 balance) external;
    function label(address account, string calldata name) external;
}

/// @dev Forge's cheatcode address, keccak256("hevm cheat code").
Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// @dev What forge's `targetSelectors()` returns (forge-std's StdInvariant.FuzzSelector).
struct FuzzSelector {
    address addr;
    bytes4[] selectors;
}
