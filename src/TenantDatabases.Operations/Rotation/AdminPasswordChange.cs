using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The admin's side of a rotation, on the server: log in, and set the role's own password. The statement is
/// <c>ALTER ROLE CURRENT_USER PASSWORD '&lt;SCRAM verifier&gt;'</c>: it names no role from configuration, needs no
/// superuser (a role may change its own password, as on managed services), and puts no clear text in the log.
/// </summary>
public sealed class AdminPasswordChange(ServerDefinition server, TimeSpan timeout)
{
    /// <summary>Logs in with <paramref name="password"/>; null when it worked, else why (never a password).</summary>
    public async Task<string?> LoginProblemAsync(string password, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = Source(password);
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            return Describe(error, password);
        }
    }

    /// <summary>Logs in with <paramref name="current"/> and sets the password to <paramref name="next"/>; null when done, else why.</summary>
    public async Task<string?> ChangeAsync(string current, string next, CancellationToken cancellationToken)
    {
        var verifier = ScramVerifier.Create(next);
        try
        {
            await using var source = Source(current);
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            // The verifier is base64 text, '$' and ':': nothing in it can end the literal.
            await using var command = new NpgsqlCommand($"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            return Describe(error, current, next);
        }
    }

    private NpgsqlDataSource Source(string password) =>
        AdminConnection.Create(new PreflightTarget(server, password, "", []), timeout, null);

    private string Describe(Exception error, params string[] passwords)
    {
        var target = new PreflightTarget(server, passwords[0], "", []);
        var check = AdminConnection.Classify(error, target);
        var message = passwords.Aggregate($"{check.Message} {check.Fix}".Trim(), (text, password) => AdminConnection.Scrub(text, password));
        return $"server '{server.Name}' ({server.Host}:{server.Port}) as {server.Username}: {message}";
    }
}
