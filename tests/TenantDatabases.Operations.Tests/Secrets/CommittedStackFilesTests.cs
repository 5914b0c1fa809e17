using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Secrets;

/// <summary>
/// The committed stack files carry no <c>secretsprovider:</c> key: the Pulumi CLI drops it and rewrites
/// the file, losing its comments, and the salt alone selects the passphrase provider for tenantdb too.
/// </summary>
public sealed class CommittedStackFilesTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> StackFiles() =>
        [.. Directory.GetFiles(Root, "Pulumi.*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(StackFiles))]
    public void AStackFileHasASaltAndNoSecretsProviderKey(string name)
    {
        var file = StackFileReader.Read(Path.Combine(Root, name)).File!;

        Assert.Null(file.SecretsProvider);
        Assert.NotNull(file.EncryptionSalt);
    }

    [Fact]
    public async Task TheDevStackOpensWithTheDevPassphraseFromTheSaltAlone()
    {
        var file = StackFileReader.Read(Path.Combine(Root, "Pulumi.dev.yaml")).File!;
        var servers = FleetConfigurationReader.Read(file.Config, ConfigOrigin.StackFile).Configuration!.Servers;

        var outcome = await StackFileSecretSource.PasswordsAsync(file, servers, "dev", Root,
            name => name == PassphraseSource.Variable ? PassphraseSource.DevPassphrase : null, CancellationToken.None);

        Assert.Null(outcome.Problem);
        Assert.Equal(StackFilePasswords.SourceName, outcome.Source);
        Assert.All(servers, server => Assert.False(string.IsNullOrEmpty(outcome.Passwords!.For(server.Name))));
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TenantDatabases.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new DirectoryNotFoundException("No TenantDatabases.sln above " + AppContext.BaseDirectory);
    }
}
