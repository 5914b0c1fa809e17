using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Adoption;
using TenantDatabases.Operations.Deployments;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.Tenants;
using TenantDatabases.Operations.Verification;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Adoption;

/// <summary>
/// adopt against a server the admin page filled: it writes exactly the databases that can be tenants, reads the server
/// only, and migrate and verify then work on them through outputs shaped as the program writes them, with the data and
/// the application's password as they were.
/// </summary>
public sealed class ServerAdoptionTests(LegacyServerFixture legacy) : IClassFixture<LegacyServerFixture>
{
    private static AdoptionRequest Request(TestStack stack, bool dryRun = false, string? match = null) =>
        new("legacy", stack.Directory, LegacyServerFixture.ServerName, match is null ? null : new Regex(match, RegexOptions.None, TimeSpan.FromSeconds(1)),
            dryRun, null, ServerAdoption.DefaultTimeout);

    private static string StackFile(TestStack stack) => Path.Combine(stack.Directory, "Pulumi.legacy.yaml");

    [Fact]
    public async Task AdoptWritesExactlyTheAdoptableDatabasesAndEveryOtherByteStaysAndASecondAdoptAddsNothing()
    {
        using var stack = legacy.NewStack();
        var before = await File.ReadAllTextAsync(StackFile(stack));

        var dryRun = await ServerAdoption.RunAsync(Request(stack, dryRun: true), LegacyServerFixture.Environment, CancellationToken.None);
        Assert.True(dryRun.Succeeded, dryRun.Problem);
        Assert.False(dryRun.Written);
        Assert.Equal(before, await File.ReadAllTextAsync(StackFile(stack)));

        var result = await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.True(result.Written);
        Assert.Equal(LegacyFleet.Adoptable.Values.Order(), result.Plan.Adopted.Select(tenant => tenant.Id).Order());
        Assert.Equal(dryRun.Plan!.Adopted, result.Plan.Adopted);
        var skipped = result.Plan.Skipped.ToDictionary(skip => skip.Name, skip => skip.Reason);
        Assert.Equal(SkipReason.Template, skipped[LegacyFleet.TemplateDatabase]);
        Assert.Equal(SkipReason.Declared, skipped["tenant_declared_shop"]);
        Assert.Equal(SkipReason.NotAdoptable, skipped[LegacyFleet.UnnamableDatabase]);
        Assert.Equal(SkipReason.AdminDatabase, skipped["postgres"]);
        var after = await File.ReadAllTextAsync(StackFile(stack));
        Assert.StartsWith(before, after);
        var east = result.Plan.Adopted.Single(tenant => tenant.Id == "east-shop");
        Assert.Equal((7, "LATIN1", "C", "C"), (east.ConnectionLimit, east.Encoding, east.LcCollate, east.LcCtype));
        Assert.Null(result.Plan.Adopted.Single(tenant => tenant.Id == "south-shop").ConnectionLimit);
        var app = result.Plan.Adopted.Single(tenant => tenant.Id == LegacyFleet.AppId);
        Assert.Equal((LegacyFleet.AppRole, TenantOwnerKind.Existing, (int?)-1, (int?)null), (app.Owner, app.OwnerKind, app.ConnectionLimit, app.OwnerConnectionLimit));

        var again = await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None);

        Assert.True(again.Succeeded, again.Problem);
        Assert.Empty(again.Plan.Adopted);
        Assert.False(again.Written);
        Assert.Equal(after, await File.ReadAllTextAsync(StackFile(stack)));
    }

    [Fact]
    public async Task TheAdoptedStackIsValidAndItsPlanNamesTheExistingDatabasesAndImportsThem()
    {
        using var stack = legacy.NewStack();
        Assert.True((await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None)).Succeeded);

        var load = StackLoader.Load(stack.Directory, "legacy");
        var run = PlanRun.Run(new PlanRequest("legacy", stack.Directory, null));

        Assert.True(load.IsValid, string.Join("\n", load.Problems.Select(problem => problem.Format(null))));
        var plan = run.Plan!;
        Assert.Equal(LegacyFleet.Adoptable.OrderBy(pair => pair.Value).Select(pair => (pair.Value, pair.Key)),
            plan.Tenants.Where(tenant => tenant.Adoption is not null).Select(tenant => (tenant.Id, tenant.DatabaseName)).OrderBy(pair => pair.Id));
        var comparison = PlanComparison.Compare(plan, PreviousDeployment.None);
        Assert.Equal(4, plan.Tenants.Count(comparison.ImportsExisting));
    }

    [Fact]
    public async Task AdoptSendsTheServerNothingButReads()
    {
        using var stack = legacy.NewStack();
        var logged = legacy.LoggedStatements("tenantdb adopt").Count;

        var result = await ServerAdoption.RunAsync(Request(stack, match: "shop"), LegacyServerFixture.Environment, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        await Task.Delay(200);
        var statements = legacy.LoggedStatements("tenantdb adopt").Skip(logged).ToList();
        Assert.Contains(statements, statement => statement.Contains("FROM pg_catalog.pg_database d", StringComparison.Ordinal));
        Assert.Contains(statements, statement => statement.Contains("FROM pg_catalog.pg_roles r", StringComparison.Ordinal));
        Assert.All(statements, statement => Assert.Matches(@"^LOG:\s+(statement|execute [^:]*):\s+SELECT\b", statement));
    }

    [Fact]
    public async Task MigrateAndVerifyWorkOnAdoptedTenantsAsTheirOwnersAndTheDataAndTheApplicationsPasswordStayAsTheyWere()
    {
        using var stack = legacy.NewStack();
        Assert.True((await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None)).Succeeded);
        var rows = await LegacyFleet.RowCountsAsync(legacy.Server);
        await legacy.RevokePublicAsync();
        // The outputs as the program writes them: the owners' passwords are not the stack's, so none is written.
        var outputs = LegacyServerFixture.WriteAdoptedOutputs(stack.Directory, "legacy");
        var tenants = new TenantRunRequest("legacy", stack.Directory, outputs, [], [], LegacyServerFixture.Environment);
        RepositoryMigrations.CopyTo(stack.Directory);

        var prepared = await MigrationRun.PrepareAsync(MigrationRequest.Defaults(tenants), TextReader.Null, CancellationToken.None);
        Assert.True(prepared.Succeeded, string.Join("\n", prepared.Problems));
        var migrated = await MigrationRun.RunAsync(prepared, null, CancellationToken.None);
        var verified = await VerificationRun.RunAsync(new VerificationRequest(tenants), TextReader.Null, CancellationToken.None);

        Assert.True(migrated.Succeeded, string.Join("\n", migrated.Tenants.Select(tenant => $"{tenant.Tenant.Id}: {tenant.Status} {tenant.Failure?.Message} {tenant.Verification?.DescribeFailures()}")));
        Assert.Equal(4, migrated.Tenants.Count(tenant => tenant.Status == MigrationStatus.Migrated));
        Assert.True(verified.Succeeded, string.Join("\n", verified.Tenants.Select(tenant => $"{tenant.Tenant.Id}: {tenant.DescribeFailures()}")));
        // What migrate created is the owner's: the role's own, or the admin's.
        Assert.Equal(LegacyFleet.AppRole, await legacy.Server.ScalarAsSuperuserAsync<string>(LegacyFleet.AppDatabase,
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'outlets'"));
        Assert.Equal(TestPostgresServer.AdminUser, await legacy.Server.ScalarAsSuperuserAsync<string>("east_shop",
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'outlets'"));
        Assert.Equal(rows, await LegacyFleet.RowCountsAsync(legacy.Server));
        Assert.True(await legacy.Server.LogsInAsync(LegacyFleet.AppRole, legacy.Fleet.AppPassword));
    }

    [Fact]
    public async Task AdoptedTenantsNeedTheStackForTheAdminsPasswordAndSaySoWithoutIt()
    {
        using var stack = legacy.NewStack();
        Assert.True((await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None)).Succeeded);
        var plan = PlanRun.Run(new PlanRequest("legacy", stack.Directory, null)).Plan!;
        var outputs = Path.Combine(stack.Directory, "outputs.json");
        await File.WriteAllTextAsync(outputs, StackOutputsSchema.Json(
            plan.Tenants.Where(tenant => tenant.Adoption is not null).Select(tenant => (TenantTarget.From(tenant, plan.ServerOf(tenant)), "")),
            [], []));

        var selection = await TenantSelection.LoadAsync(new TenantRunRequest(null, stack.Directory, outputs, [], []), TextReader.Null, CancellationToken.None);

        Assert.False(selection.Succeeded);
        Assert.True(selection.IsUsageProblem);
        Assert.Contains("Give --stack <stack> as well as --outputs", Assert.Single(selection.Problems));
        Assert.DoesNotContain(legacy.Server.AdminPassword, string.Join("", selection.Problems));
    }

    [Fact]
    public async Task AdoptionThatWouldOverfillTheServerIsRefusedWithTheFixAndWritesNothing()
    {
        using var stack = legacy.NewStack(maxTenants: 3);
        var before = await File.ReadAllTextAsync(StackFile(stack));

        var result = await ServerAdoption.RunAsync(Request(stack), LegacyServerFixture.Environment, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.IsUsageProblem);
        Assert.Contains("would leave", result.Problem);
        Assert.Contains(result.Problems, problem => problem.Path.EndsWith(".maxTenants", StringComparison.Ordinal) && problem.Fix.Contains("Raise maxTenants"));
        Assert.Equal(before, await File.ReadAllTextAsync(StackFile(stack)));
        Assert.Single(Directory.GetFiles(stack.Directory, "Pulumi.legacy.yaml*", SearchOption.TopDirectoryOnly));
    }

    [Fact]
    public async Task AnUnknownServerOrAWrongPassphraseIsRefusedBeforeAnythingIsRead()
    {
        using var stack = legacy.NewStack();

        var unknown = await ServerAdoption.RunAsync(Request(stack) with { Server = "nowhere" }, LegacyServerFixture.Environment, CancellationToken.None);
        var wrong = await ServerAdoption.RunAsync(Request(stack), name => name == "PULUMI_CONFIG_PASSPHRASE" ? "not-the-passphrase" : null, CancellationToken.None);

        Assert.True(unknown.IsUsageProblem);
        Assert.Contains("no such server. Use one of: legacy", unknown.Problem);
        Assert.False(wrong.Succeeded);
        Assert.DoesNotContain(legacy.Server.AdminPassword, wrong.Problem + unknown.Problem);
    }
}
