using Spectre.Console;
using Spectre.Console.Cli;
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
        if (settings.Report is { } report)
        {
            try
            {
                // Written even when cancelled: the report is what a cancelled deployment leaves behind.
                await DeployReport.WriteAsync(report, result);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _console.MarkupLineInterpolated($"[red]error:[/] --report {report}: cannot write the report ({error.Message}).");
                return ExitCodes.Usage;
            }
            _console.MarkupLineInterpolated($"report: {report}");
        }
        return result.ExitCode;
    }
}
