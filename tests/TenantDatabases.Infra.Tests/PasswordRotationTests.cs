using System.Text.Json;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

/// <summary>
/// <c>tenants.&lt;id&gt;.passwordVersion</c> reaches the tenant's RandomPassword as a keeper, so raising it makes
/// Pulumi generate a new password and update the owner role in place; nothing else is declared differently.
/// </summary>
[Collection(PulumiEngineCollection.Name)]
public sealed class PasswordRotationTests
{
    [Fact]
    public async Task AtVersionOneNoPasswordHasKeepersSoPasswordsDeployedBeforeTheKeyAreKept()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var passwords = deployment.Registered.OfType(Mocks.RandomPasswordType).ToList();
        Assert.Equal(3, passwords.Count);
        Assert.All(passwords, password => Assert.False(password.HasInput("keepers"), $"{password.Name} has keepers at version 1"));
    }

    [Fact]
    public async Task RaisingAPasswordVersionGivesThatTenantsPasswordAKeeperAndChangesNothingElse()
    {
        var before = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var after = await TestDeployment.RunAsync(TestStackConfig.Dev().With("tenants", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["demo-bakery"] = new Dictionary<string, object> { ["server"] = "local-a", ["passwordVersion"] = 2 },
            ["demo-coffee"] = new Dictionary<string, object> { ["server"] = "local-a" },
            ["demo-books"] = new Dictionary<string, object> { ["server"] = "local-b" },
        })));

        var password = after.Registered.Named("demo-bakery-password");
        var keepers = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(password.Inputs["keepers"]);
        Assert.Equal("2", Assert.Single(keepers, keeper => keeper.Key == TenantPlan.PasswordVersionKeeper).Value);
        Assert.Equal(Inputs(before, except: "demo-bakery-password"), Inputs(after, except: "demo-bakery-password"));
        Assert.Equal(
            Inputs(before).Single(resource => resource.Name == "demo-bakery-password").Inputs,
            JsonSerializer.Serialize(password.Inputs.Where(input => input.Key != "keepers").OrderBy(input => input.Key, StringComparer.Ordinal)));
        // The role keeps its name and every other input, so the provider updates its password in place.
        Assert.Equal(Options(before, "demo-bakery-owner"), Options(after, "demo-bakery-owner"));
    }

    // Every registration with its inputs as JSON (the mock's generated password is a function of the name, so it is the same).
    private static List<(string Name, string Type, string Inputs)> Inputs(TestDeployment deployment, string? except = null) =>
        deployment.Registered
            .Where(resource => resource.Name != except)
            .Select(resource => (resource.Name!, resource.Type!,
                JsonSerializer.Serialize(resource.Inputs.OrderBy(input => input.Key, StringComparer.Ordinal))))
            .OrderBy(resource => resource.Item1, StringComparer.Ordinal)
            .ToList();

    private static string Options(TestDeployment deployment, string name)
    {
        var options = deployment.Declared.Single(resource => resource.Name == name).Options;
        return $"protect={options.Protect} retain={options.RetainOnDelete} replaceOnChanges={string.Join(",", options.ReplaceOnChanges)}";
    }
}
