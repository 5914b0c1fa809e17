using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using SslMode = TenantDatabases.Fleet.Model.SslMode;

namespace TenantDatabases.Operations.Preflight;

/// <summary>One check of one server: what was checked, how it went, and how to fix it when it did not pass.</summary>
/// <param name="Name">A short stable name (<see cref="CheckNames"/>).</param>
/// <param name="Status">Ok, warning or error.</param>
/// <param name="Message">What was found. Never contains a password.</param>
/// <param name="Fix">What to do, or null when nothing is needed.</param>
public sealed record PreflightCheck(string Name, CheckStatus Status, string Message, string? Fix = null)
{
    /// <summary>A passed check.</summary>
    public static PreflightCheck Ok(string name, string message) => new(name, CheckStatus.Ok, message);

    /// <summary>A check that passed with a remark.</summary>
    public static PreflightCheck Warning(string name, string message, string fix) => new(name, CheckStatus.Warning, message, fix);

    /// <summary>A failed check.</summary>
    public static PreflightCheck Error(string name, string message, string fix) => new(name, CheckStatus.Error, message, fix);
}

/// <summary>Outcome of one preflight check, in order of severity.</summary>
public enum CheckStatus
{
    /// <summary>Passed.</summary>
    Ok,
    /// <summary>Worth a look; does not block a deployment.</summary>
    Warning,
    /// <summary>A deployment would fail or do harm.</summary>
    Error,
}

/// <summary>The names of the checks, in the order they run; reports and tests refer to them.</summary>
public static class CheckNames
{
    /// <summary>The host name resolves.</summary>
    public const string Dns = "dns";
    /// <summary>A TCP connection to host:port is accepted.</summary>
    public const string Tcp = "tcp";
    /// <summary>TLS as the server's sslMode asks.</summary>
    public const string Tls = "tls";
    /// <summary>The admin logs in with the stack's password.</summary>
    public const string Authentication = "auth";
    /// <summary>server_version_num is supported.</summary>
    public const string Version = "version";
    /// <summary>The admin can create databases.</summary>
    public const string CreateDb = "createdb";
    /// <summary>The admin can create roles.</summary>
    public const string CreateRole = "createrole";
    /// <summary>PostgreSQL 16+: the admin can SET ROLE to a role it created.</summary>
    public const string SetRole = "set-role";
    /// <summary>The server accepts writes.</summary>
    public const string Primary = "primary";
    /// <summary>Connections left for the deployment.</summary>
    public const string Connections = "connections";
    /// <summary>Tenant databases against maxTenants.</summary>
    public const string Capacity = "capacity";
    /// <summary>Tenant-prefixed databases the stack does not declare.</summary>
    public const string Orphans = "orphans";
    /// <summary>A server the run did not check, because it was cancelled.</summary>
    public const string Run = "run";
    /// <summary>Status: what the server reports about its load (sizes, sessions, transactions).</summary>
    public const string Load = "load";
    /// <summary>Status: declared tenants whose database the server lacks.</summary>
    public const string Tenants = "tenants";
}

/// <summary>What the admin role may do: create databases, create roles, and on 16+ act as the roles it creates.</summary>
internal static class RoleChecks
{
    public const int SetRoleRuleVersion = 160000;

    public static PreflightCheck CreateDb(ServerFacts facts, string role) =>
        facts.IsSuperuser || facts.CanCreateDb
            ? PreflightCheck.Ok(CheckNames.CreateDb, facts.IsSuperuser ? $"\"{role}\" is a superuser." : $"\"{role}\" has CREATEDB.")
            : PreflightCheck.Error(CheckNames.CreateDb,
                $"\"{role}\" has neither CREATEDB nor SUPERUSER: creating a tenant database would fail (CREATEDB is not inherited through role membership).",
                $"As a role that may grant it: ALTER ROLE {SqlIdentifier.Quote(role)} CREATEDB;");

    public static PreflightCheck CreateRole(ServerFacts facts, string role) =>
        facts.IsSuperuser || facts.CanCreateRole
            ? PreflightCheck.Ok(CheckNames.CreateRole, facts.IsSuperuser ? $"\"{role}\" is a superuser." : $"\"{role}\" has CREATEROLE.")
            : PreflightCheck.Error(CheckNames.CreateRole,
                $"\"{role}\" lacks CREATEROLE: creating a tenant's owner role would fail.",
                $"As a role that may grant it: ALTER ROLE {SqlIdentifier.Quote(role)} CREATEROLE;");

    /// <summary>
    /// PostgreSQL 16 requires the creator of a database to be able to SET ROLE to its owner. Proven by
    /// doing what the program does (create a role, grant it to the admin, SET ROLE) in a transaction
    /// that is rolled back, so nothing is left behind.
    /// </summary>
    public static async Task<PreflightCheck?> SetRoleAsync(NpgsqlConnection connection, ServerFacts facts, string role, CancellationToken cancellationToken)
    {
        if (facts.VersionNumber < SetRoleRuleVersion)
        {
            return PreflightCheck.Ok(CheckNames.SetRole, "Before PostgreSQL 16 a CREATEROLE admin may own-assign any role it creates.");
        }
        if (facts.IsSuperuser)
        {
            return PreflightCheck.Ok(CheckNames.SetRole, $"\"{role}\" is a superuser.");
        }
        if (!facts.CanCreateRole || facts.InRecovery || facts.DefaultReadOnly)
        {
            return null; // Already reported; the probe could not tell more.
        }
        var probe = SqlIdentifier.Quote("tenantdb_preflight_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                $"CREATE ROLE {probe} NOLOGIN; GRANT {probe} TO CURRENT_USER; SET LOCAL ROLE {probe}; RESET ROLE;", connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            var selfGrant = facts.CreateRoleSelfGrant.Length == 0 ? "empty" : $"'{facts.CreateRoleSelfGrant}'";
            return PreflightCheck.Ok(CheckNames.SetRole,
                $"\"{role}\" can SET ROLE to a role it creates once granted it (createrole_self_grant {selfGrant}); the program grants each owner role to the admin.");
        }
        catch (PostgresException error)
        {
            return PreflightCheck.Error(CheckNames.SetRole,
                $"\"{role}\" cannot SET ROLE to a role it creates (SQLSTATE {error.SqlState}: {error.MessageText}): CREATE DATABASE ... OWNER would fail on PostgreSQL 16+.",
                $"Let the admin take the roles it creates: ALTER ROLE {SqlIdentifier.Quote(role)} SET createrole_self_grant = 'set, inherit'; or grant it ADMIN on them.");
        }
        finally
        {
            await RollBackQuietlyAsync(transaction);
        }
    }

    private static async Task RollBackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone (timeout, server stopped): the server rolls the transaction back itself.
        }
    }
}

/// <summary>TLS in use, version, writable primary and connection headroom, judged from <see cref="ServerFacts"/>.</summary>
internal static class ServerStateChecks
{
    public const int MinimumVersion = 130000;
    public const int RecommendedVersion = 150000;

    public static PreflightCheck Tls(ServerFacts facts, SslMode mode)
    {
        if (facts.Tls)
        {
            return PreflightCheck.Ok(CheckNames.Tls, $"Encrypted with {facts.TlsVersion ?? "TLS"} (sslMode {mode.ToName()}).");
        }
        return mode switch
        {
            SslMode.Disable => PreflightCheck.Ok(CheckNames.Tls, "Not encrypted, as sslMode disable asks (loopback only)."),
            _ => PreflightCheck.Warning(CheckNames.Tls, $"The connection is not encrypted: the server does not offer TLS and sslMode {mode.ToName()} allows that.",
                "Enable TLS on the server and set sslMode to require or stricter."),
        };
    }

    public static PreflightCheck Version(ServerFacts facts) => facts.VersionNumber switch
    {
        < MinimumVersion => PreflightCheck.Error(CheckNames.Version, $"PostgreSQL {facts.Version} is too old: 13 or later is required.",
            "Upgrade the server to PostgreSQL 15 or 16."),
        < RecommendedVersion => PreflightCheck.Warning(CheckNames.Version, $"PostgreSQL {facts.Version} works; 15 or later is recommended.",
            "Plan an upgrade to PostgreSQL 15 or 16."),
        _ => PreflightCheck.Ok(CheckNames.Version, $"PostgreSQL {facts.Version}."),
    };

    public static PreflightCheck Primary(ServerFacts facts)
    {
        if (facts.InRecovery)
        {
            return PreflightCheck.Error(CheckNames.Primary, "The server is a standby (in recovery): it cannot create databases or roles.",
                "Point the server's host at the primary (the writer endpoint of a managed service).");
        }
        return facts.DefaultReadOnly
            ? PreflightCheck.Error(CheckNames.Primary, "default_transaction_read_only is on: every write of the deployment would fail.",
                "Turn default_transaction_read_only off for the server or for the admin role (ALTER ROLE ... SET default_transaction_read_only = off).")
            : PreflightCheck.Ok(CheckNames.Primary, "Writable primary.");
    }

    public static PreflightCheck Connections(ServerFacts facts)
    {
        var headroom = facts.Headroom;
        var detail = $"{headroom.Free} of {facts.MaxConnections} connections free (max_connections {facts.MaxConnections}, " +
                     $"{facts.SuperuserReserved + facts.Reserved} reserved, {facts.InUse} in use including this check).";
        const string fix = "Close idle sessions or put a pooler in front; raise max_connections if the server has the memory; lower --parallel/--per-server of migrate.";
        return headroom.Verdict switch
        {
            CapacityVerdict.Full or CapacityVerdict.Over => PreflightCheck.Error(CheckNames.Connections, "No connection left for the deployment: " + detail, fix),
            CapacityVerdict.NearlyFull => PreflightCheck.Warning(CheckNames.Connections, "Few connections left: " + detail, fix),
            _ => PreflightCheck.Ok(CheckNames.Connections, detail),
        };
    }
}

/// <summary>Tenant databases on the server against maxTenants, and databases with the prefix the stack does not declare.</summary>
internal static class TenantDatabaseChecks
{
    private const int ListedNames = 10;

    public static PreflightCheck Capacity(ServerDefinition server, IReadOnlyList<string> present, IReadOnlyList<string> declared)
    {
        var missing = declared.Except(present, StringComparer.Ordinal).Count();
        var projected = present.Count + missing;
        var max = server.MaxTenants;
        var detail = $"{present.Count} tenant databases present, {declared.Count} declared on this server, {missing} to create; maxTenants {max}.";
        var fix = $"Add a server and make it the default, or raise servers.{server.Name}.maxTenants if the server has the capacity.";
        if (new ServerCapacity(declared.Count, max).Verdict == CapacityVerdict.Over)
        {
            return PreflightCheck.Error(CheckNames.Capacity, $"The stack declares {declared.Count} tenants on this server, more than its maxTenants {max}. " + detail, fix);
        }
        var after = new ServerCapacity(projected, max);
        if (missing > 0 && after.Verdict == CapacityVerdict.Over)
        {
            return PreflightCheck.Error(CheckNames.Capacity,
                $"The server is at its maxTenants: creating {missing} more would make {projected} of {max}. " + detail, fix);
        }
        if (!new ServerCapacity(present.Count, max).HasRoom)
        {
            return PreflightCheck.Warning(CheckNames.Capacity, "The server is at its maxTenants: no room for another tenant. " + detail, fix);
        }
        return after.Verdict is CapacityVerdict.NearlyFull or CapacityVerdict.Full
            ? PreflightCheck.Warning(CheckNames.Capacity, $"The server will be {after.Percent} % full. " + detail, fix)
            : PreflightCheck.Ok(CheckNames.Capacity, detail);
    }

    public static PreflightCheck Orphans(IReadOnlyList<string> present, IReadOnlyList<string> declared, string prefix)
    {
        var orphans = present.Except(declared, StringComparer.Ordinal).ToList();
        if (orphans.Count == 0)
        {
            return PreflightCheck.Ok(CheckNames.Orphans, $"Every database with the prefix '{prefix}' belongs to a tenant of the stack.");
        }
        var names = string.Join(", ", orphans.Take(ListedNames)) + (orphans.Count > ListedNames ? $" and {orphans.Count - ListedNames} more" : "");
        return PreflightCheck.Warning(CheckNames.Orphans,
            $"{orphans.Count} database(s) with the prefix '{prefix}' that the stack does not declare: {names}.",
            "They count against maxTenants. If they are tenants' databases, adopt them into the stack (tenantdb adopt --stack <stack> --server <server>, " +
            "docs/runbooks/adopt-an-existing-server.md). A retired tenant's database stays until it is dropped on purpose after a final dump " +
            "(docs/runbooks/retire-a-tenant.md, scripts/runbooks/drop-retired-tenant.sh); one made by hand is not the stack's: move it out of the prefix or drop it.");
    }
}
