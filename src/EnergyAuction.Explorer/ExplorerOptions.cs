namespace EnergyAuction.Explorer;

/// <summary>The explorer's command line: which node, which deployment, which feeder data, where to listen.</summary>
public sealed record ExplorerOptions(string Rpc, string Deployment, string? DataDir, string Urls, string? Error = null)
{
    /// <summary>How often the shared poller asks the node for its block number (a new block is what pages update on).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads `--rpc URL --deployment FILE [--data-dir DIR] [--urls URL]`; Error says what was wrong.</summary>
    public static ExplorerOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                return Fail($"{args[i]}: expected --name value");
            values[args[i]] = args[i + 1];
        }
        var unknown = values.Keys.Except(["--rpc", "--deployment", "--data-dir", "--urls"]).FirstOrDefault();
        if (unknown is not null)
            return Fail($"{unknown}: unknown option");
        if (!values.TryGetValue("--rpc", out var rpc))
            return Fail("--rpc is required");
        if (!values.TryGetValue("--deployment", out var deployment))
            return Fail("--deployment is required");
        return new ExplorerOptions(rpc, deployment, values.GetValueOrDefault("--data-dir"),
            values.GetValueOrDefault("--urls", "http://127.0.0.1:5100"));
    }

    private static ExplorerOptions Fail(string error) => new("", "", null, "", error);
}
