using System.Data;
using System.Diagnostics;
using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Engine;
using DbUp.Postgresql;
using Npgsql;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Migrations;

/// <summary>What DbUp did for one tenant: the scripts it applied, and the error and script it stopped at.</summary>
internal sealed record DbUpOutcome(IReadOnlyList<AppliedScript> Applied, Exception? Error, string? ErrorScript);

/// <summary>
/// Runs DbUp on one tenant database: variable substitution off (so <c>$body$</c> stays intact), a transaction per
/// script, the journal of <see cref="TenantJournal"/>, no logging (its messages could carry connection details).
/// Never DbUp's EnsureDatabase: the databases are Pulumi's.
/// </summary>
internal static class DbUpRun
{
    /// <summary>Applies what is pending; once <paramref name="stop"/> is cancelled, no further script starts.</summary>
    public static DbUpOutcome Apply(
        NpgsqlConnection lockConnection, string sessionSetup, MigrationScripts scripts, IReadOnlyList<JournalEntry> journal, int? commandTimeoutSeconds,
        ScriptProgress progress, CancellationToken stop)
    {
        var connection = new ScriptConnectionManager(lockConnection, sessionSetup, commandTimeoutSeconds ?? 0);
        var builder = PostgresqlExtensions.PostgresqlDatabase(connection, "public")
            .WithScripts(scripts.All.Select((script, index) =>
                new SqlScript(script.Name, script.Contents, new SqlScriptOptions { RunGroupOrder = index })))
            .JournalTo(new TenantJournal(journal, scripts))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .WithExecutionTimeout(commandTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
            .LogToNowhere();
        builder.Configure(configuration =>
        {
            configuration.ScriptExecutor = new ScriptModeExecutor(configuration.ScriptExecutor, connection, scripts, progress, stop);
        });
        var result = builder.Build().PerformUpgrade();
        return new DbUpOutcome(progress.Applied, result.Successful ? null : result.Error, result.Successful ? null : result.ErrorScript?.Name);
    }
}

/// <summary>
/// DbUp's connection for one tenant: the open connection that holds the tenant's migration lock, lent for the
/// whole run and never closed here (closing it would release the lock). A transaction per script, except for
/// scripts marked <see cref="MigrationScript.NoTransactionMarker"/>, whose statements run one by one outside any.
/// A transactional script is sent as one batch (one round trip); DbUp's own splitter serves the others.
/// </summary>
/// <param name="commandTimeoutSeconds">Npgsql's limit for each command DbUp sends; 0 for none.</param>
internal sealed class ScriptConnectionManager(NpgsqlConnection connection, string sessionSetup, int commandTimeoutSeconds) : IConnectionManager
{
    private static readonly PostgresqlConnectionManager Splitter = new("Host=unused");

    /// <summary>Set by <see cref="ScriptModeExecutor"/> before each script.</summary>
    public bool CurrentScriptRunsInTransaction { get; set; } = true;

    public TransactionMode TransactionMode { get; set; } = TransactionMode.TransactionPerScript;

    public bool IsScriptOutputLogged { get; set; }

    public int? ExecutionTimeoutSeconds { get; set; }

    public IDisposable OperationStarting(IUpgradeLog upgradeLog, List<SqlScript> executedScripts)
    {
        using (var setup = new NpgsqlCommand(sessionSetup, connection))
        {
            setup.ExecuteNonQuery();
        }
        return new NothingToRelease();
    }

    public void ExecuteCommandsWithManagedConnection(Action<Func<IDbCommand>> action) =>
        ExecuteCommandsWithManagedConnection(factory =>
        {
            action(factory);
            return 0;
        });

    public T ExecuteCommandsWithManagedConnection<T>(Func<Func<IDbCommand>, T> actionWithResult)
    {
        if (!CurrentScriptRunsInTransaction)
        {
            return actionWithResult(() => new NpgsqlCommand { Connection = connection, CommandTimeout = commandTimeoutSeconds });
        }
        using var transaction = connection.BeginTransaction();
        var result = actionWithResult(() => new NpgsqlCommand { Connection = connection, Transaction = transaction, CommandTimeout = commandTimeoutSeconds });
        transaction.Commit();
        return result;
    }

    public IEnumerable<string> SplitScriptIntoCommands(string scriptContents) =>
        CurrentScriptRunsInTransaction ? [scriptContents] : Statements(scriptContents);

    /// <summary>The statements a no-transaction script is run as, one by one (what <c>migrations check</c> reads too).</summary>
    internal static IEnumerable<string> Statements(string scriptContents) => Splitter.SplitScriptIntoCommands(scriptContents);

    // The lock was taken on this connection, so it is open: a probe login would only cost the server a backend.
    public bool TryConnect(IUpgradeLog upgradeLog, out string errorMessage)
    {
        errorMessage = connection.State == ConnectionState.Open ? "" : "the migration connection is closed";
        return errorMessage.Length == 0;
    }

    private sealed class NothingToRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>
/// Wraps DbUp's PostgreSQL executor: tells the connection whether the next script runs in a transaction, records
/// how long each applied script took, and starts no further script once the run is asked to stop (the previous
/// one has committed with its journal row, so stopping here leaves nothing half-applied).
/// </summary>
internal sealed class ScriptModeExecutor(
    IScriptExecutor inner, ScriptConnectionManager connection, MigrationScripts scripts, ScriptProgress progress, CancellationToken stop) : IScriptExecutor
{
    public int? ExecutionTimeoutSeconds
    {
        get => inner.ExecutionTimeoutSeconds;
        set => inner.ExecutionTimeoutSeconds = value;
    }

    public void Execute(SqlScript script) => Execute(script, new Dictionary<string, string>());

    public void Execute(SqlScript script, IDictionary<string, string> variables)
    {
        // DbUp returns this as the run's error, naming the script that was not started.
        stop.ThrowIfCancellationRequested();
        var migration = scripts.Find(script.Name) ?? new MigrationScript(script.Name, 0, script.Contents);
        connection.CurrentScriptRunsInTransaction = migration.RunsInTransaction;
        progress.Starting(migration);
        var clock = Stopwatch.StartNew();
        inner.Execute(script, variables);
        progress.Finished(new AppliedScript(script.Name, clock.Elapsed));
    }

    public void VerifySchema() => inner.VerifySchema();
}

/// <summary>
/// DbUp's view of <see cref="SchemaJournal"/>. The entries were read under the tenant's lock just before, and
/// the table was created then; each new entry is written with the script's own command factory, so it commits
/// in the script's transaction.
/// </summary>
internal sealed class TenantJournal(IReadOnlyList<JournalEntry> entries, MigrationScripts scripts) : IJournal
{
    public string[] GetExecutedScripts() => entries.Select(entry => entry.ScriptName).ToArray();

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        using var command = (NpgsqlCommand)dbCommandFactory();
        command.CommandText = SchemaJournal.InsertSql;
        command.Parameters.AddWithValue("name", script.Name);
        command.Parameters.AddWithValue("sha256", MigrationScript.Checksum(script.Contents));
        command.Parameters.AddWithValue("in_transaction", scripts.Find(script.Name)?.RunsInTransaction ?? true);
        command.ExecuteNonQuery();
    }

    // The table exists already: it was created under the lock before DbUp started.
    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
    }
}

/// <summary>
/// The scripts one tenant's DbUp run has applied, and the one it is running, readable from another thread: an
/// aborted run reports them at once instead of waiting for DbUp's synchronous call to return.
/// </summary>
internal sealed class ScriptProgress
{
    private readonly Lock gate = new();
    private readonly List<AppliedScript> applied = [];
    private MigrationScript? running;

    /// <summary>The scripts the run found pending, once the journal was read.</summary>
    public IReadOnlyList<string> Pending { get; set; } = [];

    /// <summary>The pending scripts not applied so far.</summary>
    public IReadOnlyList<string> NotApplied => Pending.Except(Applied.Select(script => script.Name)).ToList();

    public void Starting(MigrationScript script)
    {
        lock (gate)
        {
            running = script;
        }
    }

    public void Finished(AppliedScript script)
    {
        lock (gate)
        {
            applied.Add(script);
            running = null;
        }
    }

    /// <summary>The scripts applied so far, in order.</summary>
    public IReadOnlyList<AppliedScript> Applied
    {
        get
        {
            lock (gate)
            {
                return applied.ToList();
            }
        }
    }

    /// <summary>The script in flight (null between scripts).</summary>
    public MigrationScript? Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }
}
