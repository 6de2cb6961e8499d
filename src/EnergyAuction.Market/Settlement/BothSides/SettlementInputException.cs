namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>Settlement input that breaks MARKET.md; <see cref="Item"/> names the offending order, match, reading or parameter.</summary>
public sealed class SettlementInputException(string item, string problem) : Exception($"{item}: {problem}")
{
    public string Item { get; } = item;
}
