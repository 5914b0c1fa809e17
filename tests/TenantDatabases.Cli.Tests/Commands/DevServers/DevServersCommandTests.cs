using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.DevServers;

[Collection(ProcessEnvironment.Name)]
public sealed class DevServersCommandTests
{
    private const string Passphrase = "dev-servers-test-passphrase";

    [Fact]
    public async Task StartsTwoServersIdempotentlyWithTheStacksAdminAndStopsThem()
    {
        TestStackServer[] servers =
        [
            new("local-a", FreePort.Next(), "pw-a-" + Guid.NewGuid().ToString("N")[..12]),
            new("local-b", FreePort.Next(), "pw-b-" + Guid.NewGuid().ToString("N")[..12]),
        ];
        using var stack = TestStack.Create("dev", Passphrase, servers);
        using var _ = ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", Passphrase), ("PULUMI_CONFIG_PASSPHRASE_FILE", null));
        var secrets = servers.Select(server => server.Password).Append(Passphrase).ToList();
        try
        {
            var first = await CommandRun.RunAsync("dev-servers", "start", "--cwd", stack.Directory);
            var second = await CommandRun.RunAsync("dev-servers", "start", "--stack", "dev", "--cwd", stack.Directory);
            var status = await CommandRun.RunAsync("dev-servers", "status", "--cwd", stack.Directory);

            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("Created and started", first.Output);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("Already running", second.Output);
            Assert.DoesNotContain("Created", second.Output);
            Assert.Equal(0, status.ExitCode);
            Assert.Contains($"127.0.0.1:{servers[1].Port}", status.Output);
            Assert.Equal(2, status.Output.Split("running").Length - 1);
            foreach (var server in servers)
            {
                Assert.Equal((true, false, true, true), await AdminAttributesAsync(server));
            }
            foreach (var run in new[] { first, second, status })
            {
                run.ShowsNone(secrets);
            }
        }
        finally
        {
            var stop = await CommandRun.RunAsync("dev-servers", "stop", "--cwd", stack.Directory);
            Assert.Equal(0, stop.ExitCode);
            Assert.Contains("Stopped.", stop.Output);
        }
        var after = await CommandRun.RunAsync("dev-servers", "status", "--cwd", stack.Directory);
        Assert.Equal(2, after.Output.Split("stopped").Length - 1);
    }

    [Fact]
    public async Task StartWithoutThePassphraseSaysWhatToSetAndStartsNothing()
    {
        using var stack = TestStack.Create("dev", Passphrase, [new TestStackServer("local-a", FreePort.Next(), "pw-unused")]);
        using var _ = ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", null), ("PULUMI_CONFIG_PASSPHRASE_FILE", null));

        var run = await CommandRun.RunAsync("dev-servers", "start", "--cwd", stack.Directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tenantdb-dev-passphrase", run.Output);
        Assert.False(Directory.Exists(Path.Combine(stack.Directory, ".dev-servers", "local-a")));
    }

    // Logged in over TCP with the stack's decrypted password: (login works, superuser, createdb, createrole).
    private static async Task<(bool, bool, bool, bool)> AdminAttributesAsync(TestStackServer server)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = server.Port, Username = server.Username, Password = server.Password,
            Database = "postgres", Pooling = false, SslMode = SslMode.Disable,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (true, reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }
}
