// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IEnergyTradeTypes} from "../interfaces/IEnergyTrade.sol";
import {IDataAccess} from "../interfaces/IDataAccess.sol";
import {IEnergyOracleClient} from "../interfaces/IEnergyOracleClient.sol";
import {Cost} from "../lib/Cost.sol";
import {WindowBounds} from "./WindowBounds.sol";
import {MarketBounds} from "../lib/MarketBounds.sol";

/// @title The market's state and the checks every module of EnergyTrade shares
/// @notice Roles, limits, the packed window and order records, balances; lookups that revert with named errors.
abstract contract TradeStorage is IEnergyTradeTypes, AccessControl {
    /// @notice Opens windows, advances phases, posts clearings, requests readings, closes windows.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    /// @notice The EnergyOracleClient, which reports meter readings.
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");

    /// @notice Largest order energy (Wh) and window maxEnergyWh (MarketBounds).
    uint256 public constant MAX_ENERGY_WH = MarketBounds.MAX_ENERGY_WH;
    /// @notice Largest order price, wei per kWh (MarketBounds).
    uint256 public constant MAX_PRICE = MarketBounds.MAX_PRICE;
    /// @notice Smallest window penaltyRate, wei per kWh (MarketBounds).
    uint256 public constant MIN_PENALTY_RATE = MarketBounds.MIN_PENALTY_RATE;
    /// @notice Most matches one bid may have in a clearing: a bid settles in one call (it cannot be split), and at about
    ///         42,000 gas per match the widest bid's settle stays near 5.5 M gas, inside the operator daemon's default
    ///         8 M gas budget with its 20 % margin (tests/contracts/worst-case-bid.test.js measures it).
    uint256 public constant MAX_MATCHES_PER_BID = 128;
    /// @notice Most matches one offer may have in a clearing.
    uint256 public constant MAX_MATCHES_PER_OFFER = type(uint8).max;
    /// @notice Largest window maxDistanceM, metres (MarketBounds).
    uint256 public constant MAX_DISTANCE_M = MarketBounds.MAX_DISTANCE_M;
    /// @notice Most orders one meter may have open in windows that are not yet closed or cancelled: bounds the walk of
    ///         its orders that the one-open-order-per-window rule and the battery check make on every offer or bid.
    uint256 public constant MAX_OPEN_ORDERS_PER_METER = 8;
    /// @notice Most orders one closeWindow or cancelWindow call may be asked to return (its maxOrders). A returned
    ///         deposit costs up to ~35,000 gas (a first credit to a fresh account) and more when it releases a
    ///         reading's LINK, so callers with a gas budget ask for fewer.
    uint256 public constant MAX_ORDERS_PER_RELEASE = 200;
    uint256 internal constant ORDER_IDS_PER_SLOT = 8;
    uint256 internal constant MATCH_REFS_PER_SLOT = 6;
    uint256 internal constant OFFER_MATCHES_PER_SLOT = 6;

    /// @dev What every order placement reads and writes: one slot.
    struct WindowBook {
        Phase phase;
        uint40 biddingDeadline;
        uint32 orderCount;
        uint40 maxEnergyWh;
        uint32 maxDistanceM;
        bool validateOffers;
        uint96 orderFee;
    }

    /// @dev Later deadlines and clearing/settlement counters: one slot.
    struct WindowProgress {
        uint40 matchingDeadline;
        uint40 transferDeadline;
        uint40 settlementDeadline;
        uint32 matchCount;
        uint32 matchedBids;
        uint32 filledBids;
        uint32 settledBids;
    }

    struct Window {
        WindowParams params;
        WindowBook book;
        WindowProgress progress;
        uint128 price;
        bytes32 resultHash;
        /// @dev Where returning the window's deposits has got to: closing and cancelling walk its orders in batches.
        uint32 releasedOrders;
        /// @dev The account that opened the window, credited with its order fees.
        address operator;
        /// @dev Where withdrawing a posted clearing has got to: its orders, then its match list (retractClearing).
        uint32 retractedSteps;
        bool retracting;
    }

    /// @dev Two slots. The first holds everything clearing reads and writes, the second who and which meter.
    struct Order {
        uint40 windowId;
        uint40 energyWh;
        Side side;
        OrderStatus status;
        uint80 price;
        uint40 matchedWh;
        uint8 matchCount;
        uint32 maxDistanceM;
        address owner;
        bytes12 meterId;
    }

    /// @dev One match as settlement reads it, stored under its bid in posting order. Storage packs two per slot
    ///      (offerId 32 | energy 40 | distance 24 | index among the offer's matches 8 bits each).
    struct BidMatch {
        uint256 offerId;
        uint256 energyWh;
        uint256 distanceM;
        uint256 offerIndex;
    }

    /// @dev An order's settlement reading. For an offer that is in, `remainder` is the r of its pro-rata spread.
    struct OrderReading {
        ReadingState state;
        uint40 expiresAt;
        uint40 readingWh;
        uint8 remainder;
        bytes32 requestId;
    }

    IDataAccess internal immutable registry;
    /// @dev The window parameter bounds openWindow checks (a contract of its own, see WindowBounds).
    WindowBounds internal immutable windowBounds;
    IEnergyOracleClient internal oracle;
    /// @dev The market-wide fee recipient (the DSO), IEnergyTrade.feeRecipient.
    address internal gridFeeRecipient;

    uint256 internal windowsOpened;
    uint256 internal ordersPlaced;
    mapping(uint256 windowId => Window) internal windows;
    mapping(uint256 orderId => Order) internal orders;
    mapping(uint256 bidId => mapping(uint256 pair => uint256)) internal bidMatchPairs;
    /// @dev The window's order ids in submission order, eight 32-bit ids per slot, so views and releases walk
    ///      only this window's orders.
    mapping(uint256 windowId => mapping(uint256 slot => uint256)) internal windowOrderSlots;
    /// @dev The window's matches in posting order as (bidId 32 | index under the bid 8 bits), six per slot.
    mapping(uint256 windowId => mapping(uint256 slot => uint256)) internal windowMatchRefs;
    /// @dev Each meter's orders in windows that may still be open, up to eight 32-bit ids in one slot (0 = free).
    mapping(bytes12 meterId => uint256) internal meterOrders;
    mapping(address account => uint256) internal balances;
    /// @dev Penalties settled matches have already paid out of an offer's collateral; zeroed when the rest is returned.
    mapping(uint256 offerId => uint256) internal collateralSpent;
    /// @dev Each offer's match energies in posting order, six 40-bit energies per slot: the seller side's spread.
    mapping(uint256 offerId => mapping(uint256 slot => uint256)) internal offerMatchEnergies;
    mapping(uint256 orderId => OrderReading) internal readings;

    /// @param dataAccess_ the meter registry
    /// @param bounds the window parameter bounds, shared by EnergyTrade and its clearing module
    constructor(IDataAccess dataAccess_, WindowBounds bounds) {
        if (address(dataAccess_) == address(0)) revert InvalidParams("zero address");
        registry = dataAccess_;
        windowBounds = bounds;
    }

    // ---------------------------------------------------------------- shared by the modules

    /// @dev Pending, valid or matched, in a window that has not returned its deposits yet.
    function _isOpen(Order storage o) internal view returns (bool) {
        OrderStatus status = o.status;
        if (status != OrderStatus.Valid && status != OrderStatus.PendingValidation) return false;
        Phase phase = windows[o.windowId].book.phase;
        return phase != Phase.Closed && phase != Phase.Cancelled;
    }

    /// @dev MARKET.md battery check, evaluated from the orders' and windows' current state so that no transition
    ///      (validation, cancel, finalisation, end of transfer, settlement, close, cancelled window) needs its own
    ///      bookkeeping: valid offers of windows not yet finalised count their energy, offers of finalised windows
    ///      whose transfer interval has not ended count their allocation. At most MAX_OPEN_ORDERS_PER_METER reads.
    function _committedWh(bytes12 meter, uint256 exceptOrderId) internal view returns (uint256 total) {
        uint256 list = meterOrders[meter];
        for (uint256 i = 0; i < MAX_OPEN_ORDERS_PER_METER; ++i) {
            uint256 id = uint32(list >> (i * 32));
            if (id == 0) break;
            Order storage o = orders[id];
            if (id == exceptOrderId || o.side != Side.Offer || o.status != OrderStatus.Valid) continue;
            Window storage w = windows[o.windowId];
            Phase phase = w.book.phase;
            if (phase == Phase.BiddingOffering || phase == Phase.Matching) {
                total += o.energyWh;
            } else if (phase == Phase.EnergyTransfer && block.timestamp < w.progress.transferDeadline) {
                total += o.matchedWh;
            }
        }
    }

    function _windowOrderId(uint256 windowId, uint256 index) internal view returns (uint256) {
        return uint32(windowOrderSlots[windowId][index / ORDER_IDS_PER_SLOT] >> ((index % ORDER_IDS_PER_SLOT) * 32));
    }

    function _loadMatch(uint256 bidId, uint256 k) internal view returns (BidMatch memory m) {
        uint256 packed = bidMatchPairs[bidId][k >> 1] >> ((k & 1) * 128);
        m.offerId = uint32(packed);
        m.energyWh = uint40(packed >> 32);
        m.distanceM = uint24(packed >> 72);
        m.offerIndex = uint8(packed >> 96);
    }

    function _offerMatchEnergy(uint256 offerId, uint256 k) internal view returns (uint256) {
        return uint40(offerMatchEnergies[offerId][k / OFFER_MATCHES_PER_SLOT] >> ((k % OFFER_MATCHES_PER_SLOT) * 40));
    }

    function _deposit(Window storage w, Order storage o) internal view returns (uint256) {
        return o.side == Side.Bid
            ? Cost.bidEscrow(o.energyWh, o.price, w.params.gridCharge, w.params.maxDistanceM, w.params.penaltyRate)
            : Cost.offerCollateral(o.energyWh, w.params.penaltyRate);
    }

    /// @dev Gives up the order's settlement reading if it was never requested: returns how many readings' LINK
    ///      reservation the oracle client may release (1 or 0).
    function _releaseReading(uint256 orderId) internal returns (uint256 released) {
        OrderReading storage r = readings[orderId];
        if (r.state != ReadingState.None) return 0;
        r.state = ReadingState.Released;
        return 1;
    }

    /// @dev The same for one order, telling the oracle client at once.
    function _releaseReadingNow(uint256 orderId) internal {
        if (_releaseReading(orderId) > 0) oracle.releaseReadings(1);
    }

    function _credit(address account, uint256 amount) internal {
        if (amount == 0) return;
        balances[account] += amount;
        emit Credited(account, amount);
    }

    function _setPhase(Window storage w, uint256 windowId, Phase phase) internal {
        w.book.phase = phase;
        emit PhaseChanged(windowId, phase);
    }

    function _requireClearingOpen(Window storage w, uint256 windowId) internal view {
        _requirePhase(windowId, w.book.phase, Phase.Matching);
        uint256 last = uint256(w.progress.matchingDeadline) + w.params.gracePeriod;
        if (block.timestamp > last) revert DeadlinePassed(last, block.timestamp);
    }

    function _window(uint256 windowId) internal view returns (Window storage w) {
        w = windows[windowId];
        if (w.book.phase == Phase.None) revert UnknownWindow(windowId);
    }

    function _order(uint256 orderId) internal view returns (Order storage o) {
        o = orders[orderId];
        // Window ids start at 1, so a zero window id marks an order that was never placed.
        if (o.windowId == 0) revert UnknownOrder(orderId);
    }

    function _orderOfWindow(uint256 windowId, uint256 orderId, Side side) internal view returns (Order storage o) {
        o = _order(orderId);
        if (o.windowId != windowId) revert OrderNotInWindow(orderId, windowId);
        if (o.side != side) revert WrongSide(orderId, side);
    }

    function _requirePhase(uint256 windowId, Phase actual, Phase expected) internal pure {
        if (actual != expected) revert WrongPhase(windowId, expected, actual);
    }

    function _requireReached(uint256 deadline) internal view {
        if (block.timestamp < deadline) revert DeadlineNotReached(deadline, block.timestamp);
    }

    function _requireBefore(uint256 deadline) internal view {
        if (block.timestamp >= deadline) revert DeadlinePassed(deadline, block.timestamp);
    }
}
