using System.Text;
using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Operations.Tests.Fuzzing;

/// <summary>
/// Mutated stack outputs and <c>pulumi config --json</c> documents (also as <c>--config-json</c> files):
/// a value or problems, never an exception, never a planted password echoed.
/// </summary>
public sealed class JsonInputFuzzTests
{
    internal const string FirstSecret = "Planted-Outputs-Pw-41c7";
    private const string SecondSecret = "Planted-Config-Pw-8b2e";

    internal const string Outputs = $$$"""
        {
          "tenants": {
            "acme-coffee": {
              "server": "eu-primary",
              "region": "eu-west",
              "host": "pg-eu-1.internal",
              "port": 5432,
              "database": "tenant_acme_coffee",
              "username": "tenant_acme_coffee_owner",
              "password": "{{{FirstSecret}}}",
              "sslMode": "require"
            },
            "bobs-books": {
              "server": "eu-primary",
              "region": "eu-west",
              "host": "pg-eu-1.internal",
              "port": 5432,
              "database": "tenant_bobs_books",
              "username": "tenant_bobs_books_owner",
              "password": "{{{SecondSecret}}}"
            }
          },
          "servers": {"eu-primary": {"host": "pg-eu-1.internal"}},
          "placements": {"acme-coffee": "eu-primary"}
        }
        """;

    internal const string Config = $$$"""
        {
          "tenant-databases:protect": { "value": "true", "secret": false },
          "tenant-databases:residency": { "value": "[\"eu-west\"]", "objectValue": ["eu-west"], "secret": false },
          "tenant-databases:servers": {
            "value": "{\"eu-primary\":{\"host\":\"pg-eu-1.internal\",\"password\":\"{{{FirstSecret}}}\"}}",
            "objectValue": {
              "eu-primary": {
                "host": "pg-eu-1.internal",
                "port": 5432,
                "username": "provisioner",
                "password": "{{{FirstSecret}}}",
                "region": "eu-west",
                "default": true
              },
              "eu-secondary": {
                "host": "pg-eu-2.internal",
                "username": "provisioner",
                "password": "{{{SecondSecret}}}",
                "region": "eu-west"
              }
            },
            "secret": true
          },
          "tenant-databases:tenants": {
            "value": "{\"acme-coffee\":{\"server\":\"eu-primary\"}}",
            "objectValue": { "acme-coffee": { "server": "eu-primary", "connectionLimit": 20 } },
            "secret": false
          }
        }
        """;

    private static readonly string[] Secrets = [FirstSecret, SecondSecret];

    [Fact]
    public void TheSeedsAreValid()
    {
        Assert.True(OutsideInputParsers.StackOutputs(Outputs).IsValid);
        Assert.True(OutsideInputParsers.PulumiConfig(Config).IsValid);
    }

    [Fact]
    public Task MutatedStackOutputsGiveTargetsOrProblems()
    {
        var cases = new FuzzCases(Seed: 1202, Count: 3000, TextDialect.Json, [Outputs], Secrets);
        return cases.CheckAsync(json => cases.IsAValueOrProblems(OutsideInputParsers.StackOutputs(json)));
    }

    [Fact]
    public Task MutatedPulumiConfigJsonGivesValuesOrProblems()
    {
        var cases = new FuzzCases(Seed: 1203, Count: 3000, TextDialect.Json, [Config], Secrets);
        return cases.CheckAsync(json => cases.IsAValueOrProblems(OutsideInputParsers.PulumiConfig(json)));
    }

    [Fact]
    public async Task MutatedConfigJsonFilesGiveAValidatedConfigurationOrProblems()
    {
        var folder = Directory.CreateTempSubdirectory("tenantdb-fuzz-config-json-");
        try
        {
            var path = Path.Combine(folder.FullName, "config.json");
            var cases = new FuzzCases(Seed: 1204, Count: 1000, TextDialect.Json, [Config], Secrets);
            await cases.CheckAsync(json =>
            {
                // As a file holds text: a lone surrogate becomes U+FFFD, as any writer of UTF-8 would make it.
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(json));
                cases.IsAValueOrProblems(OutsideInputParsers.ConfigJsonFile(path));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
