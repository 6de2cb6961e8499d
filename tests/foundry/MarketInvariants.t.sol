// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MarketHandler} from "./MarketHandler.sol";
import {FuzzSelector} from "./Vm.sol";

/// @notice Invariants of the money EnergyTrade holds (MARKET.md "Settlement": conservation; households' money can be
///         neither taken nor stranded), checked by forge after every call of random MarketHandler sequences.
contract MarketInvariants {
    MarketHandler private handler;

    function setUp() public {
        handler = new MarketHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice Every action of the handler except the end-of-run helpers, which afterInvariant calls itself.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory actions = new bytes4[](18);
        actions[0] = MarketHandler.openWindow.selector;
        actions[1] = MarketHandler.advancePhase.selector;
        actions[2] = MarketHandler.postClearing.selector;
        actions[3] = MarketHandler.finaliseClearing.selector;
        actions[4] = MarketHandler.requestReadings.selector;
        actions[5] = MarketHandler.settle.selector;
        actions[6] = MarketHandler.closeWindow.selector;
        actions[7] = MarketHandler.submitOffer.selector;
        actions[8] = MarketHandler.submitBid.selector;
        actions[9] = MarketHandler.cancelOrder.selector;
        actions[10] = MarketHandler.toggleMeterAccess.selector;
        actions[11] = MarketHandler.cancelWindow.selector;
        actions[12] = MarketHandler.withdraw.selector;
        actions[13] = MarketHandler.answerReading.selector;
        actions[14] = MarketHandler.passTime.selector;
        actions[15] = MarketHandler.operate.selector;
        actions[16] = MarketHandler.retractClearing.selector;
        actions[17] = MarketHandler.recordDistance.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), actions);
    }

    /// @notice No wei appears or disappears: the contract holds exactly what came in minus what went out.
    function invariant_balanceIsDepositsMinusWithdrawals() public view {
        require(address(handler.trade()).balance == handler.deposited() - handler.withdrawn(), "balance drifted");
    }

    /// @notice Every credit can be paid: what accounts may withdraw never exceeds what the contract holds.
    function invariant_creditsAreCovered() public view {
        uint256 owed = handler.trade().withdrawable(handler.DSO()) + handler.trade().withdrawable(handler.OPERATOR());
        for (uint256 i = 0; i < 4; ++i) {
            owed += handler.trade().withdrawable(handler.households(i));
        }
        require(owed <= address(handler.trade()).balance, "credits exceed the balance");
    }

    /// @notice MARKET.md "Deposits": the operator gets every order fee paid, at once, and nothing else; no refund
    ///         (cancel, rejection, no match, cancelled window) ever hands one back.
    function invariant_operatorGetsEveryOrderFee() public view {
        address operator = handler.OPERATOR();
        require(handler.withdrawnBy(operator) + handler.trade().withdrawable(operator) == handler.orderFeesPaid(), "order fees");
    }

    /// @notice No household takes out more than MARKET.md can give it.
    function invariant_nobodyTakesMoreThanTheRulesGive() public view {
        for (uint256 i = 0; i < 4; ++i) {
            address household = handler.households(i);
            uint256 out = handler.withdrawnBy(household) + handler.trade().withdrawable(household);
            require(out <= handler.mostItCanTakeOut(household), "a household took more than the rules give");
        }
    }

    /// @notice The oracle client's LINK covers every open order's readings: what it reserved and spent stays within
    ///         its budget, and the reservation covers every reading an open order may still ask for.
    function invariant_linkCoversOpenOrdersReadings() public view {
        uint256 reserved = handler.desk().reservedReadings();
        require(reserved + handler.desk().spentReadings() <= handler.desk().BUDGET(), "LINK over-committed");
        require(reserved >= handler.readingsStillNeeded(), "an open order's reading is not paid for");
    }

    /// @notice The handler's actions in the order a good day has them trade and settle one window, so the random
    ///         sequences are known to reach every phase.
    function test_aScriptedWindowTradesSettlesAndPaysOut() public {
        handler.openWindow(1 + (540 << 16) + (70 gwei << 80) + (50_000 gwei << 112));
        handler.submitOffer(0, 2_000, 0);
        handler.submitBid(1, 2_000, 0);
        for (uint256 i = 0; i < 5; ++i) {
            handler.passTime(119);
        }
        handler.advancePhase(0);
        handler.postClearing(0, 0, 0);
        require(handler.matchesPosted() == 1, "no match posted");
        handler.finaliseClearing(0);
        require(handler.clearingsFinalised() == 1, "clearing not finalised");
        for (uint256 i = 0; i < 8; ++i) {
            handler.passTime(119);
        }
        handler.advancePhase(0);
        handler.requestReadings(0);
        handler.answerReading(0, 2_000);
        handler.answerReading(0, 1_500);
        handler.settle(0);
        require(handler.bidsSettled() == 1, "bid not settled");
        handler.closeWindow(0, 199); // count 200: the whole window in one call
        handler.withdrawEverything();
        require(address(handler.trade()).balance == 0, "money left");
    }

    /// @notice After any sequence, every window can still be finished by anyone's calls and then every wei it held is
    ///         withdrawable: nothing stays locked in the contract.
    function afterInvariant() public {
        handler.finishEveryWindow();
        handler.withdrawEverything();
        require(address(handler.trade()).balance == 0, "money stranded after every window ended");
    }
}
