using System.Diagnostics;

namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>
/// A run of one of the workflows' scripts (.github/scripts) under bash in a scratch folder, as GitHub runs
/// it: <c>set -eo pipefail</c> from the script itself, <c>GITHUB_OUTPUT</c> pointing at a file.
/// </summary>
public sealed class WorkflowScript : IDisposable
{
    public WorkflowScript()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tenantdb-workflow-scripts", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Folder, "bin"));
    }

    /// <summary>The scratch folder the script runs in (its working directory).</summary>
    public string Folder { get; }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Puts a stand-in command on the script's PATH, written in bash.</summary>
    public void StandIn(string command, string body) => WriteProgram(Path.Combine("bin", command), body);

    /// <summary>Writes an executable bash program at <paramref name="relativePath"/>.</summary>
    public void WriteProgram(string relativePath, string body)
    {
        Write(relativePath, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Folder, relativePath), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Puts the built tenantdb on the script's PATH, with a Pulumi.yaml in the scratch folder for it to find.</summary>
    public void RealTenantDb()
    {
        Write("Pulumi.yaml", "name: tenant-databases\n");
        StandIn("tenantdb", $"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "tenantdb.dll")}' \"$@\"");
    }

    public void Git(params string[] arguments)
    {
        var run = Run("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", .. arguments], new());
        Assert.True(run.ExitCode == 0, run.Error);
    }

    /// <summary>Runs .github/scripts/<paramref name="script"/> with <paramref name="arguments"/>.</summary>
    public ScriptResult Script(string script, string[] arguments, Dictionary<string, string>? environment = null) =>
        Run("bash", [RepositoryFolder.Path(".github", "scripts", script), .. arguments], environment ?? new());

    /// <summary>Runs <paramref name="command"/> with <c>bash -c</c>, e.g. to call a function of a sourced script.</summary>
    public ScriptResult Bash(string command, Dictionary<string, string>? environment = null) =>
        Run("bash", ["-c", command], environment ?? new());

    /// <summary>The scratch folder's bin folder alone, as a PATH that lacks every real command.</summary>
    public string BinOnlyPath => Path.Combine(Folder, "bin");

    private ScriptResult Run(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var output = Path.Combine(Folder, "github-output");
        File.WriteAllText(output, "");
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["PATH"] = Path.Combine(Folder, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_OUTPUT"] = output;
        foreach (var name in new[] { "PULUMI_ORG", "PULUMI_STACK_NAME", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "TENANTDB_REQUIRE_E2E", "DEPLOY_STACKS", "GITHUB_STEP_SUMMARY" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{program} did not finish in 30 s");
        return new ScriptResult(process.ExitCode, standardOutput.Trim(), standardError.Result, File.ReadAllText(output));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>What a script did: exit code, standard output and error, and what it wrote to GITHUB_OUTPUT.</summary>
public sealed record ScriptResult(int ExitCode, string Output, string Error, string GitHubOutput)
{
    /// <summary>The value of one <c>name=value</c> line the script wrote to GITHUB_OUTPUT, or null.</summary>
    public string? Out(string name) => GitHubOutput.Split('\n')
        .Where(line => line.StartsWith(name + "=", StringComparison.Ordinal)).Select(line => line[(name.Length + 1)..]).LastOrDefault();
}
