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
    public void AMoveIsAnErrorThatExplainsTheSilentRepointAndNamesTheRunbook()
    {
        var previous = Previous("""{"tenants": {"acme-coffee": {"server": "eu-secondary", "password": "[secret]"}}}""");
        var comparison = PlanComparison.Compare(Plan(StackYaml.Valid), previous);
        Assert.Contains(new TenantChange("acme-coffee", TenantChangeKind.Moved, "eu-secondary", "eu-primary"), comparison.Changes);
        var problem = Assert.Single(comparison.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("tenant-databases:tenants.acme-coffee.server", problem.Path);
        Assert.Contains("from server 'eu-secondary' to 'eu-primary'", problem.Message);
        Assert.Contains("re-point", problem.Message);
        Assert.Contains("back to 'eu-secondary'", problem.Fix);
        Assert.Contains(PlanComparison.MoveRunbook, problem.Fix);
    }

    [Fact]
    public void AMoveIsAnErrorInAnUnprotectedStackTooWhileARemovalThereIsAWarning()
    {
        var yaml = StackYaml.Valid.Replace("tenant-databases:protect: true", "tenant-databases:protect: false");
        var previous = Previous("""{"placements": {"acme-coffee": {"server": "eu-secondary"}, "gone-shop": {"server": "eu-primary"}}}""");
        var problems = PlanComparison.Compare(Plan(yaml), previous).Problems;
        Assert.Equal(2, problems.Count);
        Assert.Equal(ProblemSeverity.Error, problems.Single(problem => problem.Path == "tenant-databases:tenants.acme-coffee.server").Severity);
        var removal = problems.Single(problem => problem.Path == "tenant-databases:tenants.gone-shop");
        Assert.Equal(ProblemSeverity.Warning, removal.Severity);
        Assert.Contains("will be dropped", removal.Message);
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

    private const string TwoServers = """
        "servers": {"eu-primary": {"host": "pg-eu-1.internal", "port": 5432}, "old-secondary": {"host": "pg-eu-2.internal", "port": 5432}}
        """;

    [Fact]
    public void AServerRenamedOnTheSameHostAndPortIsNoMove()
    {
        var previous = Previous("{" + TwoServers + """, "placements": {"bobs-books": {"server": "old-secondary", "database": "tenant_bobs_books"}}}""");

        var comparison = PlanComparison.Compare(Plan(StackYaml.Valid), previous);

        Assert.Empty(comparison.Problems);
        Assert.Contains(new TenantChange("bobs-books", TenantChangeKind.ServerRenamed, "old-secondary", "eu-secondary"), comparison.Changes);
    }

    [Fact]
    public void AServerRenamedOntoAnotherHostIsAMoveThatSaysWhatTheOldAddressWas()
    {
        var previous = Previous("{" + TwoServers.Replace("pg-eu-2.internal", "pg-eu-9.internal") +
            """, "placements": {"bobs-books": {"server": "old-secondary", "database": "tenant_bobs_books"}}}""");

        var problem = Assert.Single(PlanComparison.Compare(Plan(StackYaml.Valid), previous).Problems);

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("keep its host and port as they were (pg-eu-9.internal:5432)", problem.Fix);
    }

    [Fact]
    public void AMoveToAnotherServerWhileTheOldOneStaysIsAMoveEvenOnTheSameHost()
    {
        var yaml = StackYaml.ValidWith("host: pg-eu-2.internal", "      host: pg-eu-1.internal");
        var previous = Previous("{" + TwoServers + """, "placements": {"acme-coffee": {"server": "eu-secondary", "database": "tenant_acme_coffee"}}}""");

        var comparison = PlanComparison.Compare(Plan(yaml), previous);

        Assert.Contains(comparison.Changes, change => change is { TenantId: "acme-coffee", Kind: TenantChangeKind.Moved });
        Assert.Equal(ProblemSeverity.Error, Assert.Single(comparison.Problems).Severity);
    }

    [Theory]
    [InlineData(true, true, "error")]
    [InlineData(false, true, null)]
    [InlineData(false, false, "warning")]
    public void ARemovalIsJudgedByTheProtectionTheLastDeployApplied(bool protect, bool retain, string? expected)
    {
        var entry = $$"""{"server": "eu-primary", "database": "tenant_gone_shop", "protect": {{Json(protect)}}, "retainOnDelete": {{Json(retain)}}}""";
        var previous = Previous("""{"placements": {"gone-shop": """ + entry + "}}");

        var problems = PlanComparison.Compare(Plan(StackYaml.Valid), previous).Problems;

        Assert.Equal(expected, problems.SingleOrDefault()?.Severity.ToString().ToLowerInvariant());
        if (expected == "error")
        {
            Assert.Contains("retire: true", problems[0].Fix);
        }
    }

    [Fact]
    public void ATenantOnItsServerIsUnchangedWhateverTheOtherServersAreCalled()
    {
        var previous = Previous("{" + TwoServers + """, "placements": {"acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee"}}}""");

        Assert.Contains(new TenantChange("acme-coffee", TenantChangeKind.Unchanged, "eu-primary", "eu-primary"),
            PlanComparison.Compare(Plan(StackYaml.Valid), previous).Changes);
    }

    private static string Json(bool flag) => flag ? "true" : "false";

    [Fact]
    public void ARaisedPasswordVersionIsARotationAndOutputsWithoutTheFieldMeanVersionOne()
    {
        var yaml = StackYaml.ValidWith("connectionLimit: 5", "      connectionLimit: 5\n      passwordVersion: 2");
        var previous = Previous("""
            {"placements": {"acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee", "passwordVersion": 1},
                            "bobs-books": {"server": "eu-secondary", "database": "tenant_bobs_books"}}}
            """);

        var changes = PlanComparison.Compare(Plan(yaml), previous).Changes;

        Assert.Null(changes.Single(change => change.TenantId == "acme-coffee").PasswordRotation);
        Assert.Equal(new PasswordRotation(1, 2), changes.Single(change => change.TenantId == "bobs-books").PasswordRotation);
    }

    [Fact]
    public void AnUnchangedPasswordVersionIsNoRotation()
    {
        var yaml = StackYaml.ValidWith("connectionLimit: 5", "      connectionLimit: 5\n      passwordVersion: 2");
        var previous = Previous("""{"placements": {"bobs-books": {"server": "eu-secondary", "database": "tenant_bobs_books", "passwordVersion": 2}}}""");

        Assert.All(PlanComparison.Compare(Plan(yaml), previous).Changes, change => Assert.Null(change.PasswordRotation));
    }
}

public sealed class AdoptionComparisonTests
{
    private static readonly FleetPlan Plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Adopted).Configuration!);

    private static PreviousDeployment Previous(string placements) =>
        StackOutputsReader.Read("{\"placements\": {" + placements + "}}", "outputs.json").Deployment!;

    private const string Deployed =
        """
        "acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee", "role": "tenant_acme_coffee_owner"},
        "bobs-books": {"server": "eu-secondary", "database": "tenant_bobs_books", "role": "tenant_bobs_books_owner"}
        """;

    [Fact]
    public void AnAdoptedTenantNewToTheStackIsAdoptedAndImportedWhileAnOrdinaryOneIsNot()
    {
        var comparison = PlanComparison.Compare(Plan, Previous(Deployed));

        Assert.Empty(comparison.Problems);
        Assert.Equal(TenantChangeKind.Adopted, comparison.Changes.Single(change => change.TenantId == "legacy-shop").Kind);
        Assert.Equal(["app-shop", "legacy-shop", "rotated-shop"],
            Plan.Tenants.Where(comparison.ImportsExisting).Select(tenant => tenant.Id).Order());
    }

    [Fact]
    public void OnceTheLastDeployListsAnAdoptedTenantNothingIsImported()
    {
        var comparison = PlanComparison.Compare(Plan, Previous(Deployed + """
            , "legacy-shop": {"server": "eu-primary", "database": "legacy_shop", "role": "provisioner"},
              "app-shop": {"server": "eu-primary", "database": "App Shop", "role": "o'brien \"app\" rôle"},
              "rotated-shop": {"server": "eu-primary", "database": "tenant_rotated_shop", "role": "rotated_app"}
            """));

        Assert.Empty(comparison.Problems);
        Assert.All(comparison.Changes, change => Assert.Equal(TenantChangeKind.Unchanged, change.Kind));
        Assert.DoesNotContain(Plan.Tenants, comparison.ImportsExisting);
    }

    [Fact]
    public void AStackThatWasNeverDeployedImportsEveryAdoptedTenant()
    {
        var comparison = PlanComparison.Compare(Plan, PreviousDeployment.None);

        Assert.Equal(3, Plan.Tenants.Count(comparison.ImportsExisting));
        Assert.Equal(2, comparison.Changes.Count(change => change.Kind == TenantChangeKind.Added));
    }

    [Fact]
    public void HandingADatabaseOverFromTheAdminToARoleOfItsOwnIsTheOneOwnerChangeTheProgramMakes()
    {
        var handedOver = FleetPlanner.Plan(StackYaml.Read(StackYaml.Adopted.Replace("      owner: provisioner\n", "")).Configuration!);
        var previous = Previous(Deployed + """, "legacy-shop": {"server": "eu-primary", "database": "legacy_shop", "role": "provisioner"}""");

        var comparison = PlanComparison.Compare(handedOver, previous);

        Assert.Empty(comparison.Errors);
        Assert.Equal(TenantChangeKind.HandedOver, comparison.Changes.Single(change => change.TenantId == "legacy-shop").Kind);
        var legacy = handedOver.Tenants.Single(tenant => tenant.Id == "legacy-shop");
        Assert.Equal("tenant_legacy_shop_owner", legacy.RoleName);
        Assert.Equal(TenantOwnerKind.Generated, legacy.OwnerKind);
        Assert.False(comparison.ImportsExisting(legacy));
    }

    [Theory]
    [InlineData("o'brien \\\"app\\\" rôle", "      owner: \"o'brien \\\"app\\\" rôle\"\n", "")]
    [InlineData("o'brien \\\"app\\\" rôle", "      owner: \"o'brien \\\"app\\\" rôle\"", "      owner: provisioner")]
    [InlineData("provisioner", "      owner: provisioner", "      owner: someone_else")]
    public void AnyOtherChangeOfADeployedOwnerIsRefusedBecauseItWouldRenameOrDropARole(string deployedRole, string line, string replacement)
    {
        var yaml = StackYaml.Adopted.Replace(line, replacement).Replace("      ownerConnectionLimit: 5\n", "");
        var tenant = deployedRole == "provisioner" ? "legacy-shop" : "app-shop";
        var database = tenant == "legacy-shop" ? "legacy_shop" : "App Shop";
        var previous = Previous(Deployed + $$""", "{{tenant}}": {"server": "eu-primary", "database": "{{database}}", "role": "{{deployedRole}}"}""");

        var comparison = PlanComparison.Compare(FleetPlanner.Plan(StackYaml.Read(yaml).Configuration!), previous);

        var problem = Assert.Single(comparison.Errors);
        Assert.Equal($"tenant-databases:tenants.{tenant}.owner", problem.Path);
        Assert.Contains("rename or drop", problem.Message);
        Assert.Equal(TenantChangeKind.OwnerChanged, comparison.Changes.Single(change => change.TenantId == tenant).Kind);
    }
}
