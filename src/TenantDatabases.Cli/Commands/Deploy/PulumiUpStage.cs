using System.Diagnostics;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// Runs <c>pulumi up --stack &lt;s&gt;</c> as a child process on the operator's own terminal, so Pulumi's
/// preview, progress and confirmation prompt work as usual; <c>--yes</c> only when deploy was given it.
/// </summary>
internal sealed class PulumiUpStage(string? pulumiExecutable)
{
    /// <summary>The arguments passed to <c>pulumi</c>.</summary>
    public static IReadOnlyList<string> Arguments(DeployRequest request)
    {
        var arguments = new List<string> { "up", "--stack", request.Stack };
        if (request.WorkingDirectory is { } cwd)
        {
            arguments.AddRange(["--cwd", cwd]);
        }
        if (request.Yes)
        {
            arguments.Add("--yes");
        }
        return arguments;
    }

    /// <summary>Runs it; a missing CLI or a non-zero exit is a failed stage.</summary>
    public async Task<StageResult> RunAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        if (pulumiExecutable is null)
        {
            return new StageResult(DeployStage.PulumiUp, StageStatus.Failed, ExitCodes.Failure,
                PulumiUpAdvice.NotOnPath);
        }
        var startInfo = new ProcessStartInfo(pulumiExecutable) { UseShellExecute = false };
        foreach (var argument in Arguments(request))
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {pulumiExecutable}.");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var commandLine = "pulumi " + string.Join(' ', Arguments(request));
        return process.ExitCode == 0
            ? new StageResult(DeployStage.PulumiUp, StageStatus.Passed, ExitCodes.Success, $"`{commandLine}` succeeded")
            : new StageResult(DeployStage.PulumiUp, StageStatus.Failed, ExitCodes.Failure,
                $"`{commandLine}` exited with {process.ExitCode} (Pulumi's output is above)");
    }
}
