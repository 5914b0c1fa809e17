using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>
/// Two real servers with tenant databases created the way the Pulumi program declares them, the
/// stack outputs the program would print for them, and a stand-in <c>pulumi</c> on a folder of its own
/// that prints those outputs and records what <c>pulumi up</c> was asked.
/// </summary>
public sealed class LocalFleetFixture : IAsyncLifetime
{
    public const string Passphrase = "deploy-test-passphrase";

    public TwoServersFixture Servers { get; } = new();

    public IReadOnlyList<ProvisionedTenant> Tenants { get; private set; } = [];

    /// <summary>The folder holding the stand-in <c>pulumi</c> (put it on PATH).</summary>
    public string PulumiFolder { get; } = Directory.CreateTempSubdirectory("tenantdb-deploy-pulumi-").FullName;

    /// <summary>The arguments of the last <c>pulumi up</c>, one a line (absent until it runs).</summary>
    public string UpArgumentsFile => Path.Combine(PulumiFolder, "up-arguments");

    /// <summary>While this file exists, the stand-in's backend has no stack: `pulumi stack init` removes it.</summary>
    public string StackMissingFlag => Path.Combine(PulumiFolder, "stack-missing");

    /// <summary>While this file exists, the stand-in is logged in to no backend.</summary>
    public string LoggedOutFlag => Path.Combine(PulumiFolder, "logged-out");

    /// <summary>The arguments of the last <c>pulumi stack init</c>, one a line (absent until it runs).</summary>
    public string InitArgumentsFile => Path.Combine(PulumiFolder, "init-arguments");

    /// <summary>The stack outputs of the fleet, as `pulumi stack output --json --show-secrets` prints them.</summary>
    public string OutputsFile => Path.Combine(PulumiFolder, "outputs.json");

    /// <summary>Every password a test must never find in output: admins', tenants' and the passphrase.</summary>
    public IReadOnlyList<string> Secrets =>
        [Servers.First.AdminPassword, Servers.Second.AdminPassword, Passphrase, .. Tenants.Select(tenant => tenant.Password)];

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        var first = await TenantProvisioning.CreateManyAsync(Servers.First, ["deploy-bakery", "deploy-coffee"]);
        var second = await TenantProvisioning.CreateManyAsync(Servers.Second, ["deploy-books"]);
        Tenants = [.. first.Select(t => t with { Server = "alpha" }), .. second.Select(t => t with { Server = "beta" })];
        var outputs = OutputsFile;
        await File.WriteAllTextAsync(outputs, ProvisionedTenant.StackOutputsJson(Tenants));
        var script = Path.Combine(PulumiFolder, "pulumi");
        await File.WriteAllTextAsync(script, $"""
            #!/bin/sh
            case "$1 $2" in
              "stack output")
                if [ -f '{LoggedOutFlag}' ]; then echo "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions" >&2; exit 255; fi
                if [ -f '{StackMissingFlag}' ]; then echo "error: no stack named '$5' found" >&2; exit 255; fi
                cat '{outputs}' ;;
              "stack init") printf '%s\n' "$@" > '{InitArgumentsFile}'; rm -f '{StackMissingFlag}'; echo "Created stack '$3'" ;;
              up*) printf '%s\n' "$@" > '{UpArgumentsFile}'; echo "Resources: 3 unchanged" ;;
              *) echo "unexpected: pulumi $*" >&2; exit 3 ;;
            esac
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }
    }

    /// <summary>
    /// A stack file for these servers and tenants, with the repository's migrations/ beside it as in a repository;
    /// <paramref name="secondPassword"/> overrides beta's.
    /// </summary>
    public TestStack Stack(string? secondPassword = null, IReadOnlyDictionary<string, string>? tenants = null)
    {
        var stack = TestStack.Create("test", Passphrase,
            [new TestStackServer("alpha", Servers.First.Port, Servers.First.AdminPassword),
             new TestStackServer("beta", Servers.Second.Port, secondPassword ?? Servers.Second.AdminPassword)],
            tenants ?? Tenants.ToDictionary(tenant => tenant.Id, tenant => tenant.Server));
        RepositoryMigrations.CopyTo(stack.Directory);
        return stack;
    }

    public async Task DisposeAsync()
    {
        await Servers.DisposeAsync();
        Directory.Delete(PulumiFolder, recursive: true);
    }
}
