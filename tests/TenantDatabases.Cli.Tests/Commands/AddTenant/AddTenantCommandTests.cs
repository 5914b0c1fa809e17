using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Cli.Tests.Commands.AddTenant;

public sealed class AddTenantCommandTests
{
    private readonly string stacks = TenantDb.CopyOfStacks();

    private string StackFile(string stack) => Path.Combine(stacks, $"Pulumi.{stack}.yaml");

    private Task<CommandRun> AddTenant(string id, string stack, params string[] more) =>
        TenantDb.RunAsync(["add-tenant", id, "--stack", stack, "--cwd", stacks, .. more]);

    [Fact]
    public async Task TheDefaultServerGetsTheTenantAndOnlyItsLinesAreAdded()
    {
        var before = await File.ReadAllTextAsync(StackFile("valid"));
        var (exitCode, output) = await AddTenant("daily-grind", "valid");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Added tenant 'daily-grind' on server 'eu-primary'", output);
        Assert.Contains("Why: 'eu-primary' is the default server and has room (2/100 tenants before this tenant).", output);
        Assert.Contains("Database tenant_daily_grind, owner role tenant_daily_grind_owner", output);
        var after = await File.ReadAllTextAsync(StackFile("valid"));
        const string inserted = "    daily-grind:\n      server: eu-primary\n";
        Assert.Equal(before, after.Remove(after.IndexOf(inserted, StringComparison.Ordinal), inserted.Length));
        Assert.Contains("      connectionLimit: 10\n" + inserted + "  aws:region: eu-west-1\n", after);
        Assert.Equal(ExitCodes.Success, (await TenantDb.RunAsync("validate", "--stack", "valid", "--cwd", stacks)).ExitCode);
        Assert.Empty(Directory.GetFiles(stacks, "*.tmp"));
    }

    [Fact]
    public async Task AnExplicitServerAndARegionAreRecorded()
    {
        var (exitCode, output) = await AddTenant("west-shop", "valid", "--server", "eu-secondary", "--region", "eu-west");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Server 'eu-secondary' was asked for", output);
        Assert.Contains("    west-shop:\n      server: eu-secondary\n      region: eu-west\n", await File.ReadAllTextAsync(StackFile("valid")));
    }

    [Fact]
    public async Task AFullDefaultSendsTheTenantToTheLeastLoadedServer()
    {
        await File.WriteAllTextAsync(StackFile("valid"), (await File.ReadAllTextAsync(StackFile("valid"))).Replace("maxTenants: 100", "maxTenants: 2"));
        var (exitCode, output) = await AddTenant("overflow", "valid");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("on server 'eu-secondary'", output);
        Assert.Contains("the default server 'eu-primary' is full (2/2 tenants)", output);
    }

    [Theory]
    [InlineData("Bad Id", new string[0], "may only hold lower-case letters")]
    [InlineData("acme_coffee", new string[0], "already uses the database name")]
    [InlineData("acme-coffee", new string[0], "already exists on server 'eu-primary'")]
    [InlineData("new-shop", new[] { "--server", "nowhere" }, "Server 'nowhere' is not defined")]
    [InlineData("new-shop", new[] { "--region", "us-east" }, "outside this stack's residency")]
    public async Task ARefusalSaysWhyAndWritesNothing(string id, string[] options, string expected)
    {
        var before = await File.ReadAllBytesAsync(StackFile("valid"));
        var (exitCode, output) = await AddTenant(id, "valid", options);
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains(expected, output);
        Assert.Contains("Nothing was written.", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile("valid")));
    }

    [Fact]
    public async Task AnInvalidStackFileIsNotEdited()
    {
        var before = await File.ReadAllBytesAsync(StackFile("plain-password"));
        var (exitCode, output) = await AddTenant("new-shop", "plain-password");
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("error tenant-databases:servers.eu-primary.password", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile("plain-password")));
    }

    [Fact]
    public async Task AnEditThatWouldOverfillAServerIsRefusedBeforeWriting()
    {
        var before = await File.ReadAllBytesAsync(StackFile("over-capacity"));
        var (exitCode, _) = await AddTenant("three", "over-capacity", "--server", "tiny");
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile("over-capacity")));
    }

    [Fact]
    public async Task AByteOrderMarkAndCommentsSurvive()
    {
        var text = "\uFEFF" + await File.ReadAllTextAsync(StackFile("valid"));
        await File.WriteAllBytesAsync(StackFile("valid"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text[1..])]);
        Assert.Equal(ExitCodes.Success, (await AddTenant("bom-shop", "valid")).ExitCode);
        var bytes = await File.ReadAllBytesAsync(StackFile("valid"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var after = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("# A valid stack: two servers in one region, three tenants.", after);
        Assert.Contains("server: eu-primary   # the first customer", after);
        Assert.True(StackFileReader.Parse("f", after).IsValid);
    }

    [Fact]
    public async Task AMissingIdIsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, (await TenantDb.RunAsync("add-tenant", "--stack", "valid", "--cwd", stacks)).ExitCode);
}
