namespace EnergyAuction.Ethereum.Abi;

/// <summary>A named input, output, event field or tuple component.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false);
