namespace EnergyAuction.Operator.Options;

/// <summary>
/// The operator keystore's password: from <c>ENERGY_OPERATOR_PASSWORD</c>, else from the password
/// file. Never from a flag, where it would show in the process list and shell history.
/// </summary>
public static class KeystorePassword
{
    /// <summary>The environment variable that may hold the password.</summary>
    public const string EnvironmentVariable = "ENERGY_OPERATOR_PASSWORD";

    /// <summary>The password, or null when neither source has one.</summary>
    public static string? Read(OperatorOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (options.KeystorePasswordFile is { } file && File.Exists(file))
            return File.ReadAllText(file).TrimEnd('\r', '\n');
        return null;
    }
}
