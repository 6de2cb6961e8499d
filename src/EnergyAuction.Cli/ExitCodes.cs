namespace EnergyAuction.Cli;

/// <summary>The tool's exit codes (team guide: 2 usage or bad input, 1 failure).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
