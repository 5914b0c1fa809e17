using System.Text.Json;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>
/// The real Pulumi CLI on one throwaway project: Pulumi's own file backend in a temporary folder and the
/// passphrase secrets provider, both through the environment, so the run needs no account and no login.
/// </summary>
internal sealed class PulumiEngine(string projectDirectory, string stack, string passphrase) : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    private readonly string stateDirectory = Directory.CreateTempSubdirectory("tenantdb-e2e-state-").FullName;

    /// <summary>The CLI on PATH; this test never passes without it (scripts/test.sh skips it, with a line, where it is missing).</summary>
    public static string Executable { get; } = FindOnPath()
        ?? throw new InvalidOperationException("The Pulumi CLI is not on PATH. scripts/test.sh runs this project only where it is.");

    public string Stack => stack;

    /// <summary>Runs <c>pulumi</c> with <paramref name="arguments"/> and <c>--stack</c>, <c>--non-interactive</c>.</summary>
    public Task<ProcessRun> RunAsync(params string[] arguments) =>
        ProcessRun.RunAsync(Executable, [.. arguments, "--stack", stack, "--non-interactive"], projectDirectory, Environment, CommandTimeout);

    /// <summary>Runs a command that must succeed; a failure shows Pulumi's own output.</summary>
    public async Task<ProcessRun> SucceedsAsync(params string[] arguments)
    {
        var run = await RunAsync(arguments);
        Assert.True(run.ExitCode == 0, $"`{run.CommandLine}` exited {run.ExitCode}:\n{run.Output}");
        return run;
    }

    /// <summary>
    /// Runs a command that must succeed within <paramref name="bound"/>; a run still going then is killed and reported
    /// as hung, which is how a deadlock shows: Pulumi and the provider wait forever without a word.
    /// </summary>
    public async Task<ProcessRun> SucceedsWithinAsync(TimeSpan bound, string hangs, params string[] arguments)
    {
        ProcessRun run;
        try
        {
            run = await ProcessRun.RunAsync(Executable, [.. arguments, "--stack", stack, "--non-interactive"], projectDirectory, Environment, bound);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"`pulumi {string.Join(' ', arguments)}` did not finish within {bound.TotalMinutes:0} minutes: the run hung. {hangs}");
        }
        Assert.True(run.ExitCode == 0, $"`{run.CommandLine}` exited {run.ExitCode}:\n{run.Output}");
        return run;
    }

    /// <summary>Runs a command outside any stack (plugin installs, <c>stack init</c>).</summary>
    public async Task SucceedsWithoutStackAsync(params string[] arguments)
    {
        var run = await ProcessRun.RunAsync(Executable, arguments, projectDirectory, Environment, CommandTimeout);
        Assert.True(run.ExitCode == 0, $"`{run.CommandLine}` exited {run.ExitCode}:\n{run.Output}");
    }

    /// <summary><c>pulumi stack output --json --show-secrets</c>, parsed.</summary>
    public async Task<JsonElement> OutputsAsync()
    {
        var run = await SucceedsAsync("stack", "output", "--json", "--show-secrets");
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary>The URNs of the stack's state (<c>pulumi stack export</c>).</summary>
    public async Task<IReadOnlyList<string>> UrnsAsync()
    {
        var run = await SucceedsAsync("stack", "export");
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.GetProperty("deployment").TryGetProperty("resources", out var resources)
               && resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().Select(resource => resource.GetProperty("urn").GetString() ?? "").ToList()
            : [];
    }

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["PULUMI_BACKEND_URL"] = "file://" + stateDirectory,
        ["PULUMI_CONFIG_PASSPHRASE"] = passphrase,
        ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
        ["PULUMI_SKIP_CONFIRMATIONS"] = "true",
    };

    public void Dispose() => Directory.Delete(stateDirectory, recursive: true);

    private static string? FindOnPath() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi"))
            .FirstOrDefault(File.Exists);
}
