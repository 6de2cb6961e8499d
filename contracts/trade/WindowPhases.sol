// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";

/// @title A window's life cycle: open, advance, close, cancel, and returning its deposits in batches
abstract contract WindowPhases is TradeStorage, IEnergyTrade {
    // ---------------------------------------------------------------- window life cycle

    /// @inheritdoc IEnergyTrade
    function openWindow(WindowParams calldata p) external onlyRole(OPERATOR_ROLE) returns (uint256 windowId) {
        windowBounds.check(p);
        if (gridFeeRecipient == address(0)) revert FeeRecipientNotSet();
        windowId = ++windowsOpened;
        Window storage w = windows[windowId];
        w.params = p;
        uint256 bidding = block.timestamp + p.biddingDuration;
        uint256 matching = bidding + p.matchingDuration;
        uint256 transfer = matching + p.transferDuration;
        w.book = WindowBook({
            phase: Phase.BiddingOffering,
            biddingDeadline: uint40(bidding),
            orderCount: 0,
            maxEnergyWh: uint40(p.maxEnergyWh),
            maxDistanceM: p.maxDistanceM,
            validateOffers: p.validateOffers,
            orderFee: p.orderFee
        });
        w.operator = msg.sender;
        w.progress = WindowProgress({
            matchingDeadline: uint40(matching),
            transferDeadline: uint40(transfer),
            settlementDeadline: uint40(transfer + p.settlementDuration),
            matchCount: 0,
            matchedBids: 0,
            filledBids: 0,
            settledBids: 0
        });
        emit WindowOpened(windowId, p, uint64(bidding));
        emit PhaseChanged(windowId, Phase.BiddingOffering);
    }

    /// @inheritdoc IEnergyTrade
    function advancePhase(uint256 windowId) external {
        Window storage w = _window(windowId);
        Phase phase = w.book.phase;
        if (phase == Phase.BiddingOffering) {
            _requireReached(w.book.biddingDeadline);
            _setPhase(w, windowId, Phase.Matching);
        } else if (phase == Phase.EnergyTransfer) {
            _requireReached(w.progress.transferDeadline);
            _setPhase(w, windowId, Phase.Settlement);
        } else {
            revert WrongPhase(windowId, phase < Phase.EnergyTransfer ? Phase.BiddingOffering : Phase.EnergyTransfer, phase);
        }
    }

    /// @inheritdoc IEnergyTrade
    function closeWindow(uint256 windowId, uint256 maxOrders) external {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        WindowProgress memory progress = w.progress;
        if (progress.settledBids != progress.matchedBids) {
            revert BidsNotSettled(windowId, progress.matchedBids - progress.settledBids);
        }
        // The phase stays Settlement until the last batch, so Closed always means every deposit is back.
        if (_release(w, windowId, maxOrders)) {
            _setPhase(w, windowId, Phase.Closed);
            emit WindowClosed(windowId);
        }
    }

    /// @inheritdoc IEnergyTrade
    function cancelWindow(uint256 windowId, uint256 maxOrders) external {
        Window storage w = _window(windowId);
        Phase phase = w.book.phase;
        if (phase == Phase.Cancelled) {
            // Later calls, by anyone, return the deposits the first batches did not reach.
            if (w.releasedOrders == w.book.orderCount) revert NotCancellable(windowId, phase, 0);
            _release(w, windowId, maxOrders);
            return;
        }
        // Once clearing is final the sellers have delivered against it: such a window is settled, never cancelled.
        if (phase != Phase.BiddingOffering && phase != Phase.Matching) revert NotCancellable(windowId, phase, 0);
        uint256 cancellableAfter = uint256(w.progress.matchingDeadline) + w.params.gracePeriod;
        if (block.timestamp <= cancellableAfter) revert NotCancellable(windowId, phase, cancellableAfter);
        // Cancelled at once, so no one trades or settles while later calls return the rest.
        _setPhase(w, windowId, Phase.Cancelled);
        emit WindowCancelled(windowId, msg.sender);
        _release(w, windowId, maxOrders);
    }

    /// @dev Give back the deposits the window still holds, at most maxOrders (1..MAX_ORDERS_PER_RELEASE) orders per call,
    ///      continuing where the last call stopped: unsettled bids get their full escrow, offers their collateral minus
    ///      the penalties settled matches took from it; readings never requested give back their LINK reservation. Returns whether every order of the window is done.
    function _release(Window storage w, uint256 windowId, uint256 maxOrders) internal returns (bool done) {
        if (maxOrders == 0 || maxOrders > MAX_ORDERS_PER_RELEASE) revert ReleaseCountOutOfRange(maxOrders, MAX_ORDERS_PER_RELEASE);
        uint256 total = w.book.orderCount;
        uint256 released = w.releasedOrders;
        uint256 end = released + maxOrders;
        if (end > total) end = total;
        uint256 unread;
        for (; released < end; ++released) {
            uint256 id = _windowOrderId(windowId, released);
            Order storage o = orders[id];
            OrderStatus status = o.status;
            if (status != OrderStatus.Valid && status != OrderStatus.PendingValidation) continue;
            unread += _releaseReading(id);
            uint256 spent = o.side == Side.Offer ? collateralSpent[id] : 0;
            if (spent > 0) delete collateralSpent[id];
            // A matched offer of a closed window was settled, whether or not its penalties took any collateral.
            o.status = o.matchCount > 0 ? OrderStatus.Settled : OrderStatus.Refunded;
            _credit(o.owner, _deposit(w, o) - spent);
        }
        if (unread > 0) oracle.releaseReadings(unread);
        w.releasedOrders = uint32(released);
        emit WindowClosing(windowId, released, total);
        done = released == total;
    }
}
