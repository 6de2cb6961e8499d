namespace EnergyAuction.Walkthrough.Tests;

/// <summary>One command of a README guide as the reader types it, and the text its output must contain (null: only exit 0).</summary>
public sealed record GuideCommand(string Section, string Text, string? Expected)
{
    /// <summary>The marker after a command's `#` comment that starts its expected output.</summary>
    public const string ExpectedMarker = "→ ";

    public override string ToString() => Text;
}
