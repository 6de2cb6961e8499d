using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>`energy market ...`: the market engine on the command line.</summary>
public sealed class MarketCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var market = new Command("market", "Clear order books and settle windows with the market engine, and check posted results");
        market.Add(MarketClearCommand.Build(context));
        market.Add(MarketSettleCommand.Build(context));
        market.Add(MarketVerifyCommand.Build(context));
        market.Add(MarketSimulateCommand.Build(context));
        return market;
    }
}
