using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.Status;

/// <summary>status across stack files, and --find, from the files alone: no passphrase, no server.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class FleetStacksTests : IDisposable
{
    private readonly string project = Path.Combine(Path.GetTempPath(), "tenantdb-tests", "fleet-" + Guid.NewGuid().ToString("N")[..12]);

    public FleetStacksTests() => Directory.CreateDirectory(project);

    public void Dispose() => Directory.Delete(project, recursive: true);

    private static string Stack(string region, string host, params string[] tenants) => $"""
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

    private async Task<CommandRun> RunAsync(params string[] args)
    {
        System.IO.File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: tenant-databases\nruntime: dotnet\n");
        using var _ = ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", null), ("PULUMI_CONFIG_PASSPHRASE_FILE", null), ("PATH", "/nonexistent"));
        return await CommandRun.RunAsync(["status", "--cwd", project, "--sample", "0", .. args]);
    }

    // The files lie outside the current folder, so messages name them by their full path.
    private string File(string stack) => Path.Combine(project, $"Pulumi.{stack}.yaml");

    private void Write(string stack, string yaml) => System.IO.File.WriteAllText(Path.Combine(project, $"Pulumi.{stack}.yaml"), yaml);

    [Fact]
    public async Task TheSameTenantIdInTwoStacksIsAnErrorNamingBothFilesAndLines()
    {
        Write("eu", Stack("eu-west", "pg-eu.internal", "acme-coffee", "bobs-books"));
        Write("us", Stack("us-east", "pg-us.internal", "corner-deli", "acme-coffee"));

        var run = await RunAsync("--all-stacks");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error across stacks: {File("us")}:14:5: error tenant-databases:tenants.acme-coffee: Tenant 'acme-coffee' is also declared in {File("eu")}:12:5", run.Output);
        Assert.DoesNotContain("tenant-databases:servers", run.Output);
    }

    [Fact]
    public async Task TheSameHostAndPortInTwoStacksIsAnErrorNamingBothFilesAndLines()
    {
        Write("eu", Stack("eu-west", "pg-shared.internal", "acme-coffee"));
        Write("us", Stack("us-east", "pg-shared.internal", "corner-deli"));

        var run = await RunAsync("--all-stacks", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var problem = Assert.Single(JsonDocument.Parse(run.Output).RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(("same-server", File("us"), 5, File("eu"), 5),
            (problem.GetProperty("rule").GetString(), problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt32(),
             problem.GetProperty("otherFile").GetString(), problem.GetProperty("otherLine").GetInt32()));
        Assert.Contains($"is also server 'eu-west-primary' of {File("eu")}:5:13", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task OneStackIsCheckedAgainstEveryOtherStackFile()
    {
        Write("eu", Stack("eu-west", "pg-eu.internal", "acme-coffee"));
        Write("us", Stack("us-east", "pg-us.internal", "acme-coffee"));

        var run = await RunAsync("--stack", "eu");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{File("us")}:12:5: error tenant-databases:tenants.acme-coffee: Tenant 'acme-coffee' is also declared in {File("eu")}:12:5", run.Output);
        Assert.DoesNotContain("us/us-east-primary", run.Output);
    }

    [Fact]
    public async Task FindAnswersWhereATenantLivesFromTheFilesAlone()
    {
        Write("eu", Stack("eu-west", "pg-eu.internal", "acme-coffee", "bobs-books"));
        Write("us", Stack("us-east", "pg-us.internal", "corner-deli"));

        var run = await RunAsync("--all-stacks", "--find", "bobs_books");

        Assert.Equal(0, run.ExitCode);
        Shows(@"bobs-books +eu +\S*Pulumi\.eu\.yaml:14:5 +eu-west-primary +pg-eu\.internal:5432 +eu-west +tenant_bobs_books", run.Output);
        Assert.Contains("Tenant 'bobs-books' lives on server eu-west-primary of stack eu.", run.Output);
        Assert.Equal(1, (await RunAsync("--all-stacks", "--find", "nobody")).ExitCode);
    }

    [Fact]
    public async Task FindOfATenantInTwoStacksListsBothAndFails()
    {
        Write("eu", Stack("eu-west", "pg-eu.internal", "acme-coffee"));
        Write("us", Stack("us-east", "pg-us.internal", "acme-coffee"));

        var run = await RunAsync("--all-stacks", "--find", "acme-coffee", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["eu", "us"], root.GetProperty("locations").EnumerateArray().Select(location => location.GetProperty("stack").GetString()));
        Assert.Equal("same-tenant", Assert.Single(root.GetProperty("problems").EnumerateArray()).GetProperty("rule").GetString());
    }

    private static void Shows(string pattern, string output) =>
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, pattern), $"no match for {pattern} in:\n{output}");
}
