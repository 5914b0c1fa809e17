using System.Data;
using DbUp.Engine;
using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Postgresql;
using Npgsql;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// DbUp's connection for one tenant: one unpooled connection for the whole run, a transaction per script, except
/// for scripts marked <see cref="MigrationScript.NoTransactionMarker"/>, whose statements run one by one outside any.
/// A transactional script is sent as one batch (one round trip); DbUp's own splitter serves the others.
/// </summary>
internal sealed class ScriptConnectionManager(NpgsqlDataSource dataSource, string sessionSetup) : IConnectionManager
{
    private static readonly PostgresqlConnectionManager Splitter = new("Host=unused");
    private NpgsqlConnection? connection;

    /// <summary>Set by <see cref="ScriptModeExecutor"/> before each script.</summary>
    public bool CurrentScriptRunsInTransaction { get; set; } = true;

    public TransactionMode TransactionMode { get; set; } = TransactionMode.TransactionPerScript;

    public bool IsScriptOutputLogged { get; set; }

    public int? ExecutionTimeoutSeconds { get; set; }

    public IDisposable OperationStarting(IUpgradeLog upgradeLog, List<SqlScript> executedScripts)
    {
        connection = dataSource.OpenConnection();
        using (var setup = new NpgsqlCommand(sessionSetup, connection))
        {
            setup.ExecuteNonQuery();
        }
        return new ConnectionLease(this);
    }

    public void ExecuteCommandsWithManagedConnection(Action<Func<IDbCommand>> action) =>
        ExecuteCommandsWithManagedConnection(factory =>
        {
            action(factory);
            return 0;
        });

    public T ExecuteCommandsWithManagedConnection<T>(Func<Func<IDbCommand>, T> actionWithResult)
    {
        var open = connection ?? throw new InvalidOperationException("No migration connection is open.");
        if (!CurrentScriptRunsInTransaction)
        {
            return actionWithResult(open.CreateCommand);
        }
        using var transaction = open.BeginTransaction();
        var result = actionWithResult(() => new NpgsqlCommand { Connection = open, Transaction = transaction });
        transaction.Commit();
        return result;
    }

    public IEnumerable<string> SplitScriptIntoCommands(string scriptContents) =>
        CurrentScriptRunsInTransaction ? [scriptContents] : Splitter.SplitScriptIntoCommands(scriptContents);

    public bool TryConnect(IUpgradeLog upgradeLog, out string errorMessage)
    {
        try
        {
            using var probe = dataSource.OpenConnection();
            errorMessage = "";
            return true;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            errorMessage = error.Message;
            return false;
        }
    }

    private sealed class ConnectionLease(ScriptConnectionManager owner) : IDisposable
    {
        public void Dispose()
        {
            owner.connection?.Dispose();
            owner.connection = null;
        }
    }
}
