using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>A contract event: topic 0 is keccak256 of its signature; indexed fields are topics, the rest is data.</summary>
public sealed record EventAbi(string Name, IReadOnlyList<AbiParameter> Inputs, bool Anonymous = false)
{
    public string Signature => $"{Name}({string.Join(",", Inputs.Select(i => i.Type.Canonical))})";

    public byte[] Topic => Keccak256.Hash(Signature);

    public string TopicHex => HexConvert.ToHex(Topic);

    /// <summary>Decodes a log into named fields. Indexed dynamic values (string, bytes, arrays, tuples) only exist
    /// as their keccak256 hash in the topic, so they come back as the 32-byte hash.</summary>
    public IReadOnlyDictionary<string, object?> Decode(IReadOnlyList<string> topics, byte[] data)
    {
        var indexed = Inputs.Where(i => i.Indexed).ToList();
        var firstTopic = Anonymous ? 0 : 1;
        if (topics.Count != indexed.Count + firstTopic)
            throw new FormatException($"{Signature} expects {indexed.Count + firstTopic} topics, the log has {topics.Count}");
        if (!Anonymous && !HexConvert.FromHex(topics[0]).AsSpan().SequenceEqual(Topic))
            throw new FormatException($"the log is not a {Signature} event");
        var unindexed = AbiDecoder.Decode([.. Inputs.Where(i => !i.Indexed)], data);
        var result = new Dictionary<string, object?>();
        int topic = firstTopic, field = 0;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            var name = string.IsNullOrEmpty(input.Name) ? $"arg{i}" : input.Name;
            result[name] = input.Indexed ? DecodeTopic(input.Type, HexConvert.FromHex(topics[topic++])) : unindexed[field++];
        }
        return result;
    }

    /// <summary>The topic a value of an indexed field has, for filtering logs.</summary>
    public static string EncodeTopic(AbiType type, object? value)
    {
        if (type.IsDynamic || type.Kind is AbiKind.Tuple or AbiKind.FixedArray)
        {
            var bytes = value switch
            {
                string s when type.Kind == AbiKind.String => System.Text.Encoding.UTF8.GetBytes(s),
                _ when type.Kind == AbiKind.Bytes => AbiValues.ToBytes(value!),
                _ => AbiEncoder.EncodeValue(type, value),
            };
            return HexConvert.ToHex(Keccak256.Hash(bytes));
        }
        return HexConvert.ToHex(AbiEncoder.EncodeValue(type, value));
    }

    private static object? DecodeTopic(AbiType type, byte[] topic) =>
        type.IsDynamic || type.Kind is AbiKind.Tuple or AbiKind.FixedArray ? topic : AbiDecoder.DecodeValue(type, topic, 0);
}
