using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>How a preflight is shown and reported (by the command and by deploy's preflight stage).</summary>
internal static class PreflightOutput
{
    /// <summary>130 when the run was cancelled; else 0 with no error (warnings allowed), 1 with any.</summary>
    public static int ExitCode(PreflightReport report) =>
        report.Cancelled ? ExitCodes.Cancelled : report.Status == CheckStatus.Error ? ExitCodes.Failure : ExitCodes.Success;

    /// <summary>The JSON report; the checks never quote a password, and the mask is the last line of defence anyway.</summary>
    public static string Document(PreflightReport report, ConnectableStackResult stack) =>
        new SecretMask(stack.Passwords?.Values ?? []).Apply(PreflightJson.Write(report, stack.SecretSource));

    /// <summary>The one-line summary under the table.</summary>
    public static string Summary(PreflightReport report)
    {
        var errors = report.Servers.Count(server => server.Status == CheckStatus.Error);
        var warnings = report.Servers.Count(server => server.Status == CheckStatus.Warning);
        return $"{report.Servers.Count} servers checked in {report.Elapsed.TotalSeconds:0.0} s: " +
               $"{report.Servers.Count - errors - warnings} ok, {warnings} with warnings, {errors} with errors" +
               (report.Cancelled ? $" (cancelled: {report.Servers.Count(server => server.Find(CheckNames.Run) is not null)} not checked)." : ".");
    }
}
