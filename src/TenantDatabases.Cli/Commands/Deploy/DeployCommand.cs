// Deploy: the `tenantdb deploy` command: its settings, view and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Cli.Cancellation;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// <c>tenantdb deploy</c>: validate → preflight → stack → pulumi up → migrate → verify, stopping at the first
/// stage that fails, with a stage-by-stage summary and, with <c>--report</c>, every result as JSON.
/// </summary>
internal sealed class DeployCommand : AsyncCommand<DeploySettings>
{
    private readonly IAnsiConsole _console;
    private readonly IDeployStageRunner _runner;

    /// <summary>The command with the real stages (what the command tree creates).</summary>
    public DeployCommand(IAnsiConsole console, CancelSignals signals)
        : this(console, new UseCaseStageRunner(signals))
    {
    }

    /// <summary>The command with other stages (tests).</summary>
    internal DeployCommand(IAnsiConsole console, IDeployStageRunner runner)
    {
        _console = console;
        _runner = runner;
    }

    /// <summary>The description <c>tenantdb --help</c> shows.</summary>
    public const string Description =
        "Deploy a stack: validate → preflight → stack → pulumi up → migrate → verify, stopping at the first stage that fails " +
        "and saying what to do next. Exit 0 when every stage passed, else the failed stage's exit code (1, or 2 for usage); " +
        "130 when cancelled (SIGINT/SIGTERM: pulumi up is sent SIGINT to stop gracefully, and a second signal kills it).";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest();
        var view = new DeploySummaryView(_console);
        view.Start(request);
        var result = await DeployPipeline.RunAsync(_runner, request, view.Stage, cancellationToken);
        view.Finish(result);
        if (ReportFile.Write(_console, settings.Report, DeployReport.ToJson(result)) is { } unwritten)
        {
            return unwritten;
        }
        if (settings.Report is { } report)
        {
            _console.MarkupLineInterpolated($"report: {report}");
        }
        return result.ExitCode;
    }
}

/// <summary>The options of <c>tenantdb deploy</c> besides <c>--stack</c> and <c>--cwd</c>.</summary>
internal sealed class DeploySettings : StackCommandSettings
{
    [CommandOption("--yes")]
    [Description("Pass --yes to `pulumi up`, which then applies without asking (for pipelines). Example: --yes")]
    public bool Yes { get; init; }

    [CommandOption("--skip-up")]
    [Description("Run every stage except `pulumi up` (when a pipeline runs it as its own step). Example: --skip-up")]
    public bool SkipUp { get; init; }

    [CommandOption("--outputs <FILE>")]
    [Description("With --skip-up: the stack outputs saved where `pulumi up` ran (`pulumi stack output --json --show-secrets`), read by migrate and verify instead of asking the Pulumi CLI. Example: --skip-up --outputs outputs.json")]
    public string? Outputs { get; init; }

    [CommandOption("--create-stack")]
    [Description("Create the stack in the Pulumi backend (`pulumi stack init`) when it does not exist yet. Without it deploy stops before `pulumi up` and prints the command, so a mistyped stack name never becomes an empty stack. Example: --create-stack")]
    public bool CreateStack { get; init; }

    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Write every stage's result, with the reports of preflight, migrate and verify, as JSON. Example: --report deploy.json")]
    public string? Report { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        if (CwdProblem() is { } cwd)
        {
            return cwd;
        }
        if (Outputs is not null && !SkipUp)
        {
            return ValidationResult.Error("--outputs needs --skip-up: after deploy's own `pulumi up` the outputs are read from the stack, and a saved file would be older.");
        }
        if (CreateStack && SkipUp)
        {
            return ValidationResult.Error("--create-stack needs deploy's own `pulumi up`: with --skip-up the stack was deployed elsewhere and must exist already.");
        }
        if (Outputs == "-")
        {
            return ValidationResult.Error("--outputs -: deploy reads the outputs twice (migrate, then verify), so it needs a file, e.g. `pulumi stack output --json --show-secrets > outputs.json`.");
        }
        if (Outputs is not null && !File.Exists(Outputs))
        {
            return ValidationResult.Error($"--outputs {Outputs}: no such file; save it with `pulumi stack output --json --show-secrets --stack {Stack} > {Outputs}`.");
        }
        if (Scripts is not null && !Directory.Exists(Scripts))
        {
            return ValidationResult.Error($"--scripts {Scripts}: no such folder; give the folder of NNNN_name.sql scripts, or leave --scripts out to use migrations/ beside Pulumi.yaml.");
        }
        if (ReportFile.Problem(Report) is { } report)
        {
            return ValidationResult.Error(report);
        }
        return ValidationResult.Success();
    }

    /// <summary>The request these options describe.</summary>
    public DeployRequest ToRequest() => new(StackName, Cwd, Yes, SkipUp, Outputs, CreateStack, Scripts);
}

/// <summary>What <c>tenantdb deploy</c> was asked to do.</summary>
/// <param name="Stack">The stack name (<c>Pulumi.&lt;stack&gt;.yaml</c>).</param>
/// <param name="WorkingDirectory">The <c>--cwd</c> folder, or null for the current one.</param>
/// <param name="Yes">Pass <c>--yes</c> to <c>pulumi up</c> (no confirmation prompt).</param>
/// <param name="SkipUp">Leave <c>pulumi up</c> out (a pipeline runs it as its own step).</param>
/// <param name="OutputsFile">
/// With <paramref name="SkipUp"/>: the stack outputs of the <c>pulumi up</c> that ran elsewhere, which migrate and
/// verify read instead of asking the Pulumi CLI; null to ask it.
/// </param>
/// <param name="CreateStack">Create the stack in the backend when it does not exist yet (asked for explicitly, never assumed).</param>
/// <param name="ScriptsFolder">The scripts migrate applies and verify checks (<c>--scripts</c>); null for migrations/ beside Pulumi.yaml.</param>
internal sealed record DeployRequest(
    string Stack, string? WorkingDirectory, bool Yes, bool SkipUp, string? OutputsFile = null, bool CreateStack = false, string? ScriptsFolder = null);
