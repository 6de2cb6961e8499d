// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";
import {Cost} from "../lib/Cost.sol";

/// @title Read-only views of windows, orders, matches and meters
abstract contract TradeViews is TradeStorage, IEnergyTrade {
    // ---------------------------------------------------------------- views

    /// @inheritdoc IEnergyTrade
    function window(uint256 windowId) external view returns (WindowView memory v) {
        Window storage w = _window(windowId);
        WindowProgress memory progress = w.progress;
        v.params = w.params;
        v.phase = w.book.phase;
        v.biddingDeadline = w.book.biddingDeadline;
        v.matchingDeadline = progress.matchingDeadline;
        v.transferDeadline = progress.transferDeadline;
        v.settlementDeadline = progress.settlementDeadline;
        v.orderCount = w.book.orderCount;
        v.matchCount = progress.matchCount;
        v.unsettledBids = progress.matchedBids - progress.settledBids;
        v.price = w.price;
        v.resultHash = w.resultHash;
        v.releasedOrders = w.releasedOrders;
    }

    /// @inheritdoc IEnergyTrade
    function order(uint256 orderId) external view returns (OrderView memory v) {
        Order storage o = _order(orderId);
        v = _orderView(windows[o.windowId], o);
    }

    function _orderView(Window storage w, Order storage o) private view returns (OrderView memory v) {
        v.windowId = o.windowId;
        v.owner = o.owner;
        v.meterId = bytes32(o.meterId);
        v.side = o.side;
        v.energyWh = o.energyWh;
        v.price = o.price;
        v.status = o.status == OrderStatus.Valid && o.matchedWh > 0 ? OrderStatus.Matched : o.status;
        v.matchedWh = o.matchedWh;
        v.deposit = _deposit(w, o);
        v.maxDistanceM = o.maxDistanceM;
    }

    /// @inheritdoc IEnergyTrade
    function orderReading(uint256 orderId) external view returns (ReadingView memory v) {
        _order(orderId);
        OrderReading storage r = readings[orderId];
        v.state = r.state;
        v.requestId = r.requestId;
        v.expiresAt = r.expiresAt;
        v.readingWh = r.readingWh;
    }

    /// @inheritdoc IEnergyTrade
    function windowOrderIds(uint256 windowId, uint256 from, uint256 count)
        external
        view
        returns (uint256[] memory ids)
    {
        uint256 total = _window(windowId).book.orderCount;
        if (from >= total) return new uint256[](0);
        if (count > total - from) count = total - from;
        ids = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            ids[i] = _windowOrderId(windowId, from + i);
        }
    }

    /// @inheritdoc IEnergyTrade
    function windowMatches(uint256 windowId, uint256 from, uint256 count) external view returns (Match[] memory page) {
        Window storage w = _window(windowId);
        uint256 total = w.progress.matchCount;
        if (from >= total) return new Match[](0);
        if (count > total - from) count = total - from;
        page = new Match[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 index = from + i;
            uint256 ref = uint40(windowMatchRefs[windowId][index / MATCH_REFS_PER_SLOT] >> ((index % MATCH_REFS_PER_SLOT) * 40));
            uint256 bidId = uint32(ref);
            BidMatch memory m = _loadMatch(bidId, ref >> 32);
            page[i] = Match(uint64(m.offerId), uint64(bidId), uint64(m.energyWh), uint32(m.distanceM));
        }
    }

    /// @inheritdoc IEnergyTrade
    function meterIdle(bytes32 meterId) external view returns (bool) {
        uint256 list = meterOrders[bytes12(meterId)];
        for (uint256 i = 0; i < MAX_OPEN_ORDERS_PER_METER; ++i) {
            uint256 id = uint32(list >> (i * 32));
            if (id != 0 && _isOpen(orders[id])) return false;
        }
        return true;
    }

    /// @inheritdoc IEnergyTrade
    function committedWh(bytes32 meterId, uint256 exceptOrderId) external view returns (uint256) {
        return _committedWh(bytes12(meterId), exceptOrderId);
    }

    /// @inheritdoc IEnergyTrade
    function windowCount() external view returns (uint256) {
        return windowsOpened;
    }

    /// @inheritdoc IEnergyTrade
    function orderCount() external view returns (uint256) {
        return ordersPlaced;
    }

    /// @inheritdoc IEnergyTrade
    function dataAccess() external view returns (address) {
        return address(registry);
    }

    /// @inheritdoc IEnergyTrade
    function feeRecipient() external view returns (address) {
        return gridFeeRecipient;
    }

    /// @inheritdoc IEnergyTrade
    function oracleClient() external view returns (address) {
        return address(oracle);
    }

    /// @inheritdoc IEnergyTrade
    function bidEscrow(uint256 windowId, uint64 energyWh, uint128 maxPrice) external view returns (uint256) {
        Window storage w = _window(windowId);
        return Cost.bidEscrow(energyWh, maxPrice, w.params.gridCharge, w.params.maxDistanceM, w.params.penaltyRate);
    }

    /// @inheritdoc IEnergyTrade
    function offerCollateral(uint256 windowId, uint64 energyWh) external view returns (uint256) {
        return Cost.offerCollateral(energyWh, _window(windowId).params.penaltyRate);
    }
}
