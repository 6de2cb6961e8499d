// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDataAccess} from "../interfaces/IDataAccess.sol";
import {TradeStorage} from "./TradeStorage.sol";
import {WindowBounds} from "./WindowBounds.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title The posted clearing result and every check the chain makes of it (ARCHITECTURE.md)
/// @notice EnergyTrade's clearing module: EnergyTrade creates it and runs it by delegatecall on its own storage (the
///         same layout, TradeStorage), so its code costs EnergyTrade none of its 24,576 deployed bytes. EnergyTrade's
///         stubs (ClearingStubs) carry the functions' documentation (IEnergyTrade).
contract ClearingChecks is TradeStorage {
    /// @notice The module was called directly: it only ever runs on EnergyTrade's storage, by EnergyTrade's delegatecall.
    error NotDelegated();

    /// @dev The EnergyTrade that created this module: the only address whose storage it may run on.
    address private immutable market;

    /// @param dataAccess_ EnergyTrade's meter registry
    /// @param bounds EnergyTrade's window parameter bounds
    constructor(IDataAccess dataAccess_, WindowBounds bounds) TradeStorage(dataAccess_, bounds) {
        market = msg.sender;
    }

    modifier onlyDelegated() {
        if (address(this) != market) revert NotDelegated();
        _;
    }

    // ---------------------------------------------------------------- clearing

    /// @notice IEnergyTrade.postClearing, on EnergyTrade's storage.
    function postClearing(uint256 windowId, uint128 price, Match[] calldata matches)
        external
        onlyDelegated
        onlyRole(OPERATOR_ROLE)
    {
        Window storage w = _window(windowId);
        _requireClearingOpen(w, windowId);
        if (w.retracting) revert RetractionUnfinished(windowId);
        if (price == 0) revert ZeroPrice();
        uint256 posted = w.price;
        bytes32 h;
        if (posted == 0) {
            w.price = price;
            h = _firstHash(windowId, price);
        } else {
            if (posted != price) revert PriceMismatch(price, posted);
            h = w.resultHash;
        }

        WindowProgress memory progress = w.progress;
        uint256 gridCharge = w.params.gridCharge;
        uint256 maxDistance = w.book.maxDistanceM;
        for (uint256 i = 0; i < matches.length; ++i) {
            Match calldata m = matches[i];
            _postMatch(windowId, price, gridCharge, maxDistance, m, progress);
            h = keccak256(abi.encode(h, m.offerId, m.bidId, m.energyWh, m.distanceM));
        }
        w.progress = progress;
        w.resultHash = h;
        emit ClearingPosted(windowId, price, matches.length, progress.matchCount);
    }

    /// @notice IEnergyTrade.finaliseClearing, on EnergyTrade's storage.
    function finaliseClearing(uint256 windowId) external onlyDelegated onlyRole(OPERATOR_ROLE) {
        Window storage w = _window(windowId);
        _requireClearingOpen(w, windowId);
        if (w.retracting) revert RetractionUnfinished(windowId);
        WindowProgress memory progress = w.progress;
        if (w.params.mechanism == Mechanism.Dpda && progress.filledBids != progress.matchedBids) {
            _revertFirstUnfilledBid(w, windowId);
        }
        // A window finalised without any batch (no match at any price) hashes as a clearing at price 0 with no match.
        bytes32 resultHash = w.price == 0 ? _firstHash(windowId, 0) : w.resultHash;
        w.resultHash = resultHash;
        emit ClearingFinalised(windowId, w.price, resultHash, progress.matchCount);
        _setPhase(w, windowId, Phase.EnergyTransfer);
    }

    /// @notice IEnergyTrade.retractClearing, on EnergyTrade's storage.
    function retractClearing(uint256 windowId) external onlyDelegated onlyRole(OPERATOR_ROLE) {
        Window storage w = _window(windowId);
        _requireClearingOpen(w, windowId);
        if (!w.retracting) {
            if (w.price == 0) revert NoClearingPosted(windowId);
            w.retracting = true;
        }
        WindowProgress memory progress = w.progress;
        uint256 orderCount = w.book.orderCount;
        uint256 refSlots = (uint256(progress.matchCount) + MATCH_REFS_PER_SLOT - 1) / MATCH_REFS_PER_SLOT;
        uint256 total = orderCount + refSlots;
        uint256 step = w.retractedSteps;
        uint256 end = step + MAX_ORDERS_PER_RELEASE;
        if (end > total) end = total;
        for (; step < end; ++step) {
            if (step < orderCount) _retractOrder(_windowOrderId(windowId, step));
            else delete windowMatchRefs[windowId][step - orderCount];
        }
        emit ClearingRetracting(windowId, step, total);
        if (step < total) {
            w.retractedSteps = uint32(step);
            return;
        }
        w.retractedSteps = 0;
        w.retracting = false;
        w.price = 0;
        w.resultHash = bytes32(0);
        progress.matchCount = 0;
        progress.matchedBids = 0;
        progress.filledBids = 0;
        w.progress = progress;
        emit ClearingRetracted(windowId);
    }

    /// @dev Forgets one order's allocation and its stored matches (a bid's pairs, an offer's spread energies).
    function _retractOrder(uint256 orderId) private {
        Order storage o = orders[orderId];
        uint256 k = o.matchCount;
        if (k == 0) return;
        if (o.side == Side.Bid) {
            for (uint256 slot = 0; slot < (k + 1) / 2; ++slot) delete bidMatchPairs[orderId][slot];
        } else {
            uint256 slots = (k + OFFER_MATCHES_PER_SLOT - 1) / OFFER_MATCHES_PER_SLOT;
            for (uint256 slot = 0; slot < slots; ++slot) delete offerMatchEnergies[orderId][slot];
        }
        o.matchedWh = 0;
        o.matchCount = 0;
    }

    /// @dev One match of a clearing batch: every on-chain check of ARCHITECTURE.md, then the allocation.
    function _postMatch(
        uint256 windowId,
        uint256 price,
        uint256 gridCharge,
        uint256 maxDistance,
        Match calldata m,
        WindowProgress memory progress
    ) internal {
        if (m.energyWh == 0) revert ZeroMatchEnergy(m.offerId, m.bidId);
        if (m.distanceM > maxDistance) revert DistanceAboveMaximum(m.distanceM, maxDistance);
        // Keeps the seller's fee half below what the energy earns, so settlement cannot underflow.
        if (price * 2000 < gridCharge * m.distanceM) revert FeeAbovePrice(m.offerId, m.bidId);

        Order storage offer = _matchable(windowId, m.offerId, Side.Offer);
        Order storage bid = _matchable(windowId, m.bidId, Side.Bid);
        // MARKET.md "Pairing": a pair of one owner is infeasible, so no household trades with itself to move p0.
        if (offer.owner == bid.owner) revert SameOwner(m.offerId, m.bidId);
        _requireRegistryDistance(m, offer.meterId, bid.meterId);
        if (offer.price > price) revert IndividualRationality(m.offerId, price);
        uint256 offerAllocated = uint256(offer.matchedWh) + m.energyWh;
        if (offerAllocated > offer.energyWh) revert OverAllocation(m.offerId, offerAllocated, offer.energyWh);
        uint256 j = offer.matchCount;
        if (j == MAX_MATCHES_PER_OFFER) revert TooManyMatchesForOffer(m.offerId);
        offer.matchedWh = uint40(offerAllocated);
        offer.matchCount = uint8(j + 1);
        // The seller side of settlement spreads the offer's reading over its matches in posting order.
        offerMatchEnergies[m.offerId][j / OFFER_MATCHES_PER_SLOT] |=
            uint256(uint40(m.energyWh)) << ((j % OFFER_MATCHES_PER_SLOT) * 40);

        if (bid.price < price) revert IndividualRationality(m.bidId, price);
        uint256 bidAllocated = uint256(bid.matchedWh) + m.energyWh;
        uint256 bidEnergy = bid.energyWh;
        if (bidAllocated > bidEnergy) revert OverAllocation(m.bidId, bidAllocated, bidEnergy);
        uint256 k = bid.matchCount;
        if (k == MAX_MATCHES_PER_BID) revert TooManyMatchesForBid(m.bidId);
        if (k == 0) ++progress.matchedBids;
        if (bidAllocated == bidEnergy) ++progress.filledBids;
        bid.matchedWh = uint40(bidAllocated);
        bid.matchCount = uint8(k + 1);

        _storeMatch(m.bidId, k, BidMatch(m.offerId, m.energyWh, m.distanceM, j));
        uint256 index = progress.matchCount;
        windowMatchRefs[windowId][index / MATCH_REFS_PER_SLOT] |=
            (uint256(SafeCast.toUint32(m.bidId)) | (k << 32)) << ((index % MATCH_REFS_PER_SLOT) * 40);
        ++progress.matchCount;
    }

    /// @dev ARCHITECTURE.md "FeederRegistry": the distance that prices the grid fee is the registrar's, never the
    ///      operator's; the posted figure must repeat it so the batch hashes as it is stored.
    function _requireRegistryDistance(Match calldata m, bytes12 offerMeter, bytes12 bidMeter) private view {
        (bool recorded, uint256 metres) = registry.distanceBetweenMeters(offerMeter, bidMeter);
        if (!recorded) revert DistanceNotRecorded(m.offerId, m.bidId);
        if (metres != m.distanceM) revert DistanceMismatch(m.offerId, m.bidId, m.distanceM, metres);
    }

    /// @dev docs/CONTRACTS.md "Result hash": h0 = keccak256(abi.encode(windowId, price)), then per posted match in
    ///      posting order h = keccak256(abi.encode(h, offerId, bidId, energyWh, distanceM)), whatever the batches.
    function _firstHash(uint256 windowId, uint256 price) private pure returns (bytes32) {
        return keccak256(abi.encode(windowId, price));
    }

    function _matchable(uint256 windowId, uint256 orderId, Side side) internal view returns (Order storage o) {
        o = _orderOfWindow(windowId, orderId, side);
        if (o.status != OrderStatus.Valid) revert OrderNotValid(orderId, o.status);
    }

    function _revertFirstUnfilledBid(Window storage w, uint256 windowId) internal view {
        uint256 total = w.book.orderCount;
        for (uint256 i = 0; i < total; ++i) {
            uint256 id = _windowOrderId(windowId, i);
            Order storage o = orders[id];
            if (o.side == Side.Bid && o.matchedWh > 0 && o.matchedWh < o.energyWh) {
                revert BidNotFilled(id, o.matchedWh, o.energyWh);
            }
        }
    }

    function _storeMatch(uint256 bidId, uint256 k, BidMatch memory m) internal {
        uint256 packed = uint256(SafeCast.toUint32(m.offerId)) | (uint256(uint40(m.energyWh)) << 32)
            | (uint256(uint24(m.distanceM)) << 72) | (uint256(uint8(m.offerIndex)) << 96);
        bidMatchPairs[bidId][k >> 1] |= packed << ((k & 1) * 128);
    }
}
