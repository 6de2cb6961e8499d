namespace EnergyAuction.Operator.Options;

/// <summary>
/// The operator keystore's password: from <c>ENERGY_OPERATOR_PASSWORD</c>, else from the password
/// file (<see cref="OperatorSettings.PasswordFile"/>). Never from a flag, where it would show in the process list
/// and shell history, and never from appsettings.json.
/// </summary>
public static class KeystorePassword
{
    /// <summary>The environment variable that may hold the password.</summary>
    public const string EnvironmentVariable = "ENERGY_OPERATOR_PASSWORD";

    /// <summary>How to give the password, naming both sources.</summary>
    public static string HowToSet { get; } =
        $"set {EnvironmentVariable} or {OperatorSettings.PasswordFile.EnvironmentVariable} / {OperatorSettings.PasswordFile.Flag}";

    /// <summary>The problem when there is no password.</summary>
    public static string Missing { get; } = "no keystore password: " + HowToSet;

    /// <summary>The password, or null when neither source has one.</summary>
    public static string? Read(OperatorOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (options.PasswordFile is { } file && File.Exists(file))
            return File.ReadAllText(file).TrimEnd('\r', '\n');
        return null;
    }
}
