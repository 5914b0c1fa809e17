namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>
/// .github/scripts/install-postgresql.sh with stand-ins for sudo, curl and apt: which PGDG repository a major
/// comes from, and the loud failure when the binaries are not that major.
/// </summary>
public sealed class PostgreSqlInstallTests : IDisposable
{
    private readonly WorkflowScript run = new();

    public PostgreSqlInstallTests()
    {
        // sudo records what it was asked, and what tee would have written, and runs nothing as root.
        run.StandIn("sudo", """
            echo "sudo $*" >> calls.log
            if [ "$1" = tee ]; then sed 's/^/  /' >> calls.log; fi
            exit 0
            """);
        // apt-cache serves a major when the repository that holds it has been added (PGDG and ARCHIVE list majors).
        run.StandIn("apt-cache", """
            major=${2#postgresql-}
            if [[ " $PGDG " == *" $major "* ]] || { grep -q pgdg-archive.list calls.log && [[ " $ARCHIVE " == *" $major "* ]]; }; then
              echo "  Candidate: $major.9-1.pgdg24.04+1"
            else
              echo "  Candidate: (none)"
            fi
            """);
    }

    public void Dispose() => run.Dispose();

    private ScriptResult Install(string major, string binariesMajor, string pgdg = "14 15 16 17 18", string archive = "13 14 15 16 17 18")
    {
        foreach (var program in new[] { "postgres", "initdb", "pg_ctl" })
        {
            run.WriteProgram($"pg/bin/{program}", $"echo '{program} (PostgreSQL) {binariesMajor}.9 (Ubuntu {binariesMajor}.9-1.pgdg24.04+1)'");
        }
        return run.Script("install-postgresql.sh", [major], new()
        {
            ["PGDG_CODENAME"] = "noble", ["PGDG"] = pgdg, ["ARCHIVE"] = archive,
            ["TENANTDB_PG_BINDIR"] = Path.Combine(run.Folder, "pg", "bin"),
        });
    }

    private string Calls => File.ReadAllText(Path.Combine(run.Folder, "calls.log"));

    [Fact]
    public void ASupportedMajorComesFromThePgdgRepositoryAlone()
    {
        var result = Install("18", "18");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Installing postgresql-18 18.9-1.pgdg24.04+1 from noble-pgdg.", result.Output);
        Assert.Contains("https://apt.postgresql.org/pub/repos/apt noble-pgdg main", Calls);
        Assert.DoesNotContain("pgdg-archive", Calls);
        Assert.Contains("apt-get install -y -qq --no-install-recommends postgresql-18=18.9-1.pgdg24.04+1", Calls);
    }

    [Fact]
    public void AMajorPastItsEndOfLifeComesFromThePgdgArchive()
    {
        var result = Install("13", "13");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("noble-pgdg has no postgresql-13", result.Output);
        Assert.Contains("Installing postgresql-13 13.9-1.pgdg24.04+1 from noble-pgdg-archive.", result.Output);
        Assert.Contains("tee /etc/apt/sources.list.d/pgdg-archive.list", Calls);
        Assert.Contains("PostgreSQL 13 ready in", result.Output);
    }

    [Fact]
    public void BinariesOfAnotherMajorFailLoudly()
    {
        var result = Install("17", "16");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error::", result.Error);
        Assert.Contains("postgres (PostgreSQL) 16.9", result.Error);
        Assert.Contains("not PostgreSQL 17", result.Error);
    }

    [Fact]
    public void AMajorThatNeitherRepositoryServesFailsWithBothNamed()
    {
        var result = Install("19", "19");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Neither noble-pgdg nor noble-pgdg-archive serves postgresql-19", result.Error);
        Assert.DoesNotContain("apt-get install -y", Calls);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("16; rm -rf /")]
    public void AMajorBelowThirteenOrNotANumberIsRefused(string major)
    {
        var result = Install(major, "16");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a PostgreSQL major this project supports (13 or later)", result.Error);
    }
}
