using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.Tests.Configuration;

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("host", "hots")]
    [InlineData("username", "user_name")]
    [InlineData("require", "requier")]
    public void NearestNameFindsSmallSlips(string known, string typed) =>
        Assert.Equal(known, NearestName.Find(typed, ["host", "port", "username", "password", "require", "region"]));
}
