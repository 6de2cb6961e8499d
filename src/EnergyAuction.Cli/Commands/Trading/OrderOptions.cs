using System.CommandLine;
using System.Text.RegularExpressions;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>Options shared by offer and bid: --kwh takes a bare kWh number (7.5) or an energy with its unit (7500Wh).</summary>
public static partial class OrderOptions
{
    public static Option<long> Kwh(string description) => new("--kwh")
    {
        Description = description,
        Required = true,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            try
            {
                var wh = BareNumber().IsMatch(token) ? Amounts.ParseKwh(token) : Amounts.ParseEnergyWh(token);
                if (wh > 0)
                    return wh;
                r.AddError("--kwh must be more than 0");
            }
            catch (FormatException e)
            {
                r.AddError($"--kwh: {e.Message}");
            }

            return 0;
        },
    };

    /// <summary>--max-distance: the order's distance preference D in metres (MARKET.md "Orders"); none means the window's L.</summary>
    public static Option<uint?> MaxDistance() => new("--max-distance")
    {
        Description = "Preferred largest feeder distance to your counterparty, in metres (default: the window's maximum L)",
        Validators = { r => { if (r.GetValueOrDefault<uint?>() == 0) r.AddError("--max-distance must be more than 0 metres"); } },
    };

    public static Option<ulong?> Window() => new("--window")
    {
        Description = "Window id (default: the window now taking orders)",
    };

    [GeneratedRegex(@"^\s*[0-9.]+\s*$")]
    private static partial Regex BareNumber();
}
