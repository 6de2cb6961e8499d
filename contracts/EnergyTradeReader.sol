// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";

/// @title Paged reads of a market's book, for explorers and auditors
/// @notice EnergyTrade creates its reader in its constructor (`EnergyTrade.reader()`), so the reader needs no
///         deployment of its own and its views cost EnergyTrade none of its 24,576 bytes. Read-only: it only calls
///         EnergyTrade's and its meter registry's views, whose errors (e.g. UnknownWindow) it passes on unchanged.
contract EnergyTradeReader {
    /// @notice An order's meter as the registry holds it now (IDataAccess.meterOf): its owner and feeder bus.
    struct MeterEntry {
        address owner;
        uint32 bus;
    }

    /// @notice Most orders one windowOrders call returns: about 15,500 gas each (the order's view read from
    ///         EnergyTrade, its meter from DataAccess), so a full page stays near 7.8M gas, far below a node's
    ///         eth_call gas cap (30M and more).
    uint256 public constant ORDERS_PER_VIEW = 500;

    /// @notice The market this reader reads: the contract that created it.
    IEnergyTrade public immutable trade;

    constructor() {
        trade = IEnergyTrade(msg.sender);
    }

    /// @notice Up to `count` of the window's orders from index `from`, in submission order: entry i is the order whose
    ///         id windowOrderIds gives at index `from + i`, and `meters[i]` its meter's registry entry, so a reader of
    ///         a window's book needs no meterOf call per order. At most ORDERS_PER_VIEW per call; fewer at the end of
    ///         the book, none from the window's orderCount on.
    function windowOrders(uint256 windowId, uint256 from, uint256 count)
        external
        view
        returns (IEnergyTrade.OrderView[] memory page, MeterEntry[] memory meters)
    {
        if (count > ORDERS_PER_VIEW) count = ORDERS_PER_VIEW;
        uint256[] memory ids = trade.windowOrderIds(windowId, from, count);
        // Asked per call, not kept: EnergyTrade is still being constructed when it creates its reader.
        IDataAccess registry = IDataAccess(trade.dataAccess());
        page = new IEnergyTrade.OrderView[](ids.length);
        meters = new MeterEntry[](ids.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            page[i] = trade.order(ids[i]);
            (address owner, uint32 bus) = registry.meterOf(page[i].meterId);
            meters[i] = MeterEntry(owner, bus);
        }
    }
}
