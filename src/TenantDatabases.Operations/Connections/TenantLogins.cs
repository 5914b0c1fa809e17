using TenantDatabases.Fleet;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Connections;

/// <summary>
/// How migrate and verify log in to each tenant: as its owner with the password of the stack's outputs, or, for an adopted
/// tenant whose owner password the stack does not hold, as its server's admin (whose password only the stack holds: never
/// the outputs, which applications read) and <c>SET ROLE</c> to the owner. Fleet decides which (<see cref="TenantPasswords.LoginFor"/>);
/// this finds the admins' passwords where the outputs alone do not do.
/// </summary>
public static class TenantLogins
{
    /// <summary>The login of <paramref name="tenant"/>, or null when it needs its server's admin and none was loaded.</summary>
    public static TenantLogin? For(TenantConnections outputs, TenantTarget tenant) => outputs.Passwords.LoginFor(tenant);

    /// <summary>What a tenant without a login says: its owner's password is not the stack's, and no admin was loaded.</summary>
    public static string Missing(TenantTarget tenant) =>
        $"the stack does not hold the password of '{tenant.DatabaseOwner}' (an adopted tenant), so migrate and verify log in as the admin of " +
        $"server '{tenant.Server}'; give --stack <stack> so that its password can be read from the stack";

    /// <summary>
    /// <paramref name="outputs"/> with the admin logins of the servers of the <paramref name="selected"/> tenants that need
    /// them, read from the stack (its file with the passphrase, or the Pulumi CLI), as preflight reads them; unchanged when
    /// no tenant needs one. Every problem names the tenants it stops; the admin's password never appears.
    /// </summary>
    public static async Task<Result<TenantConnections>> WithServerAdminsAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> selected, string? stack, string? workingDirectory,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var needing = selected.Where(tenant => !tenant.PasswordManaged).ToList();
        if (needing.Count == 0)
        {
            return Result<TenantConnections>.Of(outputs);
        }
        var names = string.Join(", ", needing.Select(tenant => tenant.Id).Take(5)) + (needing.Count > 5 ? $" and {needing.Count - 5} more" : "");
        if (stack is null)
        {
            return Result<TenantConnections>.Refused(
                $"{needing.Count} adopted tenant(s) ({names}) have an owner whose password the stack does not hold: migrate and verify log in as their " +
                "server's admin, whose password is the stack's. Give --stack <stack> as well as --outputs.");
        }
        var loaded = await ConnectableStackLoader.LoadAsync(workingDirectory, stack, null, needsPasswords: true, environment, cancellationToken);
        if (!loaded.Succeeded)
        {
            var why = loaded.Problem ?? $"{loaded.ProblemFile} is invalid ('tenantdb validate --stack {stack}' lists why)";
            return Result<TenantConnections>.Refused($"The admin passwords of stack '{stack}' are needed for {names}, and cannot be read: {why}");
        }
        var admins = new Dictionary<string, TenantLogin>(StringComparer.Ordinal);
        foreach (var serverName in needing.Select(tenant => tenant.Server).Distinct(StringComparer.Ordinal))
        {
            var tenant = needing.First(candidate => candidate.Server == serverName);
            // The outputs name the server; its admin password is only used where the stack says it is the same server.
            if (loaded.Configuration.FindServer(serverName) is not { } server
                || !string.Equals(server.Host, tenant.Host, StringComparison.OrdinalIgnoreCase) || server.Port != tenant.Port
                || loaded.Passwords.For(serverName) is not { Length: > 0 } password)
            {
                return Result<TenantConnections>.Refused(
                    $"Stack '{stack}' has no admin for server '{serverName}' at {tenant.Host}:{tenant.Port}, which the outputs name for {tenant.Id}: " +
                    "pass the outputs of this stack, or the stack these outputs came from.");
            }
            admins[serverName] = new TenantLogin(server.Username, password, null);
        }
        return Result<TenantConnections>.Of(outputs with { Passwords = outputs.Passwords.WithServerAdmins(admins) });
    }
}
