// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {IEnergyOracleClient} from "./interfaces/IEnergyOracleClient.sol";
import {Cost} from "./lib/Cost.sol";
import {Settlement} from "./lib/Settlement.sol";

/// @title Trading windows of the microgrid energy market
/// @notice Orders, escrow, the posted clearing result, settlement from meter readings and pull payments,
///         as shared/spec/MARKET.md and shared/design/ARCHITECTURE.md define them.
contract EnergyTrade is IEnergyTrade, AccessControl, ReentrancyGuard {
    /// @notice Opens windows, advances phases, posts clearings, requests readings, closes windows.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    /// @notice The EnergyOracleClient, which reports meter readings.
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");

    /// @notice Largest order energy (Wh) and window maxEnergyWh: orders store energy in 40 bits.
    uint256 public constant MAX_ENERGY_WH = type(uint40).max;
    /// @notice Largest order price (wei per kWh): orders store prices in 80 bits.
    uint256 public constant MAX_PRICE = type(uint80).max;
    /// @notice Most matches one bid may have in a clearing.
    uint256 public constant MAX_MATCHES_PER_BID = type(uint8).max;
    /// @notice Largest window maxDistanceM: matches store distances in 24 bits.
    uint256 public constant MAX_DISTANCE_M = type(uint24).max;
    /// @notice Most orders one meter may have open in windows that are not yet closed or cancelled: bounds the walk of
    ///         its orders that the one-open-order-per-window rule and the battery check make on every offer or bid.
    uint256 public constant MAX_OPEN_ORDERS_PER_METER = 8;
    /// @notice Most orders one closeWindow or cancelWindow call returns. A returned deposit costs up to ~35,000
    ///         gas (a first credit to a fresh account), so a call stays near 7M gas, well under a block.
    uint256 public constant MAX_ORDERS_PER_RELEASE = 200;
    /// @dev Longest phase a window may have. Bounded so that no window can put its cancel escape hatch
    ///      (deadline + grace) out of reach of the households whose money it holds.
    uint256 internal constant MAX_PHASE_DURATION = 7 days;
    /// @dev Longest grace period after a missed deadline before anyone may cancel.
    uint256 internal constant MAX_GRACE_PERIOD = 1 days;
    uint256 private constant ORDER_IDS_PER_SLOT = 8;
    uint256 private constant MATCH_REFS_PER_SLOT = 6;

    /// @dev What every order placement reads and writes: one slot.
    struct WindowBook {
        Phase phase;
        uint40 biddingDeadline;
        uint32 orderCount;
        uint40 maxEnergyWh;
        uint32 maxDistanceM;
        bool validateOffers;
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
        address owner;
        bytes12 meterId;
    }

    /// @dev One match as settlement reads it, stored under its bid in posting order.
    ///      Storage packs two per slot (offerId 32 | energy 40 | distance 24 bits each).
    struct BidMatch {
        uint256 offerId;
        uint256 energyWh;
        uint256 distanceM;
    }

    IDataAccess private immutable registry;
    IEnergyOracleClient private oracle;

    uint256 private windowsOpened;
    uint256 private ordersPlaced;
    mapping(uint256 windowId => Window) private windows;
    mapping(uint256 orderId => Order) private orders;
    mapping(uint256 bidId => mapping(uint256 pair => uint256)) private bidMatchPairs;
    /// @dev The window's order ids in submission order, eight 32-bit ids per slot, so views and releases walk
    ///      only this window's orders.
    mapping(uint256 windowId => mapping(uint256 slot => uint256)) private windowOrderSlots;
    /// @dev The window's matches in posting order as (bidId 32 | index under the bid 8 bits), six per slot.
    mapping(uint256 windowId => mapping(uint256 slot => uint256)) private windowMatchRefs;
    /// @dev Each meter's orders in windows that may still be open, up to eight 32-bit ids in one slot (0 = free).
    mapping(bytes12 meterId => uint256) private meterOrders;
    mapping(address account => uint256) private balances;
    /// @dev Collateral of an offer that settled matches have already paid out; zeroed when the rest is returned.
    mapping(uint256 offerId => uint256) private collateralSpent;

    /// @param dataAccess_ the meter registry
    /// @param admin receives DEFAULT_ADMIN_ROLE and OPERATOR_ROLE
    constructor(IDataAccess dataAccess_, address admin) {
        if (address(dataAccess_) == address(0) || admin == address(0)) revert InvalidParams("zero address");
        registry = dataAccess_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(OPERATOR_ROLE, admin);
    }

    // ---------------------------------------------------------------- administration

    /// @inheritdoc IEnergyTrade
    function setOracleClient(address client) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (client.code.length == 0) revert OracleClientNotContract(client);
        address previous = address(oracle);
        if (previous != address(0)) _revokeRole(ORACLE_ROLE, previous);
        oracle = IEnergyOracleClient(client);
        _grantRole(ORACLE_ROLE, client);
        emit OracleClientSet(client);
    }

    /// @notice ORACLE_ROLE is not granted here: only setOracleClient gives it, to a contract, so no plain account
    ///         can ever report readings.
    function grantRole(bytes32 role, address account) public override {
        if (role == ORACLE_ROLE) revert OracleRoleOnlyViaSetOracleClient();
        super.grantRole(role, account);
    }

    // ---------------------------------------------------------------- window life cycle

    /// @inheritdoc IEnergyTrade
    function openWindow(WindowParams calldata p) external onlyRole(OPERATOR_ROLE) returns (uint256 windowId) {
        _checkParams(p);
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
            validateOffers: p.validateOffers
        });
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
    function closeWindow(uint256 windowId) external {
        Window storage w = _window(windowId);
        _requirePhase(windowId, w.book.phase, Phase.Settlement);
        WindowProgress memory progress = w.progress;
        if (progress.settledBids != progress.matchedBids) {
            revert BidsNotSettled(windowId, progress.matchedBids - progress.settledBids);
        }
        // The phase stays Settlement until the last batch, so Closed always means every deposit is back.
        if (_release(w, windowId)) {
            _setPhase(w, windowId, Phase.Closed);
            emit WindowClosed(windowId);
        }
    }

    /// @inheritdoc IEnergyTrade
    function cancelWindow(uint256 windowId) external {
        Window storage w = _window(windowId);
        Phase phase = w.book.phase;
        if (phase == Phase.Cancelled) {
            // Later calls, by anyone, return the deposits the first batches did not reach.
            if (w.releasedOrders == w.book.orderCount) revert NotCancellable(windowId, phase, 0);
            _release(w, windowId);
            return;
        }
        // Once clearing is final the sellers have delivered against it: such a window is settled, never cancelled.
        if (phase != Phase.BiddingOffering && phase != Phase.Matching) revert NotCancellable(windowId, phase, 0);
        uint256 cancellableAfter = uint256(w.progress.matchingDeadline) + w.params.gracePeriod;
        if (block.timestamp <= cancellableAfter) revert NotCancellable(windowId, phase, cancellableAfter);
        // Cancelled at once, so no one trades or settles while later calls return the rest.
        _setPhase(w, windowId, Phase.Cancelled);
        emit WindowCancelled(windowId, msg.sender);
        _release(w, windowId);
    }

    // ---------------------------------------------------------------- orders

    /// @inheritdoc IEnergyTrade
    function submitOffer(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 minPrice)
        external
        payable
        returns (uint256 orderId)
    {
        Window storage w = _window(windowId);
        WindowBook memory book = w.book;
        _checkOrder(windowId, book, energyWh, minPrice);
        uint256 deposit = Cost.offerCollateral(energyWh, w.params.penaltyRate);
        if (msg.value != deposit) revert WrongDeposit(deposit, msg.value);
        _checkTrader(meterId);
        OrderStatus status = book.validateOffers ? OrderStatus.PendingValidation : OrderStatus.Valid;
        orderId = _place(w, windowId, book, Side.Offer, status, meterId, energyWh, minPrice);
        emit OfferSubmitted(windowId, orderId, msg.sender, meterId, energyWh, minPrice, deposit);
        if (book.validateOffers) oracle.requestAvailableEnergy(orderId, meterId);
    }

    /// @inheritdoc IEnergyTrade
    function submitBid(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 maxPrice)
        external
        payable
        returns (uint256 orderId)
    {
        Window storage w = _window(windowId);
        WindowBook memory book = w.book;
        _checkOrder(windowId, book, energyWh, maxPrice);
        uint256 deposit = Cost.bidEscrow(energyWh, maxPrice, w.params.gridCharge, book.maxDistanceM);
        if (msg.value != deposit) revert WrongDeposit(deposit, msg.value);
        _checkTrader(meterId);
        orderId = _place(w, windowId, book, Side.Bid, OrderStatus.Valid, meterId, energyWh, maxPrice);
        emit BidSubmitted(windowId, orderId, msg.sender, meterId, energyWh, maxPrice, deposit);
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
            _credit(o.owner, _deposit(windows[o.windowId], o));
        }
    }

    // ---------------------------------------------------------------- clearing

    /// @inheritdoc IEnergyTrade
    function postClearing(uint256 windowId, uint128 price, Match[] calldata matches) external onlyRole(OPERATOR_ROLE) {
        Window storage w = _window(windowId);
        _requireClearingOpen(w, windowId);
        if (price == 0) revert ZeroPrice();
        uint256 posted = w.price;
        if (posted == 0) w.price = price;
        else if (posted != price) revert PriceMismatch(price, posted);

        WindowProgress memory progress = w.progress;
        uint256 gridCharge = w.params.gridCharge;
        uint256 maxDistance = w.book.maxDistanceM;
        for (uint256 i = 0; i < matches.length; ++i) {
            _postMatch(windowId, price, gridCharge, maxDistance, matches[i], progress);
        }
        w.progress = progress;
        emit ClearingPosted(windowId, price, matches.length, progress.matchCount);
    }

    /// @inheritdoc IEnergyTrade
    function finaliseClearing(uint256 windowId, bytes32 resultHash) external onlyRole(OPERATOR_ROLE) {
        Window storage w = _window(windowId);
        _requireClearingOpen(w, windowId);
        WindowProgress memory progress = w.progress;
        if (w.params.mechanism == Mechanism.Dpda && progress.filledBids != progress.matchedBids) {
            _revertFirstUnfilledBid(w, windowId);
        }
        w.resultHash = resultHash;
        emit ClearingFinalised(windowId, w.price, resultHash, progress.matchCount);
        _setPhase(w, windowId, Phase.EnergyTransfer);
    }

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
        v.windowId = o.windowId;
        v.owner = o.owner;
        v.meterId = bytes32(o.meterId);
        v.side = o.side;
        v.energyWh = o.energyWh;
        v.price = o.price;
        v.status = o.status == OrderStatus.Valid && o.matchedWh > 0 ? OrderStatus.Matched : o.status;
        v.matchedWh = o.matchedWh;
        v.deposit = _deposit(windows[o.windowId], o);
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
    function oracleClient() external view returns (address) {
        return address(oracle);
    }

    /// @inheritdoc IEnergyTrade
    function bidEscrow(uint256 windowId, uint64 energyWh, uint128 maxPrice) external view returns (uint256) {
        Window storage w = _window(windowId);
        return Cost.bidEscrow(energyWh, maxPrice, w.params.gridCharge, w.params.maxDistanceM);
    }

    /// @inheritdoc IEnergyTrade
    function offerCollateral(uint256 windowId, uint64 energyWh) external view returns (uint256) {
        return Cost.offerCollateral(energyWh, _window(windowId).params.penaltyRate);
    }

    // ---------------------------------------------------------------- internals

    function _checkParams(WindowParams calldata p) private pure {
        if (p.biddingDuration == 0 || p.matchingDuration == 0 || p.transferDuration == 0 || p.settlementDuration == 0) {
            revert InvalidParams("zero duration");
        }
        if (
            p.biddingDuration > MAX_PHASE_DURATION || p.matchingDuration > MAX_PHASE_DURATION
                || p.transferDuration > MAX_PHASE_DURATION || p.settlementDuration > MAX_PHASE_DURATION
        ) revert InvalidParams("duration above 7 days");
        if (p.gracePeriod > MAX_GRACE_PERIOD) revert InvalidParams("gracePeriod above 1 day");
        if (p.maxEnergyWh == 0 || p.maxEnergyWh > MAX_ENERGY_WH) revert InvalidParams("maxEnergyWh");
        if (p.referencePrice > MAX_PRICE) revert InvalidParams("referencePrice");
        if (p.gridCharge > MAX_PRICE) revert InvalidParams("gridCharge");
        if (p.penaltyRate > MAX_PRICE) revert InvalidParams("penaltyRate");
        if (p.maxDistanceM > MAX_DISTANCE_M) revert InvalidParams("maxDistanceM");
        if (p.feeRecipient == address(0)) revert InvalidParams("feeRecipient");
    }

    function _checkOrder(uint256 windowId, WindowBook memory book, uint64 energyWh, uint128 price) private view {
        _requirePhase(windowId, book.phase, Phase.BiddingOffering);
        _requireBefore(book.biddingDeadline);
        if (energyWh == 0) revert ZeroEnergy();
        if (energyWh > book.maxEnergyWh) revert EnergyAboveMaximum(energyWh, book.maxEnergyWh);
        if (price == 0) revert ZeroPrice();
        if (price > MAX_PRICE) revert PriceAboveMaximum(price, MAX_PRICE);
    }

    /// @dev The trader must own the meter and have let EnergyTrade read it (the oracle reads it for us).
    ///      Registered meter ids are at most 12 bytes (DataAccess checks), so bytes12 storage loses nothing.
    function _checkTrader(bytes32 meterId) private view {
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
        uint128 price
    ) private returns (uint256 orderId) {
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
            owner: msg.sender,
            meterId: bytes12(meterId)
        });
        ++book.orderCount;
        w.book = book;
    }

    /// @dev MARKET.md "Orders": a meter holds at most one open order per window. Rewrites the meter's list without
    ///      the orders that are no longer open, then appends `orderId`.
    function _addMeterOrder(uint256 windowId, bytes32 meterId, uint256 orderId) private {
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

    /// @dev Pending, valid or matched, in a window that has not returned its deposits yet.
    function _isOpen(Order storage o) private view returns (bool) {
        OrderStatus status = o.status;
        if (status != OrderStatus.Valid && status != OrderStatus.PendingValidation) return false;
        Phase phase = windows[o.windowId].book.phase;
        return phase != Phase.Closed && phase != Phase.Cancelled;
    }

    /// @dev MARKET.md battery check, evaluated from the orders' and windows' current state so that no transition
    ///      (validation, cancel, finalisation, end of transfer, settlement, close, cancelled window) needs its own
    ///      bookkeeping: valid offers of windows not yet finalised count their energy, offers of finalised windows
    ///      whose transfer interval has not ended count their allocation. At most MAX_OPEN_ORDERS_PER_METER reads.
    function _committedWh(bytes12 meter, uint256 exceptOrderId) private view returns (uint256 total) {
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

    function _windowOrderId(uint256 windowId, uint256 index) private view returns (uint256) {
        return uint32(windowOrderSlots[windowId][index / ORDER_IDS_PER_SLOT] >> ((index % ORDER_IDS_PER_SLOT) * 32));
    }

    /// @dev One match of a clearing batch: every on-chain check of ARCHITECTURE.md, then the allocation.
    function _postMatch(
        uint256 windowId,
        uint256 price,
        uint256 gridCharge,
        uint256 maxDistance,
        Match calldata m,
        WindowProgress memory progress
    ) private {
        if (m.energyWh == 0) revert ZeroMatchEnergy(m.offerId, m.bidId);
        if (m.distanceM > maxDistance) revert DistanceAboveMaximum(m.distanceM, maxDistance);
        // Keeps the seller's fee half below what the energy earns, so settlement cannot underflow.
        if (price * 2000 < gridCharge * m.distanceM) revert FeeAbovePrice(m.offerId, m.bidId);

        Order storage offer = _matchable(windowId, m.offerId, Side.Offer);
        if (offer.price > price) revert IndividualRationality(m.offerId, price);
        uint256 offerAllocated = uint256(offer.matchedWh) + m.energyWh;
        if (offerAllocated > offer.energyWh) revert OverAllocation(m.offerId, offerAllocated, offer.energyWh);
        offer.matchedWh = uint40(offerAllocated);

        Order storage bid = _matchable(windowId, m.bidId, Side.Bid);
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

        _storeMatch(m.bidId, k, BidMatch(m.offerId, m.energyWh, m.distanceM));
        uint256 index = progress.matchCount;
        windowMatchRefs[windowId][index / MATCH_REFS_PER_SLOT] |=
            (uint256(SafeCast.toUint32(m.bidId)) | (k << 32)) << ((index % MATCH_REFS_PER_SLOT) * 40);
        ++progress.matchCount;
    }

    function _matchable(uint256 windowId, uint256 orderId, Side side) private view returns (Order storage o) {
        o = _orderOfWindow(windowId, orderId, side);
        if (o.status != OrderStatus.Valid) revert OrderNotValid(orderId, o.status);
    }

    function _revertFirstUnfilledBid(Window storage w, uint256 windowId) private view {
        uint256 total = w.book.orderCount;
        for (uint256 i = 0; i < total; ++i) {
            uint256 id = _windowOrderId(windowId, i);
            Order storage o = orders[id];
            if (o.side == Side.Bid && o.matchedWh > 0 && o.matchedWh < o.energyWh) {
                revert BidNotFilled(id, o.matchedWh, o.energyWh);
            }
        }
    }

    function _unsettledBid(uint256 windowId, uint256 bidId) private view returns (Order storage bid) {
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
        _credit(w.params.feeRecipient, total.fee);
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
    ) private {
        Settlement.Outcome memory o = Settlement.settleMatch(terms, m.energyWh, deliveredWh, m.distanceM);
        total.buyerPayment += o.buyerPayment;
        total.penalty += o.penalty;
        total.fee += o.fee;
        emit MatchSettled(windowId, m.offerId, bidId, deliveredWh, o.sellerPayout, o.buyerPayment, o.fee, o.penalty);
        collateralSpent[m.offerId] += Cost.offerCollateral(m.energyWh, terms.penaltyRate);
        _credit(orders[m.offerId].owner, o.sellerPayout);
    }

    /// @dev Give back the deposits the window still holds, at most MAX_ORDERS_PER_RELEASE orders per call,
    ///      continuing where the last call stopped: unsettled bids get their full escrow, offers their collateral minus
    ///      what settled matches already paid out of it. Returns whether every order of the window is done.
    function _release(Window storage w, uint256 windowId) private returns (bool done) {
        uint256 total = w.book.orderCount;
        uint256 released = w.releasedOrders;
        uint256 end = released + MAX_ORDERS_PER_RELEASE;
        if (end > total) end = total;
        for (; released < end; ++released) {
            uint256 id = _windowOrderId(windowId, released);
            Order storage o = orders[id];
            OrderStatus status = o.status;
            if (status != OrderStatus.Valid && status != OrderStatus.PendingValidation) continue;
            uint256 spent = o.side == Side.Offer ? collateralSpent[id] : 0;
            if (spent > 0) delete collateralSpent[id];
            o.status = spent > 0 ? OrderStatus.Settled : OrderStatus.Refunded;
            _credit(o.owner, _deposit(w, o) - spent);
        }
        w.releasedOrders = uint32(released);
        emit WindowClosing(windowId, released, total);
        done = released == total;
    }

    function _storeMatch(uint256 bidId, uint256 k, BidMatch memory m) private {
        uint256 packed = uint256(SafeCast.toUint32(m.offerId)) | (uint256(uint40(m.energyWh)) << 32)
            | (uint256(uint24(m.distanceM)) << 72);
        bidMatchPairs[bidId][k >> 1] |= packed << ((k & 1) * 128);
    }

    function _loadMatch(uint256 bidId, uint256 k) private view returns (BidMatch memory m) {
        uint256 packed = bidMatchPairs[bidId][k >> 1] >> ((k & 1) * 128);
        m.offerId = uint32(packed);
        m.energyWh = uint40(packed >> 32);
        m.distanceM = uint24(packed >> 72);
    }

    function _deposit(Window storage w, Order storage o) private view returns (uint256) {
        return o.side == Side.Bid
            ? Cost.bidEscrow(o.energyWh, o.price, w.params.gridCharge, w.params.maxDistanceM)
            : Cost.offerCollateral(o.energyWh, w.params.penaltyRate);
    }

    function _withdrawTo(address to) private {
        uint256 amount = balances[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        balances[msg.sender] = 0;
        emit Withdrawn(msg.sender, to, amount);
        (bool ok,) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        balances[account] += amount;
        emit Credited(account, amount);
    }

    function _setPhase(Window storage w, uint256 windowId, Phase phase) private {
        w.book.phase = phase;
        emit PhaseChanged(windowId, phase);
    }

    function _requireClearingOpen(Window storage w, uint256 windowId) private view {
        _requirePhase(windowId, w.book.phase, Phase.Matching);
        uint256 last = uint256(w.progress.matchingDeadline) + w.params.gracePeriod;
        if (block.timestamp > last) revert DeadlinePassed(last, block.timestamp);
    }

    function _window(uint256 windowId) private view returns (Window storage w) {
        w = windows[windowId];
        if (w.book.phase == Phase.None) revert UnknownWindow(windowId);
    }

    function _order(uint256 orderId) private view returns (Order storage o) {
        o = orders[orderId];
        // Window ids start at 1, so a zero window id marks an order that was never placed.
        if (o.windowId == 0) revert UnknownOrder(orderId);
    }

    function _orderOfWindow(uint256 windowId, uint256 orderId, Side side) private view returns (Order storage o) {
        o = _order(orderId);
        if (o.windowId != windowId) revert OrderNotInWindow(orderId, windowId);
        if (o.side != side) revert WrongSide(orderId, side);
    }

    function _requirePhase(uint256 windowId, Phase actual, Phase expected) private pure {
        if (actual != expected) revert WrongPhase(windowId, expected, actual);
    }

    function _requireReached(uint256 deadline) private view {
        if (block.timestamp < deadline) revert DeadlineNotReached(deadline, block.timestamp);
    }

    function _requireBefore(uint256 deadline) private view {
        if (block.timestamp >= deadline) revert DeadlinePassed(deadline, block.timestamp);
    }
}
