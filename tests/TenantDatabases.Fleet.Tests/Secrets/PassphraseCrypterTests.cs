using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Fleet.Tests.Secrets;

public sealed class PassphraseCrypterTests
{
    // Pulumi's own published test vector (pkg/secrets/passphrase tests).
    private const string PulumiTestState = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

    [Fact]
    public void PulumisPublishedStateOpensWithItsPassphrase()
    {
        var crypter = PassphraseCrypter.Unlock(PulumiTestState, "password");
        var parts = PulumiTestState.Split(':', 3);
        Assert.Equal("pulumi", crypter.Decrypt(parts[2]));
    }

    [Fact]
    public void AWrongPassphraseIsRecognisedAndNotNamed()
    {
        var error = Assert.Throws<WrongPassphraseException>(() => PassphraseCrypter.Unlock(PulumiTestState, "hunter2"));
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE", error.Message);
    }

    [Theory]
    [InlineData("s3cr3t-Pa55")]
    [InlineData("")]
    [InlineData("ünïcødé and spaces; quotes ' \"")]
    public void ValuesRoundTripThroughANewStackKey(string plaintext)
    {
        var created = PassphraseCrypter.CreateNew("correct horse");
        var ciphertext = created.Encrypt(plaintext);
        Assert.StartsWith("v1:", ciphertext);
        if (plaintext.Length > 0)
        {
            Assert.DoesNotContain(plaintext, ciphertext);
        }
        var reopened = PassphraseCrypter.Unlock(created.EncryptionSalt, "correct horse");
        Assert.Equal(plaintext, reopened.Decrypt(ciphertext));
    }

    [Fact]
    public void EncryptingTwiceGivesDifferentCiphertexts()
    {
        var crypter = PassphraseCrypter.CreateNew("p");
        Assert.NotEqual(crypter.Encrypt("same"), crypter.Encrypt("same"));
    }

    [Theory]
    [InlineData("not-a-secret")]
    [InlineData("v1:AAAA:BBBB")]
    [InlineData("v2:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==")]
    [InlineData("v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRAQ==")]
    public void MalformedOrForeignValuesAreRefusedWithoutEchoingThem(string value)
    {
        var crypter = PassphraseCrypter.Unlock(PulumiTestState, "password");
        var error = Assert.Throws<SecretDecryptionException>(() => crypter.Decrypt(value));
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void AMalformedSaltIsAClearError() =>
        Assert.Throws<SecretDecryptionException>(() => PassphraseCrypter.Unlock("nonsense", "password"));
}
