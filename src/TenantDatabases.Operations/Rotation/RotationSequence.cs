using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The steps of one rotation and their way back. Each step runs to its end (no step is cancelled halfway);
/// between steps a signal turns the run around, as a failed step does. Going back undoes the steps in reverse:
/// the stack's record first, then the server, so that a failure on the way back leaves the pair that is known.
/// </summary>
internal sealed class RotationSequence(
    ServerPasswordRequest request, ServerDefinition server, AdminPasswordChange change, IServerPasswordRecord record,
    Func<string, string?> environment, IReadOnlyList<ConfigProblem> warnings, string? warningFile)
{
    private readonly List<RotationStep> steps = [];

    public async Task<ServerPasswordResult> RunAsync(string current, string next, CancellationToken interrupt)
    {
        var none = CancellationToken.None;
        if (await change.LoginProblemAsync(current, none) is { } login)
        {
            return Stop(RotationSteps.Login, $"The admin cannot log in with the stack's current password: {login}", RotationOutcome.Unchanged);
        }
        Done(RotationSteps.Login, "The admin logs in with the stack's current password.");
        if (request.DryRun)
        {
            var check = await record.CheckAsync(none);
            return check.Succeeded
                ? Finish(RotationSteps.Record, $"{record.Description} can be written.", RotationOutcome.Possible)
                : Stop(RotationSteps.Record, check.Problem, RotationOutcome.Unchanged);
        }
        if (interrupt.IsCancellationRequested)
        {
            return Stop(RotationSteps.Server, Interrupted + " before anything changed.", RotationOutcome.Unchanged);
        }
        if (await change.ChangeAsync(current, next, none) is { } altered)
        {
            // The statement may have been applied with its answer lost: only a login tells which password holds.
            return await change.LoginProblemAsync(current, none) is null
                ? Stop(RotationSteps.Server, $"The server's password was not changed: {altered}", RotationOutcome.Unchanged)
                : await BackAsync(RotationSteps.Server, $"The server's password may have changed: {altered}", current, next, recorded: false);
        }
        Done(RotationSteps.Server, "The server holds the new password (set as a SCRAM-SHA-256 verifier).");
        if (interrupt.IsCancellationRequested)
        {
            return await BackAsync(RotationSteps.StackRecord, Interrupted + " after the server's password changed.", current, next, recorded: false);
        }
        var written = await record.WriteAsync(next, none);
        if (!written.Succeeded)
        {
            return await BackAsync(RotationSteps.StackRecord, written.Problem, current, next, recorded: false);
        }
        Done(RotationSteps.StackRecord, $"{record.Description}: the stack holds the new password.");
        if (interrupt.IsCancellationRequested)
        {
            return await BackAsync(RotationSteps.Test, Interrupted + " after the stack's record changed.", current, next, recorded: true);
        }
        var test = await RotationTest.RunAsync(request, server.Name, next, environment, none);
        if (!test.Succeeded)
        {
            return await BackAsync(RotationSteps.Test, test.Problem, current, next, recorded: true);
        }
        return Finish(RotationSteps.Test, test.Message, RotationOutcome.Rotated);
    }

    private const string Interrupted = "Interrupted by a signal";

    private async Task<ServerPasswordResult> BackAsync(string failedStep, string problem, string current, string next, bool recorded)
    {
        steps.Add(new RotationStep(failedStep, false, problem));
        var none = CancellationToken.None;
        if (recorded)
        {
            var restored = await record.RestoreAsync(current, none);
            if (!restored.Succeeded)
            {
                steps.Add(new RotationStep(RotationSteps.RestoreStack, false, restored.Problem));
                return Result(RotationOutcome.NeedsAttention, problem, ManualSteps.BothHoldTheNewPassword(request, server, record));
            }
            steps.Add(new RotationStep(RotationSteps.RestoreStack, true, $"{record.Description}: the stack holds the old password again."));
        }
        // The server may already refuse the new password (that may be why the test failed): then it still has the old one.
        var reverted = await change.ChangeAsync(next, current, none);
        if (reverted is not null && await change.LoginProblemAsync(current, none) is not null)
        {
            steps.Add(new RotationStep(RotationSteps.RestoreServer, false, reverted));
            // Better a pair that works than a password nobody holds: the stack takes the server's password back.
            if ((await record.WriteAsync(next, none)).Succeeded)
            {
                steps.Add(new RotationStep(RotationSteps.StackRecord, true, $"{record.Description}: the stack holds the server's new password again."));
                return Result(RotationOutcome.NeedsAttention, problem, ManualSteps.BothHoldTheNewPassword(request, server, record));
            }
            return Result(RotationOutcome.NeedsAttention, problem, ManualSteps.ServerHoldsAnUnrecordedPassword(request, server));
        }
        steps.Add(new RotationStep(RotationSteps.RestoreServer, true, "The server holds the old password again."));
        return Result(RotationOutcome.RolledBack, problem, []);
    }

    private void Done(string step, string message) => steps.Add(new RotationStep(step, true, message));

    private ServerPasswordResult Finish(string step, string message, RotationOutcome outcome)
    {
        Done(step, message);
        return Result(outcome, null, []);
    }

    private ServerPasswordResult Stop(string step, string problem, RotationOutcome outcome)
    {
        steps.Add(new RotationStep(step, false, problem));
        return Result(outcome, problem, []);
    }

    private ServerPasswordResult Result(RotationOutcome outcome, string? problem, IReadOnlyList<string> manual) =>
        new(server.Name, record.Description, outcome, steps.ToList(), problem, false, manual, warnings, warningFile);
}

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
                string.Join(" ", failed.Select(check => $"{check.Name}: {new SecretMask([expected]).Apply(check.Message)}")), "");
        }
        var others = checks.Checks.Where(check => check.Status == CheckStatus.Error).Select(check => check.Name).ToList();
        return new Result(null, $"Preflight logs in with the password read back from {secrets.Source}" +
            (others.Count > 0 ? $"; it also reports errors that are not the password's ({string.Join(", ", others)}): run tenantdb preflight." : "."));
    }
}

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
