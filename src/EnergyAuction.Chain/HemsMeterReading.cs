using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>One position of a batched readings answer: the meter (its bytes32 id), the Wh it imported and exported
/// over the interval, and whether the HEMS could read it (an unread meter counts as a missing reading).</summary>
public sealed record HemsMeterReading(byte[] MeterId, BigInteger ImportWh, BigInteger ExportWh, bool Read);
