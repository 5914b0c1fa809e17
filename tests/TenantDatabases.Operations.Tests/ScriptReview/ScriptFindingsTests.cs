using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.ScriptReview;
using TenantDatabases.Testing;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.ScriptReview;

public sealed class ScriptFindingsTests
{
    private static MigrationScript Script(string name, string sql) => new(name, ScriptName.NumberOf(name)!.Value, sql);

    private static BaseScript AtBase(MigrationScript script) => new(script.Name, script.Number, script.Sha256);

    [Fact]
    public void TheSameScriptsAtTheBaseAndOneAddedAfterThemPass()
    {
        var one = Script("0001_a.sql", "CREATE TABLE a ();");
        var two = Script("0002_b.sql", "CREATE TABLE b ();");

        Assert.Empty(ScriptFindings.SinceBase([AtBase(one)], [one, two], "migrations", "origin/main"));
        Assert.Empty(ScriptFindings.SinceBase([], [one], "migrations", "origin/main"));
    }

    [Fact]
    public void AnEditedScriptComparesTheChecksumTheJournalStoresSoLineEndingsAloneAreNoEdit()
    {
        var applied = Script("0001_a.sql", "CREATE TABLE a ();\n");
        var crlf = Script("0001_a.sql", "\uFEFFCREATE TABLE a ();\r\n");
        var edited = Script("0001_a.sql", "CREATE TABLE a (id int);\n");

        Assert.Empty(ScriptFindings.SinceBase([AtBase(applied)], [crlf], "migrations", "main"));
        var finding = Assert.Single(ScriptFindings.SinceBase([AtBase(applied)], [edited], "migrations", "main"));
        Assert.Equal("migrations/0001_a.sql", finding.File);
        Assert.Contains("edited since main", finding.Problem);
        Assert.Contains("git checkout main -- migrations/0001_a.sql", finding.Fix);
    }

    [Fact]
    public void ANewScriptNumberedBelowTheBasesHighestSaysWhichNumberToTake()
    {
        var scripts = new[] { Script("0001_a.sql", "SELECT 1;"), Script("0007_g.sql", "SELECT 7;") };
        var late = Script("0005_late.sql", "SELECT 5;");

        var finding = Assert.Single(ScriptFindings.SinceBase(scripts.Select(AtBase).ToList(), [.. scripts, late], "migrations", "main"));

        Assert.Equal("migrations/0005_late.sql", finding.File);
        Assert.Contains("out of order", finding.Problem);
        Assert.Equal("give it a number after 0007.", finding.Fix);
    }

    [Fact]
    public void ANoTransactionScriptWithTwoHazardsIsAWarningAndTheRepositorysIndexScriptIsNot()
    {
        var two = Script("0008_two.sql", "-- tenantdb:no-transaction\nCREATE INDEX CONCURRENTLY a ON t (x);\nCREATE INDEX CONCURRENTLY b ON t (y);\n");
        var inTransaction = Script("0009_tx.sql", "CREATE TABLE a (); CREATE TABLE b ();");

        var warning = Assert.Single(ScriptFindings.RetryHazards([.. RepositoryMigrations.Read().All, two, inTransaction], "migrations"));

        Assert.True(warning.IsWarning);
        Assert.Equal("migrations/0008_two.sql", warning.File);
        Assert.Contains("2 statements that cannot safely run twice", warning.Problem);
    }
}
