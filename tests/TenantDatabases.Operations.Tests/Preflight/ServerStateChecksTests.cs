using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Operations.Tests.Preflight;

public sealed class ServerStateChecksTests
{
    [Theory]
    [InlineData(120022, CheckStatus.Error)]
    [InlineData(130000, CheckStatus.Warning)]
    [InlineData(140015, CheckStatus.Warning)]
    [InlineData(150000, CheckStatus.Ok)]
    [InlineData(160006, CheckStatus.Ok)]
    [InlineData(170002, CheckStatus.Ok)]
    public void VersionThirteenIsRequiredAndFifteenRecommended(int versionNumber, CheckStatus expected)
    {
        var check = ServerStateChecks.Version(Facts(versionNumber));

        Assert.Equal(expected, check.Status);
        Assert.Contains($"{versionNumber / 10000}", check.Message);
    }

    private static ServerFacts Facts(int versionNumber) => new(
        versionNumber, $"{versionNumber / 10000}.{versionNumber % 100}", IsSuperuser: false, CanCreateDb: true, CanCreateRole: true,
        InRecovery: false, DefaultReadOnly: false, MaxConnections: 100, SuperuserReserved: 3, Reserved: 0, InUse: 1,
        CreateRoleSelfGrant: "", Tls: false, TlsVersion: null);
}
