// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DataAccess} from "../../contracts/DataAccess.sol";
import {IDataAccess} from "../../contracts/interfaces/IDataAccess.sol";
import {EnergyTrade} from "../../contracts/EnergyTrade.sol";
import {IEnergyTrade, IEnergyTradeTypes} from "../../contracts/interfaces/IEnergyTrade.sol";
import {IEnergyOracleClient} from "../../contracts/interfaces/IEnergyOracleClient.sol";
import {ReadingDesk} from "./ReadingDesk.sol";
import {vm} from "./Vm.sol";

/// @notice Random actors drive the market in random order: the operator (this contract) opens windows, advances
///         phases, posts honest or hostile clearings and closes; households submit, cancel, revoke their meters'
///         access, ask for readings, settle, cancel stalled windows and withdraw; the oracle answers, answers wrongly
///         or stays silent. Every
///         call that the contract refuses is simply skipped: what matters is the state the accepted ones leave.
///         Ghost totals record every wei that went in and out, for the invariants in MarketInvariants.t.sol.
contract MarketHandler {
    uint256 internal constant HOUSEHOLDS = 4;
    uint256 internal constant MAX_OPEN_WINDOWS = 2;
    address public constant DSO = address(0xD50);
    /// @notice Opens every window, so every order fee is credited to it.
    address public constant OPERATOR = address(0x0BE);

    DataAccess public immutable registry;
    EnergyTrade public immutable trade;
    ReadingDesk public immutable desk;

    address[HOUSEHOLDS] public households;
    bytes32[HOUSEHOLDS] public meters;

    uint256[] public windowIds;
    uint256[] public orderIds;
    mapping(uint256 request => bool) private answered;

    /// @notice How far the random sequences got, so a run that never reaches settlement shows (see the tests).
    uint256 public clearingsFinalised;
    uint256 public bidsSettled;
    uint256 public matchesPosted;

    /// @dev forge does not keep a handler's vm.warp from one call of a sequence to the next: every action starts
    ///      by moving the clock back to where the sequence has got to.
    uint256 public clock;

    uint256 public deposited;
    uint256 public withdrawn;
    /// @notice Order fees the accepted orders paid (part of `deposited`), all of them the operator's.
    uint256 public orderFeesPaid;
    mapping(address account => uint256) public depositedBy;
    mapping(address account => uint256) public withdrawnBy;

    modifier atClock() {
        vm.warp(clock);
        _;
    }

    constructor() {
        clock = block.timestamp;
        registry = new DataAccess(address(this), address(this));
        trade = new EnergyTrade(registry, address(this));
        trade.setFeeRecipient(DSO);
        trade.grantRole(trade.OPERATOR_ROLE(), OPERATOR);
        desk = new ReadingDesk();
        desk.setEnergyTrade(address(trade));
        trade.setOracleClient(address(desk));
        for (uint256 i = 0; i < HOUSEHOLDS; ++i) {
            address household = address(uint160(0x1000 + i));
            bytes32 meter = bytes32(abi.encodePacked("M-", bytes1(uint8(0x31 + i))));
            households[i] = household;
            meters[i] = meter;
            vm.label(household, "household");
            registry.registerMeter(meter, household, uint32(10 + i));
            vm.prank(household);
            registry.grantAccess(meter, address(trade));
        }
        // The DSO (this contract is also the registrar) records every pair of the households' buses.
        for (uint256 i = 0; i < HOUSEHOLDS; ++i) {
            for (uint256 j = i + 1; j < HOUSEHOLDS; ++j) {
                _recordDistance(i, j, 40 * (j - i) + 3 * i);
            }
        }
    }

    // ------------------------------------------------------------ the DSO

    /// @notice The registrar re-measures a pair of buses at any time: matches posted before keep their distance.
    function recordDistance(uint256 who, uint256 other, uint256 metresSeed) external atClock {
        uint256 a = who % HOUSEHOLDS;
        uint256 b = other % HOUSEHOLDS;
        if (a == b) return;
        _recordDistance(a, b, _bound(metresSeed, 0, 450));
    }

    function _recordDistance(uint256 a, uint256 b, uint256 metres) private {
        IDataAccess.BusDistance[] memory d = new IDataAccess.BusDistance[](1);
        d[0] = IDataAccess.BusDistance(uint32(10 + a), uint32(10 + b), uint32(metres));
        registry.recordDistances(d);
    }

    // ------------------------------------------------------------ the operator

    function openWindow(uint256 seed) external atClock {
        if (_unfinishedWindows() >= MAX_OPEN_WINDOWS) return;
        IEnergyTrade.WindowParams memory p = IEnergyTradeTypes.WindowParams({
            biddingDuration: uint32(_bound(seed, 60, 600)),
            matchingDuration: uint32(_bound(seed >> 16, 60, 600)),
            transferDuration: uint32(_bound(seed >> 32, 60, 600)),
            settlementDuration: uint32(_bound(seed >> 48, 60, 600)),
            gracePeriod: uint32(_bound(seed >> 64, 0, 300)),
            maxEnergyWh: 10_000,
            referencePrice: 60_000 gwei,
            gridCharge: uint128(_bound(seed >> 80, 0, 100 gwei)),
            maxDistanceM: 400,
            penaltyRate: uint128(_bound(seed >> 112, 1 gwei, 100_000 gwei)),
            mechanism: IEnergyTradeTypes.Mechanism.Uniform,
            validateOffers: seed % 4 == 0,
            orderFee: uint96(_bound(seed >> 144, 0, 1 gwei))
        });
        vm.prank(OPERATOR);
        windowIds.push(trade.openWindow(p));
    }

    /// @notice What a diligent operator's daemon does next for every window: advance a phase whose deadline passed,
    ///         post an honest clearing and finalise it, request both sides' readings, settle what can be settled,
    ///         close. Random sequences of it and the other actions reach every phase.
    function operate(uint256 priceSeed, uint256 countSeed) external atClock {
        for (uint256 i = 0; i < windowIds.length; ++i) {
            IEnergyTrade.Phase phase = trade.window(windowIds[i]).phase;
            if (phase == IEnergyTradeTypes.Phase.BiddingOffering || phase == IEnergyTradeTypes.Phase.EnergyTransfer) {
                this.advancePhase(i);
            } else if (phase == IEnergyTradeTypes.Phase.Matching) {
                this.postClearing(i, priceSeed, 0);
                this.finaliseClearing(i);
            } else if (phase == IEnergyTradeTypes.Phase.Settlement) {
                this.requestReadings(i);
                this.settle(i);
                this.closeWindow(i, countSeed);
            }
        }
    }

    function advancePhase(uint256 windowSeed) external atClock {
        if (windowIds.length == 0) return;
        try trade.advancePhase(_pickWindow(windowSeed)) {} catch {}
    }

    /// @notice A clearing at a random price over the window's valid orders: honest (individually rational, at the
    ///         registry's distances within the limit) when `hostile` is even, otherwise with one match that breaks a
    ///         rule on purpose (too much energy, beyond the limit, or not the registry's distance).
    function postClearing(uint256 windowSeed, uint256 priceSeed, uint8 hostile) external atClock {
        if (windowIds.length == 0) return;
        uint256 windowId = _pickWindow(windowSeed);
        IEnergyTrade.WindowView memory w = trade.window(windowId);
        if (w.phase != IEnergyTradeTypes.Phase.Matching) return;
        uint128 price = w.price != 0 ? uint128(w.price) : _crossingPrice(windowId, priceSeed);
        IEnergyTrade.Match[] memory matches = _honestMatches(windowId, w.params, price);
        if (hostile % 2 == 1 && matches.length > 0) {
            if (hostile % 3 == 0) matches[0].energyWh += 1;
            else if (hostile % 3 == 1) matches[0].distanceM = w.params.maxDistanceM + 1;
            else matches[0].distanceM = matches[0].distanceM == 0 ? 1 : matches[0].distanceM - 1;
        }
        try trade.postClearing(windowId, price, matches) {
            matchesPosted += matches.length;
        } catch {}
    }

    /// @notice The operator withdraws a posted clearing (one batch of its retraction per call).
    function retractClearing(uint256 windowSeed) external atClock {
        if (windowIds.length == 0) return;
        try trade.retractClearing(_pickWindow(windowSeed)) {} catch {}
    }

    function finaliseClearing(uint256 windowSeed) external atClock {
        if (windowIds.length == 0) return;
        try trade.finaliseClearing(_pickWindow(windowSeed)) {
            ++clearingsFinalised;
        } catch {}
    }

    /// @notice Anyone asks for the readings of every matched order of a window, both sides.
    function requestReadings(uint256 windowSeed) external atClock {
        if (windowIds.length == 0) return;
        uint256 windowId = _pickWindow(windowSeed);
        try trade.requestReadings(windowId, _matchedOrders(windowId)) {} catch {}
    }

    /// @notice Anyone settles the window's unsettled bids: all at once if it can, otherwise each that can be.
    function settle(uint256 windowSeed) external atClock {
        if (windowIds.length == 0) return;
        uint256 windowId = _pickWindow(windowSeed);
        uint256[] memory bids = _unsettledBids(windowId);
        try trade.settle(windowId, bids) {
            bidsSettled += bids.length;
        } catch {
            for (uint256 i = 0; i < bids.length; ++i) {
                uint256[] memory one = new uint256[](1);
                one[0] = bids[i];
                try trade.settle(windowId, one) {
                    ++bidsSettled;
                } catch {}
            }
        }
    }

    /// @notice Anyone closes with a count of their choosing: any count from 1 to the maximum must return every deposit.
    function closeWindow(uint256 windowSeed, uint256 countSeed) external atClock {
        if (windowIds.length == 0) return;
        try trade.closeWindow(_pickWindow(windowSeed), _releaseCount(countSeed)) {} catch {}
    }

    // ------------------------------------------------------------ households

    function submitOffer(uint256 who, uint256 energySeed, uint256 priceSeed) external atClock {
        _submit(IEnergyTradeTypes.Side.Offer, who, energySeed, _bound(priceSeed, 40_000 gwei, 60_000 gwei));
    }

    function submitBid(uint256 who, uint256 energySeed, uint256 priceSeed) external atClock {
        _submit(IEnergyTradeTypes.Side.Bid, who, energySeed, _bound(priceSeed, 50_000 gwei, 80_000 gwei));
    }

    function cancelOrder(uint256 orderSeed) external atClock {
        if (orderIds.length == 0) return;
        uint256 id = orderIds[orderSeed % orderIds.length];
        vm.prank(trade.order(id).owner);
        try trade.cancelOrder(id) {} catch {}
    }

    /// @notice A household stops (or resumes) letting the market read its meter, e.g. to dodge a delivery reading.
    function toggleMeterAccess(uint256 who) external atClock {
        bytes32 meter = meters[who % HOUSEHOLDS];
        bool granted = registry.hasAccess(meter, address(trade));
        vm.prank(_household(who));
        if (granted) registry.revokeAccess(meter, address(trade));
        else registry.grantAccess(meter, address(trade));
    }

    function cancelWindow(uint256 who, uint256 windowSeed, uint256 countSeed) external atClock {
        if (windowIds.length == 0) return;
        vm.prank(_household(who));
        try trade.cancelWindow(_pickWindow(windowSeed), _releaseCount(countSeed)) {} catch {}
    }

    function _releaseCount(uint256 seed) private view returns (uint256) {
        return _bound(seed, 1, trade.MAX_ORDERS_PER_RELEASE());
    }

    function withdraw(uint256 who) external atClock {
        uint256 pick = who % (HOUSEHOLDS + 2);
        _withdraw(pick == HOUSEHOLDS ? DSO : pick == HOUSEHOLDS + 1 ? OPERATOR : _household(who));
    }

    // ------------------------------------------------------------ the oracle and the clock

    /// @notice Answers one recorded request not answered yet (the first from a random point on) with any value: an
    ///         honest, a short or an absurd reading.
    function answerReading(uint256 requestSeed, uint256 valueSeed) external atClock {
        uint256 count = desk.requestCount();
        uint256 request = count == 0 ? 0 : requestSeed % count;
        for (uint256 k = 0; k < count && answered[request]; ++k) {
            request = (request + 1) % count;
        }
        if (count == 0 || answered[request]) return;
        answered[request] = true;
        (uint256 orderId, IEnergyOracleClient.ReadingKind kind) = desk.requests(request);
        uint256 value = _bound(valueSeed, 0, 20_000);
        vm.prank(address(desk));
        if (kind == IEnergyOracleClient.ReadingKind.AvailableEnergy) {
            try trade.onAvailableEnergy(orderId, value) {} catch {}
        } else {
            uint256[] memory reading = new uint256[](1);
            reading[0] = orderId << 64 | value;
            try trade.onReadings(reading) {} catch {}
        }
    }

    function passTime(uint256 seconds_) external {
        clock += _bound(seconds_, 1, 120);
        vm.warp(clock);
    }

    // ------------------------------------------------------------ for the invariants

    function windowCount() external view returns (uint256) {
        return windowIds.length;
    }

    function orderCount() external view returns (uint256) {
        return orderIds.length;
    }

    /// @notice Every window ends: the clock moves past every deadline and grace period, whatever is left is settled
    ///         with its missing readings against their owners, settled windows are closed and stalled ones cancelled, batch by batch.
    function finishEveryWindow() external atClock {
        clock += 30 days;
        vm.warp(clock);
        for (uint256 i = 0; i < windowIds.length; ++i) {
            uint256 windowId = windowIds[i];
            for (uint256 step = 0; step < 50 && !_finished(windowId); ++step) {
                IEnergyTrade.Phase phase = trade.window(windowId).phase;
                if (phase == IEnergyTradeTypes.Phase.EnergyTransfer) {
                    trade.advancePhase(windowId);
                } else if (phase == IEnergyTradeTypes.Phase.Settlement) {
                    uint256[] memory bids = _unsettledBids(windowId);
                    if (bids.length > 0) trade.settle(windowId, bids);
                    trade.closeWindow(windowId, trade.MAX_ORDERS_PER_RELEASE());
                } else {
                    trade.cancelWindow(windowId, trade.MAX_ORDERS_PER_RELEASE());
                }
            }
            require(_finished(windowId), "a window could not be finished");
        }
    }

    function withdrawEverything() external atClock {
        for (uint256 i = 0; i < HOUSEHOLDS; ++i) {
            if (trade.withdrawable(households[i]) > 0) _withdraw(households[i]);
        }
        if (trade.withdrawable(DSO) > 0) _withdraw(DSO);
        if (trade.withdrawable(OPERATOR) > 0) _withdraw(OPERATOR);
    }

    /// @notice The most MARKET.md lets a household take out: what it paid in, what its offers could earn at their
    ///         windows' prices, and the penalties its orders could receive from their counterparties (a seller's for
    ///         energy not delivered to its bids, a buyer's for energy not taken from its offers).
    function mostItCanTakeOut(address household) external view returns (uint256 most) {
        most = depositedBy[household];
        for (uint256 i = 0; i < orderIds.length; ++i) {
            IEnergyTrade.OrderView memory o = trade.order(orderIds[i]);
            if (o.owner != household || o.matchedWh == 0) continue;
            IEnergyTrade.WindowView memory w = trade.window(o.windowId);
            uint256 rate = o.side == IEnergyTradeTypes.Side.Offer ? w.price + w.params.penaltyRate : w.params.penaltyRate;
            most += uint256(o.matchedWh) * rate / 1000;
        }
    }

    /// @notice Readings orders may still need: open orders whose settlement reading was neither asked nor given up.
    function readingsStillNeeded() external view returns (uint256 n) {
        for (uint256 i = 0; i < orderIds.length; ++i) {
            IEnergyTrade.OrderView memory o = trade.order(orderIds[i]);
            bool open = o.status == IEnergyTradeTypes.OrderStatus.Valid || o.status == IEnergyTradeTypes.OrderStatus.Matched
                || o.status == IEnergyTradeTypes.OrderStatus.PendingValidation;
            if (open && trade.orderReading(orderIds[i]).state == IEnergyTradeTypes.ReadingState.None) ++n;
        }
    }

    // ------------------------------------------------------------ internals

    function _honestMatches(uint256 windowId, IEnergyTrade.WindowParams memory params, uint128 price)
        private
        view
        returns (IEnergyTrade.Match[] memory matches)
    {
        matches = new IEnergyTrade.Match[](orderIds.length);
        uint256 n;
        for (uint256 i = 0; i < orderIds.length; ++i) {
            IEnergyTrade.OrderView memory offer = trade.order(orderIds[i]);
            if (!_open(offer, windowId, IEnergyTradeTypes.Side.Offer) || offer.price > price) continue;
            uint256 left = offer.energyWh - offer.matchedWh;
            for (uint256 j = 0; j < orderIds.length && left > 0; ++j) {
                IEnergyTrade.OrderView memory bid = trade.order(orderIds[j]);
                if (!_open(bid, windowId, IEnergyTradeTypes.Side.Bid) || bid.price < price || bid.owner == offer.owner) continue;
                uint256 wanted = bid.energyWh - bid.matchedWh - _postedTo(matches, n, uint64(orderIds[j]));
                uint256 energy = wanted < left ? wanted : left;
                if (energy == 0) continue;
                (, uint256 distance) = registry.distanceBetweenMeters(offer.meterId, bid.meterId);
                if (distance > params.maxDistanceM || uint256(price) * 2000 < uint256(params.gridCharge) * distance) continue;
                matches[n++] = IEnergyTradeTypes.Match(uint64(orderIds[i]), uint64(orderIds[j]), uint64(energy), uint32(distance));
                left -= energy;
            }
        }
        assembly {
            mstore(matches, n)
        }
    }

    /// @dev A price between a valid offer's and a valid bid's (the pair picked by the seed), so clearings trade.
    function _crossingPrice(uint256 windowId, uint256 seed) private view returns (uint128) {
        uint256 n = orderIds.length;
        for (uint256 k = 0; k < n * n; ++k) {
            IEnergyTrade.OrderView memory offer = trade.order(orderIds[(seed + k) % n]);
            IEnergyTrade.OrderView memory bid = trade.order(orderIds[(seed + k / n) % n]);
            if (_open(offer, windowId, IEnergyTradeTypes.Side.Offer) && _open(bid, windowId, IEnergyTradeTypes.Side.Bid)
                && offer.price <= bid.price) return uint128(_bound(seed >> 8, offer.price, bid.price));
        }
        return uint128(_bound(seed, 40_000 gwei, 80_000 gwei));
    }

    /// @dev An order in the newest window from one household's meter, with exactly the deposit and order fee the
    ///      contract asks, and a random distance preference (0: the window's L).
    function _submit(IEnergyTrade.Side side, uint256 who, uint256 energySeed, uint256 price) private {
        if (windowIds.length == 0) return;
        uint256 windowId = windowIds[windowIds.length - 1];
        uint64 energy = uint64(_bound(energySeed, 1, 10_000));
        bool offer = side == IEnergyTradeTypes.Side.Offer;
        uint256 fee = trade.window(windowId).params.orderFee;
        uint256 deposit = fee + (offer ? trade.offerCollateral(windowId, energy) : trade.bidEscrow(windowId, energy, uint128(price)));
        uint32 preference = uint32(energySeed >> 32) % 401;
        bytes memory call = offer
            ? abi.encodeCall(trade.submitOffer, (windowId, meters[who % HOUSEHOLDS], energy, uint128(price), preference))
            : abi.encodeCall(trade.submitBid, (windowId, meters[who % HOUSEHOLDS], energy, uint128(price), preference));
        address household = _household(who);
        vm.deal(household, household.balance + deposit);
        vm.prank(household);
        (bool placed, bytes memory id) = address(trade).call{value: deposit}(call);
        if (placed) {
            orderFeesPaid += fee;
            _deposited(household, deposit, abi.decode(id, (uint256)));
        }
    }

    function _postedTo(IEnergyTrade.Match[] memory matches, uint256 n, uint64 bidId) private pure returns (uint256 sum) {
        for (uint256 k = 0; k < n; ++k) {
            if (matches[k].bidId == bidId) sum += matches[k].energyWh;
        }
    }

    function _open(IEnergyTrade.OrderView memory o, uint256 windowId, IEnergyTrade.Side side) private pure returns (bool) {
        return o.windowId == windowId && o.side == side
            && (o.status == IEnergyTradeTypes.OrderStatus.Valid || o.status == IEnergyTradeTypes.OrderStatus.Matched);
    }

    function _unsettledBids(uint256 windowId) private view returns (uint256[] memory bids) {
        bids = new uint256[](orderIds.length);
        uint256 n;
        for (uint256 i = 0; i < orderIds.length; ++i) {
            IEnergyTrade.OrderView memory o = trade.order(orderIds[i]);
            if (o.windowId == windowId && o.side == IEnergyTradeTypes.Side.Bid
                && o.status == IEnergyTradeTypes.OrderStatus.Matched) bids[n++] = orderIds[i];
        }
        assembly {
            mstore(bids, n)
        }
    }

    function _matchedOrders(uint256 windowId) private view returns (uint256[] memory ids) {
        ids = new uint256[](orderIds.length);
        uint256 n;
        for (uint256 i = 0; i < orderIds.length; ++i) {
            IEnergyTrade.OrderView memory o = trade.order(orderIds[i]);
            if (o.windowId == windowId && o.matchedWh > 0) ids[n++] = orderIds[i];
        }
        assembly {
            mstore(ids, n)
        }
    }

    function _finished(uint256 windowId) private view returns (bool) {
        IEnergyTrade.WindowView memory w = trade.window(windowId);
        return (w.phase == IEnergyTradeTypes.Phase.Closed || w.phase == IEnergyTradeTypes.Phase.Cancelled)
            && w.releasedOrders == w.orderCount;
    }

    function _unfinishedWindows() private view returns (uint256 n) {
        for (uint256 i = 0; i < windowIds.length; ++i) {
            if (!_finished(windowIds[i])) ++n;
        }
    }

    function _pickWindow(uint256 seed) private view returns (uint256) {
        return windowIds[seed % windowIds.length];
    }

    function _household(uint256 who) private view returns (address) {
        return households[who % HOUSEHOLDS];
    }

    function _deposited(address household, uint256 amount, uint256 orderId) private {
        deposited += amount;
        depositedBy[household] += amount;
        orderIds.push(orderId);
    }

    function _withdraw(address account) private {
        uint256 before = account.balance;
        vm.prank(account);
        try trade.withdraw() {} catch {}
        uint256 received = account.balance - before;
        withdrawn += received;
        withdrawnBy[account] += received;
    }

    function _bound(uint256 x, uint256 lo, uint256 hi) private pure returns (uint256) {
        return lo + x % (hi - lo + 1);
    }
}
