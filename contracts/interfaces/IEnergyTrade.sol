// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Trading windows of the microgrid energy market (see shared/spec/MARKET.md)
/// @notice Units: energy in Wh, prices in wei per kWh, money in wei, distances in metres, time in unix seconds.
interface IEnergyTrade {
    enum Phase { None, BiddingOffering, Matching, EnergyTransfer, Settlement, Closed, Cancelled }
    enum Mechanism { Dpda, Mcafee, Uniform }
    enum Side { Offer, Bid }
    enum OrderStatus { None, PendingValidation, Valid, Rejected, Cancelled, Matched, Settled, Refunded }

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

    struct OrderView {
        uint256 windowId;
        address owner;
        bytes32 meterId;
        Side side;
        uint64 energyWh;
        uint256 price;
        OrderStatus status;
        uint64 matchedWh;
        uint256 deposit;
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
    event DeliveryRequested(uint256 indexed windowId, uint256 indexed bidId, bytes32 requestId);
    event DeliveryReported(uint256 indexed windowId, uint256 indexed bidId, uint256 receivedWh);
    /// @notice A matched buyer's meter no longer grants the market access: no reading was requested for the bid.
    event DeliveryUnreadable(uint256 indexed windowId, uint256 indexed bidId, bytes32 meterId);
    event MatchSettled(uint256 indexed windowId, uint256 indexed offerId, uint256 indexed bidId, uint256 deliveredWh,
        uint256 sellerPayout, uint256 buyerPayment, uint256 fee, uint256 penalty);
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
    /// @notice The match pairs an offer and a bid of one owner (MARKET.md "Pairing": not a feasible pair).
    error SameOwner(uint256 offerId, uint256 bidId);
    error TooManyMatchesForBid(uint256 bidId);
    error BidNotFilled(uint256 bidId, uint256 matchedWh, uint256 energyWh);
    error NotMatched(uint256 bidId);
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

    /// @notice Offer `energyWh` at no less than `minPrice`; send collateral cost(E, penaltyRate) exactly. One open order
    ///         per meter per window (MeterHasOpenOrder); with validateOffers the battery reading less committedWh
    ///         must cover the energy.
    function submitOffer(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 minPrice)
        external payable returns (uint256 orderId);

    /// @notice Bid for `energyWh` at no more than `maxPrice`; send escrow cost(E, P) + E*C_d*L/(2*10^6) exactly. One
    ///         open order per meter per window (MeterHasOpenOrder).
    function submitBid(uint256 windowId, bytes32 meterId, uint64 energyWh, uint128 maxPrice)
        external payable returns (uint256 orderId);

    /// @notice Cancel one's own order during BiddingOffering; its money becomes withdrawable.
    function cancelOrder(uint256 orderId) external;

    /// @notice Post a batch of the clearing result (all batches carry the same price). Operator only, Matching phase.
    function postClearing(uint256 windowId, uint128 price, Match[] calldata matches) external;

    /// @notice Finish clearing: store the result hash and move to EnergyTransfer. Operator only.
    function finaliseClearing(uint256 windowId, bytes32 resultHash) external;

    /// @notice Ask the oracle for each matched buyer's received energy. Operator only, Settlement phase. A bid whose
    ///         meter no longer grants access is skipped with DeliveryUnreadable, so one buyer cannot block the batch.
    function requestDeliveryReadings(uint256 windowId, uint256[] calldata bidIds) external;

    /// @notice Oracle callback: the seller's available energy for a pending offer. Oracle client only.
    function onAvailableEnergy(uint256 orderId, uint256 availableWh) external;

    /// @notice Oracle callback: the buyer's received energy; settles the bid. Oracle client only.
    function onDelivery(uint256 bidId, uint256 receivedWh) external;

    /// @notice After the settlement deadline, settle bids whose reading never arrived. A missing reading counts against
    ///         its owner: the buyer is settled as having received all it was matched. Anyone, so a silent operator
    ///         cannot leave the sellers of a cleared window unpaid.
    function settleUnreported(uint256 windowId, uint256[] calldata bidIds) external;

    /// @notice Close a window whose matched bids are all settled; unmatched money becomes withdrawable. Anyone.
    ///         Each call returns the deposits of at most MAX_ORDERS_PER_RELEASE order ids and emits WindowClosing;
    ///         call again until the call that returns the last one moves the window to Closed (WindowClosed).
    function closeWindow(uint256 windowId) external;

    /// @notice Anyone: cancel a window whose operator missed the matching deadline by the grace period. A window whose
    ///         clearing is final can no longer be cancelled, only settled (MARKET.md): advancePhase, settleUnreported
    ///         and closeWindow are open to anyone for that. The first
    ///         call moves it to Cancelled; each call returns the deposits of at most MAX_ORDERS_PER_RELEASE order ids
    ///         (WindowClosing); anyone calls again until releasedOrders == orderCount.
    function cancelWindow(uint256 windowId) external;

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

    /// @notice Up to `count` of the window's order ids from index `from`, in submission order (orderCount in window()).
    function windowOrderIds(uint256 windowId, uint256 from, uint256 count) external view returns (uint256[] memory);

    /// @notice Up to `count` of the window's orders from index `from`, in submission order: entry i is the order whose
    ///         id windowOrderIds gives at index `from + i`. At most 500 orders per call (a page of 500 costs about
    ///         4M gas, far below a node's eth_call gas cap); fewer at the end of the book, none from `orderCount` on.
    function windowOrders(uint256 windowId, uint256 from, uint256 count) external view returns (OrderView[] memory);

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

    /// @notice Escrow a bid of `energyWh` at `maxPrice` must send in this window.
    function bidEscrow(uint256 windowId, uint64 energyWh, uint128 maxPrice) external view returns (uint256);

    /// @notice Collateral an offer of `energyWh` must send in this window.
    function offerCollateral(uint256 windowId, uint64 energyWh) external view returns (uint256);
}
