using System.Text;

namespace EnergyAuction.Operator.Options;

/// <summary>The text of <c>energy-operator --help</c>: every setting from <see cref="OperatorSettings"/> and a start command.</summary>
public static class OperatorHelp
{
    /// <summary>The whole help text.</summary>
    public static string Text()
    {
        var text = new StringBuilder();
        text.AppendLine("energy-operator: runs the market operator (opens windows, clears, serves the oracle, settles).");
        text.AppendLine();
        text.AppendLine("Each setting comes from appsettings.json (KEY), the environment (VARIABLE) or a flag; a flag wins over");
        text.AppendLine("the environment, the environment over appsettings.json.");
        text.AppendLine();
        foreach (var s in OperatorSettings.All)
        {
            text.AppendLine($"  {s.Flag} <value>");
            text.AppendLine($"      {s.Meaning}");
            text.AppendLine($"      key {s.Key}, variable {s.EnvironmentVariable}, default {s.Default}, e.g. {s.Example}");
        }
        text.AppendLine($"  {KeystorePassword.EnvironmentVariable} (environment only, never a flag or appsettings.json)");
        text.AppendLine("      the keystore password; else the file named by --password-file");
        text.AppendLine("  --help, -h");
        text.AppendLine("      this text");
        text.AppendLine();
        text.AppendLine("Example:");
        text.AppendLine($"  {KeystorePassword.EnvironmentVariable}_FILE=~/.energy/operator.password \\");
        text.AppendLine("  dotnet run --project src/EnergyAuction.Operator -- --rpc-url http://127.0.0.1:8545 \\");
        text.AppendLine("    --deployment deployments/localhost.json --keystore ~/.energy/operator.keystore.json \\");
        text.AppendLine("    --window-every 900");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 stopped, 2 the configuration or the chain does not let it start (the reason is printed).");
        return text.ToString();
    }
}
