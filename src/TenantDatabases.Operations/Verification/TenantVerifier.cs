using System.Diagnostics;
using Npgsql;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Verification;

/// <summary>
/// Checks one tenant database over a fresh, unpooled connection as its owner role (or as the server's admin acting as
/// it, for an adopted tenant whose owner password the stack does not hold): the recorded owner owns the database,
/// PUBLIC cannot connect to it, the server is not a standby, and the journal holds exactly the scripts, unchanged.
/// </summary>
public static class TenantVerifier
{
    public static async Task<TenantVerification> VerifyAsync(
        TenantTarget tenant, TenantLogin login, MigrationScripts scripts, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // A data source of its own: a fresh, unpooled login, as an application would make it.
            await using var dataSource = TenantDataSource.Create(tenant, login, "verify");
            await using var connection = await TenantDataSource.OpenAsync(dataSource, tenant, login, cancellationToken);
            return await CheckAsync(tenant, connection, scripts, clock, cancellationToken);
        }
        // Anything else is still one tenant's failure: it must not end the run for the others.
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new TenantVerification(tenant, [new CheckResult(CheckResult.Connect, false, ConnectionFailure.Describe(error))], clock.Elapsed);
        }
    }

    /// <summary>The checks, on <paramref name="connection"/>: a connection this run has just opened as the owner.</summary>
    public static async Task<TenantVerification> CheckAsync(
        TenantTarget tenant, NpgsqlConnection connection, MigrationScripts scripts, Stopwatch clock, CancellationToken cancellationToken)
    {
        var checks = new List<CheckResult> { new(CheckResult.Connect, true, $"{connection.UserName}@{tenant.Host}:{tenant.Port}/{tenant.Database}") };
        try
        {
            var facts = await ReadFactsAsync(connection, cancellationToken);
            // The owner the stack records; and the session acts as it, so that what migrate creates is the owner's.
            checks.Add(facts.Owner == tenant.DatabaseOwner && facts.CurrentUser == tenant.DatabaseOwner
                ? new CheckResult(CheckResult.Owner, true, facts.Owner)
                : new CheckResult(CheckResult.Owner, false, facts.Owner != tenant.DatabaseOwner
                    ? $"the database is owned by '{facts.Owner}', not by '{tenant.DatabaseOwner}' as the stack records"
                    : $"the session acts as '{facts.CurrentUser}', not as the owner '{tenant.DatabaseOwner}'"));
            checks.Add(new CheckResult(CheckResult.PublicConnect, !facts.PublicCanConnect,
                facts.PublicCanConnect ? $"PUBLIC can connect; run REVOKE CONNECT ON DATABASE {SqlIdentifier.Quote(tenant.Database)} FROM PUBLIC" : "revoked"));
            checks.Add(new CheckResult(CheckResult.Recovery, !facts.InRecovery,
                facts.InRecovery ? "the server is a standby in recovery; point the stack at the primary" : "primary"));
            var journal = await SchemaJournal.ReadAsync(connection, facts.JournalExists, cancellationToken);
            checks.Add(JournalCheck(scripts, journal));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            checks.Add(new CheckResult("query", false, ConnectionFailure.Describe(error)));
        }
        return new TenantVerification(tenant, checks, clock.Elapsed);
    }

    // Each way a journal can differ from the scripts has its own message; a tenant can show several at once.
    private static CheckResult JournalCheck(MigrationScripts scripts, IReadOnlyList<JournalEntry> journal)
    {
        var comparison = JournalComparison.Compare(scripts, journal);
        var problems = new List<string>();
        if (comparison.Unknown.Count > 0)
        {
            problems.Add(comparison.DescribeUnknown());
        }
        problems.AddRange(comparison.Changed.Select(changed => changed.Describe()));
        if (comparison.Pending.Count > 0)
        {
            var at = journal.Count == 0 ? "no script applied" : $"at {ScriptName.Display(journal[^1].ScriptName)}";
            problems.Add($"{at}; {comparison.Pending.Count} pending from {comparison.Pending[0].Name}; run tenantdb migrate");
        }
        return problems.Count > 0
            ? new CheckResult(CheckResult.Journal, false, string.Join(" ", problems))
            : new CheckResult(CheckResult.Journal, true, scripts.Latest?.Name ?? "no scripts");
    }

    private sealed record Facts(string CurrentUser, string Owner, bool PublicCanConnect, bool InRecovery, bool JournalExists);

    private static async Task<Facts> ReadFactsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // 'public' names the PUBLIC pseudo-role in the privilege functions.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT current_user::text, pg_get_userbyid(d.datdba)::text, has_database_privilege('public', d.oid, 'CONNECT'),
                   pg_is_in_recovery(), {SchemaJournal.ExistsExpression} IS NOT NULL
            FROM pg_database d WHERE d.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Facts(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4));
    }
}

/// <summary>Every check of one tenant database.</summary>
public sealed record TenantVerification(TenantTarget Tenant, IReadOnlyList<CheckResult> Checks, TimeSpan Duration)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(check => check.Passed);

    /// <summary>True when the run never checked this tenant (it stopped or was cancelled first).</summary>
    public bool WasRun => !(Checks is [{ Name: CheckResult.Run, Passed: false }]);

    /// <summary>A tenant the run did not check, and why.</summary>
    public static TenantVerification NotRun(TenantTarget tenant, string reason) =>
        new(tenant, [new CheckResult(CheckResult.Run, false, reason)], TimeSpan.Zero);

    /// <summary>The checks that failed, as one line.</summary>
    public string DescribeFailures() =>
        string.Join("; ", Checks.Where(check => !check.Passed).Select(check => $"{check.Name}: {check.Value}"));
}

/// <summary>One check of a tenant database: its name, whether it passed, and the value it found.</summary>
public sealed record CheckResult(string Name, bool Passed, string Value)
{
    public const string Connect = "connect";
    public const string Owner = "owner";
    public const string PublicConnect = "public-connect";
    public const string Recovery = "recovery";
    public const string Journal = "journal";

    /// <summary>The one check of a tenant that the run never checked: its value says why.</summary>
    public const string Run = "run";
}
