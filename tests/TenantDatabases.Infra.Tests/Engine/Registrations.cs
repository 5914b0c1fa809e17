using System.Collections;
using System.Globalization;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>Reading what the mocked engine received and what the stack returned.</summary>
public static class Registrations
{
    public const string ProviderType = "pulumi:providers:postgresql";
    public const string DatabaseType = "postgresql:index/database:Database";
    public const string RoleType = "postgresql:index/role:Role";
    public const string GrantType = "postgresql:index/grant:Grant";
    public const string GrantRoleType = "postgresql:index/grantRole:GrantRole";

    public static IReadOnlyList<string> PostgreSqlResourceTypes { get; } = [DatabaseType, RoleType, GrantType, GrantRoleType];

    public static IEnumerable<MockResourceArgs> OfType(this IEnumerable<MockResourceArgs> registered, string type) =>
        registered.Where(resource => resource.Type == type);

    public static MockResourceArgs Named(this IEnumerable<MockResourceArgs> registered, string name) =>
        registered.Single(resource => resource.Name == name);

    /// <summary>The resource name of the provider a resource was registered with (<c>urn…::&lt;name&gt;::&lt;id&gt;</c>).</summary>
    public static string ProviderName(this MockResourceArgs resource)
    {
        Assert.False(string.IsNullOrEmpty(resource.Provider), $"{resource.Name} has no explicit provider");
        var parts = resource.Provider!.Split("::");
        return parts[^2];
    }

    /// <summary>An input as text; provider inputs arrive JSON-encoded ("5432", "false"), others as values.</summary>
    public static string Input(this MockResourceArgs resource, string key) =>
        RawInput(resource, key) switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            double number => number.ToString(CultureInfo.InvariantCulture),
            int number => number.ToString(CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };

    public static IReadOnlyList<object?> ListInput(this MockResourceArgs resource, string key) =>
        Assert.IsAssignableFrom<IEnumerable>(RawInput(resource, key)).Cast<object?>().ToList();

    public static bool HasInput(this MockResourceArgs resource, string key) => resource.Inputs.ContainsKey(key);

    private static object RawInput(MockResourceArgs resource, string key) =>
        resource.Inputs.TryGetValue(key, out var value) ? value : throw new Xunit.Sdk.XunitException($"{resource.Name} has no input '{key}'");

    public static Task<T> ValueAsync<T>(object? output) =>
        OutputUtilities.GetValueAsync(Assert.IsType<Output<T>>(output));

    public static Task<bool> IsSecretAsync<T>(object? output) =>
        Output.IsSecretAsync(Assert.IsType<Output<T>>(output));
}
