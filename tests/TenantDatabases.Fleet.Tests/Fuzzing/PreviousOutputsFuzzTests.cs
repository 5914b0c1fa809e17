using System.Text.Json;
using TenantDatabases.Fleet.Planning;
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
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (Exception error) when (error is JsonException or ArgumentException)
            {
                return; // Not JSON: the command reports that before the reader runs.
            }
            using (document)
            {
                var (deployment, problem) = StackOutputsReader.Read(document.RootElement);
                Assert.True(deployment is not null || !string.IsNullOrWhiteSpace(problem), "neither a deployment nor a problem");
            }
        });
    }

    [Fact]
    public void AnEscapedLoneSurrogateIsAProblemNotACrash()
    {
        // Found by fuzzing: JsonDocument accepts "\uD800" and throws when the string is read.
        using var document = JsonDocument.Parse(Outputs.Replace("\"acme-coffee\"", "\"acme-\\uD800coffee\""));

        var (deployment, problem) = StackOutputsReader.Read(document.RootElement);

        Assert.Null(deployment);
        Assert.Contains("lone surrogate", problem);
    }
}
