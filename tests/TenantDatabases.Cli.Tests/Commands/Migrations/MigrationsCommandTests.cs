using System.Diagnostics;
using System.Text.Json;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Migrations;

/// <summary><c>tenantdb migrations list|check</c>: no server, no secret.</summary>
public sealed class MigrationsCommandTests
{
    [Fact]
    public async Task ListShowsTheRepositorysScriptsInOrderWithModeAndChecksum()
    {
        var scripts = RepositoryMigrations.Read();

        var table = await TenantDb.RunAsync("migrations", "list", "--scripts", RepositoryMigrations.Folder);
        var json = await TenantDb.RunAsync("migrations", "list", "--scripts", RepositoryMigrations.Folder, "--format", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"│ 7\s+│ 0007_sales_by_customer_index.sql\s+│ no\s+│ " + scripts.All[^1].Sha256, table.Output);
        Assert.Contains("7 script(s)", table.Output);
        Assert.Equal(0, json.ExitCode);
        var listed = JsonDocument.Parse(json.Output).RootElement.GetProperty("scripts").EnumerateArray().ToList();
        Assert.Equal(scripts.All.Select(s => s.Name), listed.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(scripts.All.Select(s => s.Sha256), listed.Select(s => s.GetProperty("sha256").GetString()));
        Assert.Equal([true, true, true, true, true, true, false], listed.Select(s => s.GetProperty("transaction").GetBoolean()));
        Assert.Equal(1, listed[0].GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task ListFindsTheFolderBesidePulumiYamlAndRefusesABadSet()
    {
        var project = Directory.CreateTempSubdirectory("tenantdb-list-").FullName;
        File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: x\nruntime: dotnet\n");
        Directory.CreateDirectory(Path.Combine(project, "migrations"));
        File.WriteAllText(Path.Combine(project, "migrations", "0001_a.sql"), "SELECT 1;");

        var found = await TenantDb.RunAsync("migrations", "list", "--cwd", project, "--format", "json");
        File.WriteAllText(Path.Combine(project, "migrations", "1_b.sql"), "SELECT 1;");
        var clash = await TenantDb.RunAsync("migrations", "list", "--cwd", project);
        var none = await TenantDb.RunAsync("migrations", "list", "--scripts", Path.Combine(project, "absent"));

        Assert.Equal(0, found.ExitCode);
        Assert.Equal("0001_a.sql", JsonDocument.Parse(found.Output).RootElement.GetProperty("scripts")[0].GetProperty("name").GetString());
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("0001_a.sql and 1_b.sql share the number 1; give each script its own number.", clash.Output);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("the scripts folder does not exist", none.Output);
    }

    [Fact]
    public async Task CheckListsEveryProblemWithFileAndFixAndExits1()
    {
        var scripts = TenantDb.WriteScripts(("0001_a.sql", "SELECT 1;"), ("01_b.sql", "SELECT 1;"), ("notes.sql", "SELECT 1;"),
            ("0003_two_indexes.sql", "-- tenantdb:no-transaction\nCREATE INDEX CONCURRENTLY a ON t (x);\nCREATE INDEX CONCURRENTLY b ON t (y);\n"));

        var (exitCode, output) = await TenantDb.RunAsync("migrations", "check", "--scripts", scripts);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {scripts}/notes.sql: the name breaks the rule; rename it:", output);
        Assert.Contains($"error: {scripts}/01_b.sql: 0001_a.sql and 01_b.sql share the number 1; give each script its own number.", output);
        Assert.Contains($"warning: {scripts}/0003_two_indexes.sql: runs outside a transaction", output);
        Assert.Contains("2 problem(s), 1 warning(s)", output);
    }

    [Fact]
    public async Task CheckRefusesAnEmptyScriptAScriptThatCommitsItselfAndASubfolderAndNamesAnyOtherFile()
    {
        var scripts = TenantDb.WriteScripts(("0001_a.sql", "SELECT 1;"), ("0008_empty.sql", ""),
            ("0009_c8.sql", "CREATE TABLE c8(a int); COMMIT; SELECT 1/0;"), ("0001_a.sql.bak", "SELECT 0;"));
        Directory.CreateDirectory(Path.Combine(scripts, "sub"));
        File.WriteAllText(Path.Combine(scripts, "sub", "0010_x.sql"), "SELECT 1;");

        var (exitCode, output) = await TenantDb.RunAsync("migrations", "check", "--scripts", scripts);
        var list = await TenantDb.RunAsync("migrations", "list", "--scripts", scripts);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {scripts}/0008_empty.sql: holds no SQL statement", output);
        Assert.Contains($"error: {scripts}/0009_c8.sql: runs in a transaction, and its statement 'COMMIT' begins, ends or marks one itself", output);
        Assert.Contains($"error: {scripts}/sub: is a folder, and migrate reads only the scripts directly in {scripts}", output);
        Assert.Contains($"warning: {scripts}/0001_a.sql.bak: is not a script (NNNN_name.sql), so migrate never reads it", output);
        Assert.Contains("3 problem(s), 1 warning(s)", output);
        Assert.DoesNotContain("pass", output);
        Assert.Equal(1, list.ExitCode);
    }

    [Fact]
    public async Task ListNamesAFileThatIsNotAScriptAsAWarning()
    {
        var scripts = TenantDb.WriteScripts(("0001_a.sql", "SELECT 1;"), ("notes.txt", "x"));

        var (exitCode, output) = await TenantDb.RunAsync("migrations", "list", "--scripts", scripts);

        Assert.Equal(0, exitCode);
        Assert.Contains($"warning: {scripts}/notes.txt: is not a script", output);
    }

    [Fact]
    public async Task CheckWithABaseComparesWithGitAndAnUnknownBaseIsAUsageError()
    {
        var repository = Directory.CreateTempSubdirectory("tenantdb-check-").FullName;
        Git(repository, "init", "-q");
        File.WriteAllText(Path.Combine(repository, "Pulumi.yaml"), "name: x\nruntime: dotnet\n");
        Directory.CreateDirectory(Path.Combine(repository, "migrations"));
        File.WriteAllText(Path.Combine(repository, "migrations", "0001_a.sql"), "CREATE TABLE a ();\n");
        Git(repository, "add", "-A");
        Git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "base");

        var clean = await TenantDb.RunAsync("migrations", "check", "--cwd", repository, "--base", "HEAD");
        File.WriteAllText(Path.Combine(repository, "migrations", "0001_a.sql"), "CREATE TABLE a (id int);\n");
        var edited = await TenantDb.RunAsync("migrations", "check", "--cwd", repository, "--base", "HEAD");
        var unknown = await TenantDb.RunAsync("migrations", "check", "--cwd", repository, "--base", "origin/main");

        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Contains("1 script(s) pass, compared with HEAD", clean.Output);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains("0001_a.sql: edited since HEAD", edited.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--base origin/main: no such commit in this repository", unknown.Output);
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
