namespace EnergyAuction.Market.Pairing;

/// <summary>One greedy pass: the matches in pairing (posting) order and each winner's energy it could not place (ids with &gt; 0 Wh only).</summary>
public sealed record PairingOutcome(IReadOnlyList<PairedMatch> Matches, IReadOnlyDictionary<string, long> UnplacedWh);
