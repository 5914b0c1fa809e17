using System.Text.Json;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Testing;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>
/// Adopting a fleet the admin page created, on the real engine: the legacy databases exist before the first pulumi up,
/// tenantdb adopt writes them into the stack, and the program imports them. Each numbered step below is a step of the
/// issue that asked for it ("e2e adoption step N" in docs/pulumi-behaviour.md).
/// </summary>
public sealed class AdoptionOnTheRealEngineTests : IAsyncLifetime
{
    private const string Stack = "adopt";
    private const string Passphrase = "e2e-adopt-passphrase";
    private const string ServerName = "legacy";

    // The resource types as the engine's URNs spell them.
    private const string DatabaseType = "postgresql:index/database:Database";
    private const string RoleType = "postgresql:index/role:Role";
    private const string GrantType = "postgresql:index/grant:Grant";
    private const string GrantRoleType = "postgresql:index/grantRole:GrantRole";

    private readonly LegacyFleet fleet = new();
    private TestPostgresServer server = null!;
    private readonly List<ProcessRun> runs = [];

    public async Task InitializeAsync() => server = await TestPostgresServer.StartAsync("e2e-legacy");

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AdoptedDatabasesAreImportedWithoutAChangeAndKeepTheirRowsAndTheApplicationsPassword()
    {
        using var stack = TestStack.Create(Stack, Passphrase, [new TestStackServer(ServerName, server.Port, server.AdminPassword)],
            new Dictionary<string, string> { ["e2e-ordinary"] = ServerName });
        EngineProject.WriteProjectFile(stack.Directory);
        EngineProject.UseSaltOnly(Path.Combine(stack.Directory, $"Pulumi.{Stack}.yaml"));
        using var pulumi = new PulumiEngine(stack.Directory, Stack, Passphrase);
        await Record(pulumi.SucceedsWithoutStackAsync("plugin", "install", "resource", "postgresql", RepositoryFiles.PinnedVersion("Pulumi.PostgreSql")));
        await Record(pulumi.SucceedsWithoutStackAsync("plugin", "install", "resource", "random", RepositoryFiles.PinnedVersion("Pulumi.Random")));
        await Record(pulumi.SucceedsWithoutStackAsync("stack", "init", Stack, "--non-interactive"));

        // 1. The admin page's databases are created with psql, as the server's admin, before the first pulumi up.
        foreach (var (database, sql) in fleet.Statements())
        {
            await Record(Psql(database, sql));
        }
        var rows = await LegacyFleet.RowCountsAsync(server);

        // 2. tenantdb adopt writes the adoptable ones into the stack file.
        var adopt = await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "adopt", "--stack", Stack, "--server", ServerName));
        Assert.Contains("4 to adopt", adopt.Output);

        // 3. The preview imports the databases and the role of its own, creates the grants, and creates or replaces no database.
        var preview = await Record(pulumi.SucceedsAsync("preview", "--json"));
        var steps = Steps(preview.StandardOutput);
        foreach (var (database, id) in LegacyFleet.Adoptable)
        {
            Assert.Equal(["import"], steps[(DatabaseType, $"{id}-database")]);
            Assert.Equal(["create"], steps[(GrantType, $"{id}-public-revoked")]);
        }
        Assert.Equal(["import"], steps[(RoleType, $"{LegacyFleet.AppId}-owner")]);
        Assert.Equal(["create"], steps[(GrantRoleType, $"{LegacyFleet.AppId}-admin-membership")]);
        Assert.Equal(["create"], steps[(DatabaseType, "e2e-ordinary-database")]);
        Assert.Equal(LegacyFleet.Adoptable.Count + 1, steps.Count(step => step.Key.Type == DatabaseType));

        // 4. pulumi up.
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));

        // 5. The next preview shows no change: the imports found none, and nothing of them is imported again.
        await Record(pulumi.SucceedsAsync("preview", "--diff", "--expect-no-changes"));

        // 6. The rows and the application's password are as they were; PUBLIC lost its access.
        Assert.Equal(rows, await LegacyFleet.RowCountsAsync(server));
        Assert.True(await server.LogsInAsync(LegacyFleet.AppRole, fleet.AppPassword), "the application's password changed");
        foreach (var database in LegacyFleet.Adoptable.Keys)
        {
            Assert.False((await ServerInspection.DatabaseAsync(server, database))?.PublicCanConnect, $"PUBLIC can connect to {database}");
        }

        // Then migrate and verify run on them through the real outputs, as the server's admin acting as each owner.
        var outputs = await pulumi.OutputsAsync();
        var app = outputs.GetProperty("tenants").GetProperty(LegacyFleet.AppId);
        Assert.False(app.GetProperty("passwordManaged").GetBoolean());
        Assert.Equal("", app.GetProperty("password").GetString());
        var outputsFile = EngineProject.SaveOutputs(stack.Directory, outputs);
        await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "migrate", "--stack", Stack, "--outputs", outputsFile));
        await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "verify", "--stack", Stack, "--outputs", outputsFile));
        Assert.Equal(LegacyFleet.AppRole, await server.ScalarAsSuperuserAsync<string>(LegacyFleet.AppDatabase,
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'outlets'"));
        Assert.Equal(rows, await LegacyFleet.RowCountsAsync(server));
        await Record(pulumi.SucceedsAsync("preview", "--diff", "--expect-no-changes"));

        // No step printed a password or the passphrase.
        string[] secrets = [server.AdminPassword, fleet.AppPassword, Passphrase];
        Assert.All(runs, run => Assert.All(secrets, secret => Assert.DoesNotContain(secret, run.Output)));
    }

    // Every step of `pulumi preview --json`, by resource type and name, with its operations (an import followed by an
    // update would show both).
    private static Dictionary<(string Type, string Name), List<string>> Steps(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("steps").EnumerateArray()
            .Select(step => (Urn: step.GetProperty("urn").GetString() ?? "", Op: step.GetProperty("op").GetString() ?? ""))
            .GroupBy(step => (Type(step.Urn), step.Urn[(step.Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..]))
            .ToDictionary(group => group.Key, group => group.Select(step => step.Op).ToList());
    }

    // urn:pulumi:<stack>::<project>::<parent types $ …>$<type>::<name>
    private static string Type(string urn)
    {
        var types = urn.Split("::")[2];
        return types[(types.LastIndexOf('$') + 1)..];
    }

    // psql as the server's admin, one statement (CREATE DATABASE cannot run in a transaction block); the password from the environment.
    private Task<ProcessRun> Psql(string database, string sql) =>
        SucceedsAsync(Psql(), ["-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", TestPostgresServer.AdminUser, "-d", database, "-c", sql],
            new Dictionary<string, string> { ["PGPASSWORD"] = server.AdminPassword, ["PGSSLMODE"] = "disable" });

    private static string Psql() =>
        PostgresBinaries.Find() is { } binaries && File.Exists(Path.Combine(binaries.Directory, "psql"))
            ? Path.Combine(binaries.Directory, "psql")
            : "psql";

    private static async Task<ProcessRun> SucceedsAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var run = await ProcessRun.RunAsync(program, arguments, Path.GetTempPath(), environment, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, $"`{run.CommandLine}` exited {run.ExitCode}:\n{run.Output}");
        return run;
    }

    private async Task<ProcessRun> Record(Task<ProcessRun> run)
    {
        var finished = await run;
        runs.Add(finished);
        return finished;
    }

    private Task Record(Task run) => run;
}
