using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Simulation;

/// <summary>
/// The JSON report: scenario, then per mechanism its totals, households and windows. Energy is a JSON number of Wh;
/// every money amount and price is a decimal string of wei (wei/kWh), since run totals exceed 2^53.
/// </summary>
public static class ReportJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/>, indented.</summary>
    public static void Write(SimulationReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var o = report.Scenario.Options;
        json.WriteStartObject();
        json.WriteStartObject("scenario");
        json.WriteNumber("households", o.Households);
        json.WriteNumber("pvSharePercent", o.PvSharePercent);
        json.WriteNumber("days", o.Days);
        json.WriteNumber("seed", o.Seed);
        json.WriteString("start", o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("windowMinutes", o.WindowMinutes);
        json.WriteNumber("windows", o.Windows);
        json.WriteNumber("batteryCapacityWh", o.BatteryCapacityWh);
        json.WriteNumber("batteryStartPercent", o.BatteryStartPercent);
        json.WriteString("forecast", o.Forecast.ToString().ToLowerInvariant());
        json.WriteString("strategy", o.Strategy.ToString().ToLowerInvariant());
        Wei(json, "retailWeiPerKwh", o.RetailWeiPerKwh);
        Wei(json, "feedInWeiPerKwh", o.FeedInWeiPerKwh);
        Wei(json, "gridChargeWeiPerKwhPerKm", o.GridChargeWeiPerKwhPerKm);
        json.WriteNumber("maxDistanceM", o.MaxDistanceM);
        Wei(json, "penaltyWeiPerKwh", o.PenaltyWeiPerKwh);
        Wei(json, "orderFeeWei", o.OrderFeeWei);
        json.WriteEndObject();

        var gridOnly = report.GridOnly;
        json.WriteStartArray("mechanisms");
        for (var i = 0; i < report.Results.Count; i++)
        {
            var result = report.Results[i];
            var totals = report.Totals[i];
            json.WriteStartObject();
            json.WriteString("mechanism", result.Market.Name);
            WriteTotals(json, totals, gridOnly);
            json.WriteStartArray("households");
            foreach (var l in result.Households)
                WriteHousehold(json, l);
            json.WriteEndArray();
            json.WriteStartArray("windows");
            foreach (var w in result.Windows)
            {
                json.WriteStartObject();
                json.WriteNumber("window", w.Window);
                if (w.Price is { } p)
                    Wei(json, "price", p);
                else
                    json.WriteNull("price");
                json.WriteNumber("matchedWh", w.MatchedWh);
                json.WriteNumber("tradedWh", w.TradedWh);
                json.WriteNumber("demandWh", w.DemandWh);
                json.WriteNumber("trades", w.Trades);
                Wei(json, "dsoFees", w.DsoFees);
                Wei(json, "penalties", w.Penalties);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTotals(Utf8JsonWriter json, MechanismTotals t, MechanismTotals gridOnly)
    {
        json.WriteStartObject("totals");
        json.WriteNumber("loadWh", t.LoadWh);
        json.WriteNumber("pvWh", t.PvWh);
        json.WriteNumber("localTradedWh", t.LocalTradedWh);
        json.WriteNumber("gridImportWh", t.GridImportWh);
        json.WriteNumber("gridExportWh", t.GridExportWh);
        json.WriteNumber("trades", t.Trades);
        json.WriteNumber("selfSufficiency", t.SelfSufficiency);
        json.WriteNumber("mainGridImportReduction", t.ImportReduction(gridOnly));
        Wei(json, "localPayments", t.LocalPayments);
        Wei(json, "dsoFees", t.DsoFees);
        Wei(json, "operatorFees", t.OperatorFees);
        Wei(json, "penalties", t.Penalties);
        Wei(json, "netCost", t.NetCost);
        Wei(json, "producersNetCost", t.ProducersNetCost);
        Wei(json, "consumersNetCost", t.ConsumersNetCost);
        Ratio(json, "producersBetterOff", MechanismTotals.BetterOff(gridOnly.ProducersNetCost, t.ProducersNetCost));
        Ratio(json, "consumersBetterOff", MechanismTotals.BetterOff(gridOnly.ConsumersNetCost, t.ConsumersNetCost));
        OptionalWei(json, "averageLocalPrice", t.AverageLocalPrice);
        OptionalWei(json, "costPerTrade", t.CostPerTrade);
        json.WriteEndObject();
    }

    private static void WriteHousehold(Utf8JsonWriter json, HouseholdLedger l)
    {
        json.WriteStartObject();
        json.WriteString("id", l.Household.Id);
        json.WriteString("bus", l.Household.Bus);
        json.WriteNumber("pvPeakW", l.Household.PvPeakW);
        json.WriteNumber("batteryCapacityWh", l.Household.BatteryCapacityWh);
        json.WriteNumber("loadWh", l.LoadWh);
        json.WriteNumber("pvWh", l.PvWh);
        json.WriteNumber("localBoughtWh", l.LocalBoughtWh);
        json.WriteNumber("localSoldWh", l.LocalSoldWh);
        json.WriteNumber("gridImportWh", l.GridImportWh);
        json.WriteNumber("gridExportWh", l.GridExportWh);
        Wei(json, "bill", l.Bill);
        Wei(json, "income", l.Income);
        Wei(json, "netCost", l.NetCost);
        Wei(json, "gridCost", l.GridCost);
        Wei(json, "gridIncome", l.GridIncome);
        Wei(json, "localPaid", l.LocalPaid);
        Wei(json, "localReceived", l.LocalReceived);
        Wei(json, "gridFees", l.GridFees);
        Wei(json, "orderFees", l.OrderFees);
        Wei(json, "penaltiesPaid", l.PenaltiesPaid);
        Wei(json, "penaltiesReceived", l.PenaltiesReceived);
        json.WriteEndObject();
    }

    private static void Wei(Utf8JsonWriter json, string name, BigInteger wei) => json.WriteString(name, wei.ToString(CultureInfo.InvariantCulture));

    private static void OptionalWei(Utf8JsonWriter json, string name, BigInteger? wei)
    {
        if (wei is { } value)
            Wei(json, name, value);
        else
            json.WriteNull(name);
    }

    private static void Ratio(Utf8JsonWriter json, string name, double? ratio)
    {
        if (ratio is { } value)
            json.WriteNumber(name, value);
        else
            json.WriteNull(name);
    }
}
