using System.Collections;
using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// Reads the daemon's environment variables by the table in <see cref="OperatorSettings"/>: each
/// <see cref="OperatorSetting.EnvironmentVariable"/> sets its <see cref="OperatorSetting.Key"/>. Any other
/// <c>ENERGY_OPERATOR_</c> variable (except the password) is a typo the daemon refuses to start with.
/// </summary>
public sealed class OperatorEnvironmentSource : IConfigurationSource
{
    /// <summary>Variables with the daemon's prefix that name no setting.</summary>
    public static IReadOnlyList<string> UnknownVariables() =>
        Variables().Keys
            .Where(name => name != KeystorePassword.EnvironmentVariable && OperatorSettings.All.All(s => s.EnvironmentVariable != name))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider();

    private static Dictionary<string, string?> Variables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: e.Value as string))
            .Where(e => e.Name.StartsWith(OperatorSetting.EnvironmentPrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);

    private sealed class Provider : ConfigurationProvider
    {
        public override void Load()
        {
            var variables = Variables();
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in OperatorSettings.All)
                if (variables.TryGetValue(setting.EnvironmentVariable, out var value))
                    Data[setting.Key] = value;
        }
    }
}
