using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Demo;

/// <summary>What the demo shows at the end, as text for people and as JSON (--json-summary) for the test.</summary>
public sealed record DemoSummary(
    int Households, int Prosumers, string DataDirectory, bool GeneratedData, IReadOnlyList<WindowResult> Windows,
    IReadOnlyList<HouseholdAccount> Accounts, string DsoAddress, string OperatorAddress, Conservation Money, IReadOnlyList<int> ProcessGroups,
    double ElapsedSeconds)
{
    /// <summary>Processes of the demo's process groups still alive after it stopped them (should be none).</summary>
    public IReadOnlyList<int> LeftRunning { get; init; } = [];

    public bool AllWindowsClosed => Windows.All(w => w.Phase == "Closed");

    public bool VerifyAgrees => Windows.All(w => w.Verdict == "agrees");

    public bool AccountsConsistent => Accounts.All(a => a.Consistent)
        && Money.FeesSettled - Money.WithdrawnByDso >= 0 && Money.FeesSettled - Money.WithdrawnByDso <= Accounts.Where(a => !a.IsSeller).Sum(a => a.Matches);

    public bool Succeeded => AllWindowsClosed && VerifyAgrees && Money.Holds && Money.OperatorPaidTheOrderFees && AccountsConsistent && LeftRunning.Count == 0;

    /// <param name="stillUp">The market is left running (--keep-running): say so instead of counting what is left.</param>
    public void Print(TextWriter o, bool stillUp = false)
    {
        o.WriteLine();
        o.WriteLine("================================ summary ================================");
        o.WriteLine($"{Households} households ({Prosumers} prosumers with PV and battery, {Households - Prosumers} consumers) "
            + (GeneratedData ? "on the generated fallback feeder" : "on the IEEE European LV feeder"));
        o.WriteLine($"data: {DataDirectory}{(GeneratedData ? " (ABSENT: generated fallback feeder and profiles)" : "")}");
        foreach (var w in Windows)
        {
            o.WriteLine();
            o.WriteLine($"window {w.Window}: {w.Phase}; clearing price {Gwei(w.Price)}/kWh; {w.Matches.Count} matches, {Kwh(w.TradedWh)} traded, "
                + $"{Kwh(w.DeliveredWh)} delivered; DSO fees {Gwei(w.Fees)}; operator's order fees {Gwei(w.OrderFees)} ({w.Households.Count} orders); "
                + $"market verify: {w.Verdict}");
            o.WriteLine($"  {"offer",6} {"bid",5}  {"seller",-7} -> {"buyer",-7} {"distance",9} {"energy",11} {"delivered",11} {"buyer pays",20} {"seller gets",20} {"fee",16} {"penalty",16}");
            foreach (var m in w.Matches)
                o.WriteLine($"  {m.OfferId,6} {m.BidId,5}  {m.Seller,-7} -> {m.Buyer,-7} {m.DistanceM + " m",9} {Kwh(m.EnergyWh),11} {Kwh(m.DeliveredWh),11} "
                    + $"{Gwei(m.BuyerPayment),20} {Gwei(m.SellerPayout),20} {Gwei(m.Fee),16} {Gwei(m.Penalty),16}");
            o.WriteLine($"  {"meter",-7} {"role",-6} {"order",11} {"limit/kWh",16} {"traded",11} {"delivered",11} {"order fee",14} {"income (+) / payment (-)",26}");
            foreach (var h in w.Households)
                o.WriteLine($"  {h.Meter,-7} {h.Role,-6} {Kwh(h.OrderWh),11} {Gwei(h.Price),16} {Kwh(h.TradedWh),11} {Kwh(h.DeliveredWh),11} {Gwei(h.OrderFee),14} {Gwei(h.Net),26}");
        }
        o.WriteLine();
        o.WriteLine($"money: {Gwei(Money.Deposited)} locked in orders + {Gwei(Money.OrderFeesPaid)} order fees = {Gwei(Money.WithdrawnByHouseholds)} withdrawn by households "
            + $"+ {Gwei(Money.WithdrawnByDso)} grid fees withdrawn by the DSO ({DsoAddress}) + {Gwei(Money.WithdrawnByOperator)} order fees withdrawn by the operator ({OperatorAddress})");
        o.WriteLine($"conservation of money to the wei: {(Money.Holds ? "holds" : "BROKEN")} (paid in {Money.PaidIn} wei = deposits {Money.Deposited} + order fees {Money.OrderFeesPaid}; "
            + $"withdrawn {Money.Withdrawn} wei = households {Money.WithdrawnByHouseholds} + DSO {Money.WithdrawnByDso} + operator {Money.WithdrawnByOperator}; "
            + $"EnergyTrade holds {Money.ContractAfter} wei, before {Money.ContractBefore} wei)");
        o.WriteLine($"the operator was credited every order's fee: {(Money.OperatorPaidTheOrderFees ? "yes" : "NO")} "
            + $"({Windows.Sum(w => w.Households.Count)} orders paid {Money.OrderFeesPaid} wei, the operator withdrew {Money.WithdrawnByOperator} wei)");
        o.WriteLine($"every household's withdrawal matches its settled trades: {(AccountsConsistent ? "yes" : "NO: " + string.Join(", ", Accounts.Where(a => !a.Consistent).Select(a => a.Meter)))}");
        o.WriteLine($"market verify: {(VerifyAgrees ? "agrees for every window" : "DIFFERS")}");
        if (stillUp)
        {
            o.WriteLine($"processes started: {ProcessGroups.Count} process groups, left running until Ctrl+C");
            o.WriteLine($"windows done in {ElapsedSeconds:0.0} s: {(Succeeded ? "OK" : "FAILED")}");
            return;
        }
        PrintStopped(o);
    }

    /// <summary>The closing lines: what is still running after the demo stopped everything, and the verdict.</summary>
    public void PrintStopped(TextWriter o)
    {
        o.WriteLine($"processes started: {ProcessGroups.Count} process groups; still running: {LeftRunning.Count}");
        o.WriteLine($"done in {ElapsedSeconds:0.0} s: {(Succeeded ? "OK" : "FAILED")}");
    }

    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteBoolean("succeeded", Succeeded);
        json.WriteNumber("households", Households);
        json.WriteNumber("prosumers", Prosumers);
        json.WriteString("dataDirectory", DataDirectory);
        json.WriteString("dsoAddress", DsoAddress);
        json.WriteString("operatorAddress", OperatorAddress);
        json.WriteBoolean("generatedData", GeneratedData);
        json.WriteStartArray("windows");
        foreach (var w in Windows)
        {
            json.WriteStartObject();
            json.WriteNumber("window", w.Window);
            json.WriteString("phase", w.Phase);
            Wei(json, "priceWeiPerKwh", w.Price);
            json.WriteNumber("tradedWh", w.TradedWh);
            json.WriteNumber("deliveredWh", w.DeliveredWh);
            Wei(json, "feesWei", w.Fees);
            Wei(json, "orderFeesWei", w.OrderFees);
            json.WriteString("verify", w.Verdict);
            json.WriteStartArray("verifyDifferences");
            foreach (var d in w.VerifyDifferences) json.WriteStringValue(d);
            json.WriteEndArray();
            json.WriteStartObject("phaseSeconds");
            foreach (var (phase, seconds) in w.PhaseSeconds) json.WriteNumber(phase, Math.Round(seconds, 2));
            json.WriteEndObject();
            json.WriteStartArray("matches");
            foreach (var m in w.Matches)
            {
                json.WriteStartObject();
                json.WriteNumber("offer", m.OfferId);
                json.WriteNumber("bid", m.BidId);
                json.WriteString("seller", m.Seller);
                json.WriteString("buyer", m.Buyer);
                json.WriteNumber("distanceM", m.DistanceM);
                json.WriteNumber("energyWh", m.EnergyWh);
                json.WriteNumber("deliveredWh", m.DeliveredWh);
                Wei(json, "buyerPaymentWei", m.BuyerPayment);
                Wei(json, "sellerPayoutWei", m.SellerPayout);
                Wei(json, "feeWei", m.Fee);
                Wei(json, "penaltyWei", m.Penalty);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("households");
            foreach (var h in w.Households)
            {
                json.WriteStartObject();
                json.WriteString("meter", h.Meter);
                json.WriteString("role", h.Role);
                json.WriteNumber("order", h.OrderId);
                json.WriteNumber("orderWh", h.OrderWh);
                Wei(json, "priceWeiPerKwh", h.Price);
                Wei(json, "depositWei", h.Deposit);
                Wei(json, "orderFeeWei", h.OrderFee);
                json.WriteNumber("tradedWh", h.TradedWh);
                json.WriteNumber("deliveredWh", h.DeliveredWh);
                Wei(json, "fromMatchesWei", h.FromMatches);
                Wei(json, "netWei", h.Net);
                json.WriteNumber("matches", h.Matches);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("accounts");
        foreach (var a in Accounts)
        {
            json.WriteStartObject();
            json.WriteString("meter", a.Meter);
            json.WriteString("address", a.Address);
            json.WriteString("role", a.IsSeller ? "seller" : "buyer");
            Wei(json, "depositedWei", a.Deposited);
            Wei(json, "orderFeesWei", a.OrderFees);
            Wei(json, "withdrawnWei", a.Withdrawn);
            Wei(json, "netWei", a.Net);
            Wei(json, "netFromTradesWei", a.NetFromTrades);
            json.WriteBoolean("consistent", a.Consistent);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("money");
        Wei(json, "depositedWei", Money.Deposited);
        Wei(json, "orderFeesPaidWei", Money.OrderFeesPaid);
        Wei(json, "withdrawnByHouseholdsWei", Money.WithdrawnByHouseholds);
        Wei(json, "withdrawnByDsoWei", Money.WithdrawnByDso);
        Wei(json, "withdrawnByOperatorWei", Money.WithdrawnByOperator);
        Wei(json, "feesSettledWei", Money.FeesSettled);
        Wei(json, "contractBeforeWei", Money.ContractBefore);
        Wei(json, "contractAfterWei", Money.ContractAfter);
        json.WriteBoolean("conservationHolds", Money.Holds);
        json.WriteBoolean("operatorPaidTheOrderFees", Money.OperatorPaidTheOrderFees);
        json.WriteBoolean("accountsConsistent", AccountsConsistent);
        json.WriteEndObject();
        json.WriteBoolean("verifyAgrees", VerifyAgrees);
        json.WriteStartArray("processGroups");
        foreach (var g in ProcessGroups) json.WriteNumberValue(g);
        json.WriteEndArray();
        json.WriteStartArray("leftRunning");
        foreach (var p in LeftRunning) json.WriteNumberValue(p);
        json.WriteEndArray();
        json.WriteNumber("elapsedSeconds", Math.Round(ElapsedSeconds, 1));
        json.WriteEndObject();
    }

    /// <summary>Wei as a JSON string: exact, whatever its size.</summary>
    private static void Wei(Utf8JsonWriter json, string name, BigInteger wei) => json.WriteString(name, wei.ToString(CultureInfo.InvariantCulture));

    /// <summary>Wei in gwei with the remainder as decimals, exact.</summary>
    public static string Gwei(BigInteger wei)
    {
        var sign = wei < 0 ? "-" : "";
        var whole = BigInteger.DivRem(BigInteger.Abs(wei), OrderPricing.Gwei, out var rest);
        var decimals = rest.IsZero ? "" : "." + rest.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return $"{sign}{whole.ToString("N0", CultureInfo.InvariantCulture)}{decimals} gwei";
    }

    public static string Kwh(long wh) => $"{wh / 1000}.{wh % 1000:000} kWh";
}
