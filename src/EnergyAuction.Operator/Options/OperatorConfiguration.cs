using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// Reads <see cref="OperatorOptions"/> from appsettings.json, then the environment, then flags (each later source wins),
/// all named by <see cref="OperatorSettings"/>.
/// </summary>
public static class OperatorConfiguration
{
    /// <summary>Command-line flags and the setting key each one sets.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = OperatorSettings.All.ToDictionary(s => s.Flag, s => s.Key);

    /// <summary>
    /// Adds the daemon's environment variables and flags on top of <paramref name="configuration"/>; throws
    /// <see cref="OperatorOptionsException"/> for an unknown flag or <c>ENERGY_OPERATOR_</c> variable, or a password flag.
    /// </summary>
    public static IConfigurationBuilder AddOperatorSources(this IConfigurationBuilder configuration, string[] args)
    {
        var problems = FlagProblems(args)
            .Concat(OperatorEnvironmentSource.UnknownVariables().Select(name =>
                $"{name}: unknown environment variable; known variables: {string.Join(" ", OperatorSettings.All.Select(s => s.EnvironmentVariable))} {KeystorePassword.EnvironmentVariable}"))
            .ToList();
        if (problems.Count > 0) throw new OperatorOptionsException(problems);
        configuration.Add(new OperatorEnvironmentSource());
        return configuration.AddCommandLine(args, Flags.ToDictionary());
    }

    /// <summary>
    /// Binds and validates the options outside a host (the same rules as <see cref="OperatorOptionsValidator"/>);
    /// throws <see cref="OperatorOptionsException"/> listing every problem.
    /// </summary>
    public static OperatorOptions Bind(IConfiguration configuration)
    {
        var options = BindOnly(configuration);
        var problems = OperatorOptionsValidator.Problems(options);
        return problems.Count == 0 ? options : throw new OperatorOptionsException(problems);
    }

    /// <summary>Binds without validating; a value of the wrong type becomes an <see cref="OperatorOptionsException"/>.</summary>
    public static OperatorOptions BindOnly(IConfiguration configuration)
    {
        try
        {
            return configuration.Get<OperatorOptions>() ?? new OperatorOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new OperatorOptionsException([BindingProblem(e)]);
        }
    }

    /// <summary>A binder failure ("Failed to convert 'many' to Int32" for a key) as one line.</summary>
    public static string BindingProblem(InvalidOperationException e) =>
        e.InnerException?.Message is { } inner ? $"{e.Message} {inner}" : e.Message;

    private static IEnumerable<string> FlagProblems(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var flag = args[i].Split('=', 2)[0];
            if (flag.Contains("password", StringComparison.OrdinalIgnoreCase) && flag != OperatorSettings.PasswordFile.Flag)
            {
                yield return $"{flag}: a password is never taken as a flag; {KeystorePassword.HowToSet}";
                yield break;
            }
            if (!Flags.ContainsKey(flag))
            {
                yield return $"{flag}: unknown flag; known flags: {string.Join(" ", Flags.Keys)} (--help lists them)";
                yield break;
            }
            if (!args[i].Contains('=')) i++;
        }
    }
}
