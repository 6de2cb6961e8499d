using System.Text;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// One daemon setting under its three names: the appsettings key (<c>Window:BiddingSeconds</c>), the flag
/// (<c>--bidding</c>) and the environment variable (<c>ENERGY_OPERATOR_</c> + the key in UPPER_SNAKE).
/// </summary>
/// <param name="Key">appsettings.json key, PascalCase, nested with ':'.</param>
/// <param name="Flag">Command-line flag, --kebab-case.</param>
/// <param name="Default">The value used when no source sets it, as text ("" when there is none).</param>
/// <param name="Example">A value that works, as it would be typed.</param>
/// <param name="Meaning">What the setting does, in one line.</param>
public sealed record OperatorSetting(string Key, string Flag, string Default, string Example, string Meaning)
{
    /// <summary>Prefix of every daemon environment variable.</summary>
    public const string EnvironmentPrefix = "ENERGY_OPERATOR_";

    /// <summary>The environment variable: <c>Window:BiddingSeconds</c> -> <c>ENERGY_OPERATOR_WINDOW_BIDDING_SECONDS</c>.</summary>
    public string EnvironmentVariable => EnvironmentPrefix + UpperSnake(Key);

    /// <summary>"Key (--flag / VARIABLE)": how messages name the setting.</summary>
    public string Names => $"{Key} ({Flag} / {EnvironmentVariable})";

    private static string UpperSnake(string key)
    {
        var snake = new StringBuilder();
        foreach (var part in key.Split(':'))
        {
            if (snake.Length > 0) snake.Append('_');
            for (var i = 0; i < part.Length; i++)
            {
                // A new word starts at an upper-case letter after a lower-case one ("RpcUrl" -> RPC_URL, "MaxEnergyWh" -> MAX_ENERGY_WH).
                if (i > 0 && char.IsUpper(part[i]) && char.IsLower(part[i - 1])) snake.Append('_');
                snake.Append(char.ToUpperInvariant(part[i]));
            }
        }
        return snake.ToString();
    }
}
