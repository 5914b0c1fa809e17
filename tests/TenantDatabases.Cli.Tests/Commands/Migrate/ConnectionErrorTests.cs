namespace TenantDatabases.Cli.Tests.Commands.Migrate;

/// <summary>
/// A tenant that cannot be reached is reported by migrate and verify with the host, port and server it was tried on,
/// as preflight names them, and the cause said once.
/// </summary>
public sealed class ConnectionErrorTests
{
    private static string Outputs(int closedPort)
    {
        var outputs = TenantDb.TempFile(".json");
        Directory.CreateDirectory(Path.GetDirectoryName(outputs)!);
        File.WriteAllText(outputs, $$$"""
            {"tenants": {
              "lost-dns": {"server": "eu-dns", "region": "", "host": "no-such-host.invalid", "port": 5432, "sslMode": "require",
                           "database": "tenant_lost_dns", "username": "tenant_lost_dns_owner", "password": "pw-one-secret"},
              "closed-port": {"server": "eu-closed", "region": "", "host": "127.0.0.1", "port": {{{closedPort}}}, "sslMode": "disable",
                              "database": "tenant_closed_port", "username": "tenant_closed_port_owner", "password": "pw-two-secret"}
            }}
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(outputs, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return outputs;
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("verify")]
    public async Task AnUnreachableTenantIsReportedWithItsHostPortAndServerAndTheCauseOnce(string command)
    {
        var port = FreePort.Next();

        var run = await TenantDb.RunAsync(command, "--outputs", Outputs(port), "--scripts", RepositoryMigrations.Folder);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.Output);
        Assert.Contains("cannot connect to no-such-host.invalid:5432 (server eu-dns): the host name does not resolve", run.Output);
        Assert.Contains($"cannot connect to 127.0.0.1:{port} (server eu-closed): connection refused, nothing listens there", run.Output);
        Assert.DoesNotMatch(@"(?<cause>[A-Za-z ]{8,}): \k<cause>", run.Output);
        run.ShowsNone(["pw-one-secret", "pw-two-secret"]);
    }
}
