using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Secrets;

public sealed class StackFileSecretSourceTests
{
    private const string Passphrase = "a-test-passphrase";

    private static string StackYaml(PassphraseCrypter crypter, string? secretsProviderLine = null) => $"""
        {secretsProviderLine}
        encryptionsalt: {crypter.EncryptionSalt}
        config:
          tenant-databases:servers:
            a:
              host: 127.0.0.1
              username: provisioner
              password:
                secure: {crypter.Encrypt("pw-a-1")}
              region: local
              default: true
        """;

    private static Task<SecretsResult> PasswordsAsync(string yaml, Dictionary<string, string> variables)
    {
        var file = StackFileReader.Parse("Pulumi.t.yaml", yaml).File!;
        var servers = FleetConfigurationReader.Read(file.Config, ConfigOrigin.StackFile).Configuration!.Servers;
        return StackFileSecretSource.PasswordsAsync(file, servers, "t", ".", name => variables.GetValueOrDefault(name), CancellationToken.None);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("secretsprovider: passphrase")]
    public async Task TheSaltAloneSelectsThePassphraseProviderAsTheKeyDoes(string? secretsProviderLine)
    {
        var outcome = await PasswordsAsync(StackYaml(PassphraseCrypter.CreateNew(Passphrase), secretsProviderLine), new() { [PassphraseSource.Variable] = Passphrase });

        Assert.Null(outcome.Problem);
        Assert.Equal(StackFilePasswords.SourceName, outcome.Source);
        Assert.Equal("pw-a-1", outcome.Passwords!.For("a"));
    }

    [Fact]
    public async Task AnEmptyPassphraseVariableIsUsedAndTheDecryptProblemSaysItWasEmptyAndTheFileIgnored()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Passphrase);
        try
        {
            var outcome = await PasswordsAsync(StackYaml(PassphraseCrypter.CreateNew(Passphrase)),
                new() { [PassphraseSource.Variable] = "", [PassphraseSource.FileVariable] = file });

            Assert.Null(outcome.Passwords);
            Assert.False(outcome.IsUsageProblem);
            Assert.StartsWith("PULUMI_CONFIG_PASSPHRASE is set but empty", outcome.Problem);
            Assert.Contains("PULUMI_CONFIG_PASSPHRASE_FILE was ignored", outcome.Problem);
            Assert.Contains("The passphrase does not decrypt this stack's secrets", outcome.Problem);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AStackWhosePassphraseIsEmptyOpensWithAnEmptyVariableAsInThePulumiCli()
    {
        var outcome = await PasswordsAsync(StackYaml(PassphraseCrypter.CreateNew("")), new() { [PassphraseSource.Variable] = "" });

        Assert.Null(outcome.Problem);
        Assert.Equal("pw-a-1", outcome.Passwords!.For("a"));
    }

    [Fact]
    public async Task AWrongPassphraseThatIsNotEmptyGetsNoNoteAboutAnEmptyVariable()
    {
        var outcome = await PasswordsAsync(StackYaml(PassphraseCrypter.CreateNew(Passphrase)), new() { [PassphraseSource.Variable] = "wrong" });

        Assert.Contains("The passphrase does not decrypt this stack's secrets", outcome.Problem);
        Assert.DoesNotContain("set but empty", outcome.Problem);
    }
}
