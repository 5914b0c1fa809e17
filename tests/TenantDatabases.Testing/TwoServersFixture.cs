using Xunit;

namespace TenantDatabases.Testing;

/// <summary>
/// Two independent servers shared by the tests of one class (<c>IClassFixture</c>); removed when the
/// class is done, whether its tests passed or not.
/// </summary>
public sealed class TwoServersFixture : IAsyncLifetime
{
    /// <summary>The first server.</summary>
    public TestPostgresServer First { get; private set; } = null!;

    /// <summary>The second server.</summary>
    public TestPostgresServer Second { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var servers = await Task.WhenAll(TestPostgresServer.StartAsync("alpha"), TestPostgresServer.StartAsync("beta"));
        (First, Second) = (servers[0], servers[1]);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}
