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

    private static MigrationScriptsResult FolderWith(params (string Name, string Contents)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, contents) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, contents);
        }
        return MigrationScripts.FromFolder(folder);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("-- to do\n/* nothing yet */\n")]
    [InlineData(";\n;")]
    [InlineData("-- tenantdb:no-transaction\n")]
    public void AScriptWithNoStatementIsAProblemForMigrateAndTheCheckAlike(string contents)
    {
        var read = FolderWith(("0001_a.sql", "SELECT 1;"), ("0002_empty.sql", contents));

        Assert.False(read.IsValid);
        Assert.Contains("0002_empty.sql: holds no SQL statement", Assert.Single(read.Problems));
    }

    [Theory]
    [InlineData("CREATE TABLE c8(a int); COMMIT; SELECT 1/0;", "COMMIT")]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n", "BEGIN")]
    [InlineData("CREATE TABLE t (a int);\nrollback;", "ROLLBACK")]
    [InlineData("CREATE TABLE t (a int);\nEnd;", "END")]
    [InlineData("SAVEPOINT s; CREATE TABLE t (a int); RELEASE SAVEPOINT s;", "SAVEPOINT")]
    [InlineData("CREATE TABLE t (a int); RELEASE s;", "RELEASE")]
    [InlineData("START TRANSACTION; SELECT 1;", "START TRANSACTION")]
    [InlineData("SELECT 1; ABORT;", "ABORT")]
    [InlineData("SELECT 1;\n-- done\nCOMMIT", "COMMIT")]
    public void ATransactionStatementAtTheTopOfATransactionalScriptIsAProblem(string contents, string statement)
    {
        var read = FolderWith(("0008_x.sql", contents));

        Assert.False(read.IsValid);
        var problem = Assert.Single(read.Problems);
        Assert.Contains($"0008_x.sql: runs in a transaction, and its statement '{statement}", problem);
        Assert.Contains("-- tenantdb:no-transaction", problem);
    }

    [Theory]
    [InlineData("DO $$ BEGIN PERFORM 1; END $$;")]
    [InlineData("CREATE PROCEDURE p() LANGUAGE plpgsql AS $body$ BEGIN COMMIT; ROLLBACK; END $body$;")]
    [InlineData("-- COMMIT;\nSELECT 1; /* ROLLBACK; */")]
    [InlineData("SELECT 'COMMIT; ROLLBACK', E'\\' BEGIN';")]
    [InlineData("CREATE TABLE savepoints (\"begin\" int, commit_at timestamptz, \"end\" int);")]
    [InlineData("CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN x > 0 THEN 2 END; END;\nSELECT g(1);")]
    [InlineData("PREPARE q AS SELECT 1; EXECUTE q; DEALLOCATE q;")]
    [InlineData("-- tenantdb:no-transaction\nBEGIN;\nUPDATE t SET a = 1;\nCOMMIT;\n")]
    public void TransactionWordsInBodiesCommentsLiteralsOrNamesAndNoTransactionScriptsAreNot(string contents)
    {
        var read = FolderWith(("0008_x.sql", contents));

        Assert.True(read.IsValid, string.Join("\n", read.Problems));
    }

    [Fact]
    public void ASubfolderIsAProblemAndAnyOtherFileIsAWarningThatKeepsTheSetValid()
    {
        var withFolder = FolderWith(("0001_a.sql", "SELECT 1;"), ("sub/0008_x.sql", "SELECT 1;"));
        var withOthers = FolderWith(("0001_a.sql", "SELECT 1;"), ("0001_a.sql.bak", "SELECT 0;"), ("README.md", "notes"));

        Assert.False(withFolder.IsValid);
        Assert.Contains("/sub: is a folder, and migrate reads only the scripts directly in", Assert.Single(withFolder.Problems));
        Assert.True(withOthers.IsValid, string.Join("\n", withOthers.Problems));
        Assert.Equal(["0001_a.sql"], withOthers.Scripts.All.Select(s => s.Name));
        var warnings = withOthers.Findings.Where(f => f.IsWarning).Select(f => f.Describe()).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("/0001_a.sql.bak: is not a script (NNNN_name.sql), so migrate never reads it"));
        Assert.Contains(warnings, w => w.Contains("/README.md: is not a script"));
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
