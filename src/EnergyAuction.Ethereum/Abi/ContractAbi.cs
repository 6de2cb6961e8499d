using System.Text.Json;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>A contract's ABI (functions, events, errors, constructor), read from ABI JSON or a Hardhat artifact.</summary>
public sealed class ContractAbi
{
    private ContractAbi(string contractName, IReadOnlyList<FunctionAbi> functions, IReadOnlyList<EventAbi> events,
        IReadOnlyList<ErrorAbi> errors, IReadOnlyList<AbiParameter> constructorInputs, byte[]? bytecode)
    {
        ContractName = contractName;
        Functions = functions;
        Events = events;
        Errors = errors;
        ConstructorInputs = constructorInputs;
        Bytecode = bytecode;
    }

    public string ContractName { get; }

    public IReadOnlyList<FunctionAbi> Functions { get; }

    public IReadOnlyList<EventAbi> Events { get; }

    public IReadOnlyList<ErrorAbi> Errors { get; }

    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>Creation bytecode, when read from an artifact that has it (null for abstract contracts and interfaces).</summary>
    public byte[]? Bytecode { get; }

    public static ContractAbi FromHardhatArtifact(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Hardhat artifact not found: {path} (run `npx hardhat compile`)", path);
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses a bare ABI array or a Hardhat artifact object ({contractName, abi, bytecode}).</summary>
    public static ContractAbi Parse(string json, string contractName = "contract")
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        byte[]? bytecode = null;
        var abi = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            abi = root.TryGetProperty("abi", out var a) ? a : throw new FormatException("the artifact has no \"abi\"");
            if (root.TryGetProperty("contractName", out var n) && n.GetString() is { } name) contractName = name;
            if (root.TryGetProperty("bytecode", out var b) && b.GetString() is { Length: > 2 } code) bytecode = HexConvert.FromHex(code);
        }
        if (abi.ValueKind != JsonValueKind.Array) throw new FormatException("an ABI is a JSON array");
        var functions = new List<FunctionAbi>();
        var events = new List<EventAbi>();
        var errors = new List<ErrorAbi>();
        IReadOnlyList<AbiParameter> constructor = [];
        foreach (var entry in abi.EnumerateArray())
        {
            var kind = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
            var entryName = entry.TryGetProperty("name", out var nm) ? nm.GetString() ?? "" : "";
            switch (kind)
            {
                case "function":
                    functions.Add(new FunctionAbi(entryName, Parameters(entry, "inputs"), Parameters(entry, "outputs"),
                        entry.TryGetProperty("stateMutability", out var sm) ? sm.GetString() ?? "nonpayable" : "nonpayable"));
                    break;
                case "event":
                    events.Add(new EventAbi(entryName, Parameters(entry, "inputs"),
                        entry.TryGetProperty("anonymous", out var an) && an.GetBoolean()));
                    break;
                case "error":
                    errors.Add(new ErrorAbi(entryName, Parameters(entry, "inputs")));
                    break;
                case "constructor":
                    constructor = Parameters(entry, "inputs");
                    break;
            }
        }
        return new ContractAbi(contractName, functions, events, errors, constructor, bytecode);
    }

    /// <summary>A function by name, or by signature ("f(uint256)") when the name is overloaded.</summary>
    public FunctionAbi Function(string nameOrSignature)
    {
        var matches = Functions.Where(f => f.Name == nameOrSignature || f.Signature == nameOrSignature).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"{ContractName} has no function '{nameOrSignature}'"),
            _ => throw new ArgumentException($"{ContractName}.{nameOrSignature} is overloaded; use one of {string.Join(", ", matches.Select(m => m.Signature))}"),
        };
    }

    public EventAbi Event(string nameOrSignature) =>
        Events.FirstOrDefault(e => e.Name == nameOrSignature || e.Signature == nameOrSignature)
        ?? throw new ArgumentException($"{ContractName} has no event '{nameOrSignature}'");

    public EventAbi? EventByTopic(string topic0) =>
        Events.FirstOrDefault(e => !e.Anonymous && string.Equals(e.TopicHex, topic0, StringComparison.OrdinalIgnoreCase));

    public ErrorAbi? ErrorBySelector(ReadOnlySpan<byte> selector)
    {
        foreach (var error in Errors)
            if (selector.SequenceEqual(error.Selector)) return error;
        return null;
    }

    /// <summary>Deployment data: creation bytecode ‖ abi.encode(constructor args).</summary>
    public byte[] EncodeDeployment(byte[] bytecode, IReadOnlyList<object?> constructorArgs)
    {
        if (constructorArgs.Count != ConstructorInputs.Count)
            throw new ArgumentException($"{ContractName}'s constructor takes {ConstructorInputs.Count} arguments, got {constructorArgs.Count}");
        return [.. bytecode, .. AbiEncoder.Encode(ConstructorInputs, constructorArgs)];
    }

    private static IReadOnlyList<AbiParameter> Parameters(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return [.. list.EnumerateArray().Select(Parameter)];
    }

    private static AbiParameter Parameter(JsonElement p)
    {
        var type = p.GetProperty("type").GetString() ?? throw new FormatException("ABI parameter without a type");
        var components = p.TryGetProperty("components", out _) ? Parameters(p, "components") : null;
        var internalType = p.TryGetProperty("internalType", out var it) ? it.GetString() : null;
        return new AbiParameter(
            p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
            AbiType.FromJson(type, components, internalType),
            p.TryGetProperty("indexed", out var ix) && ix.GetBoolean());
    }
}
