using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Chain;

/// <summary>IDataAccess.meterOf: the meter's owner (the zero address if unknown) and feeder bus.</summary>
public sealed record MeterInfo(string Owner, uint Bus)
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    public bool IsRegistered => !ChainAddress.AreEqual(Owner, ZeroAddress);
}
