using System.Diagnostics;
using DbUp.Engine;

namespace TenantDatabases.Operations.Migrations;

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
