using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Fleet.Regions;

namespace TenantDatabases.Fleet.Tests.Regions;

public sealed class FleetRulesTests
{
    internal static StackSource Stack(string stack, string yaml)
    {
        var file = StackFile.FileName(stack);
        var read = StackFileReader.Parse(file, yaml);
        Assert.True(read.File is not null);
        var configuration = FleetConfigurationReader.Read(read.File.Config, ConfigOrigin.StackFile).Configuration;
        Assert.NotNull(configuration);
        return new StackSource(stack, file, read.File, configuration);
    }

    internal static string Region(string region, string host, params string[] tenants) => $"""
        config:
          tenant-databases:residency: [{region}]
          tenant-databases:servers:
            {region}-primary:
              host: {host}
              username: provisioner
              password:
                secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB
              region: {region}
              default: true
          tenant-databases:tenants:
        {string.Concat(tenants.Select(tenant => $"    {tenant}:\n      server: {region}-primary\n"))}
        """;

    [Fact]
    public void TheSameTenantIdInTwoStacksIsOneErrorNamingBothFilesAndLines()
    {
        var eu = Stack("eu", Region("eu-west", "pg-eu.internal", "acme-coffee", "bobs-books"));
        var us = Stack("us", Region("us-east", "pg-us.internal", "corner-deli", "acme-coffee"));

        var problem = Assert.Single(FleetRules.Check([eu, us]));

        Assert.Equal(FleetRules.SameTenant, problem.Rule);
        Assert.Equal(("Pulumi.us.yaml", "Pulumi.eu.yaml"), (problem.File, problem.OtherFile));
        Assert.Equal(ProblemSeverity.Error, problem.Problem.Severity);
        Assert.StartsWith("Pulumi.us.yaml:14:5: error tenant-databases:tenants.acme-coffee: Tenant 'acme-coffee' is also declared in Pulumi.eu.yaml:12:5",
            problem.Format());
        Assert.Equal(12, problem.OtherLocation?.Line);
    }

    [Fact]
    public void IdsThatNameTheSameDatabaseAreTheSameTenant()
    {
        var problem = Assert.Single(FleetRules.Check([
            Stack("eu", Region("eu-west", "pg-eu.internal", "acme-coffee")),
            Stack("us", Region("us-east", "pg-us.internal", "acme_coffee"))]));

        Assert.Contains("Tenant 'acme_coffee' (database name of 'acme-coffee')", problem.Problem.Message);
    }

    [Fact]
    public void TheSameHostAndPortInTwoStacksIsOneErrorNamingBothFilesAndLines()
    {
        var eu = Stack("eu", Region("eu-west", "pg-1.internal", "acme-coffee"));
        var us = Stack("us", Region("us-east", "PG-1.internal.", "corner-deli"));

        var problem = Assert.Single(FleetRules.Check([eu, us]));

        Assert.Equal(FleetRules.SameServer, problem.Rule);
        Assert.StartsWith("Pulumi.us.yaml:5:13: error tenant-databases:servers.us-east-primary.host: Server 'us-east-primary' (PG-1.internal.:5432) " +
                          "is also server 'eu-west-primary' of Pulumi.eu.yaml:5:13", problem.Format());
        Assert.True(problem.Involves("Pulumi.eu.yaml") && problem.Involves("Pulumi.us.yaml"));
    }

    [Fact]
    public void AnotherPortOnTheSameHostIsAnotherServer() =>
        Assert.Empty(FleetRules.Check([
            Stack("eu", Region("eu-west", "pg-1.internal", "acme-coffee")),
            Stack("us", Region("us-east", "pg-1.internal", "corner-deli").Replace("username:", "port: 5433\n      username:"))]));

    [Fact]
    public void ATenantRequiringAnotherStacksRegionBelongsInThatStack()
    {
        var eu = Stack("eu", Region("eu-west", "pg-eu.internal", "acme-coffee").Replace("  tenant-databases:residency: [eu-west]\n", "")
            + "      region: us-east\n");
        var us = Stack("us", Region("us-east", "pg-us.internal", "corner-deli"));

        var problem = Assert.Single(FleetRules.Check([eu, us]));

        Assert.Equal(FleetRules.Residency, problem.Rule);
        Assert.Contains("requires region 'us-east', which stack eu does not hold (eu-west) and stack us does (Pulumi.us.yaml:2:3)", problem.Problem.Message);
        Assert.Contains("Register the tenant in Pulumi.us.yaml", problem.Problem.Fix);
    }

    [Fact]
    public void StacksThatShareNothingHaveNoProblem() =>
        Assert.Empty(FleetRules.Check([
            Stack("eu", Region("eu-west", "pg-eu.internal", "acme-coffee")),
            Stack("us", Region("us-east", "pg-us.internal", "corner-deli"))]));
}
