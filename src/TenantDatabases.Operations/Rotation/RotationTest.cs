using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The rotation's Test: the new password read back from the stack (not from memory), then preflight's checks of
/// that server with it. It fails when the stack holds another password or the admin cannot connect and log in;
/// other findings of preflight are the server's, not the rotation's, and are reported as they are.
/// </summary>
internal static class RotationTest
{
    private static readonly string[] Connecting = [CheckNames.Dns, CheckNames.Tcp, CheckNames.Tls, CheckNames.Authentication];

    public sealed record Result(string? Problem, string Message)
    {
        [MemberNotNullWhen(false, nameof(Problem))]
        public bool Succeeded => Problem is null;
    }

    public static async Task<Result> RunAsync(
        ServerPasswordRequest request, string server, string expected, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        if (!load.IsValid)
        {
            return new Result($"The stack cannot be read back: {load.Problem ?? $"{load.DisplayFile} is invalid"}.", "");
        }
        var secrets = await StackFileSecretSource.PasswordsAsync(load.File, load.Configuration.Servers, request.Stack,
            load.Location.ProjectDirectory, environment, cancellationToken);
        if (!secrets.Succeeded)
        {
            return new Result($"The stack's password cannot be read back ({secrets.Source}): {secrets.Problem}", "");
        }
        if (secrets.Passwords.For(server) != expected)
        {
            return new Result($"The stack's password of server '{server}', read back from {secrets.Source}, is not the new one.", "");
        }
        var target = PreflightTarget.ForStack(load.Configuration, secrets.Passwords).Single(candidate => candidate.Server.Name == server);
        var report = await FleetPreflight.RunAsync(request.Stack, [target], request.Timeout, null, cancellationToken);
        var checks = report.Servers.Single();
        var failed = checks.Checks.Where(check => check.Status == CheckStatus.Error && Connecting.Contains(check.Name)).ToList();
        if (failed.Count > 0 || checks.Find(CheckNames.Authentication) is null)
        {
            return new Result("Preflight with the stack's new password failed: " +
                string.Join(" ", failed.Select(check => $"{check.Name}: {AdminConnection.Scrub(check.Message, expected)}")), "");
        }
        var others = checks.Checks.Where(check => check.Status == CheckStatus.Error).Select(check => check.Name).ToList();
        return new Result(null, $"Preflight logs in with the password read back from {secrets.Source}" +
            (others.Count > 0 ? $"; it also reports errors that are not the password's ({string.Join(", ", others)}): run tenantdb preflight." : "."));
    }
}
