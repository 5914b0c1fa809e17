using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Operations.Rotation;

/// <summary>What to run when a rotation could not go back on its own; never a password, only where to find it.</summary>
internal static class ManualSteps
{
    public static IReadOnlyList<string> BothHoldTheNewPassword(ServerPasswordRequest request, ServerDefinition server, IServerPasswordRecord record) =>
    [
        $"The server '{server.Name}' and the stack's record ({record.Description}) both hold the new password, but the test did not pass.",
        $"Run: tenantdb preflight --stack {request.Stack}{Cwd(request)}   (it says whether the admin can log in with the stack's password)",
        $"If it passes, nothing more is needed. If it fails for the password, run: tenantdb rotate-password --stack {request.Stack}{Cwd(request)} --server {server.Name}",
    ];

    public static IReadOnlyList<string> ServerHoldsAnUnrecordedPassword(ServerPasswordRequest request, ServerDefinition server) =>
    [
        $"The server '{server.Name}' holds a password that the stack does not: the stack still holds the old one.",
        $"Set the old password on the server again, as a role allowed to (a superuser, or the managed service's console or CLI): " +
        $"psql \"host={server.Host} port={server.Port} dbname={server.AdminDatabase}\" -c '\\password {server.Username}' " +
        $"and enter the stack's password, which 'pulumi config get --path servers.{server.Name}.password --stack {request.Stack}' prints.",
        $"Then run: tenantdb preflight --stack {request.Stack}{Cwd(request)}",
    ];

    private static string Cwd(ServerPasswordRequest request) => request.WorkingDirectory is { } cwd ? $" --cwd {cwd}" : "";
}
