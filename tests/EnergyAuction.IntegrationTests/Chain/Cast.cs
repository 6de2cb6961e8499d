using System.Diagnostics;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>Foundry's `cast`, an Ethereum client written independently of ours, run against a node to read back what
/// Chain wrote. Output is cast's own decoding, so a shared misunderstanding of the ABI would show up as a difference.</summary>
internal static class Cast
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>`cast call --json` with a signature including the return types, e.g. "order(uint256)((uint256,address))";
    /// returns cast's decoding of the first return value (a tuple is an array).</summary>
    public static async Task<JsonElement> CallAsync(string rpcUrl, string contract, string signature, params string[] arguments)
    {
        var output = await RunAsync(["call", contract, signature, .. arguments, "--rpc-url", rpcUrl, "--json"]);
        using var document = JsonDocument.Parse(output);
        return document.RootElement[0].Clone();
    }

    /// <summary>A decoded value as text: cast writes small integers as JSON numbers and large ones as strings.</summary>
    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>`cast balance` in wei.</summary>
    public static Task<string> BalanceAsync(string rpcUrl, string address) => RunAsync(["balance", address, "--rpc-url", rpcUrl]);

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(FoundryTool.Path("cast"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cast");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cast {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"cast {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {await stderr}");
        return (await stdout).Trim();
    }
}
