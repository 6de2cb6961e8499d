namespace EnergyAuction.Cli.Tests;

/// <summary>Runs `energy` in-process with captured stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> Of(params string[] args) => With(ScriptedInput.None, args);

    public static async Task<CliRun> With(IConsoleInput input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EnergyCli.RunAsync(args, output, error, input);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}
