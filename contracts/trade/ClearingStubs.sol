// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";

/// @title EnergyTrade's clearing functions, run by its clearing module (ClearingChecks) on EnergyTrade's storage
/// @notice Thin stubs: each passes its call unchanged to the module by delegatecall and returns or reverts with the
///         module's answer, so the ABI, events and errors stay EnergyTrade's and households use one address.
abstract contract ClearingStubs is TradeStorage, IEnergyTrade {
    /// @inheritdoc IEnergyTrade
    function postClearing(uint256 windowId, uint128 price, Match[] calldata matches) external {
        // Named for the ABI; the module decodes them from the forwarded calldata.
        (windowId, price, matches);
        _runClearingModule();
    }

    /// @inheritdoc IEnergyTrade
    function finaliseClearing(uint256 windowId) external {
        windowId;
        _runClearingModule();
    }

    /// @inheritdoc IEnergyTrade
    function retractClearing(uint256 windowId) external {
        windowId;
        _runClearingModule();
    }

    /// @dev The clearing module (ClearingChecks) EnergyTrade created.
    function _clearingModule() internal view virtual returns (address);

    function _runClearingModule() private {
        address module = _clearingModule();
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize())
            let ok := delegatecall(gas(), module, ptr, calldatasize(), 0, 0)
            returndatacopy(ptr, 0, returndatasize())
            if iszero(ok) { revert(ptr, returndatasize()) }
            return(ptr, returndatasize())
        }
    }
}
