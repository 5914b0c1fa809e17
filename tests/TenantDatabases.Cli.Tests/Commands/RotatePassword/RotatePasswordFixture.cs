using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>
/// One real server that logs every statement (<c>log_statement = 'all'</c>), so that a test can read what reached its
/// log; each test rotates the password of an admin role of its own.
/// </summary>
public sealed class RotatePasswordFixture : IAsyncLifetime
{
    public const string Passphrase = "rotate-password-test-passphrase";

    public TestPostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestPostgresServer.StartAsync("cli-rotation");
        await Server.Server.ExecuteAsSuperuserAsync("ALTER SYSTEM SET log_statement = 'all'");
        await Server.Server.ExecuteAsSuperuserAsync("SELECT pg_reload_conf()");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The server's log file (pg_ctl -l).</summary>
    public string LogFile => Server.Server.Spec.LogFile;

    /// <summary>A new admin role (CREATEDB CREATEROLE, no superuser) with a password of its own.</summary>
    public async Task<(string Role, string Password)> AdminAsync()
    {
        var role = "admin_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        await Server.Server.EnsureLoginRoleAsync(role, password, "CREATEDB CREATEROLE");
        return (role, password);
    }

    /// <summary>True when <paramref name="role"/> logs in with <paramref name="password"/>.</summary>
    public Task<bool> LogsInAsync(string role, string password) => Server.LogsInAsync(role, password);
}
