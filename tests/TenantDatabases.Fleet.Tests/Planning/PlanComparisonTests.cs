using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Planning;

public sealed class PlanComparisonTests
{
    private static PreviousDeployment Previous(string json)
    {
        var deployment = StackOutputsReader.Read(json, "outputs.json").Deployment;
        Assert.NotNull(deployment);
        return deployment;
    }

    private static FleetPlan Plan(string yaml) => FleetPlanner.Plan(StackYaml.Read(yaml).Configuration!);

    [Fact]
    public void AddedRemovedAndUnchangedTenantsAreMarked()
    {
        var previous = Previous("""
            {"placements": {"acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee", "role": "tenant_acme_coffee_owner"},
                            "gone-shop": {"server": "eu-secondary", "database": "tenant_gone_shop", "role": "tenant_gone_shop_owner"}},
             "tenants": "[secret]"}
            """);
        var comparison = PlanComparison.Compare(Plan(StackYaml.Valid), previous);
        Assert.Empty(comparison.Problems);
        Assert.Equal(
            [new TenantChange("acme-coffee", TenantChangeKind.Unchanged, "eu-primary", "eu-primary"),
             new TenantChange("bobs-books", TenantChangeKind.Added, null, "eu-secondary"),
             new TenantChange("gone-shop", TenantChangeKind.Removed, "eu-secondary", null)],
            comparison.Changes);
    }

    [Fact]
    public void AMoveInAProtectedStackIsAnErrorThatExplainsTheDataLoss()
    {
        var previous = Previous("""{"tenants": {"acme-coffee": {"server": "eu-secondary", "password": "[secret]"}}}""");
        var comparison = PlanComparison.Compare(Plan(StackYaml.Valid), previous);
        Assert.Contains(new TenantChange("acme-coffee", TenantChangeKind.Moved, "eu-secondary", "eu-primary"), comparison.Changes);
        var problem = Assert.Single(comparison.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("tenant-databases:tenants.acme-coffee.server", problem.Path);
        Assert.Contains("DROP DATABASE ... WITH (FORCE)", problem.Message);
        Assert.Contains("back to 'eu-secondary'", problem.Fix);
    }

    [Fact]
    public void AMoveOrARemovalInAnUnprotectedStackIsAWarning()
    {
        var yaml = StackYaml.Valid.Replace("tenant-databases:protect: true", "tenant-databases:protect: false");
        var previous = Previous("""{"placements": {"acme-coffee": {"server": "eu-secondary"}, "gone-shop": {"server": "eu-primary"}}}""");
        var problems = PlanComparison.Compare(Plan(yaml), previous).Problems;
        Assert.Equal(2, problems.Count);
        Assert.All(problems, problem => Assert.Equal(ProblemSeverity.Warning, problem.Severity));
        Assert.Contains("will be dropped", problems.Single(problem => problem.Path == "tenant-databases:tenants.gone-shop").Message);
    }

    [Fact]
    public void AChangedDatabaseNameIsAMoveToo()
    {
        var previous = Previous("""{"placements": {"acme-coffee": {"server": "eu-primary", "database": "pos_acme_coffee"}}}""");
        var problem = Assert.Single(PlanComparison.Compare(Plan(StackYaml.Valid), previous).Problems);
        Assert.Contains("from 'pos_acme_coffee' to 'tenant_acme_coffee'", problem.Message);
    }

    [Fact]
    public void SecretOutputsMeanUnknownNotAdded()
    {
        var changes = PlanComparison.Compare(Plan(StackYaml.Valid), Previous("""{"tenants": "[secret]", "servers": {}}""")).Changes;
        Assert.All(changes, change => Assert.Equal(TenantChangeKind.Unknown, change.Kind));
        var partly = PlanComparison.Compare(Plan(StackYaml.Valid), Previous("""{"tenants": {"acme-coffee": {"server": "[secret]"}}}""")).Changes;
        Assert.Equal(TenantChangeKind.Unknown, partly.Single(change => change.TenantId == "acme-coffee").Kind);
    }

    [Fact]
    public void AnEmptyOutputIsAFirstDeploy() =>
        Assert.All(PlanComparison.Compare(Plan(StackYaml.Valid), Previous("{}")).Changes,
            change => Assert.Equal(TenantChangeKind.Added, change.Kind));
}
