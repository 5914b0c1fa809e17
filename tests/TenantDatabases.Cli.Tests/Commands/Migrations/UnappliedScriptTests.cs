using System.Diagnostics;

namespace TenantDatabases.Cli.Tests.Commands.Migrations;

/// <summary>
/// The way out of a script that failed on every tenant: `migrations check --base` refuses an edited, renamed or
/// deleted script, unless the journals of every tenant, read on real servers as migrate reads them, prove that no
/// tenant applied it. A tenant that holds it, or whose journal cannot be read, keeps the refusal and is named.
/// </summary>
[Collection(ProcessEnvironment.Name)] // one test puts a stand-in pulumi on PATH
public sealed class UnappliedScriptTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    private const string First = "CREATE TABLE first_table (id int);\n";
    private const string FailsEverywhere = "CREATE TABLE c9 (id int);\nSELECT 1/0;\n";

    // A repository whose base commit holds 0001 and a 0002 that migrate then runs on every tenant.
    private sealed record Project(string Folder, string Scripts, string Outputs, IReadOnlyList<ProvisionedTenant> Tenants);

    private Task<Project> MigratedProjectAsync(string prefix, string second, int expectedExit) =>
        MigratedProjectAsync(prefix, _ => second, expectedExit);

    private async Task<Project> MigratedProjectAsync(string prefix, Func<ProvisionedTenant[], string> second, int expectedExit)
    {
        ProvisionedTenant[] tenants = [await TenantProvisioning.CreateAsync(servers.First, $"{prefix}-a"), await TenantProvisioning.CreateAsync(servers.Second, $"{prefix}-b")];
        var folder = Directory.CreateTempSubdirectory("tenantdb-unapplied-").FullName;
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: x\nruntime: dotnet\n");
        var scripts = Path.Combine(folder, "migrations");
        Directory.CreateDirectory(scripts);
        File.WriteAllText(Path.Combine(scripts, "0001_first.sql"), First);
        File.WriteAllText(Path.Combine(scripts, "0002_second.sql"), second(tenants));
        Git(folder, "init", "-q");
        Git(folder, "add", "-A");
        Git(folder, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "base");
        var outputs = TenantDb.WriteOutputs(tenants);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(outputs, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var migrate = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts);
        Assert.True(migrate.ExitCode == expectedExit, migrate.Output);
        return new Project(folder, scripts, outputs, tenants);
    }

    private static Task<CommandRun> CheckAsync(Project project, params string[] more) =>
        TenantDb.RunAsync(["migrations", "check", "--cwd", project.Folder, "--base", "HEAD", .. more]);

    [Fact]
    public async Task AScriptThatFailedOnEveryTenantMayBeCorrectedWithTheJournalsAsProofAndThenMigrates()
    {
        var project = await MigratedProjectAsync("unapplied", FailsEverywhere, ExitCodes.Failure);
        File.WriteAllText(Path.Combine(project.Scripts, "0002_second.sql"), "CREATE TABLE c9 (id int);\n");

        var refused = await CheckAsync(project);
        var proven = await CheckAsync(project, "--unapplied-on-outputs", project.Outputs);
        var migrate = await TenantDb.RunAsync("migrate", "--outputs", project.Outputs, "--scripts", project.Scripts);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("0002_second.sql: edited since HEAD", refused.Output);
        Assert.Contains("--unapplied-on <stack>", refused.Output);
        Assert.True(proven.ExitCode == ExitCodes.Success, proven.Output);
        Assert.Contains($"warning: {project.Scripts}/0002_second.sql: edited since HEAD, and allowed: no tenant's journal holds 0002_second.sql ({project.Outputs}: 2 tenant(s))", proven.Output);
        Assert.Contains($"and with the journals of {project.Outputs}: 2 tenant(s)", proven.Output);
        Assert.True(migrate.ExitCode == ExitCodes.Success, migrate.Output);
        proven.ShowsNone(project.Tenants.Select(t => t.Password));
    }

    [Fact]
    public async Task ADeletedFailingScriptReplacedUnderItsNumberIsAllowedOnlyWithTheProof()
    {
        var project = await MigratedProjectAsync("replaced", FailsEverywhere, ExitCodes.Failure);
        File.Delete(Path.Combine(project.Scripts, "0002_second.sql"));
        File.WriteAllText(Path.Combine(project.Scripts, "0002_second_fixed.sql"), "CREATE TABLE c9 (id int);\n");

        var refused = await CheckAsync(project);
        var proven = await CheckAsync(project, "--unapplied-on-outputs", project.Outputs);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("0002_second.sql: deleted since HEAD", refused.Output);
        Assert.Contains("0002_second_fixed.sql: is new but numbered 0002", refused.Output);
        Assert.True(proven.ExitCode == ExitCodes.Success, proven.Output);
        Assert.Contains("0002_second.sql: deleted since HEAD, and allowed", proven.Output);
        Assert.Contains("0002_second_fixed.sql: is new and numbered 0002, not after the last script of HEAD, and allowed", proven.Output);
    }

    [Fact]
    public async Task AScriptThatSomeTenantHoldsStaysRefusedNamingThoseTenants()
    {
        // Fails on the second tenant only: the first holds it in its journal.
        var project = await MigratedProjectAsync("held",
            tenants => $"CREATE TABLE c9 (id int);\nSELECT 1 / (CASE WHEN current_database() = '{tenants[1].Database}' THEN 0 ELSE 1 END);\n", ExitCodes.Failure);
        var holder = project.Tenants[0];
        File.WriteAllText(Path.Combine(project.Scripts, "0002_second.sql"), "CREATE TABLE c9 (id int);\n");

        var edited = await CheckAsync(project, "--unapplied-on-outputs", project.Outputs);
        File.Delete(Path.Combine(project.Scripts, "0002_second.sql"));
        var deleted = await CheckAsync(project, "--unapplied-on-outputs", project.Outputs);

        Assert.Equal(ExitCodes.Failure, edited.ExitCode);
        Assert.Contains($"0002_second.sql: edited since HEAD", edited.Output);
        Assert.Contains($"1 tenant(s) hold 0002_second.sql in their journal: {holder.Id} (server alpha, {project.Outputs})", edited.Output);
        Assert.DoesNotContain($"{project.Tenants[1].Id} (server", edited.Output);
        Assert.Equal(ExitCodes.Failure, deleted.ExitCode);
        Assert.Contains($"1 tenant(s) hold 0002_second.sql in their journal: {holder.Id}", deleted.Output);
    }

    [Fact]
    public async Task ATenantWhoseJournalCannotBeReadIsNoProof()
    {
        var project = await MigratedProjectAsync("unread", FailsEverywhere, ExitCodes.Failure);
        File.WriteAllText(Path.Combine(project.Scripts, "0002_second.sql"), "CREATE TABLE c9 (id int);\n");
        var wrong = project.Tenants[1] with { Password = "not-the-password" };
        var outputs = TenantDb.WriteOutputs([project.Tenants[0], wrong]);

        var run = await CheckAsync(project, "--unapplied-on-outputs", outputs);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no proof that no tenant applied it: the journals of 1 tenant(s) could not be read", run.Output);
        Assert.Contains($"{wrong.Id} (server beta", run.Output);
        Assert.DoesNotContain("not-the-password", run.Output);
    }

    [Fact]
    public async Task TheStacksOutputsAreReadThroughThePulumiCliAsMigrateReadsThemAndUnnamedStacksAreNamed()
    {
        var project = await MigratedProjectAsync("stack", FailsEverywhere, ExitCodes.Failure);
        File.WriteAllText(Path.Combine(project.Scripts, "0002_second.sql"), "CREATE TABLE c9 (id int);\n");
        File.WriteAllText(Path.Combine(project.Folder, "Pulumi.prod.yaml"), "config: {}\n");
        File.WriteAllText(Path.Combine(project.Folder, "Pulumi.us.yaml"), "config: {}\n");
        var bin = Directory.CreateTempSubdirectory("tenantdb-unapplied-pulumi-").FullName;
        var pulumi = Path.Combine(bin, "pulumi");
        File.WriteAllText(pulumi,
            $"#!/bin/sh\n[ \"$1 $2 $3 $4 $5 $6\" = \"stack output --json --show-secrets --stack prod\" ] || {{ echo \"unexpected: $*\" >&2; exit 3; }}\ncat '{project.Outputs}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pulumi, (UnixFileMode)0b111_101_101);
        }
        CommandRun run;
        using (ProcessEnvironment.Set(("PATH", bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"))))
        {
            run = await CheckAsync(project, "--unapplied-on", "prod");
        }

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("no tenant's journal holds 0002_second.sql (stack prod: 2 tenant(s))", run.Output);
        Assert.Contains("the journals of Pulumi.us.yaml were not read by name (--unapplied-on)", run.Output);
    }

    [Theory]
    [InlineData("--unapplied-on", "prod")]
    [InlineData("--unapplied-on-outputs", "outputs.json")]
    public async Task TheProofNeedsABase(string option, string value)
    {
        var run = await TenantDb.RunAsync("migrations", "check", "--scripts", RepositoryMigrations.Folder, option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("need --base", run.Output);
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
