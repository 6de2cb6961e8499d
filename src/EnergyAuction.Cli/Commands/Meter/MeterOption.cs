using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Meter;

/// <summary>--meter ID: 1 to 12 characters of [A-Za-z0-9._-] (as the contracts store meter ids); a bad id is a parse error.</summary>
public static class MeterOption
{
    public static Option<string> Create(string description = "Meter id, e.g. M-7") => new("--meter")
    {
        Description = description,
        Required = true,
        Validators =
        {
            r =>
            {
                if (Chain.MeterId.Problem(r.GetValueOrDefault<string>()) is { } problem)
                    r.AddError($"--meter: {problem}");
            },
        },
    };
}
