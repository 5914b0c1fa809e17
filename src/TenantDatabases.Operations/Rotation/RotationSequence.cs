using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

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
