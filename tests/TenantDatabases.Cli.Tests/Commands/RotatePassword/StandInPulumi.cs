namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>
/// A stand-in for the Pulumi CLI on PATH, for a stack whose secrets only the CLI can encrypt: it records its
/// arguments, keeps what <c>config set</c> reads on standard input as the stack's password, prints the
/// configuration with that password for <c>config --json</c>, and refuses <c>config set</c> when told to.
/// </summary>
public sealed class StandInPulumi
{
    public StandInPulumi(string folder, string configTemplate, string password)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.template.json"), configTemplate);
        File.WriteAllText(PasswordFile, password);
        var script = Path.Combine(folder, "pulumi");
        File.WriteAllText(script, """
            #!/bin/sh
            dir=$(dirname "$0")
            echo "$*" >> "$dir/args.log"
            case "$1 $2" in
              "config set")
                if [ -e "$dir/fail" ]; then echo "error: the backend refused the write" >&2; exit 1; fi
                cat > "$dir/password.new" && mv "$dir/password.new" "$dir/password"
                exit 0;;
              "config --json")
                sed "s/@PASSWORD@/$(cat "$dir/password")/g" "$dir/config.template.json"
                exit 0;;
            esac
            echo "unexpected: $*" >&2
            exit 3
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }
    }

    /// <summary>The folder to put first on PATH.</summary>
    public string Folder { get; }

    /// <summary>What <c>config set</c> last read on standard input (the stack's password as the stand-in keeps it).</summary>
    public string PasswordFile => Path.Combine(Folder, "password");

    /// <summary>Every invocation's arguments, one line each.</summary>
    public string[] Invocations => File.Exists(Path.Combine(Folder, "args.log")) ? File.ReadAllLines(Path.Combine(Folder, "args.log")) : [];

    /// <summary>Makes <c>config set</c> fail from now on.</summary>
    public void FailConfigSet() => File.WriteAllText(Path.Combine(Folder, "fail"), "");
}
