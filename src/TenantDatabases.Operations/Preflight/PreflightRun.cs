using Microsoft.Extensions.Logging;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The preflight use-case in two steps, so that a caller can show the stack's warnings and start its log between
/// them: load the stack with its servers' passwords, then check every server at once.
/// </summary>
public static class PreflightRun
{
    /// <summary>The validated stack and its servers' passwords, or what stopped them.</summary>
    public static Task<ConnectableStackResult> LoadAsync(PreflightRequest request, Func<string, string?> environment, CancellationToken cancellationToken) =>
        ConnectableStackLoader.LoadAsync(request.WorkingDirectory, request.Stack, request.ConfigJson, needsPasswords: true, environment, cancellationToken);

    /// <summary>Checks every server of a loaded stack; cancelling the token aborts the checks in flight.</summary>
    public static Task<PreflightReport> CheckAsync(
        PreflightRequest request, ConnectableStackResult stack, ILoggerFactory? logs, CancellationToken cancellationToken) =>
        CheckAsync(request, stack, logs, RunCancellation.Immediate(cancellationToken));

    /// <summary>Checks every server of a loaded stack; one report per server, in the stack's order, even when cancelled.</summary>
    public static Task<PreflightReport> CheckAsync(
        PreflightRequest request, ConnectableStackResult stack, ILoggerFactory? logs, RunCancellation cancellation)
    {
        if (!stack.Succeeded)
        {
            throw new ArgumentException("A stack that did not load has no servers to check.", nameof(stack));
        }
        return FleetPreflight.RunAsync(request.Stack, PreflightTarget.ForStack(stack.Configuration, stack.Passwords), request.Timeout, logs, cancellation);
    }
}
