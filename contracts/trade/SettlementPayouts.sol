// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";
import {Cost} from "../lib/Cost.sol";
import {Settlement} from "../lib/Settlement.sol";

/// @title Settlement from meter readings (MARKET.md "Settlement") and pull payments
abstract contract SettlementPayouts is TradeStorage, IEnergyTrade {
    // ---------------------------------------------------------------- settlement

    /// @inheritdoc IEnergyTrade
    function requestReadings(uint256 windowId, uint256[] calldata orderIds) external {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        _requireBefore(w.progress.settlementDeadline);
        // The client names the request it will send, so each order is stamped in one pass.
        (bytes32 requestId, uint64 expiresAt) = oracle.nextReadingsRequest();
        uint256[] memory asks = new uint256[](2 * orderIds.length);
        uint256 n;
        for (uint256 i = 0; i < orderIds.length; ++i) {
            uint256 id = orderIds[i];
            Order storage o = _order(id);
            if (o.windowId != windowId) revert OrderNotInWindow(id, windowId);
            if (o.matchCount == 0) revert NotMatched(id);
            OrderReading storage r = readings[id];
            ReadingState state = r.state;
            bytes32 replaces;
            // Stamping the order below also makes the same id twice in one batch asked once.
            if (state == ReadingState.Pending && block.timestamp >= r.expiresAt) replaces = r.requestId;
            else if (state != ReadingState.None || o.status != OrderStatus.Valid) {
                emit ReadingNotRepeated(windowId, id, state);
                continue;
            }
            bytes32 meter = bytes32(o.meterId);
            // An owner who revoked the market's access must not make the whole batch revert: its reading stays
            // missing, which counts against it at settlement.
            if (!registry.hasAccess(meter, address(this))) {
                emit ReadingUnavailable(windowId, id, meter);
                continue;
            }
            r.state = ReadingState.Pending;
            r.expiresAt = uint40(expiresAt);
            r.requestId = requestId;
            asks[n++] = uint256(meter) | id << 1 | uint8(o.side);
            asks[n++] = uint256(replaces);
            emit SettlementReadingRequested(windowId, id, requestId, expiresAt);
        }
        oracle.requestReadings(asks, w.progress.matchingDeadline, w.progress.transferDeadline);
    }

    /// @inheritdoc IEnergyTrade
    function onReadings(uint256[] calldata readingsOf) external onlyRole(ORACLE_ROLE) {
        for (uint256 i = 0; i < readingsOf.length; ++i) {
            uint256 orderId = readingsOf[i] >> 64;
            Order storage o = _order(orderId);
            OrderReading storage r = readings[orderId];
            // A reading is in by the settlement deadline or it is missing: one arriving later cannot reopen a settled
            // bid.
            if (r.state != ReadingState.Pending || block.timestamp >= windows[o.windowId].progress.settlementDeadline) {
                revert NotAwaitingReading(orderId);
            }
            uint256 meterWh = uint64(readingsOf[i]);
            uint256 matched = o.matchedWh;
            uint256 q = meterWh < matched ? meterWh : matched;
            r.state = ReadingState.Read;
            r.readingWh = uint40(q);
            if (o.side == Side.Offer) r.remainder = uint8(_spreadRemainder(orderId, q, matched, o.matchCount));
            emit ReadingReported(o.windowId, orderId, meterWh, q);
        }
    }

    /// @inheritdoc IEnergyTrade
    function settle(uint256 windowId, uint256[] calldata bidIds) external {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        bool late = block.timestamp >= w.progress.settlementDeadline;
        Settlement.Terms memory terms = Settlement.Terms(w.price, w.params.gridCharge, w.params.penaltyRate);
        uint256 fees;
        for (uint256 i = 0; i < bidIds.length; ++i) {
            fees += _settleBid(w, windowId, bidIds[i], terms, late);
        }
        w.progress.settledBids += uint32(bidIds.length);
        _credit(gridFeeRecipient, fees);
    }

    // ---------------------------------------------------------------- pull payments

    /// @inheritdoc IEnergyTrade
    function withdraw() external {
        _withdrawTo(msg.sender);
    }

    /// @inheritdoc IEnergyTrade
    function withdrawTo(address to) external {
        if (to == address(0)) revert InvalidParams("zero address");
        _withdrawTo(to);
    }

    /// @inheritdoc IEnergyTrade
    function withdrawable(address account) external view returns (uint256) {
        return balances[account];
    }

    function _unsettledBid(uint256 windowId, uint256 bidId) internal view returns (Order storage bid) {
        bid = _orderOfWindow(windowId, bidId, Side.Bid);
        if (bid.matchCount == 0) revert NotMatched(bidId);
        if (bid.status != OrderStatus.Valid) revert AlreadySettled(bidId);
    }

    /// @dev r of an offer's spread: what is left of q after floor(q * E_j / E') for each of its matches.
    function _spreadRemainder(uint256 offerId, uint256 q, uint256 matched, uint256 n) internal view returns (uint256 r) {
        r = q;
        for (uint256 j = 0; j < n; ++j) {
            r -= q * _offerMatchEnergy(offerId, j) / matched;
        }
    }

    /// @dev What every match of one bid's settlement shares.
    struct BidContext {
        uint256 windowId;
        uint256 bidId;
        bool buyerRead;
        bool late;
    }

    /// @dev MARKET.md "Settlement" for one bid and its matches: pays each seller and the buyer; returns the fees.
    ///      Before the settlement deadline (`late` false) every reading must be in; after it, a missing one counts
    ///      against its owner.
    function _settleBid(Window storage w, uint256 windowId, uint256 bidId, Settlement.Terms memory terms, bool late)
        private
        returns (uint256 fees)
    {
        Order storage bid = _unsettledBid(windowId, bidId);
        BidContext memory c = BidContext(windowId, bidId, readings[bidId].state == ReadingState.Read, late);
        if (!late && !c.buyerRead) revert ReadingsOutstanding(bidId, bidId);
        (BidMatch[] memory ms, uint256[] memory buyerWh) = _buyerSide(bid, c);
        // Never negative: each sum of rounded-down terms is at most the rounded-down term of the escrow it draws on.
        uint256 refund = _deposit(w, bid);
        for (uint256 k = 0; k < ms.length; ++k) {
            Settlement.Outcome memory o = _settleMatch(c, terms, ms[k], buyerWh[k]);
            refund = refund - (o.payment + o.feeHalf + o.buyerPenalty) + o.sellerPenalty;
            fees += 2 * o.feeHalf;
        }
        bid.status = OrderStatus.Settled;
        _releaseReadingNow(bidId);
        _credit(bid.owner, refund);
    }

    /// @dev The bid's matches in posting order and, if its reading is in, b_m for each by the pro-rata spread.
    function _buyerSide(Order storage bid, BidContext memory c)
        private
        view
        returns (BidMatch[] memory ms, uint256[] memory buyerWh)
    {
        uint256 n = bid.matchCount;
        ms = new BidMatch[](n);
        uint256[] memory energies = new uint256[](n);
        for (uint256 k = 0; k < n; ++k) {
            ms[k] = _loadMatch(c.bidId, k);
            energies[k] = ms[k].energyWh;
        }
        buyerWh = c.buyerRead ? Settlement.spread(readings[c.bidId].readingWh, bid.matchedWh, energies) : energies;
    }

    /// @dev One match: the seller side from the offer's reading (0 if missing), the buyer side from the bid's spread
    ///      or, if its reading is missing, whichever of s_m and 0 costs the buyer more. Pays the seller.
    function _settleMatch(BidContext memory c, Settlement.Terms memory terms, BidMatch memory m, uint256 buyerShare)
        private
        returns (Settlement.Outcome memory o)
    {
        OrderReading storage sr = readings[m.offerId];
        bool sellerRead = sr.state == ReadingState.Read;
        if (!c.late && !sellerRead) revert ReadingsOutstanding(c.bidId, m.offerId);
        uint256 s = sellerRead
            ? Settlement.share(sr.readingWh, orders[m.offerId].matchedWh, m.energyWh, m.offerIndex, sr.remainder)
            : 0;
        uint256 b = c.buyerRead ? buyerShare : Settlement.missingBuyerWh(terms, m.energyWh, s, m.distanceM);
        o = Settlement.settleMatch(terms, m.energyWh, b, s, m.distanceM);
        emit MatchSettled(
            c.windowId,
            m.offerId,
            c.bidId,
            b,
            s,
            o.tradedWh,
            o.feeHalf,
            o.sellerPenalty,
            o.buyerPenalty,
            !c.buyerRead,
            !sellerRead
        );
        // The seller's penalty stays in its collateral until close returns the rest.
        collateralSpent[m.offerId] += o.sellerPenalty;
        _credit(orders[m.offerId].owner, o.payment - o.feeHalf + o.buyerPenalty);
    }

    /// @dev Checks-effects-interactions, without a reentrancy guard: the balance is zero before the transfer, so a
    ///      receiver that calls back into withdraw or withdrawTo finds nothing to withdraw (a Hardhat test tries it).
    function _withdrawTo(address to) internal {
        uint256 amount = balances[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        balances[msg.sender] = 0;
        emit Withdrawn(msg.sender, to, amount);
        (bool ok,) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }
}
