using System.CommandLine;
using System.Globalization;

namespace EnergyAuction.Cli;

/// <summary>Window and order ids on the command line: positive whole numbers the chain counts from 1. A bad one is a
/// parse error (exit code 2) that says what such an id is and where to find one.</summary>
public static class Ids
{
    public static Argument<ulong> Argument(string name, string what, string whereToFind)
    {
        var article = "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a";
        return new Argument<ulong>(name)
        {
            Description = $"The {what} id ({whereToFind})",
            CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                    return id;
                r.AddError($"\"{token}\" is not {article} {what} id: {article} {what} id is a whole number from 1, {whereToFind}");
                return 0;
            },
        };
    }
}
