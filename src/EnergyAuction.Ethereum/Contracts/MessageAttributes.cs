namespace EnergyAuction.Ethereum.Contracts;

/// <summary>Names the contract function a typed function message calls (Nethereum's [Function] style).
/// Without it, the record's name minus a "Function" suffix is used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Names the event an event DTO decodes. Without it, the record's name minus an "Event" suffix is used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

internal static class MessageNames
{
    public static string Function(Type t)
    {
        if (t.GetCustomAttributes(typeof(FunctionAttribute), false).FirstOrDefault() is FunctionAttribute a) return a.Name;
        var name = WithoutSuffix(t.Name, "Function");
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Event(Type t) =>
        t.GetCustomAttributes(typeof(EventAttribute), false).FirstOrDefault() is EventAttribute a ? a.Name : WithoutSuffix(t.Name, "Event");

    private static string WithoutSuffix(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;
}
