using Npgsql;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Status;

/// <summary>How far a tenant's schema is: the last script of its journal against the newest of <c>migrations/</c>.</summary>
public enum SchemaState
{
    /// <summary>The journal ends at the newest script.</summary>
    Latest,
    /// <summary>Scripts of the folder are not applied yet (migrate applies them).</summary>
    Behind,
    /// <summary>No script applied (no journal): a tenant created and never migrated.</summary>
    Empty,
    /// <summary>The journal holds scripts the folder lacks: the folder is older than what migrated the tenant.</summary>
    Ahead,
    /// <summary>Not read; <see cref="SchemaLevel.Reason"/> says why.</summary>
    Unknown,
}

/// <summary>A tenant's schema level.</summary>
/// <param name="State">Where it stands.</param>
/// <param name="Last">The last script of its journal, when it has one.</param>
/// <param name="Latest">The newest script of the folder.</param>
/// <param name="Pending">Scripts of the folder not in its journal.</param>
/// <param name="Reason">Why it is unknown, with the fix; null otherwise.</param>
public sealed record SchemaLevel(SchemaState State, string? Last, string? Latest, int Pending, string? Reason = null)
{
    /// <summary>A level that could not be read, and why.</summary>
    public static SchemaLevel Unknown(string reason, string? latest = null) => new(SchemaState.Unknown, null, latest, 0, reason);

    /// <summary>The level a journal gives against <paramref name="scripts"/>.</summary>
    public static SchemaLevel Of(MigrationScripts scripts, IReadOnlyList<JournalEntry> journal)
    {
        var comparison = JournalComparison.Compare(scripts, journal);
        var latest = scripts.Latest?.Name;
        var last = journal.Count == 0 ? null : journal[^1].ScriptName;
        var state = journal.Count == 0 ? SchemaState.Empty
            : comparison.Unknown.Count > 0 ? SchemaState.Ahead
            : comparison.Pending.Count > 0 ? SchemaState.Behind
            : SchemaState.Latest;
        return new SchemaLevel(state, last, latest, comparison.Pending.Count);
    }

    /// <summary>"latest", "2 behind (at 0005_sales.sql)", "unknown: …".</summary>
    public string Describe() => State switch
    {
        SchemaState.Latest => $"latest ({Last})",
        SchemaState.Behind => $"{Pending} behind (at {Last})",
        SchemaState.Empty => $"no script applied ({Pending} pending)",
        SchemaState.Ahead => $"ahead of migrations/ (at {Last})",
        _ => $"unknown: {Reason}",
    };
}

/// <summary>
/// Reads the schema level of tenant databases as the admin, through its membership in each tenant's owner role (the
/// role that owns the journal), over unpooled connections, with at most <see cref="FanOutOptions.DefaultPerServer"/>
/// at once on a server: the connection budget that migrate keeps to. A database the admin cannot enter or read gets
/// the reason; a server whose tenant database does not answer within the timeout is not tried further.
/// </summary>
internal sealed class SchemaLevels(MigrationScriptsResult scripts, TimeSpan timeout)
{
    /// <summary>
    /// Each tenant leaves about 280 KB behind (its data source, its login, the first query's converters), and the
    /// runtime sizes its youngest generation by the CPU's cache (about 100 MB on the benchmark machine) with no setting
    /// but an environment variable: thousands of tenants would fill it before a collection. A young collection every
    /// this many tenants keeps the peak near what is alive, for about a millisecond each (docs/benchmarks.md#status).
    /// </summary>
    private const int TenantsPerCollection = 64;

    private int read;

    /// <summary>One tenant database to read, on the session target of its server.</summary>
    public sealed record Read(string Stack, string TenantId, string Database, string OwnerRole, PreflightTarget Server);

    /// <summary>The level of every database in <paramref name="reads"/>, by (stack, tenant id).</summary>
    public async Task<IReadOnlyDictionary<(string Stack, string Id), SchemaLevel>> ReadAsync(IReadOnlyList<Read> reads, RunCancellation cancellation)
    {
        var latest = scripts.Scripts?.Latest?.Name;
        if (!scripts.IsValid)
        {
            var why = $"the scripts cannot be read ({string.Join("; ", scripts.Problems)})";
            return reads.ToDictionary(read => (read.Stack, read.TenantId), _ => SchemaLevel.Unknown(why));
        }
        var set = scripts.Scripts;
        // The fan-out keys its budget by server: a server of one stack is never another's (a rule across stacks).
        var byTarget = reads.ToDictionary(read => read.Stack + "\n" + read.TenantId);
        var targets = reads.Select(read => new TenantTarget(read.Stack + "\n" + read.TenantId, $"{read.Stack}/{read.Server.Server.Name}", "",
            read.Server.Server.Host, read.Server.Server.Port, read.Database, read.Server.Server.Username, read.Server.Server.SslMode)).ToList();
        var givenUp = targets.Select(target => target.Server).Distinct().ToDictionary(server => server, _ => new CancellationTokenSource());
        var fanOut = new TenantFanOut<(string Key, SchemaLevel Level)>(
            new FanOutOptions(Math.Max(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer * givenUp.Count), FanOutOptions.DefaultPerServer),
            async (target, abort) =>
            {
                var level = await ReadOneAsync(byTarget[target.Id], set, givenUp[target.Server], abort);
                if (Interlocked.Increment(ref read) % TenantsPerCollection == 0)
                {
                    GC.Collect(0);
                }
                return (target.Id, level);
            },
            result => result.Level.State != SchemaState.Unknown,
            (target, reason) => (target.Id, SchemaLevel.Unknown(reason, latest)),
            (target, reason) => (target.Id, SchemaLevel.Unknown(reason, latest)));
        try
        {
            var results = await fanOut.RunAsync(targets, null, cancellation);
            return results.ToDictionary(result => (byTarget[result.Key].Stack, byTarget[result.Key].TenantId), result => result.Level);
        }
        finally
        {
            foreach (var source in givenUp.Values)
            {
                source.Dispose();
            }
        }
    }

    private async Task<SchemaLevel> ReadOneAsync(Read read, MigrationScripts set, CancellationTokenSource givenUp, CancellationToken abort)
    {
        var latest = set.Latest?.Name;
        if (givenUp.IsCancellationRequested)
        {
            return SchemaLevel.Unknown($"not read: an earlier tenant database of this server did not answer within {timeout.TotalSeconds:0.#} s", latest);
        }
        var admin = read.Server.Server.Username;
        try
        {
            await using var dataSource = AdminConnection.Create(read.Server, timeout, null, "status", read.Database);
            await using var connection = await dataSource.OpenConnectionAsync(abort).AsTask().WaitAsync(timeout + TimeSpan.FromSeconds(1), abort);
            var journal = await SchemaJournal.ReadAsync(connection, knownToExist: false, abort);
            return SchemaLevel.Of(set, journal);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return SchemaLevel.Unknown(
                $"the admin \"{admin}\" cannot read it (SQLSTATE {error.SqlState}: {error.MessageText}); it reads a tenant's journal through its " +
                $"membership in the owner role; fix: GRANT {SqlIdentifier.Quote(read.OwnerRole)} TO {SqlIdentifier.Quote(admin)};", latest);
        }
        catch (Exception error) when (!abort.IsCancellationRequested && ConnectionFailure.IsTimeout(error))
        {
            await givenUp.CancelAsync();
            return SchemaLevel.Unknown($"no answer within {timeout.TotalSeconds:0.#} s: {new SecretMask([read.Server.Password]).Apply(ConnectionFailure.Describe(error))}", latest);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException or IOException)
        {
            var sqlState = ConnectionFailure.SqlState(error);
            return SchemaLevel.Unknown(
                (sqlState is null ? "" : $"SQLSTATE {sqlState}: ") + new SecretMask([read.Server.Password]).Apply(ConnectionFailure.Describe(error)), latest);
        }
    }
}
