using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.Plan;

public sealed class PlanCommandTests
{
    private static Task<CommandRun> Plan(string stack, params string[] more) =>
        TenantDb.RunAsync(["plan", "--stack", stack, "--cwd", TenantDb.Stacks, .. more]);

    [Fact]
    public async Task ThePlacementTableShowsEachServersLoad()
    {
        var (exitCode, output) = await Plan("valid");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"SERVER\s+REGION\s+DEFAULT\s+TENANTS\s+USED", output);
        Assert.Matches(@"eu-primary\s+eu-west\s+yes\s+2 / 100\s+2%", output);
        Assert.Matches(@"eu-secondary\s+eu-west\s+1 / 50\s+2%", output);
        Assert.Matches(@"corner-bakery\s+eu-secondary\s+tenant_corner_bakery\s+tenant_corner_bakery_owner", output);
        Assert.Contains("3 tenants on 2 servers (protected).", output);
    }

    [Fact]
    public async Task PreviousOutputsMarkAddedRemovedAndMovedAndAMoveInAProtectedStackFails()
    {
        var (exitCode, output) = await Plan("valid", "--previous", Path.Combine(TenantDb.Stacks, "outputs-moved.json"));
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Matches(@"acme-coffee\s+eu-primary\s+tenant_acme_coffee\s+tenant_acme_coffee_owner\s+MOVED from eu-secondary", output);
        Assert.Matches(@"corner-bakery\s+eu-secondary\s+tenant_corner_bakery\s+tenant_corner_bakery_owner\s+added", output);
        Assert.Matches(@"closed-shop\s+eu-primary\s+removed", output);
        Assert.Matches(@"Pulumi\.valid\.yaml:27:15: error tenant-databases:tenants\.acme-coffee\.server: Tenant 'acme-coffee' moves from server 'eu-secondary' to 'eu-primary'\. Pulumi would not move its data: .*re-point.* Fix: Set tenants\.acme-coffee\.server back to 'eu-secondary'; to move a tenant, follow docs/runbooks/move-a-tenant\.md", output);
        Assert.Contains("1 added, 1 removed, 1 moved; the plan is refused.", output);
    }

    [Fact]
    public async Task SecretTenantOutputsAreReadWithoutPrintingThem()
    {
        var (exitCode, output) = await Plan("valid", "--previous", Path.Combine(TenantDb.Stacks, "outputs-same.json"));
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("1 added, 0 removed, 0 moved.", output);
    }

    [Fact]
    public async Task JsonFormatCarriesTheWholePlan()
    {
        var (exitCode, output) = await Plan("valid", "--format", "json", "--previous", Path.Combine(TenantDb.Stacks, "outputs-moved.json"));
        Assert.Equal(ExitCodes.Failure, exitCode);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.Equal("server-eu-primary", root.GetProperty("servers")[0].GetProperty("providerName").GetString());
        Assert.Equal("tenant_bobs_books_owner", root.GetProperty("tenants")[1].GetProperty("roleName").GetString());
        var moved = root.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("tenantId").GetString() == "acme-coffee");
        Assert.Equal("moved", moved.GetProperty("kind").GetString());
        Assert.Equal("tenant-databases:tenants.acme-coffee.server", root.GetProperty("problems")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task AnInvalidStackIsNotPlanned()
    {
        var (exitCode, output) = await Plan("bad-tenants");
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.DoesNotContain("SERVER", output);
        Assert.Contains("error tenant-databases:tenants.lost-shop.server", output);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    public async Task AnUnusablePreviousFileIsAUsageError(string content, string expected)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tenantdb-previous").FullName, "outputs.json");
        await File.WriteAllTextAsync(file, content);
        var (exitCode, output) = await Plan("valid", "--previous", file);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task AMissingPreviousFileIsAUsageError()
    {
        var (exitCode, output) = await Plan("valid", "--previous", "/nonexistent/outputs.json");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("cannot be read", output);
    }

    [Fact]
    public async Task ARaisedPasswordVersionIsShownAsANewPasswordAgainstThePreviousOutputs()
    {
        var stacks = TenantDb.CopyOfStacks();
        var stackFile = Path.Combine(stacks, "Pulumi.valid.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("    bobs-books:\n      server: eu-primary\n",
            "    bobs-books:\n      server: eu-primary\n      passwordVersion: 2\n"));
        var previous = Path.Combine(stacks, "outputs.json");
        // Placements from before the version was recorded: version 1.
        File.WriteAllText(previous, """
            {"placements": {"acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee"},
                            "bobs-books": {"server": "eu-primary", "database": "tenant_bobs_books"},
                            "corner-bakery": {"server": "eu-secondary", "database": "tenant_corner_bakery"}}}
            """);

        var plain = await TenantDb.RunAsync("plan", "--stack", "valid", "--cwd", stacks);
        var compared = await TenantDb.RunAsync("plan", "--stack", "valid", "--cwd", stacks, "--previous", previous);

        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.Contains("Owner password versions above 1: bobs-books 2.", plain.Output);
        Assert.Equal(ExitCodes.Success, compared.ExitCode);
        Assert.Matches(@"bobs-books\s+eu-primary\s+tenant_bobs_books\s+tenant_bobs_books_owner\s+new password \(version 1 -> 2\)", compared.Output);
        Assert.DoesNotMatch(@"acme-coffee\s+.*new password", compared.Output);
        Assert.Contains("1 owner password will change.", compared.Output);
    }
}
