using BenchmarkDotNet.Attributes;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Ethereum.Benchmarks;

/// <summary>The per-transaction CPU cost on the client: signing, ABI encoding of a clearing batch, RLP.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly EthECKey _key = new("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private readonly AbiType[] _batch = [AbiType.Parse("uint256"), AbiType.Parse("(uint256,uint256,uint64)[]"), AbiType.Parse("bytes32")];
    private readonly object?[] _values =
    [
        7, Enumerable.Range(0, 50).Select(i => new object[] { i, i + 1, 1000 + i }).ToArray(), new byte[32],
    ];
    private readonly byte[] _hash = Keccak256.Hash("energy");

    [Benchmark]
    public EthSignature Sign() => _key.Sign(_hash);

    [Benchmark]
    public byte[] SignEip1559Transaction() =>
        new Eip1559Transaction(42, 1_000_000_000, 3_000_000_000, 100_000, _key.Address, 0, _hash).Sign(_key, 31337);

    [Benchmark]
    public byte[] EncodeClearingBatchOf50() => AbiEncoder.Encode(_batch, _values);

    [Benchmark]
    public object?[] DecodeClearingBatchOf50() => AbiDecoder.Decode(_batch, AbiEncoder.Encode(_batch, _values));
}
