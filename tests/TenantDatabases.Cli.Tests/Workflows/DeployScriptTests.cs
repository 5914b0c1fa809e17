namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>
/// The deploy job's scripts: the tools checked before anything changes, the approval environment asked of
/// GitHub's API (fail closed), the migrate shards worked out before <c>pulumi up</c>, and the tenants verify
/// checks after a partly failed migrate.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly WorkflowScript run = new();

    public void Dispose() => run.Dispose();

    // curl answers with the HTTP status in $STATUS and the body in the file $BODY, and records its URL.
    private ScriptResult ApprovalCheck(string status, string body)
    {
        run.Write("body.json", body);
        run.StandIn("curl", """
            out=""
            while [ $# -gt 0 ]; do
              case "$1" in -o) out=$2; shift 2 ;; -w|-H) shift 2 ;; -sS) shift ;; *) echo "$1" > url.txt; shift ;; esac
            done
            cp "$BODY" "$out"
            printf '%s' "$STATUS"
            """);
        return run.Script("approval-check.sh", ["prod-approval"], new()
        {
            ["STATUS"] = status, ["BODY"] = Path.Combine(run.Folder, "body.json"),
            ["GITHUB_TOKEN"] = "token", ["GITHUB_REPOSITORY"] = "acme/tenant-databases", ["GITHUB_API_URL"] = "https://api.github.example",
        });
    }

    [Fact]
    public void AnApprovalEnvironmentWithARequiredReviewerLetsTheDeployOn()
    {
        var result = ApprovalCheck("200", """
            {"name": "prod-approval", "can_admins_bypass": false, "protection_rules": [
              {"type": "branch_policy"},
              {"type": "required_reviewers", "prevent_self_review": true,
               "reviewers": [{"type": "User", "reviewer": {"login": "alice"}}, {"type": "Team", "reviewer": {"slug": "dba"}}]}]}
            """);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Environment prod-approval requires approval by one of: alice, dba.", result.Output);
        Assert.Equal("https://api.github.example/repos/acme/tenant-databases/environments/prod-approval",
            File.ReadAllText(Path.Combine(run.Folder, "url.txt")).Trim());
    }

    [Theory]
    [InlineData("""{"name": "prod-approval", "protection_rules": []}""")]
    [InlineData("""{"name": "prod-approval"}""")]
    [InlineData("""{"name": "prod-approval", "protection_rules": [{"type": "wait_timer", "wait_timer": 30}, {"type": "branch_policy"}]}""")]
    [InlineData("""{"name": "prod-approval", "protection_rules": [{"type": "required_reviewers", "reviewers": []}]}""")]
    public void AnApprovalEnvironmentWithoutReviewersStopsTheDeploy(string body)
    {
        var result = ApprovalCheck("200", body);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error::Deploy stopped before pulumi up: environment prod-approval has no required reviewers", result.Error);
    }

    [Theory]
    [InlineData("404", "environment prod-approval does not exist")]
    [InlineData("403", "needs `permissions: actions: read`")]
    [InlineData("401", "needs `permissions: actions: read`")]
    [InlineData("502", "answered HTTP 502")]
    public void AnyOtherAnswerFromGitHubStopsTheDeploy(string status, string message)
    {
        var result = ApprovalCheck(status, """{"message": "whatever"}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void AnUnreachableApiStopsTheDeploy()
    {
        run.StandIn("curl", "echo 'curl: (6) Could not resolve host' >&2; exit 6");

        var result = run.Script("approval-check.sh", ["prod-approval"], new() { ["GITHUB_TOKEN"] = "t", ["GITHUB_REPOSITORY"] = "a/b" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be reached", result.Error);
    }

    [Fact]
    public void AMissingToolStopsTheJobNamingEveryOneMissing()
    {
        run.StandIn("jq", "exit 0");

        var result = run.Script("tools-check.sh", ["jq", "yq-nowhere", "pulumi-nowhere"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("This runner lacks yq-nowhere pulumi-nowhere, which the job needs", result.Error);
    }

    [Fact]
    public void PresentToolsPass()
    {
        run.StandIn("jq", "exit 0");

        Assert.Equal(0, run.Script("tools-check.sh", ["jq", "bash"]).ExitCode);
    }

    private const string Plan = """
        {"stack": "prod", "servers": [
          {"name": "a", "tenantCount": 2}, {"name": "b", "tenantCount": 1}, {"name": "c", "tenantCount": 0}, {"name": "d", "tenantCount": 1}],
         "tenants": [{"id": "t1", "server": "a"}, {"id": "t2", "server": "a"}, {"id": "t3", "server": "b"}, {"id": "t4", "server": "d"}]}
        """;

    [Theory]
    [InlineData("3", """[{"server":""}]""")]
    [InlineData("2", """[{"server":"a"},{"server":"b"},{"server":"d"}]""")]
    [InlineData("0", """[{"server":"a"},{"server":"b"},{"server":"d"}]""")]
    public void MigrateSplitsPerServerWithTenantsAboveTheThreshold(string above, string shards)
    {
        run.Write("plan.json", Plan);

        var result = run.Script("migrate-shards.sh", ["plan.json", above]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(shards, result.Out("shards"));
    }

    [Fact]
    public void AThresholdThatIsNotANumberIsRefused()
    {
        run.Write("plan.json", Plan);

        var result = run.Script("migrate-shards.sh", ["plan.json", "three"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MIGRATE_SPLIT_ABOVE is 'three'", result.Error);
    }

    private static string Report(params (string Tenant, string Status)[] tenants) =>
        "{\"command\": \"migrate\", \"tenants\": [" + string.Join(",", tenants.Select(t => $"{{\"tenant\": \"{t.Tenant}\", \"status\": \"{t.Status}\"}}")) + "]}";

    private ScriptResult Selection(string shards)
    {
        run.Write("plan.json", Plan);
        return run.Script("verify-selection.sh", ["prod", shards, "reports", "plan.json", "tenants.txt"]);
    }

    private string Selected => File.ReadAllText(Path.Combine(run.Folder, "tenants.txt"));

    [Fact]
    public void VerifyChecksEveryTenantMigrateDidNotFail()
    {
        run.Write("reports/migrate-prod-a.json", Report(("t1", "failed"), ("t2", "migrated")));
        run.Write("reports/migrate-prod-b.json", Report(("t3", "skipped")));
        run.Write("reports/migrate-prod-d.json", Report(("t4", "up to date")));

        var result = Selection("""[{"server":"a"},{"server":"b"},{"server":"d"}]""");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("some", result.Out("scope"));
        Assert.Equal("t2\nt3\nt4\n", Selected);
        Assert.Contains("Verify checks 3 of 4 tenants; it leaves out those migrate failed: t1.", result.Output);
    }

    [Fact]
    public void WhenNoTenantFailedVerifyChecksTheWholeStack()
    {
        run.Write("reports/migrate-prod-all.json", Report(("t1", "migrated"), ("t2", "migrated"), ("t3", "up to date"), ("t4", "verify failed")));

        var result = Selection("""[{"server":""}]""");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("all", result.Out("scope"));
        Assert.Equal("", Selected);
    }

    [Fact]
    public void AShardWithoutAReportIsVerifiedWhole()
    {
        run.Write("reports/migrate-prod-a.json", Report(("t1", "failed"), ("t2", "failed")));

        var result = Selection("""[{"server":"a"},{"server":"b"},{"server":"d"}]""");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("some", result.Out("scope"));
        Assert.Equal("t3\nt4\n", Selected);
        Assert.Contains("::warning::No migrate report for stack prod, shard b", result.Output);
    }

    [Fact]
    public void AnotherStacksReportIsNotRead()
    {
        // Stack prod-a's report matches the download pattern migrate-prod-*; only the shards' own file names count.
        run.Write("reports/migrate-prod-a-all.json", Report(("t1", "failed")));
        run.Write("reports/migrate-prod-all.json", Report(("t1", "migrated")));

        var result = Selection("""[{"server":""}]""");

        Assert.Equal("all", result.Out("scope"));
    }

    [Fact]
    public void WhenEveryTenantFailedThereIsNothingToVerify()
    {
        run.Write("reports/migrate-prod-all.json", Report(("t1", "failed"), ("t2", "failed"), ("t3", "failed"), ("t4", "failed")));

        var result = Selection("""[{"server":""}]""");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("none", result.Out("scope"));
        Assert.Contains("Migrate failed every tenant of stack prod", result.Output);
    }
}
