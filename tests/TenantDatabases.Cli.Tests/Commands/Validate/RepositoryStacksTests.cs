namespace TenantDatabases.Cli.Tests.Commands.Validate;

public sealed class RepositoryStacksTests
{
    [Fact]
    public async Task EveryStackFileAtTheRepositoryRootValidatesCleanly()
    {
        var root = new DirectoryInfo(RepositoryFolder.Root);
        foreach (var stackFile in root.GetFiles("Pulumi.*.yaml"))
        {
            var stack = stackFile.Name["Pulumi.".Length..^".yaml".Length];
            var (exitCode, output) = await TenantDb.RunAsync("validate", "--stack", stack, "--cwd", root.FullName);
            Assert.True(exitCode == ExitCodes.Success, output);
            Assert.DoesNotContain(" error ", output);
        }
    }
}
