// LocalServers: a PostgreSQL cluster on this machine, on loopback only, for dev-servers and the tests.
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.LocalServers;

/// <summary>
/// One PostgreSQL cluster on this machine: created on first start, listening on 127.0.0.1 only, with a
/// bootstrap superuser reachable only through a private Unix socket (trust) and password
/// authentication (SCRAM) on TCP. Used by <c>tenantdb dev-servers</c> and by the test fixture.
/// </summary>
public sealed class LocalPostgresServer(LocalServerSpec spec, PostgresBinaries binaries, LocalServerUser user)
{
    /// <summary>The superuser that initdb creates; reachable only over the private socket.</summary>
    public const string BootstrapSuperuser = "postgres";

    // Generous: initdb and a start on a loaded 2-core machine take seconds, but a stuck one must not hang a run.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(180);

    /// <summary>What this server is.</summary>
    public LocalServerSpec Spec => spec;

    /// <summary>Socket folder; kept short because Unix socket paths are limited to about 100 bytes.</summary>
    public string SocketDirectory => spec.SocketDirectory.Length < 80
        ? spec.SocketDirectory
        : Path.Combine(Path.GetTempPath(), "tenantdb-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(spec.RootDirectory)))[..12].ToLowerInvariant());

    /// <summary>A connection string for the bootstrap superuser over the Unix socket (no password).</summary>
    public string SuperuserConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = spec.Port,
        Username = BootstrapSuperuser,
        Database = database,
        Pooling = false,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>Creates the cluster when its data directory is empty, then starts it unless it runs.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _ = LoopbackAddress(); // Refuse before anything is created.
        if (!File.Exists(Path.Combine(spec.DataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(cancellationToken);
        }
        if (await IsRunningAsync(cancellationToken))
        {
            return;
        }
        await WriteSettingsAsync(cancellationToken);
        await RunAsync(binaries.PgCtl, ["-D", spec.DataDirectory, "-l", spec.LogFile, "-w", "-t", "60", "start"], cancellationToken);
    }

    /// <summary>Stops the server; <paramref name="immediate"/> stops it the way a crash would.</summary>
    public async Task StopAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        if (!await IsRunningAsync(cancellationToken))
        {
            return;
        }
        await RunAsync(binaries.PgCtl, ["-D", spec.DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"], cancellationToken);
    }

    /// <summary>True when the cluster's postmaster runs.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(spec.DataDirectory, "PG_VERSION")))
        {
            return false;
        }
        var (fileName, arguments) = user.Wrap(binaries.PgCtl, ["-D", spec.DataDirectory, "status"]);
        var result = await ExternalCommand.RunAsync(fileName, arguments, CommandTimeout, cancellationToken: cancellationToken);
        return result.ExitCode == 0;
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public async Task DestroyAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(immediate: true, cancellationToken);
        if (Directory.Exists(spec.RootDirectory))
        {
            Directory.Delete(spec.RootDirectory, recursive: true);
        }
        if (SocketDirectory != spec.SocketDirectory && Directory.Exists(SocketDirectory))
        {
            Directory.Delete(SocketDirectory, recursive: true);
        }
    }

    /// <summary>Runs SQL as the bootstrap superuser (set-up only: roles, test conditions).</summary>
    public async Task ExecuteAsSuperuserAsync(string sql, IReadOnlyDictionary<string, object>? parameters = null, string database = "postgres", CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(SuperuserConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Creates or updates a login role with the given attributes (e.g. <c>CREATEDB CREATEROLE</c>) and
    /// password. The password reaches the server as a bound parameter, then quoted by format(%L).
    /// </summary>
    public Task EnsureLoginRoleAsync(string role, string password, string attributes, CancellationToken cancellationToken = default) =>
        ExecuteAsSuperuserAsync(
            $"""
            SELECT set_config('tenantdb.role', @role, false), set_config('tenantdb.secret', @secret, false);
            DO $ensure$
            DECLARE
              role_name text := current_setting('tenantdb.role');
              secret text := current_setting('tenantdb.secret');
            BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
                EXECUTE format('CREATE ROLE %I LOGIN', role_name);
              END IF;
              EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER {ValidateAttributes(attributes)} PASSWORD %L', role_name, secret);
            END
            $ensure$;
            """,
            new Dictionary<string, object> { ["role"] = role, ["secret"] = password },
            cancellationToken: cancellationToken);

    private static string ValidateAttributes(string attributes)
    {
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CREATEDB", "NOCREATEDB", "CREATEROLE", "NOCREATEROLE", "INHERIT", "NOINHERIT",
        };
        var words = attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(word => !allowed.Contains(word)))
        {
            throw new ArgumentException($"Unsupported role attributes: {attributes}", nameof(attributes));
        }
        return string.Join(' ', words);
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(spec.DataDirectory);
        await HandToServerUserAsync(spec.RootDirectory, cancellationToken);
        // No --no-instructions: initdb 13 lacks it, and its advice is captured, never shown.
        List<string> arguments =
        [
            "-D", spec.DataDirectory, "-U", BootstrapSuperuser, "--encoding=UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256",
        ];
        if (!spec.Durable)
        {
            // A throwaway cluster needs no fsync of its files: on a busy disk that sync is most of initdb's time.
            arguments.Add("--no-sync");
        }
        await RunAsync(binaries.InitDb, arguments, cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(spec.DataDirectory, "postgresql.conf"),
            "\ninclude_if_exists = 'tenantdb.conf'\n", cancellationToken);
    }

    private async Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        var settings = new StringBuilder()
            .AppendLine("# Written by tenantdb on every start.")
            .AppendLine($"listen_addresses = '{LoopbackAddress()}'")
            .AppendLine($"port = {spec.Port}")
            .AppendLine($"unix_socket_directories = '{SocketDirectory}'")
            .AppendLine("unix_socket_permissions = 0700")
            .AppendLine("max_connections = 100")
            .AppendLine("shared_buffers = 32MB");
        if (!spec.Durable)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }
        await File.WriteAllTextAsync(Path.Combine(spec.DataDirectory, "tenantdb.conf"), settings.ToString(), cancellationToken);
        await HandToServerUserAsync(spec.RootDirectory, cancellationToken);
        await HandToServerUserAsync(SocketDirectory, cancellationToken);
    }

    // Only a literal loopback address reaches the configuration file: local servers are never reachable from outside.
    private string LoopbackAddress() =>
        System.Net.IPAddress.TryParse(spec.ListenAddress, out var address) && Fleet.Validation.HostNameRules.IsLoopback(spec.ListenAddress)
            ? address.ToString()
            : throw new LocalServerException($"Local server '{spec.Name}' may only listen on a loopback address (127.0.0.0/8 or ::1), not '{spec.ListenAddress}'.");

    private async Task HandToServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (user.RunAsName is null)
        {
            return;
        }
        var result = await ExternalCommand.RunAsync("chown", ["-R", $"{user.RunAsName}:", directory], CommandTimeout, cancellationToken: cancellationToken);
        EnsureSucceeded("chown", result);
        // postgres insists on 0700 (or 0750) for its data directory.
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, wrapped) = user.Wrap(program, arguments);
        var result = await ExternalCommand.RunAsync(fileName, wrapped, CommandTimeout, cancellationToken: cancellationToken);
        EnsureSucceeded(Path.GetFileName(program), result);
    }

    private void EnsureSucceeded(string program, CommandResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        var log = File.Exists(spec.LogFile) ? string.Join('\n', File.ReadLines(spec.LogFile).TakeLast(10)) : "";
        throw new LocalServerException(
            $"{program} failed for local server '{spec.Name}' (port {spec.Port}, folder {spec.RootDirectory}), {result.Ending}: " +
            $"{result.StandardError.Trim()} {result.StandardOutput.Trim()} {log}".Trim());
    }
}

/// <summary>A PostgreSQL server to run on this machine, on 127.0.0.1 only.</summary>
/// <param name="Name">Label used in messages and as the folder name under the root.</param>
/// <param name="Port">TCP port on 127.0.0.1.</param>
/// <param name="RootDirectory">Folder that holds the server's data, socket and log.</param>
/// <param name="Durable">False for test servers: fsync off, which is faster and loses data on a crash.</param>
/// <param name="ListenAddress">The loopback address to listen on (a dev stack may use any of 127.0.0.0/8).</param>
public sealed record LocalServerSpec(string Name, int Port, string RootDirectory, bool Durable = true, string ListenAddress = "127.0.0.1")
{
    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>Private folder of the Unix socket that the bootstrap superuser uses.</summary>
    public string SocketDirectory => Path.Combine(RootDirectory, "socket");

    /// <summary>The server log.</summary>
    public string LogFile => Path.Combine(RootDirectory, "server.log");
}

/// <summary>A local server could not be created, started or stopped; the message says which and why.</summary>
public sealed class LocalServerException(string message) : Exception(message);
