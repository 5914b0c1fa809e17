using TenantDatabases.Operations.StackOutputs;

namespace TenantDatabases.Operations.Tests.StackOutputs;

public sealed class StackOutputsParserTests
{
    private const string Entry = """{"server": "a", "region": "eu", "host": "127.0.0.1", "port": 5432, "database": "tenant_x", "username": "tenant_x_owner", "password": "s3cret-value"}""";

    [Fact]
    public void EntriesBecomeSecretFreeTargetsWithPasswordsKeptApart()
    {
        var result = StackOutputsParser.Parse("""{"tenants": {"x": """ + Entry + """}, "servers": {}, "placements": {}}""", "outputs.json");

        var outputs = result.Outputs!;
        var target = Assert.Single(outputs.Tenants);
        Assert.Equal(new TenantTarget("x", "a", "eu", "127.0.0.1", 5432, "tenant_x", "tenant_x_owner"), target);
        Assert.DoesNotContain("s3cret-value", target.ToString());
        Assert.DoesNotContain("s3cret-value", outputs.ToString());
        Assert.Equal("s3cret-value", outputs.Passwords.For("x"));
        Assert.Equal("failed for *** here", outputs.Passwords.Mask("failed for s3cret-value here"));
    }

    [Theory]
    [InlineData("verify-full", Fleet.Model.SslMode.VerifyFull)]
    [InlineData("require", Fleet.Model.SslMode.Require)]
    [InlineData("disable", Fleet.Model.SslMode.Disable)]
    public void TheServersSslModeIsKeptForTheTenantsConnections(string spelling, Fleet.Model.SslMode expected)
    {
        var entry = Entry.Replace("\"port\": 5432,", $"\"port\": 5432, \"sslMode\": \"{spelling}\",");

        var result = StackOutputsParser.Parse("""{"tenants": {"x": """ + entry + "}}", "outputs.json");

        Assert.Equal(expected, Assert.Single(result.Outputs!.Tenants).SslMode);
    }

    [Fact]
    public void OutputsWithoutSslModeKeepPreferAndAnUnknownSslModeIsAProblemNamingTheChoices()
    {
        var old = StackOutputsParser.Parse("""{"tenants": {"x": """ + Entry + "}}", "outputs.json");
        var wrong = StackOutputsParser.Parse(
            """{"tenants": {"x": """ + Entry.Replace("\"port\": 5432,", "\"port\": 5432, \"sslMode\": \"strict\",") +
            """, "y": """ + Entry.Replace("\"port\": 5432,", "\"port\": 0, \"sslMode\": 1,") + "}}", "outputs.json");

        Assert.Equal(Fleet.Model.SslMode.Prefer, Assert.Single(old.Outputs!.Tenants).SslMode);
        Assert.Null(wrong.Outputs);
        Assert.Contains("outputs.json: tenants.x.sslMode: must be one of disable, allow, prefer, require, verify-ca, verify-full (the server's sslMode).", wrong.Problems);
        Assert.Contains("outputs.json: tenants.y.sslMode: must be one of disable, allow, prefer, require, verify-ca, verify-full (the server's sslMode).", wrong.Problems);
        Assert.Contains("outputs.json: tenants.y.port: must be a TCP port (1-65535).", wrong.Problems);
    }

    [Fact]
    public void TenantsWithoutShowSecretsAreRefusedWithTheFix()
    {
        var result = StackOutputsParser.Parse("""{"tenants": "[secret]"}""", "outputs.json");

        Assert.Null(result.Outputs);
        Assert.Contains("--show-secrets", Assert.Single(result.Problems));
    }

    [Fact]
    public void MalformedJsonIsUnreadableAndNamesTheSource()
    {
        var result = StackOutputsParser.Parse("{\"tenants\": {", "outputs.json");

        Assert.True(result.Unreadable);
        Assert.StartsWith("outputs.json: not valid JSON", Assert.Single(result.Problems));
    }

    [Fact]
    public void EveryBadFieldOfEveryEntryIsReportedAtOnceWithoutItsValue()
    {
        var result = StackOutputsParser.Parse(
            """
            {"tenants": {
              "Bad Id": {"server": "a", "region": "eu", "host": "h", "port": 5432, "database": "d", "username": "u", "password": "pw-one"},
              "no-host": {"server": "a", "region": "eu", "port": 70000, "database": "d", "username": "u", "password": "pw-two"},
              "long-name": {"server": "a", "region": "eu", "host": "h", "port": 1, "database": "0123456789012345678901234567890123456789012345678901234567890123", "username": "u", "password": "pw-three"}
            }}
            """, "outputs.json");

        Assert.Null(result.Outputs);
        Assert.False(result.Unreadable);
        Assert.Contains("outputs.json: tenants.Bad Id: the tenant id must be lower-case letters, digits, '-' or '_' (as the stack configuration requires).", result.Problems);
        Assert.Contains("outputs.json: tenants.no-host.host: missing.", result.Problems);
        Assert.Contains("outputs.json: tenants.no-host.port: must be a TCP port (1-65535).", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith("outputs.json: tenants.long-name.database: must be a PostgreSQL name"));
        Assert.DoesNotContain(result.Problems, p => p.Contains("pw-"));
    }
}
