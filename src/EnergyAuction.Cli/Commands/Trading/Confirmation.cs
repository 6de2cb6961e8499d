using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>Money-locking sends are shown first and confirmed by the person at the terminal, or by --yes in scripts.</summary>
public static class Confirmation
{
    public static void Require(CliContext context, ParseResult parseResult, string summary)
    {
        context.Note(summary);
        if (parseResult.GetValue(SharedOptions.Yes))
            return;
        if (!context.Input.IsInteractive)
            throw CliException.Usage("confirmation needed but stdin is not a terminal: pass --yes to send without asking");
        var answer = context.Input.ReadLine("Send? [y/N] ").Trim();
        if (!answer.Equals("y", StringComparison.OrdinalIgnoreCase) && !answer.Equals("yes", StringComparison.OrdinalIgnoreCase))
            throw CliException.Failure("not confirmed; nothing was sent");
    }
}
