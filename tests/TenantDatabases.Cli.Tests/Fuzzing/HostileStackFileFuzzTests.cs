using System.Text;
using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Cli.Tests.Fuzzing;

/// <summary>
/// What a pull request can put in front of the pull-request check: mutated stack files (and a mutated
/// Pulumi.yaml, which tenantdb only locates) through <c>validate</c> and <c>plan</c>. Every run ends with
/// exit 0, 1 or 2 and a message; never a stack trace, never a planted password.
/// </summary>
public sealed class HostileStackFileFuzzTests
{
    private const string Secret = "Planted-Cli-Pw-3c9d";

    private static readonly string Stacks = Path.Combine(AppContext.BaseDirectory, "Stacks");

    [Fact]
    public async Task ValidateAndPlanAnswerEveryMutatedStackFileWithAnExitCodeAndAMessage()
    {
        var valid = File.ReadAllText(Path.Combine(Stacks, "Pulumi.valid.yaml"));
        var withPlainPassword = valid.Replace("      password:\n        secure: v1:AAAAAAAAAAAAAAAA:DDDDDDDDDDDDDDDDDDDDDDDD\n", $"      password: {Secret}\n");
        Assert.Contains(Secret, withPlainPassword);
        var project = File.ReadAllText(Path.Combine(Stacks, "Pulumi.yaml"));
        var stackFiles = new FuzzCases(Seed: 1207, Count: 150, TextDialect.Yaml, [valid, withPlainPassword], [Secret]);
        var projectFiles = new FuzzCases(Seed: 1208, Count: 150, TextDialect.Yaml, [project], []).Inputs();
        var folder = Directory.CreateTempSubdirectory("tenantdb-fuzz-cli-").FullName;
        try
        {
            var index = 0;
            var exitCodes = new HashSet<int>();
            await stackFiles.CheckAsync(async yaml =>
            {
                // As the files of a checkout hold them: bytes, where a lone surrogate has become U+FFFD.
                File.WriteAllBytes(Path.Combine(folder, "Pulumi.yaml"), Encoding.UTF8.GetBytes(projectFiles[index++]));
                File.WriteAllBytes(Path.Combine(folder, "Pulumi.fuzz.yaml"), Encoding.UTF8.GetBytes(yaml));
                foreach (var command in new[] { "validate", "plan" })
                {
                    foreach (var format in new[] { "text", "json" })
                    {
                        var run = await Run(command, "--stack", "fuzz", "--cwd", folder, "--format", format);
                        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failure or ExitCodes.Usage, $"{command} --format {format} exited {run.ExitCode}");
                        FuzzCases.AssertIsAMessage(run.Output, $"the output of {command} --format {format}");
                        stackFiles.AssertNoSecretIn(run.Output, $"the output of {command} --format {format}");
                        exitCodes.Add(run.ExitCode);
                    }
                }
            });
            // The mutations reach past the reader: some files stay valid, some become invalid.
            Assert.Superset(new HashSet<int> { ExitCodes.Success, ExitCodes.Failure }, exitCodes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ValidateAnswersABillionLaughsWithAProblemLineAndExitOne()
    {
        var laughs = new StringBuilder("config:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            laughs.Append($"  a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        var folder = Directory.CreateTempSubdirectory("tenantdb-laughs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: tenant-databases\n");
            File.WriteAllText(Path.Combine(folder, "Pulumi.laughs.yaml"), laughs.Append("  tenant-databases:tenants: *a9\n").ToString());

            var run = await Run("validate", "--stack", "laughs", "--cwd", folder);

            Assert.Equal(ExitCodes.Failure, run.ExitCode);
            Assert.Contains("Pulumi.laughs.yaml:2:7: error yaml: The file uses a YAML anchor (&name); a stack file may not use anchors or aliases. Fix: ", run.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The one call of the in-process runner, so a change to it changes one line here.
    private static Task<CommandRun> Run(params string[] args) => CommandRun.RunAsync(args);
}
