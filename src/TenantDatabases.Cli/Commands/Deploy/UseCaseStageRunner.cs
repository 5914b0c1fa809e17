using Spectre.Console;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Cli.Commands.Migrate;
using TenantDatabases.Cli.Commands.Preflight;
using TenantDatabases.Cli.Commands.Validate;
using TenantDatabases.Cli.Commands.Verify;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Deployments;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.Tenants;
using TenantDatabases.Operations.Verification;
using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// The real stages: validate, preflight, migrate and verify call the same use-cases as their commands and render
/// their typed results with the commands' own renderers; <c>pulumi up</c> runs as the Pulumi CLI. The token a stage
/// gets is the first signal's ("stop starting"); <paramref name="signals"/> also gives the second's ("abort now").
/// </summary>
internal sealed class UseCaseStageRunner(PulumiUpStage pulumiUp, Func<string, string?> environment, CancelSignals? signals = null) : IDeployStageRunner
{
    /// <summary>A runner that uses the Pulumi CLI found on PATH (if any), this process's environment and its signals.</summary>
    public UseCaseStageRunner(CancelSignals signals)
        : this(new PulumiUpStage(PulumiCli.Find()), Environment.GetEnvironmentVariable, signals)
    {
    }

    /// <inheritdoc />
    public Task<StageResult> RunAsync(DeployStage stage, DeployRequest request, CancellationToken cancellationToken)
    {
        var cancellation = new RunCancellation(cancellationToken, signals?.Run.Abort ?? cancellationToken);
        return stage switch
        {
            DeployStage.Validate => Task.FromResult(Validate(request)),
            DeployStage.Preflight => PreflightAsync(request, cancellation),
            DeployStage.Stack => StackAsync(request, cancellationToken),
            DeployStage.PulumiUp => pulumiUp.RunAsync(request, cancellation, () => signals?.InterruptReachedChildren ?? false),
            DeployStage.Migrate => MigrateAsync(request, cancellation),
            DeployStage.Verify => VerifyAsync(request, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };
    }

    // Each verb's own view renders the stage, on a plain-text console that deploy shows under a failed stage.
    private static StageResult Validate(DeployRequest request)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        using var text = new StageText();
        var shown = ValidateView.Show(text.Console, request.Stack, load, json: false);
        return StageResult.Ran(DeployStage.Validate, shown.ExitCode, shown.Summary, text.Text);
    }

    private async Task<StageResult> PreflightAsync(DeployRequest request, RunCancellation cancellation)
    {
        var preflight = StageRequests.Preflight(request);
        var stack = await PreflightRun.LoadAsync(preflight, environment, cancellation.Stop);
        using var text = new StageText();
        if (!stack.Succeeded)
        {
            return Ran(DeployStage.Preflight, PreflightView.Refused(text.Console, stack), text);
        }
        var report = await PreflightRun.CheckAsync(preflight, stack, null, cancellation);
        return Ran(DeployStage.Preflight, PreflightView.Show(text.Console, stack, report, json: false), text);
    }

    private static async Task<StageResult> StackAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var check = await LastDeploymentCheck.RunAsync(StageRequests.LastDeployment(request), cancellationToken);
        using var text = new StageText();
        var exitCode = LastDeploymentOutput.Write(text.Console, check, request.Stack);
        var outcome = check.Refusal == DeploymentRefusal.NoPulumiCli ? StageOutcome.NoPulumiCli
            : check.MovesATenant ? StageOutcome.TenantMoved
            : StageOutcome.None;
        return StageResult.Ran(DeployStage.Stack, exitCode, LastDeploymentOutput.Summary(check), text.Text) with { Outcome = outcome };
    }

    private static async Task<StageResult> MigrateAsync(DeployRequest request, RunCancellation cancellation)
    {
        // deploy refuses --outputs -, so standard input is never read.
        var prepared = await MigrationRun.PrepareAsync(StageRequests.Migrate(request), TextReader.Null, cancellation.Stop);
        using var text = new StageText();
        if (!prepared.Succeeded)
        {
            return Ran(DeployStage.Migrate, MigrateView.Refused(text.Console, prepared), text);
        }
        TenantSelectionOutput.Write(text.Console, text.Console, prepared.Selection);
        var words = new MigrationText(prepared.Outputs.Passwords);
        MigrateView.WriteStart(text.Console, prepared);
        var run = await MigrationRun.RunAsync(prepared, MigrateView.TenantLines(text.Console, words), cancellation);
        return Ran(DeployStage.Migrate, MigrateView.Show(text.Console, text.Console, run, words, json: false), text);
    }

    private static async Task<StageResult> VerifyAsync(DeployRequest request, RunCancellation cancellation)
    {
        var run = await VerificationRun.RunAsync(StageRequests.Verify(request), TextReader.Null, cancellation);
        using var text = new StageText();
        return Ran(DeployStage.Verify, VerifyView.Show(text.Console, text.Console, run, json: false), text);
    }

    private static StageResult Ran(DeployStage stage, VerbOutput shown, StageText text) =>
        StageResult.Ran(stage, shown.ExitCode, shown.Summary, text.Text, shown.Json);
}

/// <summary>What each stage's use-case is asked: the request's stack and folder, with the defaults of each command.</summary>
internal static class StageRequests
{
    /// <summary>Preflight reads the stack (never the saved outputs), with the command's default timeout.</summary>
    public static PreflightRequest Preflight(DeployRequest request) =>
        new(request.Stack, request.WorkingDirectory, null, FleetPreflight.DefaultTimeout);

    /// <summary>
    /// migrate and verify need nothing of the stack but its outputs: from the saved file when there is one, else
    /// from the Pulumi CLI run in the request's folder.
    /// </summary>
    public static TenantRunRequest Tenants(DeployRequest request) =>
        TenantRunRequest.Everyone(request.Stack, request.WorkingDirectory, request.OutputsFile);

    /// <summary>The stack stage compares with the saved outputs when there are some, else asks the backend.</summary>
    public static LastDeploymentRequest LastDeployment(DeployRequest request) =>
        new(request.Stack, request.WorkingDirectory, request.OutputsFile, request.CreateStack);

    /// <summary>Every tenant, with the defaults of <c>tenantdb migrate</c> and the request's scripts.</summary>
    public static MigrationRequest Migrate(DeployRequest request) => MigrationRequest.Defaults(Tenants(request), request.ScriptsFolder);

    /// <summary>Every tenant, checked against the same scripts migrate applied.</summary>
    public static VerificationRequest Verify(DeployRequest request) => new(Tenants(request), request.ScriptsFolder);
}

/// <summary>A plain-text console a stage's result is rendered on, so deploy can show it under a failed stage and report it.</summary>
internal sealed class StageText : IDisposable
{
    private readonly StringWriter writer = new();

    public StageText()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = TerminalConsole.RedirectedWidth;
    }

    public IAnsiConsole Console { get; }

    /// <summary>Everything rendered so far, with password settings masked.</summary>
    public string Text => Fleet.Secrets.SecretMask.Redact(writer.ToString());

    public void Dispose() => writer.Dispose();
}

/// <summary>How deploy's stack stage shows its comparison with the last deployment.</summary>
internal static class LastDeploymentOutput
{
    /// <summary>Writes every problem with its fix; returns the stage's exit code.</summary>
    public static int Write(IAnsiConsole console, LastDeploymentResult check, string stack)
    {
        if (check.Problem is { } problem)
        {
            ConsoleLines.WriteLine(console, $"error: {problem}");
            return check.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        }
        if (check.Comparison is { } comparison)
        {
            ProblemOutput.WriteLines(console, comparison.Problems, StackFile.FileName(stack));
        }
        return check.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The stage's one line: what was compared with what, or the first thing that stopped it.</summary>
    public static string Summary(LastDeploymentResult check)
    {
        if (check.Comparison is not { } comparison)
        {
            return $"error: {check.Problem}";
        }
        if (comparison.Errors.FirstOrDefault() is { } error)
        {
            return $"error: {error.Message}";
        }
        int Count(TenantChangeKind kind) => comparison.Changes.Count(change => change.Kind == kind);
        var deployed = comparison.Changes.Count(change => change.Kind is not (TenantChangeKind.Added or TenantChangeKind.Adopted or TenantChangeKind.Unknown));
        return check.StackCreated
            ? $"created {check.Source} (--create-stack): a first deploy, {Count(TenantChangeKind.Added)} tenant(s) to create."
            : $"{check.Source}: {deployed} deployed tenant(s), none moves; {Count(TenantChangeKind.Added)} added, {Count(TenantChangeKind.Removed)} removed" +
              (Count(TenantChangeKind.Adopted) is > 0 and var adopted ? $", {adopted} adopted (imported)." : ".");
    }
}
