using Spectre.Console;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotatePassword;

/// <summary>The text form of a rotation: one line per step, then where the server and its stack were left.</summary>
internal static class RotatePasswordText
{
    public static void Write(IAnsiConsole console, ServerPasswordResult result)
    {
        ProblemOutput.WriteLines(console, result.Problems, result.ProblemFile);
        foreach (var step in result.Steps)
        {
            ConsoleLines.WriteLine(console, $"{(step.Succeeded ? "ok  " : "FAIL")} {step.Name,-14} {Fleet.Secrets.SecretMask.Redact(step.Message)}");
        }
        ConsoleLines.WriteLine(console, Summary(result));
        foreach (var line in result.Manual)
        {
            ConsoleLines.WriteLine(console, "  " + line);
        }
    }

    private static string Summary(ServerPasswordResult result) => result.Outcome switch
    {
        RotationOutcome.Rotated => $"Rotated the admin password of server '{result.Server}': the server and {result.Record} hold the new password. Commit the stack file if it changed.",
        RotationOutcome.Possible => $"Dry run: every step of rotating server '{result.Server}' can be done. Nothing was changed.",
        RotationOutcome.RolledBack => $"error: not rotated: {Sentence(result.Problem)} The old password is in place again on the server and in the stack.",
        RotationOutcome.NeedsAttention => $"error: not rotated, and the way back failed: {Sentence(result.Problem)} Do this:",
        // A step that failed already printed the problem on its own line: say so instead of repeating it.
        _ when result.Steps.Any(step => !step.Succeeded && step.Message == result.Problem) =>
            "error: not rotated: the step marked FAIL above says why. Nothing was changed.",
        _ => $"error: {Sentence(result.Problem)} Nothing was changed.",
    };

    private static string Sentence(string? problem)
    {
        var text = Fleet.Secrets.SecretMask.Redact(problem ?? "").TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }
}
