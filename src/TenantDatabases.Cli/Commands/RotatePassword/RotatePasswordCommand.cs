// RotatePassword: the `tenantdb rotate-password` command: its settings and what it renders.
using System.ComponentModel;
using System.Runtime.InteropServices;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotatePassword;

/// <summary>
/// <c>tenantdb rotate-password</c>: the product's procedure for a server's admin password as one command. Exit 0
/// rotated (or, with --dry-run, possible), 1 not rotated (the old password is in place again, or the output says
/// what to run), 2 usage or an unreadable input.
/// </summary>
internal sealed class RotatePasswordCommand(IAnsiConsole console) : AsyncCommand<RotatePasswordSettings>
{
    public const string Description =
        "Rotate a server's admin password: PostgreSQL first (as a SCRAM verifier, so no clear text reaches its log), then the stack's record, " +
        "then preflight with the password read back from the stack; any failure or signal sets the old password back.";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RotatePasswordSettings settings, CancellationToken cancellationToken)
    {
        string? password = null;
        if (settings.PasswordStdin)
        {
            password = NewPasswordRules.FromStandardInput(await Console.In.ReadToEndAsync(cancellationToken));
        }
        // Local to this command: a signal turns the rotation around between steps instead of ending the process halfway.
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Interrupt(signal, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Interrupt(signal, interrupt));
        var result = await ServerPasswordRotation.RunAsync(settings.ToRequest(), password, Environment.GetEnvironmentVariable, interrupt.Token);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(RotatePasswordReport.From(settings.StackName, result)));
        }
        else
        {
            RotatePasswordText.Write(console, settings.StackName, result);
        }
        return result.Succeeded ? ExitCodes.Success : result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
    }

    private static void Interrupt(PosixSignalContext signal, CancellationTokenSource interrupt)
    {
        signal.Cancel = true;
        interrupt.Cancel();
    }
}

/// <summary>Options of <c>tenantdb rotate-password</c> (besides --stack, --cwd and --format).</summary>
internal sealed class RotatePasswordSettings : FormatSettings
{
    /// <summary>The server whose admin password is rotated.</summary>
    [CommandOption("--server <NAME>")]
    [Description("The server whose admin password is rotated (its name under tenant-databases:servers).")]
    public string? Server { get; init; }

    /// <summary>Read the new password from standard input instead of generating one.</summary>
    [CommandOption("--password-stdin")]
    [Description("Read the new password from standard input (one line; printable ASCII, at least 16 characters) instead of generating 32 letters and digits. Never pass a password as an argument: ps shows arguments.")]
    public bool PasswordStdin { get; init; }

    /// <summary>Check every step and change nothing.</summary>
    [CommandOption("--dry-run")]
    [Description("Check that every step can be done (the admin logs in; the stack file is writable, or pulumi is on PATH) and change nothing.")]
    public bool DryRun { get; init; }

    /// <summary>Where the current password comes from when the stack file cannot give it.</summary>
    [CommandOption("--config-json <FILE>")]
    [Description("Take the current password from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>').")]
    public string? ConfigJson { get; init; }

    /// <summary>Bound of each connection and statement, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [TypeConverter(typeof(SecondsConverter))]
    [Description("Bound of each connection and statement, in seconds (default 10).")]
    [DefaultValue(10.0)]
    public double Timeout { get; init; } = 10;

    /// <summary>What these options ask for.</summary>
    public ServerPasswordRequest ToRequest() => new(StackName, Cwd, ConfigJson, Server ?? "", DryRun, TimeSpan.FromSeconds(Timeout));

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        if (string.IsNullOrEmpty(Server))
        {
            return ValidationResult.Error("--server is required: the server whose admin password is rotated (e.g. --server eu-primary).");
        }
        return Timeout is > 0 and <= 600 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be more than 0 and at most 600 seconds (e.g. --timeout 10).");
    }
}

/// <summary>The JSON of <c>tenantdb rotate-password --format json</c>; it never holds a password.</summary>
internal sealed record RotatePasswordReport(
    string Stack, string Server, string? Record, RotationOutcome Outcome, bool Succeeded, IReadOnlyList<RotationStep> Steps,
    IReadOnlyList<string> Manual, IReadOnlyList<ProblemRecord> Problems, string? Error, string? Next)
{
    public static RotatePasswordReport From(string stack, ServerPasswordResult result) =>
        new(stack, result.Server, result.Record, result.Outcome, result.Succeeded, result.Steps, result.Manual,
            ProblemOutput.ToRecords(result.Problems, result.ProblemFile), result.Problem,
            result.Outcome == RotationOutcome.Rotated ? RotatePasswordText.NextSteps(stack, result.Server) : null);
}

/// <summary>The text form of a rotation: one line per step, then where the server and its stack were left.</summary>
internal static class RotatePasswordText
{
    public static void Write(IAnsiConsole console, string stack, ServerPasswordResult result)
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
        if (result.Outcome == RotationOutcome.Rotated)
        {
            ConsoleLines.WriteLine(console, "next: " + NextSteps(stack, result.Server));
        }
    }

    /// <summary>
    /// What the runbook does after a rotation: the server's provider still holds the old password in the state until
    /// <c>pulumi up</c> gives it the new one, so a deploy from elsewhere, and a plain refresh, fail to log in until then.
    /// </summary>
    public static string NextSteps(string stack, string server) =>
        $"run `pulumi preview --stack {stack} --diff`, which must show one change alone (the update of provider server-{server}), " +
        $"then `pulumi up --stack {stack}`, and commit and merge the stack file (docs/runbooks/rotate-a-server-password.md, steps 4 and 5).";

    private static string Summary(ServerPasswordResult result) => result.Outcome switch
    {
        RotationOutcome.Rotated => $"Rotated the admin password of server '{result.Server}': the server and {result.Record} hold the new password; Pulumi's state holds the old one until pulumi up.",
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

/// <summary>
/// Spectre reads a lone <c>-</c> after an option as a nameless option, so <c>--outputs -</c> (standard
/// input, as the command contract has it) would be a usage error; this joins it as <c>--outputs=-</c>.
/// </summary>
internal static class StandardInputValue
{
    /// <summary><paramref name="args"/> with every <c>--option -</c> pair written as <c>--option=-</c>.</summary>
    public static string[] Attach(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2 && !args[i].Contains('=')
                && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add(args[i] + "=-");
                i++;
                continue;
            }
            result.Add(args[i]);
        }
        return [.. result];
    }
}
