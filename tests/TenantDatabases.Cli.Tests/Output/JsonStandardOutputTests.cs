namespace TenantDatabases.Cli.Tests.Output;

/// <summary>
/// With --format json, standard output is one JSON document or nothing, as every command's help says: a command that
/// cannot start says why on standard error, so that a pipeline (<c>| jq</c>) never parses an error line.
/// </summary>
public sealed class JsonStandardOutputTests
{
    public static TheoryData<string[]> Refusals() => new()
    {
        new[] { "preflight", "--stack", "missing", "--cwd", TenantDb.Stacks, "--format", "json" },
        new[] { "migrate", "--outputs", "/nonexistent/outputs.json", "--format", "json" },
        new[] { "verify", "--outputs", "/nonexistent/outputs.json", "--format", "json" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ACommandThatCannotStartWritesItsErrorToStandardErrorAndNothingToStandardOutput(string[] args)
    {
        using var process = TenantDb.Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.StartsWith("error: ", await stderr);
        Assert.Contains(args[2] == "missing" ? "Pulumi.missing.yaml does not exist" : "/nonexistent/outputs.json", await stderr);
    }
}
