using System.Text.Json;
using Pulumi;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Infra.Configuration;

/// <summary>
/// The servers' admin passwords, read from the configuration as a secret. A <c>secure:</c> leaf
/// reaches the program decrypted inside the <c>servers</c> object, so every password is wrapped as a
/// secret output here and its value never leaves one.
/// </summary>
internal sealed class AdminPasswordOutputs(Output<JsonElement> servers)
{
    /// <summary>Only after Fleet accepted the configuration: <c>servers</c> is then a map of servers with passwords.</summary>
    public static AdminPasswordOutputs Read(Config config) =>
        new(config.RequireSecretObject<JsonElement>(ConfigKeys.Servers));

    public Output<string> For(string serverName) =>
        Output.CreateSecret(servers.Apply(all =>
            all.GetProperty(serverName).GetProperty(ConfigKeys.Password).GetString() ?? ""));
}
