namespace EnergyAuction.Market.Clearing;

/// <summary>Clears one order book: who trades how much, at one uniform price.</summary>
public interface IClearingMechanism
{
    Mechanism Mechanism { get; }

    /// <summary>Clears <paramref name="book"/>; the book must pass <see cref="OrderRules.Validate"/>.</summary>
    ClearingResult Clear(OrderBook book);
}
