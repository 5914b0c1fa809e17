using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Testing;

/// <summary>
/// A real PostgreSQL server for one test run, on a free 127.0.0.1 port, with an admin role like a
/// managed service gives (no superuser; CREATEDB and CREATEROLE). Removed on dispose.
/// </summary>
public sealed class TestPostgresServer : IAsyncDisposable
{
    /// <summary>The admin role every test server has.</summary>
    public const string AdminUser = "provisioner";

    private TestPostgresServer(LocalPostgresServer server, string adminPassword)
    {
        Server = server;
        AdminPassword = adminPassword;
    }

    /// <summary>The underlying cluster (start, stop, superuser SQL).</summary>
    public LocalPostgresServer Server { get; }

    /// <summary>The admin's password: random per run, so tests can search output for it.</summary>
    public string AdminPassword { get; }

    /// <summary>The server's label.</summary>
    public string Name => Server.Spec.Name;

    /// <summary>Its TCP port on 127.0.0.1.</summary>
    public int Port => Server.Spec.Port;

    /// <summary>Connection string of the admin over TCP (what the stack's server entry describes).</summary>
    public string AdminConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = AdminUser,
        Password = AdminPassword,
        Database = database,
        Pooling = false,
        SslMode = SslMode.Disable,
    }.ConnectionString;

    /// <summary>
    /// The server's <c>server_version_num</c> (e.g. 150018): the CI matrix runs 13 to 17, and preflight rightly
    /// warns below 15, so a test of a healthy server expects that warning there.
    /// </summary>
    public async Task<int> VersionNumberAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// One value read as the bootstrap superuser (the ground truth a test compares the tool with); a SQL NULL is
    /// <c>default</c>. <paramref name="parameter"/>, when given, is bound as <c>@p</c>.
    /// </summary>
    public async Task<T> ScalarAsSuperuserAsync<T>(string database, string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(Server.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    /// <summary>True when <paramref name="role"/> logs in over TCP with <paramref name="password"/>; false when the password is refused.</summary>
    public async Task<bool> LogsInAsync(string role, string password)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = Port, Username = role, Password = password, Database = "postgres",
                Pooling = false, SslMode = SslMode.Disable,
            }.ConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return false;
        }
    }

    /// <summary>Creates and starts a server named <paramref name="name"/> under a fresh temporary folder.</summary>
    public static async Task<TestPostgresServer> StartAsync(string name, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find()
            ?? throw new InvalidOperationException("No PostgreSQL server binaries. " + PostgresBinaries.InstallHint);
        var root = Path.Combine(TestsRoot, $"{name}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(TestsRoot);
        await SweepOnceAsync(binaries);
        if (!OperatingSystem.IsWindows())
        {
            // The server runs as another user under root: it must be able to reach its folder.
            File.SetUnixFileMode(Path.GetDirectoryName(root)!, (UnixFileMode)0b111_101_101);
        }
        Directory.CreateDirectory(root);
        StaleTestServers.Claim(root);
        var spec = new LocalServerSpec(name, FreePort.Next(), root, Durable: false);
        var server = new LocalPostgresServer(spec, binaries, LocalServerUser.Current());
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        try
        {
            await server.StartAsync(cancellationToken);
            await server.EnsureLoginRoleAsync(AdminUser, password, "CREATEDB CREATEROLE", cancellationToken);
        }
        catch
        {
            await server.DestroyAsync(CancellationToken.None);
            throw;
        }
        return new TestPostgresServer(server, password);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Server.DestroyAsync();

    /// <summary>The folder under which every test server of every run lives.</summary>
    public static string TestsRoot => Path.Combine(Path.GetTempPath(), "tenantdb-tests");

    private static readonly SemaphoreSlim Sweep = new(1, 1);
    private static bool swept;

    // Once per test process: servers of killed runs would otherwise keep their ports and memory forever.
    private static async Task SweepOnceAsync(PostgresBinaries binaries)
    {
        await Sweep.WaitAsync();
        try
        {
            if (!swept)
            {
                swept = true;
                await StaleTestServers.SweepAsync(TestsRoot, binaries);
            }
        }
        finally
        {
            Sweep.Release();
        }
    }
}
