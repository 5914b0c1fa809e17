using System.Diagnostics;
using DbUp.Engine;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// Wraps DbUp's PostgreSQL executor: tells the connection whether the next script runs in a transaction, and
/// records how long each applied script took.
/// </summary>
internal sealed class ScriptModeExecutor(IScriptExecutor inner, ScriptConnectionManager connection, MigrationScripts scripts) : IScriptExecutor
{
    private readonly List<AppliedScript> applied = [];

    /// <summary>The scripts that completed, in order, with their durations.</summary>
    public IReadOnlyList<AppliedScript> Applied => applied;

    public int? ExecutionTimeoutSeconds
    {
        get => inner.ExecutionTimeoutSeconds;
        set => inner.ExecutionTimeoutSeconds = value;
    }

    public void Execute(SqlScript script) => Execute(script, new Dictionary<string, string>());

    public void Execute(SqlScript script, IDictionary<string, string> variables)
    {
        connection.CurrentScriptRunsInTransaction = scripts.Find(script.Name)?.RunsInTransaction ?? true;
        var clock = Stopwatch.StartNew();
        inner.Execute(script, variables);
        applied.Add(new AppliedScript(script.Name, clock.Elapsed));
    }

    public void VerifySchema() => inner.VerifySchema();
}
