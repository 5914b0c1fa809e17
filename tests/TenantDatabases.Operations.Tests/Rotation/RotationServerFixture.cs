using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Rotation;

/// <summary>One real server; each test rotates the password of an admin role of its own, on a passphrase stack of its own.</summary>
public sealed class RotationServerFixture : IAsyncLifetime
{
    public const string Passphrase = "rotation-test-passphrase";

    public TestPostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestPostgresServer.StartAsync("rotation");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new admin role (CREATEDB CREATEROLE, no superuser) and a stack whose one server 'main' logs in as it.</summary>
    public async Task<(TestStack Stack, string Role, string Password)> AdminAsync()
    {
        var role = "admin_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        await Server.Server.EnsureLoginRoleAsync(role, password, "CREATEDB CREATEROLE");
        return (TestStack.Create("test", Passphrase, [new TestStackServer("main", Server.Port, password, Username: role)]), role, password);
    }

    /// <summary>True when <paramref name="role"/> logs in with <paramref name="password"/>.</summary>
    public Task<bool> LogsInAsync(string role, string password) => Server.LogsInAsync(role, password);

    /// <summary>What the server stores as <paramref name="role"/>'s password (read as the superuser).</summary>
    public async Task<string> StoredVerifierAsync(string role)
    {
        await using var connection = new NpgsqlConnection(Server.Server.SuperuserConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rolpassword FROM pg_authid WHERE rolname = $1", connection);
        command.Parameters.AddWithValue(role);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
