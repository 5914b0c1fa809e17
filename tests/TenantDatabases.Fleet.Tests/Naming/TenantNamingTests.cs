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

    [Fact]
    public void NamesAreDeterministicAndDistinctForDistinctNormalisedIds()
    {
        var ids = new[] { "a-b", "ab", "a-b-c", "a_bc", "abc" };
        var names = ids.Select(id => TenantNaming.DatabaseName("tenant_", id)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names, ids.Select(id => TenantNaming.DatabaseName("tenant_", id)));
    }
}

public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP DATABASE y; --", "\"x\"\"; DROP DATABASE y; --\"")]
    public void QuotingDoublesInnerQuotes(string name, string quoted) =>
        Assert.Equal(quoted, SqlIdentifier.Quote(name));
}
