using Npgsql;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Outputs;
using Xunit;

namespace TenantDatabases.Testing;

/// <summary>
/// A server the admin page filled (<see cref="LegacyFleet"/>), plus the tenant a stack declares already, with every
/// statement logged (<c>log_statement = 'all'</c>, each line prefixed with its session's application name), so that a
/// test can read what adopt sent. Each test writes its own stack (<see cref="NewStack"/>).
/// </summary>
public sealed class LegacyServerFixture : IAsyncLifetime
{
    public const string Passphrase = "adopt-test-passphrase";
    public const string ServerName = "legacy";

    public TestPostgresServer Server { get; private set; } = null!;

    public LegacyFleet Fleet { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await TestPostgresServer.StartAsync("legacy");
        await Fleet.PrepareAsync(Server);
        var declared = await TenantProvisioning.CreateAsync(Server, LegacyFleet.DeclaredId);
        await using (var connection = new NpgsqlConnection(Server.AdminConnectionString(declared.Database)))
        {
            await connection.OpenAsync();
            await using var rows = new NpgsqlCommand($"SET ROLE {declared.Username}; CREATE TABLE {LegacyFleet.Table} (n int); INSERT INTO {LegacyFleet.Table} VALUES (1), (2), (3)", connection);
            await rows.ExecuteNonQueryAsync();
        }
        await Server.Server.ExecuteAsSuperuserAsync("ALTER SYSTEM SET log_statement = 'all'");
        await Server.Server.ExecuteAsSuperuserAsync("ALTER SYSTEM SET log_line_prefix = '%a|'");
        await Server.Server.ExecuteAsSuperuserAsync("SELECT pg_reload_conf()");
    }

    /// <summary>A stack of this one server declaring <see cref="LegacyFleet.DeclaredId"/>, in a folder of its own.</summary>
    public TestStack NewStack(int maxTenants = 50) =>
        TestStack.Create("legacy", Passphrase, [new TestStackServer(ServerName, Server.Port, Server.AdminPassword, MaxTenants: maxTenants)],
            new Dictionary<string, string> { [LegacyFleet.DeclaredId] = ServerName });

    /// <summary>
    /// What the program's first <c>pulumi up</c> does to the adopted databases besides importing them: PUBLIC loses every
    /// privilege (the admin's membership in the role of its own exists already: the admin page's user granted it).
    /// </summary>
    public async Task RevokePublicAsync()
    {
        foreach (var database in LegacyFleet.Adoptable.Keys)
        {
            await Server.Server.ExecuteAsSuperuserAsync($"REVOKE ALL ON DATABASE {SqlIdentifier.Quote(database)} FROM PUBLIC");
        }
    }

    /// <summary>
    /// The outputs file the program writes for the adopted tenants of the stack in <paramref name="directory"/>: its plan's
    /// connections through Fleet's schema, with no password where the stack does not hold the owner's.
    /// </summary>
    public static string WriteAdoptedOutputs(string directory, string stack)
    {
        var plan = Operations.Deployments.PlanRun.Run(new Operations.Deployments.PlanRequest(stack, directory, null)).Plan
            ?? throw new InvalidOperationException($"stack {stack} in {directory} does not plan");
        var adopted = plan.Tenants.Where(tenant => tenant.Adoption is not null).ToList();
        var path = Path.Combine(directory, "outputs.json");
        File.WriteAllText(path, StackOutputsSchema.Json(
            adopted.Select(tenant => (TenantTarget.From(tenant, plan.ServerOf(tenant)), "")),
            plan.Servers.Select(ServerOutput.From), adopted.Select(PlacementOutput.From)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    /// <summary>The passphrase, as the environment gives it to tenantdb.</summary>
    public static string? Environment(string name) => name == "PULUMI_CONFIG_PASSPHRASE" ? Passphrase : null;

    /// <summary>Every statement the server logged for sessions named <paramref name="applicationName"/>, in order.</summary>
    public IReadOnlyList<string> LoggedStatements(string applicationName)
    {
        var statements = new List<string>();
        string? current = null;
        foreach (var line in File.ReadLines(Server.Server.Spec.LogFile))
        {
            if (line.StartsWith(applicationName + "|", StringComparison.Ordinal))
            {
                Flush();
                var text = line[(applicationName.Length + 1)..];
                current = text.Contains("statement: ", StringComparison.Ordinal) || text.Contains("execute ", StringComparison.Ordinal) ? text : null;
            }
            else if (line.Contains('|', StringComparison.Ordinal) && !line.StartsWith('\t'))
            {
                Flush();
            }
            else if (current is not null)
            {
                current += "\n" + line;
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            if (current is not null)
            {
                statements.Add(current);
            }
            current = null;
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
