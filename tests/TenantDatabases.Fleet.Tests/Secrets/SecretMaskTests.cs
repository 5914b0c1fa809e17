using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Fleet.Tests.Secrets;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("Host=h;Password=s3cr3t;Username=u")]
    [InlineData("postgresql://admin:s3cr3t@db.internal:5432/postgres")]
    [InlineData("pwd = s3cr3t")]
    public void PasswordsAreRemoved(string text) =>
        Assert.DoesNotContain("s3cr3t", SecretMask.Redact(text));

    [Fact]
    public void EveryKnownSecretIsMaskedAndEmptyOnesAreIgnored() =>
        Assert.Equal("failed for *** and *** here", new SecretMask(["s3cret-a", "", "s3cret-b"]).Apply("failed for s3cret-a and s3cret-b here"));

    [Fact]
    public void KnownSecretsAndPatternsAreMaskedTogether() =>
        Assert.Equal("login *** failed; Password=***;Host=h", new SecretMask(["pw-1"]).Apply("login pw-1 failed; Password=other;Host=h"));

    [Fact]
    public void ItsTextNeverShowsASecret() =>
        Assert.DoesNotContain("pw-1", new SecretMask(["pw-1"]).ToString());
}
