namespace EnergyAuction.Cli;

/// <summary>What the tool reads from the person at the terminal: secrets without echo and yes/no answers.
/// Tests pass a scripted one; <see cref="SystemConsoleInput"/> is the real terminal.</summary>
public interface IConsoleInput
{
    /// <summary>True when a person can answer prompts (stdin is a terminal).</summary>
    bool IsInteractive { get; }

    /// <summary>Reads a line without echoing it (passwords).</summary>
    string ReadSecret(string prompt);

    /// <summary>Reads a visible line (confirmations).</summary>
    string ReadLine(string prompt);
}

/// <summary>The process's terminal: prompts on stderr so stdout stays clean for results.</summary>
public sealed class SystemConsoleInput : IConsoleInput
{
    public bool IsInteractive => !Console.IsInputRedirected;

    public string ReadSecret(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                    secret.Length--;
                continue;
            }

            if (!char.IsControl(key.KeyChar))
                secret.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return secret.ToString();
    }

    public string ReadLine(string prompt)
    {
        Console.Error.Write(prompt);
        return Console.ReadLine() ?? "";
    }
}
