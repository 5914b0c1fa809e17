using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.LocalServers;

public sealed class LocalPostgresServerTests
{
    [Fact]
    public async Task AdminLogsInOverLoopbackWithCreateDbButNotSuperuser()
    {
        await using var server = await TestPostgresServer.StartAsync("local");
        await using var connection = new NpgsqlConnection(server.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Fact]
    public async Task StartingARunningServerAgainChangesNothingAndStopIsIdempotent()
    {
        await using var server = await TestPostgresServer.StartAsync("idem");
        await server.Server.StartAsync();
        Assert.True(await server.Server.IsRunningAsync());
        await server.Server.StopAsync();
        await server.Server.StopAsync();
        Assert.False(await server.Server.IsRunningAsync());
        await server.Server.StartAsync();
        Assert.True(await server.Server.IsRunningAsync());
    }

    [Fact]
    public async Task WrongPasswordIsRefused()
    {
        await using var server = await TestPostgresServer.StartAsync("auth");
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString()) { Password = "not-the-password" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }
}
