using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Preflight;

/// <summary>A stack whose secrets only the Pulumi CLI can decrypt (a KMS provider): the passwords come from 'pulumi config --json --show-secrets'.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PulumiCliSourceTests(PreflightCommandFixture fixture) : IClassFixture<PreflightCommandFixture>
{
    [Fact]
    public async Task PasswordsComeFromThePulumiCliWhenTheStackIsNotPassphraseProtected()
    {
        using var project = KmsProject();
        var bin = Path.Combine(project.Directory, "bin");
        Directory.CreateDirectory(bin);
        var configJson = TestStack.WriteConfigJson(project.Directory, [new TestStackServer("main", fixture.Server.Port, fixture.Server.AdminPassword)]);
        var pulumi = Path.Combine(bin, "pulumi");
        // Stands in for the CLI: checks the arguments tenantdb passes, prints the JSON the real one prints.
        await File.WriteAllTextAsync(pulumi,
            $"#!/bin/sh\n[ \"$1 $2 $3 $4 $5\" = \"config --json --show-secrets --stack kms\" ] || {{ echo \"unexpected: $*\" >&2; exit 3; }}\ncat '{configJson}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pulumi, (UnixFileMode)0b111_101_101);
        }
        using var _ = ProcessEnvironment.Set(("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH")), ("PULUMI_CONFIG_PASSPHRASE", null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "kms", "--cwd", project.Directory, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"secretSource\": \"pulumi config\"", run.Output);
        run.ShowsNone(fixture.Passwords);
    }

    [Fact]
    public async Task WithoutThePulumiCliTheErrorSaysToInstallItOrPassConfigJson()
    {
        using var project = KmsProject();
        using var _ = ProcessEnvironment.Set(("PATH", "/usr/bin:/bin"), ("PULUMI_CONFIG_PASSPHRASE", null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "kms", "--cwd", project.Directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--config-json", run.Output);
        Assert.Contains("awskms://", run.Output);
    }

    private TestStack KmsProject()
    {
        var stack = TestStack.Create("unused", "unused", [new TestStackServer("main", fixture.Server.Port, "pw-unused")]);
        File.WriteAllText(Path.Combine(stack.Directory, "Pulumi.kms.yaml"),
            $"""
            secretsprovider: awskms://alias/tenantdb?region=eu-west-1
            config:
              tenant-databases:protect: false
              tenant-databases:servers:
                main:
                  host: 127.0.0.1
                  port: {fixture.Server.Port}
                  username: provisioner
                  password:
                    secure: AAABAKMSciphertextonlythecliandkmscanopen
                  region: local
                  default: true
                  sslMode: disable
            """);
        return stack;
    }
}
