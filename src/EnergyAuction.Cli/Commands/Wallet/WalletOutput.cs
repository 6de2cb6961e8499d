using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>How one wallet is printed by new, import and show.</summary>
public static class WalletOutput
{
    public static void Print(CommandOutput output, WalletEntry wallet, string? headline = null)
    {
        if (output.Json)
        {
            output.WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("name", wallet.Name);
                json.WriteString("address", wallet.Address);
                json.WriteString("path", wallet.Path);
                json.WriteEndObject();
            });
            return;
        }

        if (headline is not null)
            output.WriteLine(headline);
        output.WriteLine($"name:    {wallet.Name}");
        output.WriteLine($"address: {wallet.Address}");
        output.WriteLine($"file:    {wallet.Path}");
    }
}
