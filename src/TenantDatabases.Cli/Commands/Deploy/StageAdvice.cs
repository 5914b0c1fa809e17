using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>What an operator does next when a deployment stops at a stage.</summary>
internal static class StageAdvice
{
    /// <summary>The next step after <paramref name="failed"/> failed (commands with the same stack and --cwd).</summary>
    public static string NextStep(StageResult failed, DeployRequest request)
    {
        var target = $"--stack {request.Stack}" + (request.WorkingDirectory is { } cwd ? $" --cwd {Quote(cwd)}" : "");
        // migrate and verify read the saved outputs when deploy was given them, and their reruns should too.
        var tenants = (request.OutputsFile is { } outputs ? $"--outputs {Quote(outputs)}" : target) +
            (request.ScriptsFolder is { } scripts ? $" --scripts {Quote(scripts)}" : "");
        return failed.Stage switch
        {
            _ when failed.Status == StageStatus.Cancelled => Cancelled(failed, request, target, tenants),
            DeployStage.Validate => failed.ExitCode == ExitCodes.Usage
                ? $"Nothing was changed. Check the stack name and folder (Pulumi.yaml and Pulumi.{request.Stack}.yaml must be readable), then rerun `tenantdb deploy {target}`."
                : $"Nothing was changed. Fix every problem listed above in Pulumi.{request.Stack}.yaml, check it with `tenantdb validate {target}`, then rerun deploy.",
            DeployStage.Preflight when failed.ExitCode == ExitCodes.Usage =>
                $"Nothing was changed. Preflight could not read the servers' secrets or the stack (the error above): set PULUMI_CONFIG_PASSPHRASE for a passphrase stack, or install and log in the Pulumi CLI, then rerun deploy.",
            DeployStage.Preflight =>
                $"Nothing was changed. Fix the servers marked as errors above (docs/runbooks/server-unreachable.md), check them with `tenantdb preflight {target}`, then rerun deploy.",
            DeployStage.Stack when failed.Summary.Contains(LastDeploymentCheck.NotOnPath, StringComparison.Ordinal) =>
                $"Nothing has been changed by Pulumi. {PulumiUpAdvice.MissingAdvice(request.Stack)}",
            DeployStage.Stack when failed.Summary.Contains("moves from server", StringComparison.Ordinal) =>
                $"Nothing was changed. A deployed tenant never moves: set each one back to its server as the lines above say (to move one, follow docs/runbooks/move-a-tenant.md), check with `tenantdb plan {target} --previous <saved outputs>`, then rerun deploy.",
            DeployStage.Stack =>
                $"Nothing was changed. Do what the lines above say, then rerun deploy.",
            DeployStage.PulumiUp when failed.Summary == PulumiUpAdvice.NotOnPath =>
                $"Nothing has been changed by Pulumi. {PulumiUpAdvice.MissingAdvice(request.Stack)}",
            DeployStage.PulumiUp => request.Yes
                ? $"Read Pulumi's message, fix its cause and rerun deploy: validate and preflight are safe to repeat, and `pulumi up` continues where it stopped."
                : $"Read Pulumi's message, fix its cause and rerun deploy (add --yes where no one can answer Pulumi's confirmation prompt, as in a pipeline).",
            DeployStage.Migrate or DeployStage.Verify when failed.ExitCode == ExitCodes.Usage =>
                $"{DeployStages.Name(failed.Stage)} could not start (the error above), so no tenant was touched. Fix it (reading the stack outputs needs the Pulumi CLI, logged in to the stack's backend; or save them where it is, and pass them with --skip-up --outputs <file>), then run `tenantdb migrate {tenants}` and `tenantdb verify {tenants}`.",
            DeployStage.Migrate =>
                $"The databases exist; some tenants are not at the latest schema. See which failed above (or in --report), fix the cause, rerun `tenantdb migrate {tenants} --tenant <id>` for each (docs/runbooks/migration-failed.md), then `tenantdb verify {tenants}`.",
            DeployStage.Verify =>
                $"Every tenant is migrated but some failed their checks above. Fix them, then rerun `tenantdb verify {tenants}`.",
            _ => "Rerun deploy.",
        };
    }

    private static string Cancelled(StageResult cancelled, DeployRequest request, string target, string tenants) => cancelled.Stage switch
    {
        DeployStage.PulumiUp => PulumiUpAdvice.CancelledAdvice(cancelled, request.Stack),
        DeployStage.Migrate =>
            $"The databases exist; the migrate report lists every tenant as finished, stopped between scripts or not started, and no script is half-applied unless it says so. Rerun `tenantdb migrate {tenants}` to finish (applied scripts are never applied twice), then `tenantdb verify {tenants}`.",
        DeployStage.Verify => $"Every tenant is migrated; rerun `tenantdb verify {tenants}`.",
        _ => $"Nothing was changed. Rerun `tenantdb deploy {target}`.",
    };

    private static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;
}
