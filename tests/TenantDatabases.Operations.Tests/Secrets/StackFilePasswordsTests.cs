using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Secrets;

public sealed class StackFilePasswordsTests
{
    private const string Passphrase = "a-test-passphrase";
    private static readonly PassphraseCrypter Crypter = PassphraseCrypter.CreateNew(Passphrase);

    private static ServerDefinition Server(string name, PasswordSetting password) =>
        new(name, "127.0.0.1", 5432, "provisioner", password, "local", false, SslMode.Disable, 10, "postgres");

    [Fact]
    public void DecryptsEveryServersSecurePassword()
    {
        var servers = new[] { Server("a", PasswordSetting.Secure(Crypter.Encrypt("pw-a-1"))), Server("b", PasswordSetting.Secure(Crypter.Encrypt("pw-b-2"))) };

        var outcome = StackFilePasswords.Decrypt("Pulumi.t.yaml", Crypter.EncryptionSalt, servers, Passphrase);

        Assert.Null(outcome.Problem);
        Assert.Equal("pw-a-1", outcome.Passwords!.For("a"));
        Assert.Equal("pw-b-2", outcome.Passwords.For("b"));
        Assert.DoesNotContain("pw-a-1", outcome.Passwords.ToString());
    }

    [Fact]
    public void WrongPassphraseIsAFailureThatNamesTheVariablesAndNotThePassphrase()
    {
        var servers = new[] { Server("a", PasswordSetting.Secure(Crypter.Encrypt("pw-a-1"))) };

        var outcome = StackFilePasswords.Decrypt("Pulumi.t.yaml", Crypter.EncryptionSalt, servers, "not-the-passphrase");

        Assert.Null(outcome.Passwords);
        Assert.False(outcome.IsUsageProblem);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE", outcome.Problem);
        Assert.DoesNotContain("not-the-passphrase", outcome.Problem);
    }

    [Fact]
    public void ValueEncryptedWithAnotherKeyNamesTheServersConfigPath()
    {
        var other = PassphraseCrypter.CreateNew("another");
        var servers = new[] { Server("b", PasswordSetting.Secure(other.Encrypt("pw-other"))) };

        var outcome = StackFilePasswords.Decrypt("Pulumi.t.yaml", Crypter.EncryptionSalt, servers, Passphrase);

        Assert.Contains("tenant-databases:servers.b.password", outcome.Problem);
        Assert.DoesNotContain("pw-other", outcome.Problem);
    }
}
