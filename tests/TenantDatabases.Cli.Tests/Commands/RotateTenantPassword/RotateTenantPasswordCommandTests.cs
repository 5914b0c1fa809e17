using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.RotateTenantPassword;

public sealed class RotateTenantPasswordCommandTests
{
    private readonly string stacks = TenantDb.CopyOfStacks();

    private string StackFile => Path.Combine(stacks, "Pulumi.valid.yaml");

    private Task<CommandRun> Rotate(params string[] args) =>
        TenantDb.RunAsync(["rotate-tenant-password", .. args, "--stack", "valid", "--cwd", stacks]);

    [Fact]
    public async Task OneTenantsVersionIsRaisedAndOnlyThatLineIsAdded()
    {
        var before = await File.ReadAllTextAsync(StackFile);

        var (exitCode, output) = await Rotate("acme-coffee");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("tenants.acme-coffee.passwordVersion: 1 -> 2 (server eu-primary).", output);
        Assert.Contains("docs/runbooks/rotate-a-tenant-password.md", output);
        const string inserted = "      passwordVersion: 2\n";
        var after = await File.ReadAllTextAsync(StackFile);
        Assert.Contains("      server: eu-primary   # the first customer\n" + inserted + "    bobs-books:", after);
        Assert.Equal(before, after.Remove(after.IndexOf(inserted, StringComparison.Ordinal), inserted.Length));
        Assert.Empty(Directory.GetFiles(stacks, "*.tmp"));
    }

    [Fact]
    public async Task ASecondRotationReplacesTheVersionInPlace()
    {
        await Rotate("acme-coffee");
        var once = await File.ReadAllTextAsync(StackFile);

        var (exitCode, output) = await Rotate("acme-coffee");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("passwordVersion: 2 -> 3", output);
        Assert.Equal(once.Replace("passwordVersion: 2", "passwordVersion: 3"), await File.ReadAllTextAsync(StackFile));
    }

    [Fact]
    public async Task AllTenantsOfAServerAreRaisedAndNoOther()
    {
        var (exitCode, output) = await TenantDb.RunAsync("rotate-tenant-password", "--all", "--server", "eu-primary", "--stack", "valid",
            "--cwd", stacks, "--format", "json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var raised = JsonDocument.Parse(output).RootElement.GetProperty("raised").EnumerateArray()
            .Select(entry => entry.GetProperty("tenantId").GetString()).ToList();
        Assert.Equal(["acme-coffee", "bobs-books"], raised);
        var plan = await TenantDb.RunAsync("plan", "--stack", "valid", "--cwd", stacks, "--format", "json");
        var versions = JsonDocument.Parse(plan.Output).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(tenant => tenant.GetProperty("id").GetString()!, tenant => tenant.GetProperty("passwordVersion").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["acme-coffee"] = 2, ["bobs-books"] = 2, ["corner-bakery"] = 1 }, versions);
    }

    [Theory]
    [InlineData(new[] { "nobody" }, ExitCodes.Failure, "Tenant 'nobody' is not in the stack.")]
    [InlineData(new[] { "acme-cofee" }, ExitCodes.Failure, "Did you mean 'acme-coffee'?")]
    [InlineData(new[] { "--all", "--server", "nowhere" }, ExitCodes.Failure, "The server 'nowhere' is not in the stack.")]
    [InlineData(new[] { "--all" }, ExitCodes.Usage, "--all needs --server")]
    [InlineData(new[] { "acme-coffee", "--server", "eu-primary" }, ExitCodes.Usage, "--server goes with --all")]
    [InlineData(new string[0], ExitCodes.Usage, "Give the tenant id")]
    public async Task ARefusalSaysWhyAndWritesNothing(string[] args, int expectedExit, string expected)
    {
        var before = await File.ReadAllBytesAsync(StackFile);

        var (exitCode, output) = await Rotate(args);

        Assert.Equal(expectedExit, exitCode);
        Assert.Contains(expected, output);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile));
    }

    [Fact]
    public async Task ATenantTheServersAdminOwnsHasNoOwnerPasswordOfItsOwnAndAllOfItsServerPassesItBy()
    {
        await File.WriteAllTextAsync(StackFile, (await File.ReadAllTextAsync(StackFile)).Replace("  aws:region:",
            "    legacy-shop:\n      server: eu-primary\n      database: legacy_shop\n      owner: provisioner\n  aws:region:", StringComparison.Ordinal));
        var before = await File.ReadAllTextAsync(StackFile);

        var (refusedExit, refused) = await Rotate("legacy-shop");
        var (allExit, all) = await TenantDb.RunAsync("rotate-tenant-password", "--all", "--server", "eu-primary", "--stack", "valid", "--cwd", stacks);

        Assert.Equal(ExitCodes.Failure, refusedExit);
        Assert.Contains("owned by the server's admin 'provisioner'", refused);
        Assert.Contains("docs/runbooks/adopt-an-existing-server.md", refused);
        Assert.Equal(ExitCodes.Success, allExit);
        Assert.DoesNotContain("legacy-shop", all);
        Assert.DoesNotContain("legacy-shop:\n      server: eu-primary\n      database: legacy_shop\n      owner: provisioner\n      passwordVersion", await File.ReadAllTextAsync(StackFile));
        Assert.NotEqual(before, await File.ReadAllTextAsync(StackFile));
    }
}
