using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Testing;
using YamlDotNet.RepresentationModel;

namespace TenantDatabases.Operations.Tests.Stacks;

/// <summary>
/// The repository's stack files are valid, their secrets are real Pulumi ciphertext, and they carry no
/// <c>secretsprovider:</c> key: the Pulumi CLI drops it and rewrites the file, losing its comments, and the salt
/// alone selects the passphrase provider for tenantdb too.
/// </summary>
public sealed class CommittedStackFilesTests
{
    // Published in the README: the dev stack's secrets are for local servers only.
    private const string DevPassphrase = "tenantdb-dev-passphrase";

    [Theory]
    [InlineData("Pulumi.dev.yaml")]
    [InlineData("Pulumi.prod.yaml")]
    public void TheCommittedStackPassesFleetValidationWithoutAProblem(string fileName)
    {
        var read = StackLoader.ReadFile(RepositoryFolder.Path(fileName));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Problems.Select(p => p.Format(fileName))));

        var validation = FleetConfigurationReader.Read(read.File.Config, ConfigOrigin.StackFile);

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Problems.Select(problem => problem.Format(fileName)));
    }

    [Fact]
    public void EverySecureValueOfTheDevStackOpensWithTheDevPassphrase()
    {
        var stack = StackFileYaml.Load("Pulumi.dev.yaml");
        var crypter = PassphraseCrypter.Unlock(stack.EncryptionSalt, DevPassphrase);

        var passwords = stack.SecureValues.Select(crypter.Decrypt).ToList();

        Assert.Equal(2, passwords.Count);
        Assert.All(passwords, password =>
        {
            Assert.True(password.Length >= 24, "a dev password is long");
            Assert.True(password.All(char.IsAsciiLetterOrDigit), "a dev password needs no escaping in a connection string or URL");
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void TheProdStackIsNotEncryptedWithTheDevPassphrase()
    {
        var stack = StackFileYaml.Load("Pulumi.prod.yaml");

        Assert.NotEmpty(stack.SecureValues);
        Assert.Throws<WrongPassphraseException>(() => PassphraseCrypter.Unlock(stack.EncryptionSalt, DevPassphrase));
    }

    [Fact]
    public void EveryServerPasswordOfTheProdStackIsASecureValue()
    {
        var stack = StackFileYaml.Load("Pulumi.prod.yaml");

        var servers = (YamlMappingNode)stack.Config[new YamlScalarNode("tenant-databases:servers")];
        Assert.All(servers.Children.Values.Cast<YamlMappingNode>(), server =>
        {
            var password = Assert.IsType<YamlMappingNode>(server[new YamlScalarNode("password")]);
            Assert.StartsWith("v1:", ((YamlScalarNode)password[new YamlScalarNode("secure")]).Value);
        });
    }

    public static TheoryData<string> StackFiles() =>
        [.. Directory.GetFiles(RepositoryFolder.Root, "Pulumi.*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(StackFiles))]
    public void AStackFileHasASaltAndNoSecretsProviderKey(string name)
    {
        var file = StackLoader.ReadFile(RepositoryFolder.Path(name)).File!;

        Assert.Null(file.SecretsProvider);
        Assert.NotNull(file.EncryptionSalt);
    }

    [Fact]
    public async Task TheDevStackOpensWithTheDevPassphraseFromTheSaltAlone()
    {
        var file = StackLoader.ReadFile(RepositoryFolder.Path("Pulumi.dev.yaml")).File!;
        var servers = FleetConfigurationReader.Read(file.Config, ConfigOrigin.StackFile).Configuration!.Servers;

        var outcome = await StackFileSecretSource.PasswordsAsync(file, servers, "dev", RepositoryFolder.Root,
            name => name == PassphraseSource.Variable ? PassphraseSource.DevPassphrase : null, CancellationToken.None);

        Assert.Null(outcome.Problem);
        Assert.Equal(StackFilePasswords.SourceName, outcome.Source);
        Assert.All(servers, server => Assert.False(string.IsNullOrEmpty(outcome.Passwords!.For(server.Name))));
    }

    /// <summary>A stack file of the repository, read with YamlDotNet alone.</summary>
    private sealed record StackFileYaml(string EncryptionSalt, YamlMappingNode Config, IReadOnlyList<string> SecureValues)
    {
        public static StackFileYaml Load(string fileName)
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(RepositoryFolder.Path(fileName)))
            {
                yaml.Load(reader);
            }
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var salt = ((YamlScalarNode)root[new YamlScalarNode("encryptionsalt")]).Value!;
            var config = (YamlMappingNode)root[new YamlScalarNode("config")];
            return new StackFileYaml(salt, config, SecureLeaves(config).ToList());
        }

        private static IEnumerable<string> SecureLeaves(YamlNode node) => node switch
        {
            YamlMappingNode { Children.Count: 1 } secure when secure.Children.ContainsKey(new YamlScalarNode("secure")) =>
                [((YamlScalarNode)secure.Children[new YamlScalarNode("secure")]).Value!],
            YamlMappingNode mapping => mapping.Children.Values.SelectMany(SecureLeaves),
            YamlSequenceNode sequence => sequence.Children.SelectMany(SecureLeaves),
            _ => [],
        };
    }
}
