using System.Text.Json;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Secrets;

public sealed class PulumiConfigJsonTests
{
    // The shape 'pulumi config --json --show-secrets' prints: objects carry objectValue and the same as JSON text in value.
    private const string Json =
        """
        {
          "tenant-databases:protect": { "value": "false", "secret": false },
          "tenant-databases:servers": {
            "value": "{\"a\":{\"host\":\"127.0.0.1\",\"password\":\"pw-json-a\"}}",
            "objectValue": { "a": { "host": "127.0.0.1", "password": "pw-json-a" } },
            "secret": true
          }
        }
        """;

    [Fact]
    public void ObjectValueIsTheEffectiveValueOfMapsAndValueOfScalars()
    {
        var config = PulumiConfigJson.Parse(Json, "config.json").Value!;

        Assert.Equal(["tenant-databases:protect", "tenant-databases:servers"], config.Values.Select(pair => pair.Key));
        Assert.Equal(JsonValueKind.String, config.Values[0].Value.ValueKind);
        Assert.Equal(JsonValueKind.Object, config.Values[1].Value.ValueKind);
    }

    [Fact]
    public void PasswordsComeFromTheServersObject()
    {
        var outcome = PulumiConfigJson.Parse(Json, "config.json").Value!.Passwords("config.json");

        Assert.Equal("pw-json-a", outcome.Passwords!.For("a"));
    }

    [Fact]
    public void JsonMadeWithoutShowSecretsIsRefusedWithTheFix()
    {
        const string hidden = """{ "tenant-databases:servers": { "secret": true } }""";

        var failure = PulumiConfigJson.Parse(hidden, "config.json").Problem;

        Assert.Contains("--show-secrets", failure);
    }

    [Fact]
    public void MalformedJsonIsAFailureNamingTheFile()
    {
        var failure = PulumiConfigJson.Parse("{ \"a\": pw-secret-text", "config.json").Problem;

        Assert.Contains("config.json is not JSON", failure);
        Assert.DoesNotContain("pw-secret-text", failure);
    }
}
