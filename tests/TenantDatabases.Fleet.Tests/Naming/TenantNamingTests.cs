using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Tests.Naming;

public sealed class TenantNamingTests
{
    [Fact]
    public void DatabaseAndRoleNamesDeriveFromTheIdWithHyphensAsUnderscores()
    {
        Assert.Equal("tenant_acme_coffee", TenantNaming.DatabaseName("tenant_", "acme-coffee"));
        Assert.Equal("tenant_acme_coffee_owner", TenantNaming.RoleName("tenant_", "acme-coffee"));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP DATABASE y; --", "\"x\"\"; DROP DATABASE y; --\"")]
    public void QuotingDoublesInnerQuotes(string name, string quoted) =>
        Assert.Equal(quoted, SqlIdentifier.Quote(name));
}
