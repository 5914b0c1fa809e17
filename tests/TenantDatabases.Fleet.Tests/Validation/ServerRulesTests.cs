using TenantDatabases.Fleet.Validation;
namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class ServerRulesTests
{
    private const string Primary = "tenant-databases:servers.eu-primary";

    [Theory]
    [InlineData("config:\n  tenant-databases:protect: true\n")]
    [InlineData("config:\n  tenant-databases:servers: {}\n")]
    [InlineData("config:\n  tenant-databases:servers:\n")]
    public void AStackWithoutServersIsInvalid(string yaml)
    {
        var problem = StackYaml.SingleError(StackYaml.Read(yaml), "tenant-databases:servers");
        Assert.Contains("No server", problem.Message);
    }

    [Fact]
    public void AMalformedServerNameIsAnError()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("    eu-secondary:", "    \"EU Secondary\":"));
        Assert.Contains("may only hold", StackYaml.SingleError(result, "tenant-databases:servers[\"EU Secondary\"]").Message);
    }

    [Theory]
    [InlineData("postgres://pg-eu-1.internal", "scheme")]
    [InlineData("pg-eu-1.internal:5432", "port")]
    [InlineData("\"[::1]:5432\"", "port")]
    [InlineData("pg eu 1", "not a valid host")]
    [InlineData("pg-eu-1.internal/db", "not a valid host")]
    [InlineData("\"\"", "empty")]
    public void AHostMustBeABareNameOrAddress(string host, string expected)
    {
        var result = StackYaml.Read(StackYaml.ValidWith("host: pg-eu-1.internal", $"      host: {host}"));
        Assert.Contains(expected, StackYaml.SingleError(result, $"{Primary}.host").Message);
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("fd00::7")]
    [InlineData("db.eu-west.example.com")]
    public void HostNamesAndAddressesAreAccepted(string host) =>
        Assert.Empty(StackYaml.Read(StackYaml.ValidWith("host: pg-eu-1.internal", $"      host: {host}")).Problems);

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("54.3")]
    public void APortOutsideOneTo65535IsAnError(string port)
    {
        var result = StackYaml.Read(StackYaml.ValidWith("port: 5432", $"      port: {port}"));
        Assert.Contains("1 to 65535", StackYaml.SingleError(result, $"{Primary}.port").Fix);
    }

    [Fact]
    public void AMissingUsernameOrPasswordIsAnError()
    {
        var yaml = StackYaml.Valid.Replace("      username: provisioner\n      password:\n        secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB\n", "");
        var result = StackYaml.Read(yaml);
        Assert.Contains("no username", StackYaml.SingleError(result, $"{Primary}.username").Message);
        var password = StackYaml.SingleError(result, $"{Primary}.password");
        Assert.Contains("pulumi config set --secret --path 'servers.eu-primary.password'", password.Fix);
        Assert.Equal(5, password.Location!.Line);
    }

    [Fact]
    public void MoreThanOneDefaultIsAnError()
    {
        var yaml = StackYaml.Valid.Replace("    eu-secondary:\n", "    eu-secondary:\n      default: true\n");
        var result = StackYaml.Read(yaml);
        var problem = StackYaml.SingleError(result, "tenant-databases:servers.eu-secondary.default");
        Assert.Contains("eu-primary, eu-secondary", problem.Message);
    }

    [Fact]
    public void AnUnknownSslModeSuggestsTheNearestOne()
    {
        var result = StackYaml.Read(StackYaml.ValidWith("sslMode: require", "      sslMode: requrie"));
        var problem = StackYaml.SingleError(result, $"{Primary}.sslMode");
        Assert.Contains("Did you mean 'require'?", problem.Fix);
        Assert.Contains("verify-full", problem.Fix);
    }

    [Fact]
    public void DisableIsAnErrorOnAHostThatIsNotLoopback()
    {
        var result = StackYaml.Read(StackYaml.ValidWith("sslMode: require", "      sslMode: disable"));
        Assert.Contains("not a loopback host", StackYaml.SingleError(result, $"{Primary}.sslMode").Message);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void DisableIsAllowedOnLoopbackHosts(string host)
    {
        var yaml = StackYaml.ValidWith("sslMode: require", "      sslMode: disable").Replace("host: pg-eu-1.internal", $"host: \"{host}\"");
        Assert.Empty(StackYaml.Read(yaml).Problems);
    }

    [Theory]
    [InlineData("10.0.4.17", true)]
    [InlineData("2001:db8::5", true)]
    [InlineData("pg-eu-1.internal", false)]
    public void VerifyFullWithAnIpAddressAsHostWarnsThatTheCertificateMustCarryThatAddress(string host, bool warned)
    {
        var yaml = StackYaml.ValidWith("sslMode: require", "      sslMode: verify-full").Replace("host: pg-eu-1.internal", $"host: \"{host}\"");

        var problems = StackYaml.Read(yaml).Problems.Where(p => p.Path == $"{Primary}.sslMode").ToList();

        Assert.DoesNotContain(problems, p => p.Severity == ProblemSeverity.Error);
        if (warned)
        {
            var warning = Assert.Single(problems);
            Assert.Equal(ProblemSeverity.Warning, warning.Severity);
            Assert.Contains($"the server's certificate must carry the IP address {host} itself (an IP entry in its subjectAltName)", warning.Message);
        }
        else
        {
            Assert.Empty(problems);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void MaxTenantsBelowOneIsAnError(string value)
    {
        var result = StackYaml.Read(StackYaml.ValidWith("maxTenants: 100", $"      maxTenants: {value}"));
        Assert.Contains("at least 1", StackYaml.SingleError(result, $"{Primary}.maxTenants").Fix);
    }

    [Fact]
    public void AServerOutsideTheResidencyIsAnError()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("      region: eu-west\n    eu-secondary", "      region: us-east\n    eu-secondary").Replace("      region: eu-west\n      default", "      region: us-east\n      default"));
        var problem = StackYaml.SingleError(result, $"{Primary}.region");
        Assert.Contains("outside this stack's residency (eu-west)", problem.Message);
    }

    [Fact]
    public void AServerWithoutRegionIsAnErrorWhenResidencyIsSet()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("      region: eu-west\n    eu-secondary", "    eu-secondary").Replace("      region: eu-west\n      default", "      default"));
        Assert.Contains("no region", StackYaml.SingleError(result, $"{Primary}.region").Message);
    }

    [Fact]
    public void OnlyThePasswordMayBeASecret()
    {
        var result = StackYaml.Read(StackYaml.ValidWith("host: pg-eu-1.internal", "      host:\n        secure: v1:xyz"));
        Assert.Contains("only a password", StackYaml.SingleError(result, $"{Primary}.host").Message);
    }

    [Fact]
    public void AServerWithoutSettingsIsAnError()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("    eu-secondary:\n      host: pg-eu-2.internal\n      username: provisioner\n      password:\n        secure: v1:CCCCCCCCCCCCCCCC:DDDDDDDDDDDDDDDDDDDDDDDD\n      region: eu-west\n", "    eu-secondary:\n"));
        Assert.Contains("no settings", StackYaml.SingleError(result, "tenant-databases:servers.eu-secondary").Message);
        Assert.Single(result.Problems);
    }
}
