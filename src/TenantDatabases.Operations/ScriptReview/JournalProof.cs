using Npgsql;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// Whose tenants' journals prove that a script of the base was never applied: a stack's outputs, read with the Pulumi
/// CLI as migrate reads them (<c>--unapplied-on</c>), or a saved outputs file (<c>--unapplied-on-outputs</c>).
/// </summary>
/// <param name="Stack">A stack whose outputs <c>pulumi stack output --json --show-secrets</c> gives; null for a file.</param>
/// <param name="OutputsFile">A saved outputs file (or <c>-</c> for standard input); null for a stack.</param>
public sealed record JournalSource(string? Stack, string? OutputsFile)
{
    /// <summary>The source as people name it: "stack prod", or the file.</summary>
    public string Name => Stack is { } stack ? $"stack {stack}" : OutputsFile ?? "";
}

/// <summary>One tenant's journal: the names of the scripts it holds, or why it could not be read.</summary>
internal sealed record TenantJournalRead(TenantTarget Tenant, string Source, IReadOnlyList<string>? Scripts, string? Problem);

/// <summary>Every tenant's journal of every source, and a line per source saying how many were read.</summary>
internal sealed record FleetJournals(IReadOnlyList<TenantJournalRead> Tenants, IReadOnlyList<string> Sources);

/// <summary>
/// The proof that lets a script of the base be corrected: no tenant of the given stacks holds it in its journal (the
/// script failed on every one, in its own transaction, so nothing of it stayed). Every tenant must be read; one that
/// cannot be is no proof. Read-only: one owner login per tenant, as verify makes it.
/// </summary>
internal static class JournalProof
{
    private const int ListedTenants = 10;

    /// <summary>The journals of every tenant of <paramref name="sources"/>; a source that cannot be read at all is a usage problem.</summary>
    public static async Task<Result<FleetJournals>> ReadAsync(
        IReadOnlyList<JournalSource> sources, string? workingDirectory, TextReader standardInput, CancellationToken cancellationToken)
    {
        var tenants = new List<TenantJournalRead>();
        var read = new List<string>();
        foreach (var source in sources)
        {
            var selection = await TenantSelection.LoadAsync(new TenantRunRequest(source.Stack, workingDirectory, source.OutputsFile, [], []), standardInput, cancellationToken);
            if (!selection.Succeeded)
            {
                var option = source.Stack is null ? "--unapplied-on-outputs" : "--unapplied-on";
                return Result<FleetJournals>.Refused($"{option} {source.Stack ?? source.OutputsFile}: {string.Join(" ", selection.Problems)}");
            }
            var outputs = selection.Outputs;
            var fanOut = new TenantFanOut<TenantJournalRead>(
                new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer),
                (tenant, abort) => ReadOneAsync(tenant, outputs, source.Name, abort),
                journal => journal.Scripts is not null,
                (tenant, reason) => new TenantJournalRead(tenant, source.Name, null, reason));
            var journals = await fanOut.RunAsync(selection.Tenants, null, cancellationToken);
            tenants.AddRange(journals);
            read.Add($"{source.Name}: {journals.Count} tenant(s)");
        }
        return Result<FleetJournals>.Of(new FleetJournals(tenants, read));
    }

    private static async Task<TenantJournalRead> ReadOneAsync(TenantTarget tenant, TenantConnections outputs, string source, CancellationToken cancellationToken)
    {
        var passwords = outputs.Passwords;
        // The login migrate would use: the owner, or for an adopted tenant the server's admin (SET ROLE to the owner).
        if (TenantLogins.For(outputs, tenant) is not { } login)
        {
            return new TenantJournalRead(tenant, source, null, TenantLogins.Missing(tenant));
        }
        try
        {
            await using var dataSource = TenantDataSource.Create(tenant, login, "migrations check");
            await using var connection = await TenantDataSource.OpenAsync(dataSource, tenant, login, cancellationToken);
            await using (var readOnly = new NpgsqlCommand("SET default_transaction_read_only = on", connection))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }
            var entries = await SchemaJournal.ReadAsync(connection, knownToExist: false, cancellationToken);
            return new TenantJournalRead(tenant, source, [.. entries.Select(entry => entry.ScriptName)], null);
        }
        // One tenant's failure is that tenant's: it leaves the proof incomplete, and the others are still read.
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new TenantJournalRead(tenant, source, null, passwords.Mask(ConnectionFailure.Describe(error)));
        }
    }

    /// <summary>
    /// <paramref name="change"/> judged by the journals: still a problem, naming the tenants that hold the script (or
    /// could not be read); or allowed, as a warning that says on what it was proven.
    /// </summary>
    public static ScriptFinding Judge(BaseChange change, FleetJournals journals, IReadOnlyList<BaseScript> atBase, string baseName)
    {
        // Out of order only where a tenant holds a script numbered at or after the new one.
        var names = change.Kind == BaseChangeKind.NumberedTooLow
            ? atBase.Where(script => script.Number >= change.Script.Number).Select(script => script.Name).ToHashSet(StringComparer.Ordinal)
            : [change.Script.Name];
        var holders = journals.Tenants.Where(tenant => tenant.Scripts is { } scripts && scripts.Any(names.Contains)).ToList();
        var unreadable = journals.Tenants.Where(tenant => tenant.Scripts is null).ToList();
        var finding = change.Finding;
        var what = change.Kind == BaseChangeKind.NumberedTooLow ? $"a script of {baseName} numbered {ScriptName.Digits(change.Script.Name)} or later" : change.Script.Name;
        if (holders.Count > 0)
        {
            return finding with
            {
                Problem = $"{finding.Problem}; {holders.Count} tenant(s) hold {what} in their journal: {List(holders, tenant => "")}",
            };
        }
        if (unreadable.Count > 0)
        {
            return finding with
            {
                Problem = $"{finding.Problem}; no proof that no tenant applied it: the journals of {unreadable.Count} tenant(s) could not be read: " +
                    List(unreadable, tenant => $": {tenant.Problem}"),
                Fix = "make every tenant reachable and rerun the check, or " + finding.Fix,
            };
        }
        var proven = $"no tenant's journal holds {what} ({string.Join("; ", journals.Sources)})";
        var allowed = change.Kind switch
        {
            BaseChangeKind.NumberedTooLow => $"is new and numbered {ScriptName.Digits(change.Script.Name)}, not after the last script of {baseName}, and allowed: {proven}, so it runs in order everywhere",
            BaseChangeKind.Renamed => $"is {change.Script.Name} of {baseName} renamed, and allowed: {proven}",
            BaseChangeKind.Deleted => $"deleted since {baseName}, and allowed: {proven}",
            _ => $"edited since {baseName}, and allowed: {proven}, so migrate runs it as it is now",
        };
        var partial = change.Script.RunsInTransaction || change.Kind == BaseChangeKind.NumberedTooLow ? "" :
            $"; it runs without a transaction ({MigrationScript.NoTransactionMarker}), so a failed run may have left its first statements applied " +
            "where no journal records them: check the tenants, and make what replaces it safe to run over them (IF NOT EXISTS, IF EXISTS)";
        return new ScriptFinding(finding.File, allowed + partial, "", IsWarning: true);
    }

    private static string List(IReadOnlyList<TenantJournalRead> tenants, Func<TenantJournalRead, string> detail) =>
        string.Join(", ", tenants.Take(ListedTenants).Select(tenant => $"{tenant.Tenant.Id} (server {tenant.Tenant.Server}, {tenant.Source}){detail(tenant)}")) +
        (tenants.Count > ListedTenants ? $" and {tenants.Count - ListedTenants} more" : "");
}
