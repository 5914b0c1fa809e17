using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("acme\"coffee")]
    [InlineData("acme'coffee")]
    [InlineData("acme coffee")]
    [InlineData(" acme")]
    [InlineData("acme\n")]
    [InlineData("acme\0")]
    [InlineData("café")]
    [InlineData("ａcme")]
    [InlineData("Acme")]
    [InlineData("_acme")]
    [InlineData("-acme")]
    [InlineData("acme.coffee")]
    [InlineData("x\"; DROP DATABASE postgres; --")]
    public void UnsafeIdsAreRefused(string id) => Assert.NotNull(IdentifierRules.TenantIdProblem(id));

    [Theory]
    [InlineData("select")]
    [InlineData("drop-table")]
    [InlineData("0")]
    [InlineData("acme_coffee-2")]
    public void SafeIdsIncludeSqlKeywords(string id)
    {
        Assert.Null(IdentifierRules.TenantIdProblem(id));
        Assert.Equal($"\"tenant_{id.Replace('-', '_')}\"", SqlIdentifier.Quote(TenantNaming.DatabaseName("tenant_", id)));
    }

    [Fact]
    public void TwoHundredCharactersAreSafeCharactersButTooLong()
    {
        var id = new string('a', 200);
        Assert.Null(IdentifierRules.TenantIdProblem(id));
        Assert.Contains("213 bytes", IdentifierRules.NameLengthProblem("tenant_", id));
        Assert.Equal(50, IdentifierRules.MaxTenantIdLength("tenant_"));
        Assert.Null(IdentifierRules.NameLengthProblem("tenant_", new string('a', 50)));
    }

    [Fact]
    public void EchoedIdsHideControlCharacters() =>
        Assert.DoesNotContain("\n", IdentifierRules.TenantIdProblem("bad\nid")!);
}
