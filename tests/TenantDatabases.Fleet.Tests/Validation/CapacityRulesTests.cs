using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class CapacityRulesTests
{
    private static string WithTenantsOnPrimary(int maxTenants, int extraTenants)
    {
        var yaml = StackYaml.Valid.Replace("maxTenants: 100", $"maxTenants: {maxTenants}");
        return yaml + string.Concat(Enumerable.Range(0, extraTenants).Select(index => $"\n    shop-{index}:\n      server: eu-primary"));
    }

    [Fact]
    public void AServerOverItsMaxTenantsIsAnError()
    {
        var result = StackYaml.Read(WithTenantsOnPrimary(10, 10));
        var problem = StackYaml.SingleError(result, "tenant-databases:servers.eu-primary.maxTenants");
        Assert.Contains("holds 11 tenants, over its maxTenants of 10", problem.Message);
        Assert.Equal(5, problem.Location!.Line);
    }

    [Fact]
    public void AServerAbove90PercentDrawsAWarningOnly()
    {
        var result = StackYaml.Read(WithTenantsOnPrimary(10, 9));
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("tenant-databases:servers.eu-primary.maxTenants", warning.Path);
        Assert.Contains("10 of its 10 tenants (100%)", warning.Message);
        Assert.StartsWith("Pulumi.test.yaml:5:5: warning tenant-databases:servers.eu-primary.maxTenants:", warning.Format("Pulumi.test.yaml"));
    }

    [Fact]
    public void ExactlyNinetyPercentIsFine() =>
        Assert.Empty(StackYaml.Read(WithTenantsOnPrimary(10, 8)).Problems);

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var yaml = StackYaml.Valid
            .Replace("port: 5432", "port: 0")
            .Replace("sslMode: require", "sslMode: nope")
            .Replace("server: eu-secondary", "server: missing")
            + "\n    Bad Id:\n      server: eu-primary\n";
        var result = StackYaml.Read(yaml);
        Assert.Equal(4, result.Errors.Count());
        Assert.All(result.Problems, problem => Assert.NotNull(problem.Location));
        Assert.Equal(ProblemSeverity.Error, result.Problems.Select(problem => problem.Severity).Distinct().Single());
    }
}
