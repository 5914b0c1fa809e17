using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Fleet.Tests.Fuzzing;

/// <summary>
/// Mutated <c>pulumi stack output --json</c> as <c>plan --previous</c> reads it: once the text is JSON,
/// the reader gives the previous deployment or a problem, never an exception.
/// </summary>
public sealed class PreviousOutputsFuzzTests
{
    private const string Outputs = """
        {
          "placements": {
            "acme-coffee": {"server": "eu-primary", "database": "tenant_acme_coffee", "role": "tenant_acme_coffee_owner"},
            "bobs-books": {"server": "eu-secondary", "database": "tenant_bobs_books", "role": "tenant_bobs_books_owner"}
          },
          "tenants": "[secret]",
          "servers": {"eu-primary": {"host": "pg-eu-1.internal"}}
        }
        """;

    [Fact]
    public Task MutatedOutputsGiveADeploymentOrAProblem()
    {
        var cases = new FuzzCases(Seed: 1206, Count: 3000, TextDialect.Json, [Outputs, Outputs.Replace("\"placements\"", "\"old\"")], []);
        return cases.CheckAsync(json =>
        {
            var result = StackOutputsReader.Read(json, "outputs.json");
            Assert.True(result.Deployment is not null || result.Problems.Any(problem => problem.Length > 0), "neither a deployment nor a problem");
        });
    }

    [Fact]
    public void AnEscapedLoneSurrogateIsAProblemNotACrash()
    {
        // Found by fuzzing: JsonDocument accepts "\uD800" and throws when the string is read.
        var result = StackOutputsReader.Read(Outputs.Replace("\"acme-coffee\"", "\"acme-\\uD800coffee\""), "outputs.json");

        Assert.Null(result.Deployment);
        Assert.Contains("lone surrogate", Assert.Single(result.Problems));
    }
}
