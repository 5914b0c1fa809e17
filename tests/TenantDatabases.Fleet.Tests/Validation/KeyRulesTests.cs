using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class KeyRulesTests
{
    [Theory]
    [InlineData("  tenant-databases:protect: true\n", "  tenant-databases:protcet: true\n", "tenant-databases:protcet", "protect")]
    [InlineData("  tenant-databases:residency: [eu-west]\n", "  residncy: [eu-west]\n", "tenant-databases:residncy", "residency")]
    [InlineData("      port: 5432\n", "      prot: 5432\n", "tenant-databases:servers.eu-primary.prot", "port")]
    [InlineData("      maxTenants: 100\n", "      max_tenants: 100\n", "tenant-databases:servers.eu-primary.max_tenants", "maxTenants")]
    [InlineData("      sslMode: require\n", "      sslmode: require\n", "tenant-databases:servers.eu-primary.sslmode", "sslMode")]
    [InlineData("      connectionLimit: 5", "      conectionLimit: 5", "tenant-databases:tenants.bobs-books.conectionLimit", "connectionLimit")]
    public void AnUnknownKeySuggestsTheNearestKnownKey(string line, string replacement, string path, string nearest)
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace(line, replacement));
        var problem = StackYaml.SingleError(result, path);
        Assert.Contains($"Did you mean '{nearest}'?", problem.Fix);
    }

    [Fact]
    public void AnUnknownKeyFarFromAnyKnownOneListsTheKnownKeys()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("      port: 5432\n", "      colour: blue\n"));
        var problem = StackYaml.SingleError(result, "tenant-databases:servers.eu-primary.colour");
        Assert.Contains("known keys here are: host, port", problem.Fix);
    }

    [Fact]
    public void AMisspeltPasswordKeyIsNotEchoedWithItsValue()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("      port: 5432\n", "      pasword: hunter2-value\n"));
        var problem = StackYaml.SingleError(result, "tenant-databases:servers.eu-primary.pasword");
        Assert.DoesNotContain("hunter2", problem.Format("Pulumi.test.yaml"));
    }
}

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("host", "hots")]
    [InlineData("username", "user_name")]
    [InlineData("require", "requier")]
    public void NearestNameFindsSmallSlips(string known, string typed) =>
        Assert.Equal(known, NearestName.Find(typed, ["host", "port", "username", "password", "require", "region"]));
}
