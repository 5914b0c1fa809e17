using TenantDatabases.Cli.Commands.Migrate;
using TenantDatabases.Cli.Commands.Preflight;
using TenantDatabases.Cli.Commands.Validate;
using TenantDatabases.Cli.Commands.Verify;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// The real stages: validate, preflight, migrate and verify call the same use-cases as their commands and render
/// their typed results with the commands' own renderers; <c>pulumi up</c> runs as the Pulumi CLI.
/// </summary>
internal sealed class UseCaseStageRunner(PulumiUpStage pulumiUp, Func<string, string?> environment) : IDeployStageRunner
{
    /// <summary>A runner that uses the Pulumi CLI found on PATH (if any) and this process's environment.</summary>
    public UseCaseStageRunner()
        : this(new PulumiUpStage(PulumiCli.Find()), Environment.GetEnvironmentVariable)
    {
    }

    /// <inheritdoc />
    public Task<StageResult> RunAsync(DeployStage stage, DeployRequest request, CancellationToken cancellationToken) => stage switch
    {
        DeployStage.Validate => Task.FromResult(Validate(request)),
        DeployStage.Preflight => PreflightAsync(request, cancellationToken),
        DeployStage.PulumiUp => pulumiUp.RunAsync(request, cancellationToken),
        DeployStage.Migrate => MigrateAsync(request, cancellationToken),
        DeployStage.Verify => VerifyAsync(request, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static StageResult Validate(DeployRequest request)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        using var text = new StageText();
        ValidateOutput.Write(text.Console, load);
        return StageResult.Ran(DeployStage.Validate, ValidateOutput.ExitCode(load), ValidateOutput.ClosingLine(load), text.Text);
    }

    private async Task<StageResult> PreflightAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var preflight = StageRequests.Preflight(request);
        var stack = await PreflightRun.LoadAsync(preflight, environment, cancellationToken);
        using var text = new StageText();
        if (!stack.Succeeded)
        {
            var exitCode = ConnectableStackOutput.Refused(text.Console, stack);
            var first = stack.Problem is { } problem ? $"error: {problem}" : stack.Problems.FirstOrDefault()?.Format(stack.ProblemFile);
            return StageResult.Ran(DeployStage.Preflight, exitCode, first, text.Text);
        }
        ConnectableStackOutput.Warnings(text.Console, stack);
        var report = await PreflightRun.CheckAsync(preflight, stack, null, cancellationToken);
        PreflightTable.Write(text.Console, report);
        return StageResult.Ran(DeployStage.Preflight, PreflightOutput.ExitCode(report), PreflightOutput.Summary(report), text.Text,
            PreflightOutput.Document(report, stack));
    }

    private static async Task<StageResult> MigrateAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        // deploy refuses --outputs -, so standard input is never read.
        var prepared = await MigrationRun.PrepareAsync(StageRequests.Migrate(request), TextReader.Null, cancellationToken);
        using var text = new StageText();
        TenantSelectionOutput.Write(text.Console, text.Console, prepared.Selection);
        if (!prepared.Succeeded)
        {
            return StageResult.Ran(DeployStage.Migrate, MigrateOutput.Refused(text.Console, prepared), FirstError(prepared.Problems), text.Text);
        }
        var words = new MigrationText(prepared.Outputs.Passwords);
        MigrateOutput.WriteStart(text.Console, prepared);
        var run = await MigrationRun.RunAsync(prepared, MigrateOutput.TenantLines(text.Console, words), cancellationToken);
        MigrationTable.Write(text.Console, run.Tenants, words, run.DryRun);
        return StageResult.Ran(DeployStage.Migrate, MigrateOutput.ExitCode(run), MigrationTable.Summary(run.Tenants), text.Text,
            MigrationReport.Render(run, words));
    }

    private static async Task<StageResult> VerifyAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var run = await VerificationRun.RunAsync(StageRequests.Verify(request), TextReader.Null, cancellationToken);
        using var text = new StageText();
        TenantSelectionOutput.Write(text.Console, text.Console, run.Selection);
        if (!run.Selection.Succeeded)
        {
            return StageResult.Ran(DeployStage.Verify, TenantSelectionOutput.ExitCode(run.Selection), FirstError(run.Selection.Problems), text.Text);
        }
        if (run.ScriptProblems.Count > 0)
        {
            run.ScriptProblems.ToList().ForEach(problem => ProblemOutput.WriteError(text.Console, problem));
            return StageResult.Ran(DeployStage.Verify, ExitCodes.Usage, FirstError(run.ScriptProblems), text.Text);
        }
        var words = new MigrationText(run.Selection.Outputs.Passwords);
        VerificationOutput.WriteTable(text.Console, run.Tenants, words);
        return StageResult.Ran(DeployStage.Verify, VerificationOutput.ExitCode(run), VerificationOutput.Summary(run.Tenants), text.Text,
            VerificationOutput.Render(run.Tenants, words));
    }

    private static string? FirstError(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? null : $"error: {Fleet.Secrets.SecretMask.Redact(problems[0])}";
}
