// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The market's types, events and errors (see shared/spec/MARKET.md)
/// @notice Apart from IEnergyTrade's functions, so that a module sharing EnergyTrade's storage (ClearingChecks) can
///         inherit them without having to implement the whole interface.
interface IEnergyTradeTypes {
    enum Phase { None, BiddingOffering, Matching, EnergyTransfer, Settlement, Closed, Cancelled }
    enum Mechanism { Dpda, Mcafee, Uniform }
    enum Side { Offer, Bid }
    enum OrderStatus { None, PendingValidation, Valid, Rejected, Cancelled, Matched, Settled, Refunded }
    /// @notice An order's settlement reading: not asked yet (its LINK reserved), asked, in, or given up (its LINK
    ///         reservation returned; the reading counts as missing).
    enum ReadingState { None, Pending, Read, Released }

    struct WindowParams {
        uint32 biddingDuration;
        uint32 matchingDuration;
        uint32 transferDuration;
        uint32 settlementDuration;
        uint32 gracePeriod;
        uint64 maxEnergyWh;
        uint128 referencePrice;
        uint128 gridCharge; // wei per kWh per km
        uint32 maxDistanceM;
        uint128 penaltyRate; // wei per kWh undelivered
        Mechanism mechanism;
        bool validateOffers;
        uint96 orderFee; // wei per order, never refunded, credited to the account that opened the window
    }

    /// @notice One pairing of an offer and a bid. Order ids are the global order indexes (= seq).
    struct Match {
        uint64 offerId;
        uint64 bidId;
        uint64 energyWh;
        uint32 distanceM;
    }

    struct WindowView {
        WindowParams params;
        Phase phase;
        uint64 biddingDeadline;
        uint64 matchingDeadline;
        uint64 transferDeadline;
        uint64 settlementDeadline;
        uint256 orderCount;
        uint256 matchCount;
        uint256 unsettledBids;
        uint256 price;
        bytes32 resultHash;
        uint256 releasedOrders;
    }

    /// @notice An order's settlement reading: R_b for a bid, X_s for an offer, capped at the order's matched energy.
    struct ReadingView {
        ReadingState state;
        bytes32 requestId;
        uint64 expiresAt;
        uint64 readingWh;
    }

    struct OrderView {
        uint256 windowId;
        address owner;
        bytes32 meterId;
        Side side;
        uint64 energyWh;
        uint256 price;
        OrderStatus status;
        uint64 matchedWh;
        /// @dev Escrow or collateral, without the order fee (which the order paid on top and never gets back).
        uint256 deposit;
        /// @dev The owner's distance preference D in metres (MARKET.md "Orders"): L when the order gave none.
        uint32 maxDistanceM;
    }

    event WindowOpened(uint256 indexed windowId, WindowParams params, uint64 biddingDeadline);
    event PhaseChanged(uint256 indexed windowId, Phase phase);
    event OfferSubmitted(uint256 indexed windowId, uint256 indexed orderId, address indexed owner, bytes32 meterId,
        uint64 energyWh, uint256 price, uint256 deposit);
    event BidSubmitted(uint256 indexed windowId, uint256 indexed orderId, address indexed owner, bytes32 meterId,
        uint64 energyWh, uint256 price, uint256 deposit);
    event OfferValidated(uint256 indexed orderId, uint256 availableWh);
    /// @notice The offer did not fit: `requestedWh` > `availableWh` - `committedWh` (what the meter owes elsewhere).
    event OfferRejected(uint256 indexed orderId, uint256 requestedWh, uint256 availableWh, uint256 committedWh);
    event OrderCancelled(uint256 indexed windowId, uint256 indexed orderId, address indexed owner);
    event ClearingPosted(uint256 indexed windowId, uint256 price, uint256 matchesInBatch, uint256 totalMatches);
    event ClearingFinalised(uint256 indexed windowId, uint256 price, bytes32 resultHash, uint256 matchCount);
    /// @notice A batch of a retraction: `done` of `total` steps (the window's orders, then its match list slots).
    event ClearingRetracting(uint256 indexed windowId, uint256 done, uint256 total);
    /// @notice The posted clearing is withdrawn: price, matches, allocations and hash are reset; a new one may be posted.
    event ClearingRetracted(uint256 indexed windowId);
    /// @notice A settlement reading of the order's meter was asked of the oracle; it may be repeated after `expiresAt`.
    event SettlementReadingRequested(uint256 indexed windowId, uint256 indexed orderId, bytes32 requestId, uint64 expiresAt);
    /// @notice The meter of a matched order no longer grants the market access: no reading was requested, so the
    ///         reading will count as missing, against the meter's owner.
    event ReadingUnavailable(uint256 indexed windowId, uint256 indexed orderId, bytes32 meterId);
    /// @notice Not asked again: the order's reading is in, or its request is pending and not yet expired.
    event ReadingNotRepeated(uint256 indexed windowId, uint256 indexed orderId, ReadingState state);
    /// @notice The oracle reported the order's meter: `meterWh` as read, `readingWh` = min(meterWh, matched energy).
    event ReadingReported(uint256 indexed windowId, uint256 indexed orderId, uint256 meterWh, uint256 readingWh);
    /// @notice One match settled (MARKET.md "Settlement"): buyer side b_m, seller side s_m, traded t_m, fee half h_m
    ///         (each side pays it; the DSO gets both), the seller's penalty (to the buyer) and the buyer's (to the
    ///         seller); a missing side counted against its owner.
    event MatchSettled(uint256 indexed windowId, uint256 indexed offerId, uint256 indexed bidId, uint256 buyerWh,
        uint256 sellerWh, uint256 tradedWh, uint256 feeHalf, uint256 sellerPenalty, uint256 buyerPenalty,
        bool buyerMissing, bool sellerMissing);
    event WindowClosing(uint256 indexed windowId, uint256 releasedOrders, uint256 orderCount);
    event WindowClosed(uint256 indexed windowId);
    event WindowCancelled(uint256 indexed windowId, address indexed by);
    event Credited(address indexed account, uint256 amount);
    /// @notice `account`'s balance was paid to `to` (the account itself, or the address it named in withdrawTo).
    event Withdrawn(address indexed account, address indexed to, uint256 amount);
    event OracleClientSet(address oracleClient);
    /// @notice Grid fees are credited to `feeRecipient` (the DSO) from now on, in every window.
    event FeeRecipientSet(address feeRecipient);

    error UnknownWindow(uint256 windowId);
    error UnknownOrder(uint256 orderId);
    error WrongPhase(uint256 windowId, Phase expected, Phase actual);
    error DeadlineNotReached(uint256 deadline, uint256 nowTs);
    error DeadlinePassed(uint256 deadline, uint256 nowTs);
    error InvalidParams(string reason);
    error ZeroEnergy();
    error EnergyAboveMaximum(uint256 energyWh, uint256 maxEnergyWh);
    error ZeroPrice();
    error PriceAboveMaximum(uint256 price, uint256 maxPrice);
    error WrongDeposit(uint256 expected, uint256 sent);
    error NoDataAccess(bytes32 meterId);
    error NotMeterOwner(bytes32 meterId, address caller);
    error NotOrderOwner(uint256 orderId, address caller);
    error OrderNotCancellable(uint256 orderId, OrderStatus status);
    error OrderNotInWindow(uint256 orderId, uint256 windowId);
    error WrongSide(uint256 orderId, Side expected);
    error OrderNotValid(uint256 orderId, OrderStatus status);
    error ZeroMatchEnergy(uint256 offerId, uint256 bidId);
    error PriceMismatch(uint256 posted, uint256 expected);
    error IndividualRationality(uint256 orderId, uint256 price);
    error OverAllocation(uint256 orderId, uint256 allocatedWh, uint256 energyWh);
    error DistanceAboveMaximum(uint256 distanceM, uint256 maxDistanceM);
    error FeeAbovePrice(uint256 offerId, uint256 bidId);
    /// @notice The feeder registry holds no distance between the two orders' meters' buses (DataAccess.recordDistances).
    error DistanceNotRecorded(uint256 offerId, uint256 bidId);
    /// @notice The posted distance is not the feeder registry's between the two orders' meters.
    error DistanceMismatch(uint256 offerId, uint256 bidId, uint256 postedM, uint256 recordedM);
    /// @notice The match pairs an offer and a bid of one owner (MARKET.md "Pairing": not a feasible pair).
    error SameOwner(uint256 offerId, uint256 bidId);
    error TooManyMatchesForBid(uint256 bidId);
    error TooManyMatchesForOffer(uint256 offerId);
    /// @notice Before the settlement deadline a bid settles only once its own reading and its sellers' are in.
    error ReadingsOutstanding(uint256 bidId, uint256 orderId);
    error BidNotFilled(uint256 bidId, uint256 matchedWh, uint256 energyWh);
    error NotMatched(uint256 orderId);
    error AlreadySettled(uint256 bidId);
    error NotAwaitingReading(uint256 orderId);
    error BidsNotSettled(uint256 windowId, uint256 unsettled);
    error NotCancellable(uint256 windowId, Phase phase, uint256 allowedFrom);
    error NothingToWithdraw(address account);
    error TransferFailed(address account, uint256 amount);
    /// @notice The meter already has an order that is pending, valid or matched in this window (cancel it first).
    error MeterHasOpenOrder(bytes32 meterId, uint256 orderId);
    /// @notice The meter already has MAX_OPEN_ORDERS_PER_METER orders in windows that are not yet closed.
    error TooManyOpenOrders(bytes32 meterId, uint256 limit);
    /// @notice ORACLE_ROLE is given only by setOracleClient, and only to a contract.
    error OracleRoleOnlyViaSetOracleClient();
    error OracleClientNotContract(address client);
    /// @notice No window opens before the admin has set the fee recipient.
    error FeeRecipientNotSet();
    /// @notice An account that owns a meter cannot be given a role (so no role holder ever trades).
    error MeterOwnerCannotHoldRole(address account);
    /// @notice retractClearing found no posted clearing to withdraw.
    error NoClearingPosted(uint256 windowId);
    /// @notice A retraction of the window's clearing is under way: call retractClearing until ClearingRetracted.
    error RetractionUnfinished(uint256 windowId);
    /// @notice An order's distance preference D exceeds the window's maximum feeder distance L (MARKET.md "Orders").
    error DistancePreferenceAboveMaximum(uint256 maxDistanceM, uint256 windowMaxDistanceM);
    /// @notice closeWindow and cancelWindow return between 1 and MAX_ORDERS_PER_RELEASE orders per call.
    error ReleaseCountOutOfRange(uint256 maxOrders, uint256 limit);
}

/// @title Trading windows of the microgrid energy market (see shared/spec/MARKET.md)
/// @notice Units: energy in Wh, prices in wei per kWh, money in wei, distances in metres, time in unix seconds.
interface IEnergyTrade is IEnergyTradeTypes {
    /// @notice Set the EnergyOracleClient and give it ORACLE_ROLE (revoking the previous one). Admin only.
    function setOracleClient(address client) external;

    /// @notice Set the market-wide fee recipient (the DSO), credited with the grid fees of every window settled from now
    ///         on. Admin only.
    function setFeeRecipient(address recipient) external;

    /// @notice Open a trading window; its deadlines start now. Operator only; the fee recipient must be set.
    function openWindow(WindowParams calldata p) external returns (uint256 windowId);

    /// @notice BiddingOffering -> Matching after the bidding deadline; EnergyTransfer -> Settlement after the transfer deadline.
    ///         Anyone: the deadlines were fixed when the window opened, so a silent operator cannot hold a window back.
    function advancePhase(uint256 windowId) external;

    /// @notice Offer `energyWh` at no less than `minPrice`, pairing preferably within `maxDistanceM` metres (D; 0 means
    ///         the window's L); send collateral cost(E, penaltyRate) plus the window's order fee exactly. One open order
    ///         per meter per window (MeterHasOpenOrder); with validateOffers the battery reading less committedWh
    ///         must cover the energy. The order fee is never refunded: it is credited to the window's operator.
    function submitOffer(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 minPrice, uint32 maxDistanceM)
        external payable returns (uint256 orderId);

    /// @notice Bid for `energyWh` at no more than `maxPrice`, pairing preferably within `maxDistanceM` metres (D; 0 means
    ///         L); send escrow cost(E, P) + E*C_d*L/(2*10^6) + cost(E, pi) plus the window's order fee exactly. One
    ///         open order per meter per window (MeterHasOpenOrder). Each order reserves the oracle client's LINK for
    ///         its readings; the client refuses (InsufficientLink) when it cannot pay for them.
    function submitBid(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 maxPrice, uint32 maxDistanceM)
        external payable returns (uint256 orderId);

    /// @notice Cancel one's own order during BiddingOffering; its money becomes withdrawable.
    function cancelOrder(uint256 orderId) external;

    /// @notice Post a batch of the clearing result (all batches carry the same price). Operator only, Matching phase.
    ///         Each batch extends the window's result hash by its matches, in posting order. A match's distance is the
    ///         feeder registry's between the two meters' buses (DataAccess.distanceBetweenMeters, kept by the registrar):
    ///         a posted figure that differs reverts DistanceMismatch, a pair with none recorded DistanceNotRecorded.
    function postClearing(uint256 windowId, uint128 price, Match[] calldata matches) external;

    /// @notice Finish clearing and move to EnergyTransfer. Operator only. The result hash (window().resultHash, emitted
    ///         with ClearingFinalised) is the contract's own, chained over the posted matches (docs/CONTRACTS.md).
    function finaliseClearing(uint256 windowId) external;

    /// @notice Withdraw the posted, not yet finalised clearing (operator, Matching phase, until the deadline plus grace).
    ///         Batched like closeWindow: each call walks at most MAX_ORDERS_PER_RELEASE steps (the window's orders, then
    ///         its match list) and emits ClearingRetracting; the call that takes the last step resets price, matches,
    ///         allocations and hash and emits ClearingRetracted. postClearing and finaliseClearing refuse meanwhile
    ///         (RetractionUnfinished); cancelWindow stays open to anyone after the grace period.
    function retractClearing(uint256 windowId) external;

    /// @notice Ask the oracle for the settlement reading of each matched order (bid: import R_b; offer: export X_s over
    ///         the transfer interval). Anyone, Settlement phase, before the settlement deadline. One oracle request for
    ///         the whole batch (at most the client's MAX_READINGS_PER_REQUEST readings). A meter the market can no longer read is skipped with ReadingUnavailable, an order whose reading
    ///         is in or whose request is pending and not expired with ReadingNotRepeated, so no order blocks the batch.
    function requestReadings(uint256 windowId, uint256[] calldata orderIds) external;

    /// @notice Oracle callback: the seller's available energy for a pending offer. Oracle client only.
    function onAvailableEnergy(uint256 orderId, uint256 availableWh) external;

    /// @notice Oracle callback: the settlement readings of orders whose requests are pending, before the settlement
    ///         deadline. Each word is (orderId << 64 | Wh): the order's import (bid) or export (offer), which the client
    ///         caps at 2^64 - 1 (far above any order's energy, so the capped reading settles the same). Oracle client
    ///         only.
    function onReadings(uint256[] calldata readingsOf) external;

    /// @notice Settle bids and their matches (MARKET.md "Settlement"): buyer and sellers paid, penalties in both
    ///         directions, fee halves to the fee recipient. Anyone. A bid settles once its reading and its sellers'
    ///         are in, or after the settlement deadline with whatever is missing counted against its owner (seller:
    ///         X_s = 0; buyer: per match b_m = s_m or 0, whichever costs the buyer more).
    function settle(uint256 windowId, uint256[] calldata bidIds) external;

    /// @notice Close a window whose matched bids are all settled; unmatched money becomes withdrawable. Anyone.
    ///         Each call returns the deposits of at most `maxOrders` (1..MAX_ORDERS_PER_RELEASE) order ids, so the
    ///         caller sizes it to its gas budget, and emits WindowClosing; call again until the call that returns the
    ///         last one moves the window to Closed (WindowClosed).
    function closeWindow(uint256 windowId, uint256 maxOrders) external;

    /// @notice Anyone: cancel a window whose operator missed the matching deadline by the grace period. A window whose
    ///         clearing is final can no longer be cancelled, only settled (MARKET.md): advancePhase, requestReadings,
    ///         settle and closeWindow are open to anyone for that. The first
    ///         call moves it to Cancelled; each call returns the deposits of at most `maxOrders`
    ///         (1..MAX_ORDERS_PER_RELEASE) order ids (WindowClosing); anyone calls again until releasedOrders == orderCount.
    function cancelWindow(uint256 windowId, uint256 maxOrders) external;

    /// @notice Pay out the caller's withdrawable balance.
    function withdraw() external;

    /// @notice Pay the caller's withdrawable balance to `to`, e.g. when the caller is a contract that cannot receive.
    function withdrawTo(address to) external;

    /// @notice Wei the account may withdraw.
    function withdrawable(address account) external view returns (uint256);

    /// @notice A window's parameters and state.
    function window(uint256 windowId) external view returns (WindowView memory);

    /// @notice One order.
    function order(uint256 orderId) external view returns (OrderView memory);

    /// @notice An order's settlement reading.
    function orderReading(uint256 orderId) external view returns (ReadingView memory);

    /// @notice Up to `count` of the window's order ids from index `from`, in submission order (orderCount in window()).
    function windowOrderIds(uint256 windowId, uint256 from, uint256 count) external view returns (uint256[] memory);

    /// @notice The EnergyTradeReader this market created: paged reads of a window's orders (windowOrders).
    function reader() external view returns (address);

    /// @notice Up to `count` of the window's matches from index `from`, in posting order.
    function windowMatches(uint256 windowId, uint256 from, uint256 count) external view returns (Match[] memory);

    /// @notice Whether the meter has no open order (pending, valid or matched) in a window that is not closed or
    ///         cancelled; the registrar may re-assign only an idle meter.
    function meterIdle(bytes32 meterId) external view returns (bool);

    /// @notice Wh the meter's offers commit in windows other than the one of `exceptOrderId` (MARKET.md battery
    ///         check): valid offers of windows not yet finalised, allocations of finalised windows whose transfer
    ///         interval has not ended.
    function committedWh(bytes32 meterId, uint256 exceptOrderId) external view returns (uint256);

    /// @notice The meter registry orders are checked against.
    function dataAccess() external view returns (address);

    /// @notice The account credited with every window's grid fees.
    function feeRecipient() external view returns (address);

    /// @notice Whether `account` holds a role of the market (admin, operator or oracle), which bars it from owning meters.
    function holdsMarketRole(address account) external view returns (bool);

    /// @notice The oracle client readings are requested from.
    function oracleClient() external view returns (address);

    /// @notice Number of windows opened so far (window ids are 1..windowCount).
    function windowCount() external view returns (uint256);

    /// @notice Number of orders placed so far (order ids are 1..orderCount).
    function orderCount() external view returns (uint256);

    /// @notice Escrow a bid of `energyWh` at `maxPrice` must send in this window, besides the order fee.
    function bidEscrow(uint256 windowId, uint64 energyWh, uint128 maxPrice) external view returns (uint256);

    /// @notice Collateral an offer of `energyWh` must send in this window, besides the order fee.
    function offerCollateral(uint256 windowId, uint64 energyWh) external view returns (uint256);
}
