using System.Runtime.InteropServices;

namespace EnergyAuction.Devnet;

/// <summary>The Foundry programs (anvil, cast, forge) from the npm packages @foundry-rs/*. The native binary ships in a
/// per-platform package (e.g. @foundry-rs/anvil-linux-amd64/bin/anvil) that npm installs without running any install
/// script, so we run it from there directly rather than through the wrapper's bin.mjs.</summary>
public static class FoundryTool
{
    /// <summary>The binary of <paramref name="tool"/> ("anvil", "cast", "forge") for this machine.</summary>
    public static string Path(string tool)
    {
        var platform = $"{OperatingSystemName()}-{ArchitectureName()}";
        var exe = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        var binary = System.IO.Path.Combine(RepoPaths.Root, "node_modules", "@foundry-rs", $"{tool}-{platform}", "bin", exe);
        return File.Exists(binary)
            ? binary
            : throw new FileNotFoundException($"{tool} is not installed for {platform} ({binary} is missing); run scripts/setup.sh", binary);
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsWindows() ? "win32"
        : throw new PlatformNotSupportedException($"Foundry's npm packages have no binary for {RuntimeInformation.OSDescription}");

    private static string ArchitectureName() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"Foundry's npm packages have no binary for {other}"),
    };
}
