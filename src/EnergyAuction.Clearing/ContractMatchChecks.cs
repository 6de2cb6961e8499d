using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>EnergyTrade.postClearing's own checks on matches that pairing can break.</summary>
public static class ContractMatchChecks
{
    /// <summary>Why postClearing would refuse these matches (MaxDistance, FeeAbovePrice, TooManyMatchesForBid), or null.</summary>
    public static string? WouldReject(WindowParams parameters, BigInteger price, IReadOnlyList<ChainMatch> matches, uint maxMatchesPerBid)
    {
        foreach (var m in matches)
        {
            if (m.DistanceM > parameters.MaxDistanceM)
                return $"match {m.OfferId}->{m.BidId} spans {m.DistanceM} m, beyond the window's {parameters.MaxDistanceM} m";
            if (price * 2000 < parameters.GridCharge * m.DistanceM)
                return $"match {m.OfferId}->{m.BidId}: the seller's grid-fee half over {m.DistanceM} m exceeds the price";
        }
        var crowded = matches.GroupBy(m => m.BidId).FirstOrDefault(g => g.Count() > maxMatchesPerBid);
        return crowded is null ? null : $"bid {crowded.Key} would need {crowded.Count()} matches, more than {maxMatchesPerBid}";
    }
}
