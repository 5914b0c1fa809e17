using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Operations.Tests.Preflight;

/// <summary>Targets on loopback for the preflight tests.</summary>
public static class LoopbackTargets
{
    public static PreflightTarget On(
        string name, int port, string username, string password,
        string prefix = "tenant_", int maxTenants = 100, IReadOnlyList<string>? declared = null, string host = "127.0.0.1",
        SslMode sslMode = SslMode.Disable) =>
        new(new ServerDefinition(name, host, port, username, PasswordSetting.Secure("v1:unused:unused"), "local", false, sslMode, maxTenants, "postgres"),
            password, prefix, declared ?? []);
}
