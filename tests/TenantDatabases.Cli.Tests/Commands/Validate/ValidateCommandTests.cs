using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.Validate;

public sealed class ValidateCommandTests
{
    private static Task<CommandRun> Validate(string stack, params string[] more) =>
        TenantDb.RunAsync(["validate", "--stack", stack, "--cwd", TenantDb.Stacks, .. more]);

    [Fact]
    public async Task AValidStackExitsZero()
    {
        var (exitCode, output) = await Validate("valid");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Pulumi.valid.yaml: valid (2 servers, 3 tenants, 0 warnings).", output);
    }

    [Fact]
    public async Task WarningsArePrintedButDoNotFail()
    {
        var (exitCode, output) = await Validate("near-capacity");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"Pulumi\.near-capacity\.yaml:3:5: warning tenant-databases:servers\.small\.maxTenants: The server holds 2 of its 2 tenants \(100%\)\. Fix: ", output);
    }

    [Theory]
    [InlineData("malformed", @"Pulumi\.malformed\.yaml:5:\d+: error yaml: The file is not valid YAML: .+ Fix: ")]
    [InlineData("plain-password", @"Pulumi\.plain-password\.yaml:6:17: error tenant-databases:servers\.eu-primary\.password: The password is plain text in the stack file; it must be an encrypted 'secure:' value\. Fix: Remove it and run: pulumi config set --secret --path 'servers\.eu-primary\.password'")]
    [InlineData("unknown-key", @"Pulumi\.unknown-key\.yaml:2:29: error tenant-databases:protcet: Unknown key 'protcet'\. Fix: Did you mean 'protect'\?")]
    [InlineData("unknown-key", @"Pulumi\.unknown-key\.yaml:5:13: error tenant-databases:servers\.eu-primary\.hots: Unknown key 'hots'\. Fix: Did you mean 'host'\?")]
    [InlineData("unknown-key", @"Pulumi\.unknown-key\.yaml:4:5: error tenant-databases:servers\.eu-primary\.host: The server has no host\.")]
    [InlineData("bad-servers", @"Pulumi\.bad-servers\.yaml:5:13: error tenant-databases:servers\.eu-primary\.host: The host 'postgres://pg-eu-1\.internal' has a scheme")]
    [InlineData("bad-servers", @"Pulumi\.bad-servers\.yaml:6:13: error tenant-databases:servers\.eu-primary\.port: 0 is out of range\.")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.eu-primary\.sslMode: sslMode 'disable' sends the password and data unencrypted")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.host: The host 'pg-us-1\.internal:5432' includes a port")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.username: The server has no username\.")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.default: More than one server is the default \(eu-primary, us-east\)\.")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.sslMode: 'requird' is not an sslMode\. Fix: Did you mean 'require'\?")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.maxTenants: 0 is out of range\.")]
    [InlineData("bad-servers", @"error tenant-databases:servers\.us-east\.region: The server's region 'us-east' is outside this stack's residency \(eu-west\)\.")]
    [InlineData("bad-tenants", @"Pulumi\.bad-tenants\.yaml:13:5: error tenant-databases:tenants\.acme_coffee: Tenants 'acme-coffee' and 'acme_coffee' would share the database 'tenant_acme_coffee'")]
    [InlineData("bad-tenants", @"error tenant-databases:tenants\[""Robert'\); DROP TABLE tenants;--""\]: The tenant id")]
    [InlineData("bad-tenants", @"error tenant-databases:tenants\.lost-shop\.server: The server 'eu-primery' is not defined under tenant-databases:servers\. Fix: Did you mean 'eu-primary'\?")]
    [InlineData("bad-tenants", @"error tenant-databases:tenants\.no-server\.server: The tenant has no server\. Fix: Run 'tenantdb add-tenant no-server --stack <stack>'")]
    [InlineData("bad-tenants", @"error tenant-databases:tenants\.nordic-shop\.server: The tenant requires region 'eu-north' but server 'eu-primary' is in 'eu-west'\.")]
    [InlineData("bad-tenants", @"error tenant-databases:tenants\.a-very-long-tenant-identifier-that-goes-on-and-on-and-on-forever: Its owner role name would be 77 bytes")]
    [InlineData("over-capacity", @"Pulumi\.over-capacity\.yaml:3:5: error tenant-databases:servers\.tiny\.maxTenants: The server holds 2 tenants, over its maxTenants of 1\.")]
    [InlineData("no-servers", @"error tenant-databases:servers: No server is configured\.")]
    public async Task InvalidStacksExitOneWithEveryProblemAndItsConfigPath(string stack, string expected)
    {
        var (exitCode, output) = await Validate(stack);
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Matches(expected, output);
        Assert.Contains($"Pulumi.{stack}.yaml: invalid (", output);
    }

    [Fact]
    public async Task EveryProblemLineNamesFileLineColumnPathAndFix()
    {
        var (_, output) = await Validate("bad-servers");
        var problems = output.Split('\n').Where(line => line.Contains(" error ")).ToList();
        Assert.Equal(9, problems.Count);
        Assert.All(problems, line => Assert.Matches(@"^Stacks/Pulumi\.bad-servers\.yaml:\d+:\d+: error tenant-databases:\S+: .+ Fix: .+$", line));
    }

    [Fact]
    public async Task JsonFormatPrintsTheProblemsAsData()
    {
        var (exitCode, output) = await Validate("plain-password", "--format", "json");
        Assert.Equal(ExitCodes.Failure, exitCode);
        using var report = JsonDocument.Parse(output);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var problem = report.RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.Equal("tenant-databases:servers.eu-primary.password", problem.GetProperty("path").GetString());
        Assert.Equal(6, problem.GetProperty("line").GetInt32());
        Assert.Equal(17, problem.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task JsonFormatOfAValidStackSaysSo()
    {
        var (exitCode, output) = await Validate("valid", "--format", "json");
        Assert.Equal(ExitCodes.Success, exitCode);
        using var report = JsonDocument.Parse(output);
        Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(3, report.RootElement.GetProperty("tenants").GetInt32());
        Assert.Empty(report.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("../etc")]
    public async Task AMissingStackOrABadStackNameIsAUsageError(string stack)
    {
        var (exitCode, output) = await Validate(stack);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: ", output);
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        Assert.Equal(ExitCodes.Usage, (await TenantDb.RunAsync("validate", "--cwd", TenantDb.Stacks)).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await TenantDb.RunAsync("validate", "--stack", "valid", "--cwd", TenantDb.Stacks, "--format", "xml")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await TenantDb.RunAsync("validate", "--stack", "valid", "--bogus")).ExitCode);
    }

    [Fact]
    public async Task NoPulumiYamlAboveTheFolderIsAUsageError()
    {
        var empty = Directory.CreateTempSubdirectory("tenantdb-no-project").FullName;
        var (exitCode, output) = await TenantDb.RunAsync("validate", "--stack", "dev", "--cwd", empty);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("No Pulumi.yaml", output);
    }

    [Fact]
    public async Task PulumiYamlIsFoundFromASubfolder()
    {
        var copy = TenantDb.CopyOfStacks();
        var nested = Directory.CreateDirectory(Path.Combine(copy, "a", "b")).FullName;
        Assert.Equal(ExitCodes.Success, (await TenantDb.RunAsync("validate", "--stack", "valid", "--cwd", nested)).ExitCode);
    }
}
