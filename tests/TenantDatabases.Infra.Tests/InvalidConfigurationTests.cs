using System.Text.Json;
using Pulumi;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Infra.Configuration;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

[Collection(PulumiEngineCollection.Name)]
public sealed class InvalidConfigurationTests
{
    private const string LeakyPassword = "Leaky-Admin-Password-9";

    // Two problems at once: a tenant pinned to a server that does not exist, and a server's sslMode that is not one.
    private static TestStackConfig Invalid() => TestStackConfig.Dev()
        .With("tenants", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["demo-bakery"] = new Dictionary<string, object> { ["server"] = "local-a" },
            ["demo-ghost"] = new Dictionary<string, object> { ["server"] = "nowhere" },
        }))
        .With("servers", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["local-a"] = new Dictionary<string, object>
            {
                ["host"] = "127.0.0.1", ["port"] = 54321, ["username"] = "provisioner", ["password"] = LeakyPassword,
                ["region"] = "local", ["default"] = true, ["sslMode"] = "sometimes",
            },
        }));

    [Fact]
    public async Task InvalidConfigurationFailsTheDeploymentWithEveryFleetProblemAndDeclaresNothing()
    {
        var config = Invalid();
        var expected = FleetConfigurationReader.Read(
            PulumiConfigValues.FromRaw(config.Raw.Select(pair => (pair.Key, (string?)pair.Value))), ConfigOrigin.PulumiConfig);
        Assert.True(expected.Errors.Count() >= 2, "the invalid stack has at least two problems");

        var rejected = await TestDeployment.FailAsync(config);

        var message = rejected.RunErrorMessage;
        Assert.Contains("Pulumi.dev.yaml", message);
        Assert.All(expected.Problems, problem =>
        {
            Assert.Contains(problem.Path, message);
            Assert.Contains(problem.Message, message);
            Assert.Contains(problem.Fix, message);
        });
        Assert.Empty(rejected.Registered);
    }

    [Fact]
    public async Task TheErrorOfAnInvalidStackNeverContainsAPassword()
    {
        var (error, _) = await TestDeployment.FailAsync(Invalid());

        Assert.DoesNotContain(LeakyPassword, error.ToString());
    }

    [Fact]
    public void PasswordsNeverReachFleetOnlyTheFactThatOneIsSet()
    {
        var values = PulumiConfigValues.FromRaw(TestStackConfig.Dev().Raw.Select(pair => (pair.Key, (string?)pair.Value)));

        var servers = Assert.IsType<ConfigMap>(values["tenant-databases:servers"]);
        Assert.All(servers.Entries, server =>
            Assert.Equal(PulumiConfigValues.PasswordMarker, Assert.IsType<ConfigScalar>(Assert.IsType<ConfigMap>(server.Value)["password"]).Text));
        Assert.True(FleetConfigurationReader.Read(values, ConfigOrigin.PulumiConfig).IsValid);
    }

    [Fact]
    public void PlainTextValuesAreReadAsTextAndJsonValuesAsStructures()
    {
        var values = PulumiConfigValues.FromRaw([("locale", "en_US.UTF-8"), ("residency", "[\"eu-west\"]"), ("protect", "true"), ("tenants", null)]);

        Assert.Equal("en_US.UTF-8", Assert.IsType<ConfigScalar>(values["tenant-databases:locale"]).Text);
        Assert.Equal("eu-west", Assert.IsType<ConfigScalar>(Assert.IsType<ConfigList>(values["tenant-databases:residency"]).Items.Single()).Text);
        Assert.Equal("true", Assert.IsType<ConfigScalar>(values["tenant-databases:protect"]).Text);
        Assert.Null(values["tenant-databases:tenants"]);
    }
}
