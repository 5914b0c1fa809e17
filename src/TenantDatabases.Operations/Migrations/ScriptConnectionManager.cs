using System.Data;
using DbUp.Engine;
using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Postgresql;
using Npgsql;

namespace TenantDatabases.Operations.Migrations;

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
