using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Operations.Preflight;

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
