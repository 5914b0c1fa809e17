namespace TenantDatabases.Cli.Tests;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("Host=h;Password=s3cr3t;Username=u")]
    [InlineData("postgresql://admin:s3cr3t@db.internal:5432/postgres")]
    [InlineData("pwd = s3cr3t")]
    public void PasswordsAreRemoved(string text) =>
        Assert.DoesNotContain("s3cr3t", SecretRedaction.Redact(text));
}
