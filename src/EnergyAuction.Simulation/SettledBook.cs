using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Simulation;

/// <summary>One window's orders, their clearing and pairing, the readings and the settlement that followed.</summary>
public sealed record SettledBook(int Window, WindowBook Book, PairedWindow Paired, IReadOnlyDictionary<string, long?> Readings, SettledWindow Settled);
