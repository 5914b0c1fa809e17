using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Operations.Tests.Migrations;

public sealed class MigrationScriptsTests
{
    [Fact]
    public void EmbeddedScriptsAreNamedByFileAloneAndOrderedByNumber()
    {
        var scripts = MigrationScripts.Embedded();

        Assert.Equal("0001_outlets_and_registers.sql", scripts.All[0].Name);
        Assert.Equal(scripts.All.OrderBy(s => s.Number).Select(s => s.Name), scripts.All.Select(s => s.Name));
        Assert.All(scripts.All, s => Assert.DoesNotContain("TenantDatabases", s.Name));
        Assert.Equal(scripts.All[^1], scripts.Latest);
    }

    [Fact]
    public void OnlyScriptsWhoseFirstLineIsTheMarkerRunOutsideATransaction()
    {
        var scripts = MigrationScripts.Embedded();

        Assert.Equal(["0007_sales_by_customer_index.sql"], scripts.All.Where(s => !s.RunsInTransaction).Select(s => s.Name));
        Assert.True(new MigrationScript("0001_x.sql", 1, "SELECT 1;\n" + MigrationScript.NoTransactionMarker).RunsInTransaction);
        Assert.False(new MigrationScript("0001_x.sql", 1, "\uFEFF" + MigrationScript.NoTransactionMarker + "\r\nCREATE INDEX CONCURRENTLY i ON t (c);").RunsInTransaction);
    }

    [Fact]
    public void ChecksumIgnoresLineEndingsAndByteOrderMarkButNotContent()
    {
        var checksum = MigrationScript.Checksum("CREATE TABLE t (id int);\nSELECT 1;\n");

        Assert.Equal(checksum, MigrationScript.Checksum("\uFEFFCREATE TABLE t (id int);\r\nSELECT 1;\r\n"));
        Assert.NotEqual(checksum, MigrationScript.Checksum("CREATE TABLE t (id bigint);\nSELECT 1;\n"));
        Assert.Matches("^[0-9a-f]{64}$", checksum);
    }

    [Fact]
    public void AFolderWithBadNamesOrSharedNumbersReportsEveryProblem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "0001_a.sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(folder, "1_b.sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(folder, "cleanup.sql"), "SELECT 1;");

        var (scripts, problems) = MigrationScripts.FromFolder(folder);

        Assert.Null(scripts);
        Assert.False(MigrationScripts.FromFolder(folder).IsValid);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("cleanup.sql") && p.Contains("0007_loyalty_cards.sql"));
        Assert.Contains(problems, p => p.Contains("0001_a.sql and 1_b.sql share the number 1"));
        Assert.Contains("does not exist", Assert.Single(MigrationScripts.FromFolder(folder + "-missing").Problems));
    }

    [Fact]
    public void NumbersOrderScriptsNotTheirText()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "10_later.sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(folder, "9_earlier.sql"), "SELECT 1;");

        var read = MigrationScripts.FromFolder(folder);

        Assert.True(read.IsValid);
        Assert.Equal(["9_earlier.sql", "10_later.sql"], read.Scripts.All.Select(s => s.Name));
    }

    [Fact]
    public void TheJournalComparisonNamesChangedScriptsWithWhenTheyWereApplied()
    {
        var scripts = MigrationScripts.Embedded();
        var appliedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var journal = new[]
        {
            new JournalEntry(scripts.All[0].Name, scripts.All[0].Sha256, appliedAt),
            new JournalEntry(scripts.All[1].Name, new string('0', 64), appliedAt),
        };

        var comparison = JournalComparison.Compare(scripts, journal);

        Assert.Equal(scripts.All.Skip(2).Select(s => s.Name), comparison.Pending.Select(s => s.Name));
        var changed = Assert.Single(comparison.Changed);
        Assert.StartsWith($"{scripts.All[1].Name} was applied on 2026-03-04 05:06:07 UTC and has changed since", changed.Describe());
    }
}
