namespace EnergyAuction.Cli.Tests;

/// <summary>A person at a terminal who types the given lines in order (secrets and answers alike).</summary>
public sealed class ScriptedInput(bool interactive, params string[] lines) : IConsoleInput
{
    private readonly Queue<string> _lines = new(lines);

    public static ScriptedInput None { get; } = new(false);

    public bool IsInteractive => interactive;

    public List<string> Prompts { get; } = [];

    public string ReadSecret(string prompt) => Next(prompt);

    public string ReadLine(string prompt) => Next(prompt);

    private string Next(string prompt)
    {
        Prompts.Add(prompt);
        return _lines.Count > 0 ? _lines.Dequeue() : throw new InvalidOperationException($"unexpected prompt: {prompt}");
    }
}
