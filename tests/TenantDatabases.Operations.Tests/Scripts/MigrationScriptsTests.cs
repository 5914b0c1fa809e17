using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.Scripts;

public sealed class MigrationScriptsTests
{
    [Fact]
    public void TheRepositoryScriptsAreNamedByFileAloneAndOrderedByNumber()
    {
        var scripts = RepositoryMigrations.Read();

        Assert.Equal("0001_outlets_and_registers.sql", scripts.All[0].Name);
        Assert.Equal(scripts.All.OrderBy(s => s.Number).Select(s => s.Name), scripts.All.Select(s => s.Name));
        Assert.All(scripts.All, s => Assert.DoesNotContain("TenantDatabases", s.Name));
        Assert.Equal(scripts.All[^1], scripts.Latest);
    }

    [Fact]
    public void OnlyScriptsWhoseFirstLineIsTheMarkerRunOutsideATransaction()
    {
        var scripts = RepositoryMigrations.Read();

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

        var read = MigrationScripts.FromFolder(folder);
        var problems = read.Problems;

        Assert.Null(read.Scripts);
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
        var scripts = RepositoryMigrations.Read();
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

    [Fact]
    public void NamesAreBoundedAndAHostileNameIsShownEscaped()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "0001_" + new string('a', 100) + ".sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(folder, "0002_new\nline.sql"), "SELECT 1;");

        var problems = MigrationScripts.FromFolder(folder).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("0001_aaaa") && p.Contains('…') && p.Contains("at most 100 characters"));
        Assert.Contains(problems, p => p.Contains("0002_new\\u000aline.sql"));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
        Assert.Null(ScriptName.NumberOf("0001_" + new string('a', 92) + ".sql"));
        Assert.Equal(1, ScriptName.NumberOf("0001_" + new string('a', 91) + ".sql"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ASymbolicLinkAndAnEmptyFolderAreRefused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        Assert.Contains("no *.sql scripts", Assert.Single(MigrationScripts.FromFolder(folder).Problems));

        File.WriteAllText(Path.Combine(folder, "0001_a.sql"), "SELECT 1;");
        File.CreateSymbolicLink(Path.Combine(folder, "0002_b.sql"), "/etc/hostname");

        Assert.Contains("0002_b.sql: is a symbolic link", Assert.Single(MigrationScripts.FromFolder(folder).Problems));
    }

    [Fact]
    public void TheJournalComparisonNamesAppliedScriptsTheFolderLacks()
    {
        var scripts = RepositoryMigrations.Read();
        var appliedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var journal = scripts.All.Select(s => new JournalEntry(s.Name, s.Sha256, appliedAt))
            .Append(new JournalEntry("0042_from_a_newer_folder.sql", new string('1', 64), appliedAt)).ToList();

        var comparison = JournalComparison.Compare(scripts, journal);

        Assert.Empty(comparison.Pending);
        Assert.Empty(comparison.Changed);
        Assert.Equal("0042_from_a_newer_folder.sql", Assert.Single(comparison.Unknown).ScriptName);
        Assert.StartsWith("the journal holds 0042_from_a_newer_folder.sql (applied 2026-03-04 05:06:07 UTC), which the scripts folder lacks", comparison.DescribeUnknown());
    }

    [Fact]
    public void AScriptWhoseExtensionIsNotLowerCaseSqlIsAProblemNotSilentlyLeftOut()
    {
        var folder = Directory.CreateTempSubdirectory("tenantdb-scripts-case-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "0001_first.sql"), "SELECT 1;");
            File.WriteAllText(Path.Combine(folder.FullName, "0002_second.SQL"), "SELECT 2;");

            var read = MigrationScripts.FromFolder(folder.FullName);

            Assert.False(read.IsValid);
            var problem = Assert.Single(read.Problems);
            Assert.Contains("0002_second.SQL", problem);
            Assert.Contains("rename it to end in .sql", problem);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
