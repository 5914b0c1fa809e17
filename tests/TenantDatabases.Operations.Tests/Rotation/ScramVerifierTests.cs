using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Operations.Tests.Rotation;

public sealed class ScramVerifierTests(RotationServerFixture fixture) : IClassFixture<RotationServerFixture>
{
    [Fact]
    public async Task TheVerifierIsTheOnePostgreSqlComputesForTheSamePasswordAndSalt()
    {
        var (stack, role, password) = await fixture.AdminAsync();
        using var _ = stack;

        // The server hashes the clear text itself (PostgreSQL 13 defaults to md5, hence the setting); the same salt must give the same verifier.
        await fixture.Server.Server.ExecuteAsSuperuserAsync($"SET password_encryption = 'scram-sha-256'; ALTER ROLE {role} PASSWORD '{password}'");
        var stored = await fixture.StoredVerifierAsync(role);
        var parts = stored.Split('$', ':');
        Assert.Equal("SCRAM-SHA-256", parts[0]);

        Assert.Equal(stored, ScramVerifier.Compute(password, Convert.FromBase64String(parts[2]), int.Parse(parts[1])));
    }

    [Fact]
    public void EachVerifierHasItsOwnSaltAndLibpqsParameters()
    {
        var first = ScramVerifier.Create("the-same-password-twice");
        var second = ScramVerifier.Create("the-same-password-twice");

        Assert.NotEqual(first, second);
        Assert.Matches(@"^SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$", first);
        Assert.DoesNotContain("the-same-password-twice", first);
    }

    [Theory]
    [InlineData("short", "16 to 1000 characters")]
    [InlineData("a-long-enough-pässword", "printable ASCII")]
    [InlineData("a-long-enough-password\t", "printable ASCII")]
    public void AGivenPasswordMustBePrintableAsciiOfALength(string password, string problem) =>
        Assert.Contains(problem, NewPasswordRules.Problem(password, "current-password-here"));

    [Fact]
    public void AGeneratedPasswordIs32LettersAndDigits()
    {
        var password = GeneratedPassword.Create();

        Assert.Matches("^[A-Za-z0-9]{32}$", password);
        Assert.Null(NewPasswordRules.Problem(password, "current-password-here"));
        Assert.NotEqual(password, GeneratedPassword.Create());
    }
}
