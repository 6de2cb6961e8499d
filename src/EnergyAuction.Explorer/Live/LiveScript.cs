namespace EnergyAuction.Explorer.Live;

/// <summary>live.js, embedded in the assembly so the explorer serves it itself (no CDN, no files beside the binary).</summary>
public static class LiveScript
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(LiveScript).Assembly.GetManifestResourceStream("live.js")
            ?? throw new InvalidOperationException("live.js is not embedded in the explorer");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
