using DbUp;
using DbUp.Engine;
using DbUp.Postgresql;
using Npgsql;

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
