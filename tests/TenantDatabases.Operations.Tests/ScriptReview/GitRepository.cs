using System.Diagnostics;

namespace TenantDatabases.Operations.Tests.ScriptReview;

/// <summary>A real git repository in a temporary folder: Pulumi.yaml and migrations/ committed and tagged <c>base</c>.</summary>
internal sealed class GitRepository
{
    public const string Base = "base";

    private GitRepository(string root) => Root = root;

    public string Root { get; }

    public string Migrations => Path.Combine(Root, "migrations");

    /// <summary>A repository whose base commit holds <paramref name="scripts"/>.</summary>
    public static GitRepository Create(params (string Name, string Sql)[] scripts)
    {
        var repository = new GitRepository(Directory.CreateTempSubdirectory("tenantdb-git-").FullName);
        repository.Git("init", "-q");
        File.WriteAllText(Path.Combine(repository.Root, "Pulumi.yaml"), "name: tenant-databases\nruntime: dotnet\n");
        Directory.CreateDirectory(repository.Migrations);
        foreach (var (name, sql) in scripts)
        {
            repository.Write(name, sql);
        }
        repository.Commit("the base");
        repository.Git("tag", Base);
        return repository;
    }

    public void Write(string name, string sql) => File.WriteAllText(Path.Combine(Migrations, name), sql);

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
