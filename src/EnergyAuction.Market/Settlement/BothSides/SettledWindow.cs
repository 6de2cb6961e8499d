using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// A window's settlement: every match in posted order, every order's account (offers, then bids, as given), what the
/// DSO receives (the fee halves of both sides) and what the operator receives (the order fees).
/// </summary>
public sealed class SettledWindow
{
    private readonly Dictionary<string, OrderAccount> _byId;

    public SettledWindow(IReadOnlyList<SettledMatch> matches, IReadOnlyList<OrderAccount> orders, BigInteger dso, BigInteger operatorFees)
    {
        Matches = matches;
        Orders = orders;
        Dso = dso;
        Operator = operatorFees;
        _byId = orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<SettledMatch> Matches { get; }

    public IReadOnlyList<OrderAccount> Orders { get; }

    /// <summary>Fees to the DSO: 2 * h_m summed over the matches.</summary>
    public BigInteger Dso { get; }

    /// <summary>Order fees to the operator's account.</summary>
    public BigInteger Operator { get; }

    /// <exception cref="KeyNotFoundException">No order of the window has this id.</exception>
    public OrderAccount Account(string orderId) => _byId[orderId];

    /// <summary>Refunds plus the DSO's fees plus the operator's order fees: everything paid out.</summary>
    public BigInteger MoneyOut => Orders.Aggregate(BigInteger.Zero, (sum, o) => sum + o.Refund) + Dso + Operator;
}
