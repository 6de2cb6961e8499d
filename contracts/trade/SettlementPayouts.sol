// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "../interfaces/IEnergyTrade.sol";
import {TradeStorage} from "./TradeStorage.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Cost} from "../lib/Cost.sol";
import {Settlement} from "../lib/Settlement.sol";

/// @title Settlement from meter readings (MARKET.md "Settlement") and pull payments
abstract contract SettlementPayouts is TradeStorage, ReentrancyGuard {
    // ---------------------------------------------------------------- settlement

    /// @inheritdoc IEnergyTrade
    function requestDeliveryReadings(uint256 windowId, uint256[] calldata bidIds) external onlyRole(OPERATOR_ROLE) {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        WindowProgress memory progress = w.progress;
        for (uint256 i = 0; i < bidIds.length; ++i) {
            Order storage bid = _unsettledBid(windowId, bidIds[i]);
            bytes32 meter = bytes32(bid.meterId);
            // A buyer who revoked the market's access must not make the whole batch revert: its bid is left to
            // settleUnreported, where the missing reading counts against the buyer.
            if (!registry.hasAccess(meter, address(this))) {
                emit DeliveryUnreadable(windowId, bidIds[i], meter);
                continue;
            }
            bytes32 requestId =
                oracle.requestDelivery(bidIds[i], meter, progress.matchingDeadline, progress.transferDeadline);
            emit DeliveryRequested(windowId, bidIds[i], requestId);
        }
    }

    /// @inheritdoc IEnergyTrade
    function onDelivery(uint256 bidId, uint256 receivedWh) external onlyRole(ORACLE_ROLE) {
        uint256 windowId = _order(bidId).windowId;
        Window storage w = windows[windowId];
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        Order storage bid = _unsettledBid(windowId, bidId);
        emit DeliveryReported(windowId, bidId, receivedWh);
        _settleBid(w, windowId, bidId, bid, receivedWh);
    }

    /// @inheritdoc IEnergyTrade
    function settleUnreported(uint256 windowId, uint256[] calldata bidIds) external {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        _requireReached(w.progress.settlementDeadline);
        for (uint256 i = 0; i < bidIds.length; ++i) {
            Order storage bid = _unsettledBid(windowId, bidIds[i]);
            // A missing reading counts against its owner (MARKET.md): the buyer is settled as having received all
            // it was matched, so withholding or revoking its meter's reading never earns it the seller's collateral.
            _settleBid(w, windowId, bidIds[i], bid, bid.matchedWh);
        }
    }

    // ---------------------------------------------------------------- pull payments

    /// @inheritdoc IEnergyTrade
    function withdraw() external nonReentrant {
        _withdrawTo(msg.sender);
    }

    /// @inheritdoc IEnergyTrade
    function withdrawTo(address to) external nonReentrant {
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

    /// @dev MARKET.md "Settlement" for one buyer: spread D_b = min(R_b, E_b) over its matches, pay sellers, the
    ///      fee recipient and the buyer (refund plus penalties). E_b is the bid's matched energy.
    function _settleBid(Window storage w, uint256 windowId, uint256 bidId, Order storage bid, uint256 receivedWh)
        private
    {
        uint256 n = bid.matchCount;
        uint256 matched = bid.matchedWh;
        BidMatch[] memory ms = new BidMatch[](n);
        uint256[] memory energies = new uint256[](n);
        for (uint256 k = 0; k < n; ++k) {
            ms[k] = _loadMatch(bidId, k);
            energies[k] = ms[k].energyWh;
        }
        uint256[] memory delivered =
            Settlement.deliveredPerMatch(receivedWh < matched ? receivedWh : matched, matched, energies);
        Settlement.Terms memory terms = Settlement.Terms(w.price, w.params.gridCharge, w.params.penaltyRate);

        Settlement.Outcome memory total;
        for (uint256 k = 0; k < n; ++k) {
            _settleMatch(windowId, bidId, terms, ms[k], delivered[k], total);
        }
        uint256 escrow = _deposit(w, bid);
        // Rounding of the fee halves can ask a buyer whose price equals p0 for a few wei more than the escrow;
        // the fee recipient forgoes those wei so the buyer never pays above its escrow.
        if (total.buyerPayment > escrow) {
            total.fee -= total.buyerPayment - escrow;
            total.buyerPayment = escrow;
        }
        bid.status = OrderStatus.Settled;
        ++w.progress.settledBids;
        _credit(feeRecipient, total.fee);
        _credit(bid.owner, escrow - total.buyerPayment + total.penalty);
    }

    /// @dev Pays the seller of one match and adds the buyer's side to `total`.
    function _settleMatch(
        uint256 windowId,
        uint256 bidId,
        Settlement.Terms memory terms,
        BidMatch memory m,
        uint256 deliveredWh,
        Settlement.Outcome memory total
    ) internal {
        Settlement.Outcome memory o = Settlement.settleMatch(terms, m.energyWh, deliveredWh, m.distanceM);
        total.buyerPayment += o.buyerPayment;
        total.penalty += o.penalty;
        total.fee += o.fee;
        emit MatchSettled(windowId, m.offerId, bidId, deliveredWh, o.sellerPayout, o.buyerPayment, o.fee, o.penalty);
        collateralSpent[m.offerId] += Cost.offerCollateral(m.energyWh, terms.penaltyRate);
        _credit(orders[m.offerId].owner, o.sellerPayout);
    }

    function _withdrawTo(address to) internal {
        uint256 amount = balances[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        balances[msg.sender] = 0;
        emit Withdrawn(msg.sender, to, amount);
        (bool ok,) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }
}
