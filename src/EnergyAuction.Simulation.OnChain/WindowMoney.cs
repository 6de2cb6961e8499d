using System.Numerics;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>
/// What one window under one mechanism moved, in wei: each household's net (received minus paid: local sales and
/// penalties received, less local purchases, fee halves and penalties paid) by household id, and the DSO's fees.
/// Every household of the scenario is listed, 0 when it did not trade. <see cref="Matches"/> counts the window's matches.
/// </summary>
public sealed record WindowMoney(string Mechanism, int Window, IReadOnlyDictionary<string, BigInteger> Households, BigInteger Dso, int Matches);
