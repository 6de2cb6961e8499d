namespace EnergyAuction.Demo;

/// <summary>A step of the demo failed; the message says which and why.</summary>
public sealed class DemoException(string message, Exception? inner = null) : Exception(message, inner);
