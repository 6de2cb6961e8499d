namespace EnergyAuction.Cli.Tests.Live;

/// <summary>A household set up through the CLI as the demo does it: a new wallet, funded by the operator, its meter
/// registered by the registrar on a feeder bus and (unless told otherwise) read access granted to the market.</summary>
public sealed record Household(string Name, string Address, string Meter, uint Bus)
{
    private static int _next;

    public static async Task<Household> CreateAsync(string role, uint bus, bool grant = true, string funds = "10ether")
    {
        var n = Interlocked.Increment(ref _next);
        var name = $"{role}{n}";
        var meter = $"M{role[..1].ToUpperInvariant()}{n}";
        var wallet = await Energy.Ok("wallet", "new", "--name", name, "--scrypt-n", "1024", "--json");
        var household = new Household(name, wallet.Json.GetProperty("address").GetString()!, meter, bus);
        await Energy.Ok("send", "--from", "operator", "--to", household.Address, "--amount", funds);
        await Energy.Ok("meter", "register", "--meter", meter, "--owner", household.Address, "--bus", bus.ToString(), "--from", "registrar");
        if (grant)
            await Energy.Ok("meter", "grant", "--meter", meter, "--from", name);
        return household;
    }

    /// <summary>The household's meter and count - 1 more on its bus, registered and granted: a meter holds one order
    /// per window, so a household placing several orders in a window uses one meter for each.</summary>
    public async Task<string[]> MetersAsync(int count)
    {
        var meters = new List<string> { Meter };
        for (var n = 2; n <= count; n++)
        {
            var meter = $"{Meter}.{n}";
            await Energy.Ok("meter", "register", "--meter", meter, "--owner", Address, "--bus", Bus.ToString(), "--from", "registrar");
            await Energy.Ok("meter", "grant", "--meter", meter, "--from", Name);
            meters.Add(meter);
        }
        return [.. meters];
    }
}
