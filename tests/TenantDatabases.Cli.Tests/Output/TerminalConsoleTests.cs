using Spectre.Console.Testing;
using TenantDatabases.Cli.Output;

namespace TenantDatabases.Cli.Tests.Output;

/// <summary>Output written to a CI log or a pipe keeps every table row on one line: COLUMNS when set, else wide.</summary>
public sealed class TerminalConsoleTests : IDisposable
{
    private const string Tenant = "redirected-shop";
    private readonly string outputs = TenantDb.TempFile(".json");

    public TerminalConsoleTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputs)!);
        // Port 1 refuses at once: the row's detail is a long connection failure, no server needed.
        File.WriteAllText(outputs, $$"""
            {"tenants": {"{{Tenant}}": {"server": "alpha", "region": "local", "host": "127.0.0.1", "port": 1,
              "database": "tenant_redirected_shop_with_a_long_database_name",
              "username": "tenant_redirected_shop_owner", "password": "pw-redirected-1" } } }
            """);
    }

    [Fact]
    public async Task WithoutColumnsARedirectedTableRowStaysOnOneLine()
    {
        var run = await TenantDb.ChildAsync(["verify", "--outputs", outputs], environment: new Dictionary<string, string?> { ["COLUMNS"] = null });

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var row = Assert.Single(run.Output.Split('\n'), line => line.Contains(Tenant, StringComparison.Ordinal));
        Assert.Contains("tenant_redirected_shop_with_a_long_database_name", row);
        Assert.Contains("failed", row);
        Assert.True(row.Length > 80, row);
        Assert.DoesNotContain("pw-redirected-1", run.Output);
    }

    [Fact]
    public async Task ARedirectedTableKeepsToTheWidthThatColumnsSets()
    {
        var run = await TenantDb.ChildAsync(["verify", "--outputs", outputs], environment: new Dictionary<string, string?> { ["COLUMNS"] = "70" });

        Assert.All(run.Output.Split('\n'), line => Assert.True(line.Length <= 70, line));
        Assert.Contains("1 tenant(s): 0 passed, 1 failed.", run.Output);
    }

    [Theory]
    [InlineData(true, "132", 132)]
    [InlineData(true, null, TerminalConsole.RedirectedWidth)]
    [InlineData(true, "wide", TerminalConsole.RedirectedWidth)]
    [InlineData(false, "132", 77)]
    public void TheWidthOfARedirectedConsoleIsColumnsElseWide(bool redirected, string? columns, int width)
    {
        var console = new TestConsole().Width(77);

        TerminalConsole.Fitted(console, redirected, name => name == "COLUMNS" ? columns : null);

        Assert.Equal(width, console.Profile.Width);
    }

    public void Dispose() => File.Delete(outputs);
}
