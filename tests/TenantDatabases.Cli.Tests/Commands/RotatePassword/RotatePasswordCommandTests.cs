using System.Text.Json;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>rotate-password on a real server, for a passphrase stack and for a stack only the Pulumi CLI can write (a stand-in on PATH).</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class RotatePasswordCommandTests(RotatePasswordFixture fixture) : IClassFixture<RotatePasswordFixture>
{
    private const string Stack = "test";

    private static Task<CommandRun> Rotate(string directory, params string[] more) =>
        TenantDb.RunAsync(["rotate-password", "--stack", Stack, "--cwd", directory, "--server", "main", .. more]);

    private static IDisposable Passphrase() => ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", RotatePasswordFixture.Passphrase));

    private async Task<(TestStack Project, string Role, string Old)> PassphraseStackAsync()
    {
        var (role, old) = await fixture.AdminAsync();
        return (TestStack.Create(Stack, RotatePasswordFixture.Passphrase, [new TestStackServer("main", fixture.Server.Port, old, Username: role)]), role, old);
    }

    private static string StackFile(TestStack project) => Path.Combine(project.Directory, $"Pulumi.{Stack}.yaml");

    [Fact]
    public async Task APassphraseStackChangesOnlyThatValueAndNoPasswordReachesTheOutputOrTheServersLog()
    {
        var (project, role, old) = await PassphraseStackAsync();
        using var _ = project;
        using var environment = Passphrase();
        var before = await File.ReadAllTextAsync(StackFile(project));

        var run = await Rotate(project.Directory);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("Rotated the admin password of server 'main'", run.Output);
        // The runbook's next step: the provider still holds the old password until pulumi up.
        Assert.Contains("pulumi preview --stack", run.Output);
        Assert.Contains("pulumi up --stack", run.Output);
        Assert.Contains("docs/runbooks/rotate-a-server-password.md", run.Output);
        var after = await File.ReadAllTextAsync(StackFile(project));
        var (oldValue, newValue) = SecureValues.OnlyDifference(before, after);
        var crypter = PassphraseCrypter.Unlock(after.Split('\n')[0]["encryptionsalt: ".Length..], RotatePasswordFixture.Passphrase);
        Assert.Equal(old, crypter.Decrypt(oldValue));
        var next = crypter.Decrypt(newValue);
        Assert.Matches("^[A-Za-z0-9]{32}$", next);
        Assert.False(await fixture.LogsInAsync(role, old), "the old password must be refused");
        Assert.True(await fixture.LogsInAsync(role, next), "the new password must work");
        run.ShowsNone([old, next, RotatePasswordFixture.Passphrase]);
        var log = await File.ReadAllTextAsync(fixture.LogFile);
        Assert.Contains("ALTER ROLE CURRENT_USER PASSWORD 'SCRAM-SHA-256$4096:", log);
        Assert.DoesNotContain(next, log);
    }

    [Fact]
    public async Task ADryRunChecksEveryStepAndChangesNothing()
    {
        var (project, role, old) = await PassphraseStackAsync();
        using var _ = project;
        using var environment = Passphrase();
        var before = await File.ReadAllBytesAsync(StackFile(project));

        var run = await Rotate(project.Directory, "--dry-run");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("Dry run: every step of rotating server 'main' can be done. Nothing was changed.", run.Output);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile(project)));
        Assert.True(await fixture.LogsInAsync(role, old));
    }

    [Fact]
    public async Task AWrongCurrentPasswordChangesNothingAndSaysWhyOnce()
    {
        var (role, old) = await fixture.AdminAsync();
        using var project = TestStack.Create(Stack, RotatePasswordFixture.Passphrase,
            [new TestStackServer("main", fixture.Server.Port, "pw-not-the-current-one-9", Username: role)]);
        using var environment = Passphrase();
        var before = await File.ReadAllBytesAsync(StackFile(project));

        var run = await Rotate(project.Directory);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "28P01"));
        Assert.Contains("Nothing was changed.", run.Output);
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile(project)));
        Assert.True(await fixture.LogsInAsync(role, old));
        run.ShowsNone([old, "pw-not-the-current-one-9"]);
    }

    [Fact]
    public async Task AReadOnlyStackFolderLeavesTheOldPasswordWorkingOnTheServer()
    {
        var (project, role, old) = await PassphraseStackAsync();
        using var _ = project;
        using var environment = Passphrase();
        var before = await File.ReadAllBytesAsync(StackFile(project));
        const string next = "a-given-new-password-that-is-long-enough";
        CommandRun run, dryRun;
        using (new ReadOnlyFolder(project.Directory))
        {
            dryRun = await Rotate(project.Directory, "--dry-run");
            using var input = StandardInput.From(next + "\n");
            run = await Rotate(project.Directory, "--password-stdin");
        }

        Assert.Equal(ExitCodes.Failure, dryRun.ExitCode);
        Assert.Contains("cannot be written", dryRun.Output);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("The old password is in place again on the server and in the stack.", run.Output);
        Assert.True(await fixture.LogsInAsync(role, old), "the old password must still work");
        Assert.False(await fixture.LogsInAsync(role, next), "the new password must be refused");
        Assert.Equal(before, await File.ReadAllBytesAsync(StackFile(project)));
        run.ShowsNone([old, next]);
    }

    [Fact]
    public async Task AStackOnlyPulumiCanWriteGetsTheNewPasswordThroughConfigSetOnStandardInput()
    {
        var (project, role, old, pulumi) = await PulumiStackAsync();
        using var _ = project;
        using var environment = ProcessEnvironment.Set(("PATH", pulumi.Folder + ":" + Environment.GetEnvironmentVariable("PATH")), ("PULUMI_CONFIG_PASSPHRASE", null));

        var run = await Rotate(project.Directory, "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("rotated", report.GetProperty("outcome").GetString());
        var next = await File.ReadAllTextAsync(pulumi.PasswordFile);
        Assert.Matches("^[A-Za-z0-9]{32}$", next);
        Assert.Contains($"config set --secret --path servers.main.password --stack {Stack} --non-interactive", pulumi.Invocations);
        Assert.All(pulumi.Invocations, invocation => Assert.DoesNotContain(next, invocation));
        Assert.False(await fixture.LogsInAsync(role, old));
        Assert.True(await fixture.LogsInAsync(role, next));
        run.ShowsNone([old, next]);
    }

    [Fact]
    public async Task AFailingPulumiLeavesTheOldPasswordWorkingOnTheServer()
    {
        var (project, role, old, pulumi) = await PulumiStackAsync();
        using var _ = project;
        pulumi.FailConfigSet();
        using var environment = ProcessEnvironment.Set(("PATH", pulumi.Folder + ":" + Environment.GetEnvironmentVariable("PATH")), ("PULUMI_CONFIG_PASSPHRASE", null));

        var run = await Rotate(project.Directory);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("the backend refused the write", run.Output);
        Assert.Contains("The old password is in place again", run.Output);
        Assert.True(await fixture.LogsInAsync(role, old), "the old password must still work");
        Assert.Equal(old, await File.ReadAllTextAsync(pulumi.PasswordFile));
        run.ShowsNone([old]);
    }

    [Theory]
    [InlineData(new[] { "rotate-password", "--stack", "test" }, "--server is required")]
    [InlineData(new[] { "rotate-password", "--stack", "test", "--server", "nowhere" }, "The server 'nowhere' is not in the stack. Use one of: main.")]
    public async Task UsageProblemsExitWithTwo(string[] args, string expected)
    {
        var (project, _, _) = await PassphraseStackAsync();
        using var stack = project;
        using var environment = Passphrase();

        var run = await TenantDb.RunAsync([.. args, "--cwd", project.Directory]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Output);
    }

    private async Task<(TestStack Project, string Role, string Old, StandInPulumi Pulumi)> PulumiStackAsync()
    {
        var (role, old) = await fixture.AdminAsync();
        var project = TestStack.Create("unused", "unused", [new TestStackServer("main", fixture.Server.Port, "pw-unused")]);
        await File.WriteAllTextAsync(Path.Combine(project.Directory, $"Pulumi.{Stack}.yaml"), $"""
            secretsprovider: awskms://alias/tenantdb?region=eu-west-1
            config:
              tenant-databases:protect: false
              tenant-databases:servers:
                main:
                  host: 127.0.0.1
                  port: {fixture.Server.Port}
                  username: {role}
                  password:
                    secure: AAABAKMSciphertextonlythecliandkmscanopen
                  region: local
                  default: true
                  sslMode: disable
            """);
        var template = TestStack.WriteConfigJson(project.Directory, [new TestStackServer("main", fixture.Server.Port, "@PASSWORD@", Username: role)]);
        var pulumi = new StandInPulumi(Path.Combine(project.Directory, "bin"), await File.ReadAllTextAsync(template), old);
        return (project, role, old, pulumi);
    }
}
