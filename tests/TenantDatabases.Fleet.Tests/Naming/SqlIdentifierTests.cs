using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Tests.Naming;

public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP DATABASE y; --", "\"x\"\"; DROP DATABASE y; --\"")]
    public void QuotingDoublesInnerQuotes(string name, string quoted) =>
        Assert.Equal(quoted, SqlIdentifier.Quote(name));
}
