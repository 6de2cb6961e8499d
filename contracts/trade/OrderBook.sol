// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Cost} from "../lib/Cost.sol";

/// @title Offers and bids with their deposits: placement, the one-open-order-per-meter rule, the battery check, cancel
abstract contract OrderBook is TradeStorage, IEnergyTrade {
    // ---------------------------------------------------------------- orders

    /// @inheritdoc IEnergyTrade
    function submitOffer(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 minPrice, uint32 maxDistanceM)
        external
        payable
        returns (uint256 orderId)
    {
        Window storage w = _window(windowId);
        WindowBook memory book = w.book;
        _checkOrder(windowId, book, energyWh, minPrice);
        uint256 deposit = Cost.offerCollateral(energyWh, w.params.penaltyRate);
        _takeOrderFee(w, book, deposit);
        _checkTrader(meterId);
        OrderStatus status = book.validateOffers ? OrderStatus.PendingValidation : OrderStatus.Valid;
        orderId = _place(w, windowId, book, Side.Offer, status, meterId, energyWh, minPrice, maxDistanceM);
        emit OfferSubmitted(windowId, orderId, msg.sender, meterId, energyWh, minPrice, deposit);
        // The settlement reading, and the validation reading sent at once.
        oracle.reserveReadings(book.validateOffers ? 2 : 1);
        if (book.validateOffers) oracle.requestAvailableEnergy(orderId, meterId);
    }

    /// @inheritdoc IEnergyTrade
    function submitBid(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 maxPrice, uint32 maxDistanceM)
        external
        payable
        returns (uint256 orderId)
    {
        Window storage w = _window(windowId);
        WindowBook memory book = w.book;
        _checkOrder(windowId, book, energyWh, maxPrice);
        uint256 deposit =
            Cost.bidEscrow(energyWh, maxPrice, w.params.gridCharge, book.maxDistanceM, w.params.penaltyRate);
        _takeOrderFee(w, book, deposit);
        _checkTrader(meterId);
        orderId = _place(w, windowId, book, Side.Bid, OrderStatus.Valid, meterId, energyWh, maxPrice, maxDistanceM);
        emit BidSubmitted(windowId, orderId, msg.sender, meterId, energyWh, maxPrice, deposit);
        oracle.reserveReadings(1);
    }

    /// @inheritdoc IEnergyTrade
    function cancelOrder(uint256 orderId) external {
        Order storage o = _order(orderId);
        if (o.owner != msg.sender) revert NotOrderOwner(orderId, msg.sender);
        Window storage w = windows[o.windowId];
        WindowBook memory book = w.book;
        _requirePhase(o.windowId, book.phase, Phase.BiddingOffering);
        _requireBefore(book.biddingDeadline);
        OrderStatus status = o.status;
        if (status != OrderStatus.Valid && status != OrderStatus.PendingValidation) {
            revert OrderNotCancellable(orderId, status);
        }
        o.status = OrderStatus.Cancelled;
        emit OrderCancelled(o.windowId, orderId, msg.sender);
        _releaseReadingNow(orderId);
        _credit(msg.sender, _deposit(w, o));
    }

    /// @inheritdoc IEnergyTrade
    function onAvailableEnergy(uint256 orderId, uint256 availableWh) external onlyRole(ORACLE_ROLE) {
        Order storage o = _order(orderId);
        Phase phase = windows[o.windowId].book.phase;
        // A reading that arrives after clearing has started can no longer change the book.
        if (o.status != OrderStatus.PendingValidation || phase != Phase.BiddingOffering) {
            revert NotAwaitingReading(orderId);
        }
        // MARKET.md battery check: what the meter still owes other windows is not available to this offer.
        uint256 committed = _committedWh(o.meterId, orderId);
        if (uint256(o.energyWh) + committed <= availableWh) {
            o.status = OrderStatus.Valid;
            emit OfferValidated(orderId, availableWh);
        } else {
            o.status = OrderStatus.Rejected;
            emit OfferRejected(orderId, o.energyWh, availableWh, committed);
            _releaseReadingNow(orderId);
            _credit(o.owner, _deposit(windows[o.windowId], o));
        }
    }

    function _checkOrder(uint256 windowId, WindowBook memory book, uint64 energyWh, uint128 price) internal view {
        _requirePhase(windowId, book.phase, Phase.BiddingOffering);
        _requireBefore(book.biddingDeadline);
        if (energyWh == 0) revert ZeroEnergy();
        if (energyWh > book.maxEnergyWh) revert EnergyAboveMaximum(energyWh, book.maxEnergyWh);
        if (price == 0) revert ZeroPrice();
        if (price > MAX_PRICE) revert PriceAboveMaximum(price, MAX_PRICE);
    }

    /// @dev MARKET.md "Deposits": every order sends its deposit plus the order fee f, and f goes to the window's
    ///      operator at once, so no later refund (cancel, rejection, no match, cancelled window) can include it.
    function _takeOrderFee(Window storage w, WindowBook memory book, uint256 deposit) internal {
        uint256 fee = book.orderFee;
        if (msg.value != deposit + fee) revert WrongDeposit(deposit + fee, msg.value);
        _credit(w.operator, fee);
    }

    /// @dev The trader must own the meter and have let EnergyTrade read it (the oracle reads it for us).
    ///      Registered meter ids are at most 12 bytes (DataAccess checks), so bytes12 storage loses nothing.
    function _checkTrader(bytes32 meterId) internal view {
        (address owner, bool access) = registry.ownerAndAccess(meterId, address(this));
        if (owner != msg.sender) revert NotMeterOwner(meterId, msg.sender);
        if (!access) revert NoDataAccess(meterId);
    }

    function _place(
        Window storage w,
        uint256 windowId,
        WindowBook memory book,
        Side side,
        OrderStatus status,
        bytes32 meterId,
        uint64 energyWh,
        uint128 price,
        uint32 maxDistanceM
    ) internal returns (uint256 orderId) {
        // MARKET.md "Orders": 0 < D <= L, an order that gives none takes L.
        uint256 limit = book.maxDistanceM;
        if (maxDistanceM > limit) revert DistancePreferenceAboveMaximum(maxDistanceM, limit);
        if (maxDistanceM == 0) maxDistanceM = uint32(limit);
        orderId = ++ordersPlaced;
        uint256 index = book.orderCount;
        windowOrderSlots[windowId][index / ORDER_IDS_PER_SLOT] |=
            uint256(SafeCast.toUint32(orderId)) << ((index % ORDER_IDS_PER_SLOT) * 32);
        _addMeterOrder(windowId, meterId, orderId);
        orders[orderId] = Order({
            windowId: uint40(windowId),
            energyWh: uint40(energyWh),
            side: side,
            status: status,
            price: uint80(price),
            matchedWh: 0,
            matchCount: 0,
            maxDistanceM: maxDistanceM,
            owner: msg.sender,
            meterId: bytes12(meterId)
        });
        ++book.orderCount;
        w.book = book;
    }

    /// @dev MARKET.md "Orders": a meter holds at most one open order per window. Rewrites the meter's list without
    ///      the orders that are no longer open, then appends `orderId`.
    function _addMeterOrder(uint256 windowId, bytes32 meterId, uint256 orderId) internal {
        bytes12 meter = bytes12(meterId);
        uint256 list = meterOrders[meter];
        uint256 kept;
        uint256 n;
        for (uint256 i = 0; i < MAX_OPEN_ORDERS_PER_METER; ++i) {
            uint256 id = uint32(list >> (i * 32));
            if (id == 0) break;
            Order storage o = orders[id];
            if (!_isOpen(o)) continue;
            if (o.windowId == windowId) revert MeterHasOpenOrder(meterId, id);
            kept |= id << (n * 32);
            ++n;
        }
        if (n == MAX_OPEN_ORDERS_PER_METER) revert TooManyOpenOrders(meterId, MAX_OPEN_ORDERS_PER_METER);
        meterOrders[meter] = kept | (orderId << (n * 32));
    }
}
