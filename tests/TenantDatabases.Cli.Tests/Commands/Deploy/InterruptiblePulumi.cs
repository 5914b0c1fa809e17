namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>
/// A stand-in <c>pulumi</c> whose <c>up</c> runs until it is sent SIGINT, records the signal and exits 9 (as Pulumi
/// stops after its operations in flight); with <c>ignoresInterrupt</c>, it never stops by itself.
/// <c>stack output</c> prints <paramref name="outputsFile"/>.
/// </summary>
public sealed class InterruptiblePulumi : IDisposable
{
    public InterruptiblePulumi(bool ignoresInterrupt = false, string? outputsFile = null)
    {
        var onInterrupt = ignoresInterrupt ? "echo ignored >> '{0}/signals'" : "echo interrupted >> '{0}/signals'; exit 9";
        File.WriteAllText(Executable, $$"""
            #!/bin/sh
            case "$1 $2" in
              "stack output") cat '{{outputsFile}}'; exit 0 ;;
            esac
            trap "{{string.Format(System.Globalization.CultureInfo.InvariantCulture, onInterrupt, Folder)}}" INT
            echo started > '{{Folder}}/started'
            while :; do sleep 0.1; done
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, (UnixFileMode)0b111_101_101);
        }
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("tenantdb-pulumi-int-").FullName;

    public string Executable => Path.Combine(Folder, "pulumi");

    /// <summary>The signals the stand-in trapped, one a line.</summary>
    public string[] Signals => File.Exists(Path.Combine(Folder, "signals")) ? File.ReadAllLines(Path.Combine(Folder, "signals")) : [];

    public async Task WaitUntilUpStartedAsync()
    {
        for (var attempt = 0; attempt < 1200 && !File.Exists(Path.Combine(Folder, "started")); attempt++)
        {
            await Task.Delay(50);
        }
        Assert.True(File.Exists(Path.Combine(Folder, "started")), "pulumi up never started");
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
