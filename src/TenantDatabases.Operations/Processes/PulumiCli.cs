namespace TenantDatabases.Operations.Processes;

/// <summary>Where the Pulumi CLI is (the one place that knows its file name), and what to tell an operator who does not have it.</summary>
public static class PulumiCli
{
    /// <summary>Where to get the CLI.</summary>
    public const string InstallHint =
        "Install the Pulumi CLI (https://www.pulumi.com/docs/install/, e.g. `curl -fsSL https://get.pulumi.com | sh`) " +
        "and put it on PATH";

    /// <summary>The CLI's file name on this system.</summary>
    public static string FileName => OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi";

    /// <summary>The full path of the CLI on PATH, or null.</summary>
    public static string? Find() => ExternalCommand.FindOnPath(FileName);
}
