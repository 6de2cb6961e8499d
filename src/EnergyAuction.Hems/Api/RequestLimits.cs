namespace EnergyAuction.Hems.Api;

/// <summary>What one request may carry, so no client can make the HEMS hold or walk an unbounded amount.</summary>
public static class RequestLimits
{
    /// <summary>Largest body <c>POST /meters/{id}/readings</c> reads; a larger one is a 413.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Most readings one POST may carry (a day of minute readings fits).</summary>
    public const int MaxReadingsPerRequest = 1_500;

    /// <summary>
    /// Most meters one <c>GET /meters/energy</c> or <c>GET /readings</c> may name: 500 ids of up to 12
    /// characters (the contracts' meter ids) keep the URL within Kestrel's 8 KiB request line.
    /// </summary>
    public const int MaxMetersPerRequest = 500;

    /// <summary>Longest text (a meter id, a query value) an error message repeats; longer text is cut.</summary>
    public const int MaxEchoedLength = 32;
}
