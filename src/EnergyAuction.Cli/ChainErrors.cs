using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Cli;

/// <summary>
/// Failures that come from the chain or the wallet, as one line saying what is wrong and what to do.
/// A revert keeps its custom error name and arguments (what the contract said), followed by a hint.
/// </summary>
public static class ChainErrors
{
    public static CliException? Explain(Exception exception, ParseResult parseResult) => exception switch
    {
        ContractRevertException revert => CliException.Failure(Revert(revert), revert),
        RpcUnavailableException down => CliException.Failure(
            $"cannot reach the chain at {down.Endpoint}: is the node running? Pass --rpc URL or set {SharedOptions.RpcEnvironmentVariable}", down),
        RpcProtocolException garbled => CliException.Failure(
            $"{garbled.Endpoint} did not answer like an Ethereum JSON-RPC node; check --rpc", garbled),
        WrongChainException wrongChain => CliException.Failure(
            $"{wrongChain.Message}; the --deployment record does not belong to the chain at --rpc", wrongChain),
        RpcException rpc when IsInsufficientFunds(rpc) => CliException.Failure(
            $"insufficient balance to pay for this transaction ({rpc.RpcMessage}); fund the account with `energy send` and check `energy balance`", rpc),
        RpcException rpc => CliException.Failure($"the node refused the request: {rpc.Message}", rpc),
        WrongPasswordException wrongPassword => CliException.Failure("wrong password for the wallet; try again", wrongPassword),
        _ => null,
    };

    private static bool IsInsufficientFunds(RpcException e) =>
        e.RpcMessage.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("enough funds", StringComparison.OrdinalIgnoreCase);

    private static string Revert(ContractRevertException revert) =>
        Hint(revert) is { } hint ? $"{revert.Message}: {hint}" : revert.Message;

    // What to do about the errors a prosumer or operator runs into; every other revert is shown as the contract said it.
    private static string? Hint(ContractRevertException revert)
    {
        var args = revert.Arguments;
        return revert.ErrorName switch
        {
            "WrongPhase" when args.Count == 3 =>
                $"window {args[0]} is in {PhaseName(args[2])}, this needs {PhaseName(args[1])}; check `energy window status {args[0]}`",
            "NoDataAccess" => "grant EnergyTrade access to the meter first: `energy meter grant --meter ID`",
            "NotMeterOwner" => "this wallet does not own the meter; check `energy meter status --meter ID` and --from",
            "UnknownMeter" => "the meter is not registered; the registrar (the DSO) registers it with `energy meter register`",
            "UnknownWindow" => "no such window; `energy window status` shows the current one",
            "UnknownOrder" => "no such order; `energy orders` lists yours",
            "DeadlinePassed" => "the deadline has passed",
            "DeadlineNotReached" => "the deadline has not been reached yet",
            "NothingToWithdraw" => "this account has nothing to withdraw; `energy balance` shows what is withdrawable",
            "NotOrderOwner" => "only the wallet that placed the order can cancel it; check --from",
            "OrderNotCancellable" => "only orders of a window still taking orders can be cancelled",
            "MeterHasOpenOrder" when args.Count == 2 =>
                $"meter {MeterText(args[0])} already has order {args[1]} open in this window and a meter holds one order per window; "
                + $"to change it, cancel it with `energy cancel {args[1]}` and place the new one",
            "TooManyOpenOrders" when args.Count == 2 =>
                $"meter {MeterText(args[0])} has {args[1]} orders in windows not yet closed; place this one when one of those windows has closed",
            "MeterNotIdle" => "the meter has an open order; re-assign it once the windows of its orders have closed",
            "MarketNotSet" => "the registry does not know the market yet; its admin sets it (DataAccess.setMarket)",
            "OracleRoleOnlyViaSetOracleClient" => "ORACLE_ROLE is given only by setOracleClient, to the oracle client contract",
            "OracleClientNotContract" => "the oracle client must be a deployed contract (EnergyOracleClient), not a plain account",
            "EnergyAboveMaximum" => "the window takes smaller orders; split the order",
            "AccessControlUnauthorizedAccount" =>
                "this account lacks the role; operator commands need the operator's wallet, meter registration the registrar's (--from)",
            "RoleHolderCannotOwnMeter" => "an account that runs the market (admin, operator, registrar, oracle) cannot own a meter; name the household's own address",
            "MeterOwnerCannotHoldRole" => "an account that owns a meter cannot be given a role; use a separate key for running the market",
            "SameOwner" => "a household's offer and bid cannot be matched with each other (MARKET.md Pairing)",
            "FeeRecipientNotSet" => "the market has no fee recipient yet; its admin sets the DSO's address (EnergyTrade.setFeeRecipient; `energy deploy` does)",
            "InsufficientLink" => "the market's oracle client cannot pay for this order's meter readings; its owner must top up its LINK",
            "ReadingsOutstanding" when args.Count == 2 =>
                $"bid {args[0]} waits for the reading of order {args[1]}; after the settlement deadline it settles without it",
            "MeterAlreadyRegistered" => "the meter is registered already; `energy meter status --meter ID` shows its owner",
            _ => null,
        };
    }

    // The meter id as the household typed it; a word that is no meter id is shown as the contract sent it.
    private static string MeterText(object? value)
    {
        if (value is not byte[] { Length: 32 } word) return $"{value}";
        try
        {
            return MeterId.FromBytes32(word);
        }
        catch (FormatException)
        {
            return "0x" + Convert.ToHexStringLower(word);
        }
    }

    private static string PhaseName(object? value) =>
        value is BigInteger n && n >= 0 && n <= (int)WindowPhase.Cancelled ? ((WindowPhase)(byte)n).ToString() : $"{value}";
}
