using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Operations.Tests.Preflight;

public sealed class FleetPreflightTests(PreflightFleetFixture fleet) : IClassFixture<PreflightFleetFixture>
{
    [Fact]
    public void HealthyServerPassesEveryCheck()
    {
        var report = fleet.Of("healthy");

        Assert.Equal(fleet.HealthyStatus, report.Status);
        Assert.All(report.Checks.Where(check => check.Name != CheckNames.Version), check => Assert.Equal(CheckStatus.Ok, check.Status));
        string[] expected = [CheckNames.Dns, CheckNames.Tcp, CheckNames.Tls, CheckNames.Authentication, CheckNames.Version,
            CheckNames.CreateDb, CheckNames.CreateRole, CheckNames.Primary, CheckNames.SetRole, CheckNames.Connections, CheckNames.Capacity, CheckNames.Orphans];
        Assert.Equal(expected, report.Checks.Select(check => check.Name));
    }

    [Fact]
    public void AdminWithoutCreateDbFailsSayingTenantCreationWouldFailWithTheFix()
    {
        var check = fleet.Of("no-createdb").Find(CheckNames.CreateDb)!;

        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Contains("creating a tenant database would fail", check.Message);
        Assert.Equal($"As a role that may grant it: ALTER ROLE \"{PreflightFleetFixture.NoCreateDbRole}\" CREATEDB;", check.Fix);
        Assert.Equal(CheckStatus.Ok, fleet.Of("no-createdb").Find(CheckNames.CreateRole)!.Status);
    }

    [Fact]
    public void AdminWithoutCreateRoleFails()
    {
        var report = fleet.Of("no-createrole");

        Assert.Equal(CheckStatus.Error, report.Find(CheckNames.CreateRole)!.Status);
        Assert.Contains("ALTER ROLE \"admin_without_createrole\" CREATEROLE;", report.Find(CheckNames.CreateRole)!.Fix);
        Assert.Equal(CheckStatus.Ok, report.Find(CheckNames.CreateDb)!.Status);
    }

    [Fact]
    public void WrongPasswordFailsAuthenticationWithSqlState28P01()
    {
        var report = fleet.Of("wrong-password");

        var check = Assert.Single(report.Checks, check => check.Status == CheckStatus.Error);
        Assert.Equal(CheckNames.Authentication, check.Name);
        Assert.Contains("28P01", check.Message);
        Assert.Contains("password is wrong", check.Message);
        // The fix names the stack: without --stack the CLI would set the selected stack, perhaps another region's.
        Assert.Contains("pulumi config set --secret --path 'servers.wrong-password.password' --stack test", check.Fix);
    }

    [Fact]
    public void ClosedPortFailsTheTcpCheck()
    {
        var report = fleet.Of("closed-port");

        Assert.Equal([CheckNames.Dns, CheckNames.Tcp], report.Checks.Select(check => check.Name));
        Assert.Equal(CheckStatus.Error, report.Find(CheckNames.Tcp)!.Status);
        Assert.Contains("connection refused", report.Find(CheckNames.Tcp)!.Message);
    }

    [Fact]
    public void ListenerThatNeverAnswersTimesOutAfterTheTcpCheckPassed()
    {
        var report = fleet.Of("silent");

        Assert.Equal(CheckStatus.Ok, report.Find(CheckNames.Tcp)!.Status);
        var timedOut = report.Checks.Last();
        Assert.Equal(CheckStatus.Error, timedOut.Status);
        Assert.Equal(CheckNames.Authentication, timedOut.Name);
        Assert.Contains("No answer from 127.0.0.1", timedOut.Message);
        Assert.Contains("does not speak PostgreSQL", timedOut.Message);
    }

    [Fact]
    public void ServerAtItsMaxTenantsFailsCapacity()
    {
        var check = fleet.Of("full").Find(CheckNames.Capacity)!;

        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Contains("at its maxTenants", check.Message);
        Assert.Contains("2 tenant databases present", check.Message);
    }

    [Fact]
    public void UndeclaredDatabasesWithThePrefixAreReportedAsOrphans()
    {
        var check = fleet.Of("orphans").Find(CheckNames.Orphans)!;

        Assert.Equal(CheckStatus.Warning, check.Status);
        Assert.Contains("orph_stray", check.Message);
        Assert.DoesNotContain("orph_kept", check.Message);
        Assert.Equal(CheckStatus.Warning, fleet.Of("orphans").Status);
        // The fix names where each kind of orphan goes, never only "(see docs)".
        Assert.DoesNotContain("see docs", check.Fix);
        Assert.Contains("docs/runbooks/retire-a-tenant.md", check.Fix);
        Assert.Contains("scripts/runbooks/drop-retired-tenant.sh", check.Fix);
    }

    [Fact]
    public void ConnectionsInUseCountOtherRolesSessionsThatTheAdminCannotSeeInDetail()
    {
        var check = fleet.Of("healthy").Find(CheckNames.Connections)!;

        var inUse = int.Parse(System.Text.RegularExpressions.Regex.Match(check.Message, @"(\d+) in use").Groups[1].Value);
        Assert.True(inUse >= PreflightFleetFixture.OtherSessions + 1, check.Message);
    }

    [Fact]
    public void HostNameIsResolvedBeforeConnecting()
    {
        var report = fleet.Of("by-name");

        Assert.Contains("localhost resolves to", report.Find(CheckNames.Dns)!.Message);
        Assert.Equal(fleet.HealthyStatus, report.Status);
    }

    [Fact]
    public void RequiredTlsOnAServerWithoutTlsFailsTheTlsCheck()
    {
        var report = fleet.Of("tls-required");

        var check = report.Checks.Last();
        Assert.Equal((CheckNames.Tls, CheckStatus.Error), (check.Name, check.Status));
        Assert.Contains("sslMode require", check.Message);
        Assert.Null(report.Find(CheckNames.CreateDb));
    }

    [Fact]
    public void PreferredTlsThatTheServerDoesNotOfferIsAWarning()
    {
        var check = fleet.Of("tls-preferred").Find(CheckNames.Tls)!;

        Assert.Equal(CheckStatus.Warning, check.Status);
        Assert.Contains("not encrypted", check.Message);
    }

    [Fact]
    public void EveryServerOfTheRunReportsInTheStackOrder()
    {
        Assert.Equal(["healthy", "no-createdb", "no-createrole", "wrong-password", "closed-port", "silent", "full", "orphans", "by-name", "tls-required", "tls-preferred"],
            fleet.Report.Servers.Select(server => server.Server));
        Assert.Equal(CheckStatus.Error, fleet.Report.Status);
    }

    [Fact]
    public void NoPasswordAppearsInAnyCheckOrInTheDebugLog()
    {
        var text = string.Join("\n", fleet.Report.Servers.SelectMany(server => server.Checks).Select(check => $"{check.Message} {check.Fix}"))
                   + string.Join("\n", fleet.Logs.Lines);

        Assert.Contains(fleet.Logs.Lines, line => line.Contains("Npgsql", StringComparison.Ordinal));
        foreach (var password in fleet.Passwords)
        {
            Assert.DoesNotContain(password, text);
        }
    }
}
