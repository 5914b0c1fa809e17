using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Operations.Tests.LocalServers;

public sealed class LocalServerListenAddressTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("localhost")]
    public async Task AnAddressOutsideLoopbackIsRefusedBeforeAnythingIsCreated(string address)
    {
        var root = Path.Combine(Path.GetTempPath(), "tenantdb-listen-" + Guid.NewGuid().ToString("N")[..8]);
        var server = new LocalPostgresServer(
            new LocalServerSpec("outside", 5999, root, ListenAddress: address),
            new PostgresBinaries("/nonexistent"),
            LocalServerUser.Current());

        var error = await Assert.ThrowsAsync<LocalServerException>(() => server.StartAsync());

        Assert.Contains("127.0.0.0/8", error.Message);
        Assert.False(Directory.Exists(root));
    }
}
