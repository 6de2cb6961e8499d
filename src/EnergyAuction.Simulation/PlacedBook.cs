using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Simulation;

/// <summary>One window's orders as placed, whether or not the book had both sides (the on-chain replay places them all).</summary>
public sealed record PlacedBook(int Window, WindowBook Book);
