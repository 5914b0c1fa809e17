using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Outputs;

public sealed class StackOutputsReaderTests
{
    private const string Entry = """{"server": "a", "region": "eu", "host": "127.0.0.1", "port": 5432, "database": "tenant_x", "username": "tenant_x_owner", "password": "s3cret-value"}""";

    [Fact]
    public void EntriesBecomeSecretFreeTargetsWithPasswordsKeptApart()
    {
        var result = StackOutputsReader.Read("""{"tenants": {"x": """ + Entry + """}, "servers": {}, "placements": {}}""", "outputs.json");

        Assert.True(result.IsValid);
        var outputs = result.Connections;
        var target = Assert.Single(outputs.Tenants);
        Assert.Equal(new TenantTarget("x", "a", "eu", "127.0.0.1", 5432, "tenant_x", "tenant_x_owner"), target);
        Assert.DoesNotContain("s3cret-value", target.ToString());
        Assert.DoesNotContain("s3cret-value", outputs.ToString());
        Assert.Equal("s3cret-value", outputs.Passwords.For("x"));
        Assert.Equal("failed for *** here", outputs.Passwords.Mask("failed for s3cret-value here"));
    }

    [Theory]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("require", SslMode.Require)]
    [InlineData("disable", SslMode.Disable)]
    public void TheServersSslModeIsKeptForTheTenantsConnections(string spelling, SslMode expected)
    {
        var entry = Entry.Replace("\"port\": 5432,", $"\"port\": 5432, \"sslMode\": \"{spelling}\",");

        var result = StackOutputsReader.Read("""{"tenants": {"x": """ + entry + "}}", "outputs.json");

        Assert.True(result.IsValid);
        Assert.Equal(expected, Assert.Single(result.Connections.Tenants).SslMode);
    }

    [Fact]
    public void OutputsWithoutSslModeKeepPreferAndAnUnknownSslModeIsAProblemNamingTheChoices()
    {
        var old = StackOutputsReader.Read("""{"tenants": {"x": """ + Entry + "}}", "outputs.json");
        var wrong = StackOutputsReader.Read(
            """{"tenants": {"x": """ + Entry.Replace("\"port\": 5432,", "\"port\": 5432, \"sslMode\": \"strict\",") +
            """, "y": """ + Entry.Replace("\"port\": 5432,", "\"port\": 0, \"sslMode\": 1,") + "}}", "outputs.json");

        Assert.True(old.IsValid);
        Assert.Equal(SslMode.Prefer, Assert.Single(old.Connections.Tenants).SslMode);
        Assert.Null(wrong.Connections);
        Assert.Contains("outputs.json: tenants.x.sslMode: must be one of disable, allow, prefer, require, verify-ca, verify-full (the server's sslMode).", wrong.Problems);
        Assert.Contains("outputs.json: tenants.y.sslMode: must be one of disable, allow, prefer, require, verify-ca, verify-full (the server's sslMode).", wrong.Problems);
        Assert.Contains("outputs.json: tenants.y.port: must be a TCP port (1-65535).", wrong.Problems);
    }

    [Fact]
    public void TenantsWithoutShowSecretsAreRefusedWithTheFix()
    {
        var result = StackOutputsReader.Read("""{"tenants": "[secret]"}""", "outputs.json");

        Assert.Null(result.Connections);
        Assert.Contains("--show-secrets", Assert.Single(result.Problems));
    }

    [Fact]
    public void MalformedJsonIsUnreadableAndNamesTheSource()
    {
        var result = StackOutputsReader.Read("{\"tenants\": {", "outputs.json");

        Assert.True(result.IsUsageProblem);
        Assert.StartsWith("outputs.json: not valid JSON", Assert.Single(result.Problems));
    }

    [Fact]
    public void EveryBadFieldOfEveryEntryIsReportedAtOnceWithoutItsValue()
    {
        var result = StackOutputsReader.Read(
            """
            {"tenants": {
              "Bad Id": {"server": "a", "region": "eu", "host": "h", "port": 5432, "database": "d", "username": "u", "password": "pw-one"},
              "no-host": {"server": "a", "region": "eu", "port": 70000, "database": "d", "username": "u", "password": "pw-two"},
              "long-name": {"server": "a", "region": "eu", "host": "h", "port": 1, "database": "0123456789012345678901234567890123456789012345678901234567890123", "username": "u", "password": "pw-three"}
            }}
            """, "outputs.json");

        Assert.Null(result.Connections);
        Assert.False(result.IsUsageProblem);
        Assert.Contains("outputs.json: tenants.Bad Id: the tenant id must be lower-case letters, digits, '-' or '_' (as the stack configuration requires).", result.Problems);
        Assert.Contains("outputs.json: tenants.no-host.host: missing.", result.Problems);
        Assert.Contains("outputs.json: tenants.no-host.port: must be a TCP port (1-65535).", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith("outputs.json: tenants.long-name.database: must be a PostgreSQL name"));
        Assert.DoesNotContain(result.Problems, p => p.Contains("pw-"));
    }

    [Fact]
    public void NonObjectOutputsAreAProblem()
    {
        var result = StackOutputsReader.Read("[1, 2]", "outputs.json");

        Assert.Null(result.Deployment);
        Assert.Contains("must be a JSON object", Assert.Single(result.Problems));
        // Not stack outputs at all, like truncated JSON: a usage error (exit 2), not an invalid tenant entry (exit 1).
        Assert.True(result.IsUsageProblem);
    }

    [Theory]
    [InlineData("\"54321\"")]
    [InlineData("\"5432\"")]
    [InlineData("5432.0")]
    public void APortThatIsNotAWholeJsonNumberIsAProblemThatSaysHowToWriteIt(string port)
    {
        var result = StackOutputsReader.Read("""{"tenants": {"x": """ + Entry.Replace("\"port\": 5432", $"\"port\": {port}") + "}}", "outputs.json");

        Assert.Null(result.Connections);
        Assert.Contains("outputs.json: tenants.x.port: must be a TCP port (1-65535) written as a JSON number, as the program writes it (5432, not \"5432\").",
            result.Problems);
    }

    [Theory]
    [InlineData("db.internal", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    public void SslModeDisableIsAcceptedForALoopbackHostOnlyAsValidateAcceptsIt(string host, bool accepted)
    {
        var entry = Entry.Replace("\"host\": \"127.0.0.1\", \"port\": 5432,", $"\"host\": \"{host}\", \"port\": 5432, \"sslMode\": \"disable\",");

        var result = StackOutputsReader.Read("""{"tenants": {"x": """ + entry + "}}", "outputs.json");

        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Contains($"outputs.json: tenants.x.sslMode: 'disable' would send the tenant's password unencrypted to {host}, which is not a loopback host; " +
                "the stack file's validation refuses it too: set the server's sslMode to require (or verify-full) and deploy again.", result.Problems);
        }
    }

    [Fact]
    public void WhatTheSchemaWritesTheReaderReadsBackWithThePreviousDeployment()
    {
        var target = new TenantTarget("x", "a", "", "db.internal", 6432, "tenant_x", "tenant_x_owner", SslMode.VerifyFull);
        var json = StackOutputsSchema.Json(
            [(target, "s3cret-value")], [new ServerOutput("a", "db.internal", 6432, "", 1)], [new PlacementOutput("x", "a", "tenant_x", "tenant_x_owner", new TenantProtection(Protect: false, RetainOnDelete: true), PasswordVersion: 3)]);

        var result = StackOutputsReader.Read(json, "outputs.json");

        Assert.True(result.IsValid);
        Assert.Equal(target, Assert.Single(result.Connections.Tenants));
        Assert.Equal("s3cret-value", result.Connections.Passwords.For("x"));
        Assert.Equal(new DeployedTenant("x", "a", "tenant_x", new TenantProtection(Protect: false, RetainOnDelete: true), 3, "tenant_x_owner"), result.Deployment.Tenants["x"]);
        Assert.Equal(new DeployedServer("a", "db.internal", 6432), result.Deployment.Server("a"));
    }

    [Fact]
    public void OutputsWithoutShowSecretsStillGiveThePreviousDeploymentFromThePlacements()
    {
        var result = StackOutputsReader.Read(
            """{"tenants": "[secret]", "placements": {"x": {"server": "a", "database": "tenant_x", "role": "tenant_x_owner"}}}""", "outputs.json");

        Assert.False(result.IsValid);
        Assert.False(result.IsUsageProblem);
        var deployed = Assert.Single(result.Deployment!.Tenants.Values);
        Assert.Equal(new DeployedTenant("x", "a", "tenant_x", Role: "tenant_x_owner"), deployed);
        Assert.Equal(1, deployed.PasswordVersion);
        Assert.Contains("--show-secrets", Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", null)]
    [InlineData("-2", null)]
    [InlineData("\"2\"", null)]
    public void OnlyAPasswordVersionTheProgramCouldHaveWrittenIsRead(string json, int? expected)
    {
        var result = StackOutputsReader.Read(
            """{"placements": {"x": {"server": "a", "database": "tenant_x", "passwordVersion": """ + json + "}}}", "outputs.json");

        Assert.Equal(expected, result.Deployment!.Tenants["x"].RecordedPasswordVersion);
    }
}


public sealed class AdoptedTenantOutputsTests
{
    private static readonly FleetPlan Plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Adopted).Configuration!);

    private static TenantConnections Connections()
    {
        var json = StackOutputsSchema.Json(
            Plan.Tenants.Select(tenant => (TenantTarget.From(tenant, Plan.ServerOf(tenant)), tenant.PasswordManaged ? $"pw-{tenant.Id}" : "")),
            Plan.Servers.Select(ServerOutput.From), Plan.Tenants.Select(PlacementOutput.From));
        var result = StackOutputsReader.Read(json, "outputs.json");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Connections;
    }

    [Fact]
    public void AnAdoptedTenantsEntrySaysItsPasswordIsNotManagedAndCarriesNone()
    {
        var legacy = Plan.Tenants.Single(tenant => tenant.Id == "legacy-shop");

        var entry = StackOutputsSchema.Entry(TenantTarget.From(legacy, Plan.ServerOf(legacy)), "");

        Assert.Equal(false, entry["passwordManaged"]);
        Assert.Equal("", entry["password"]);
        Assert.Equal("provisioner", entry["owner"]);
        Assert.Equal("provisioner", entry["username"]);
        Assert.Equal("legacy_shop", entry["database"]);
    }

    [Fact]
    public void WhatTheSchemaWritesForAdoptedTenantsTheReaderReadsBack()
    {
        var connections = Connections();

        var app = connections.Tenants.Single(tenant => tenant.Id == "app-shop");
        Assert.False(app.PasswordManaged);
        Assert.Equal("o'brien \"app\" rôle", app.DatabaseOwner);
        Assert.Equal("App Shop", app.Database);
        Assert.True(connections.Tenants.Single(tenant => tenant.Id == "rotated-shop").PasswordManaged);
    }

    [Fact]
    public void MigrateLogsInAsTheOwnerWithTheStacksPasswordElseAsTheServersAdminActingAsTheOwner()
    {
        var connections = Connections();
        var tenants = connections.Tenants.ToDictionary(tenant => tenant.Id);

        Assert.Null(connections.Passwords.LoginFor(tenants["legacy-shop"]));
        var passwords = connections.Passwords.WithServerAdmins(new Dictionary<string, TenantLogin>
        {
            ["eu-primary"] = new("provisioner", "admin-secret", null),
        });

        var owner = passwords.LoginFor(tenants["acme-coffee"])!;
        Assert.Equal(("tenant_acme_coffee_owner", "pw-acme-coffee", (string?)null), (owner.Username, owner.Password, owner.SetRole));
        var admin = passwords.LoginFor(tenants["legacy-shop"])!;
        Assert.Equal(("provisioner", "admin-secret", (string?)null), (admin.Username, admin.Password, admin.SetRole));
        var role = passwords.LoginFor(tenants["app-shop"])!;
        Assert.Equal(("provisioner", "o'brien \"app\" rôle"), (role.Username, role.SetRole));
        Assert.Equal("pw-rotated-shop", passwords.LoginFor(tenants["rotated-shop"])!.Password);
        Assert.Contains("admin-secret", passwords.All);
        Assert.DoesNotContain("admin-secret", passwords.ToString() + role);
        Assert.Equal("***", passwords.Mask("admin-secret"));
    }

    [Fact]
    public void OutputsOfADeployFromBeforeAdoptionNameNoOwnerAndEveryPasswordIsManaged()
    {
        var result = StackOutputsReader.Read(
            """{"tenants": {"x": {"server": "a", "region": "", "host": "h", "port": 5432, "database": "tenant_x", "username": "tenant_x_owner", "password": "pw"}}}""",
            "outputs.json");

        var target = Assert.Single(result.Connections!.Tenants);
        Assert.True(target.PasswordManaged);
        Assert.Equal("tenant_x_owner", target.DatabaseOwner);
    }

    [Theory]
    [InlineData("\"password\": \"\"", "password: must be a non-empty string")]
    [InlineData("\"password\": \"pw\", \"passwordManaged\": \"no\"", "passwordManaged: must be true or false")]
    [InlineData("\"password\": \"\", \"passwordManaged\": false, \"owner\": 7", "owner: must be a non-empty string")]
    public void AnEmptyPasswordIsOnlyForAnOwnerWhosePasswordIsNotManaged(string fields, string problem)
    {
        var result = StackOutputsReader.Read(
            "{\"tenants\": {\"x\": {\"server\": \"a\", \"region\": \"\", \"host\": \"h\", \"port\": 5432, \"database\": \"tenant_x\", \"username\": \"u\", " + fields + "}}}",
            "outputs.json");

        Assert.Contains(result.Problems, line => line.Contains(problem, StringComparison.Ordinal));
    }
}
