using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Operations.Preflight;

/// <summary>TLS in use, version, writable primary and connection headroom, judged from <see cref="ServerFacts"/>.</summary>
internal static class ServerStateChecks
{
    public const int MinimumVersion = 130000;
    public const int RecommendedVersion = 150000;

    public static PreflightCheck Tls(ServerFacts facts, SslMode mode)
    {
        if (facts.Tls)
        {
            return PreflightCheck.Ok(CheckNames.Tls, $"Encrypted with {facts.TlsVersion ?? "TLS"} (sslMode {mode.ToName()}).");
        }
        return mode switch
        {
            SslMode.Disable => PreflightCheck.Ok(CheckNames.Tls, "Not encrypted, as sslMode disable asks (loopback only)."),
            _ => PreflightCheck.Warning(CheckNames.Tls, $"The connection is not encrypted: the server does not offer TLS and sslMode {mode.ToName()} allows that.",
                "Enable TLS on the server and set sslMode to require or stricter."),
        };
    }

    public static PreflightCheck Version(ServerFacts facts) => facts.VersionNumber switch
    {
        < MinimumVersion => PreflightCheck.Error(CheckNames.Version, $"PostgreSQL {facts.Version} is too old: 13 or later is required.",
            "Upgrade the server to PostgreSQL 15 or 16."),
        < RecommendedVersion => PreflightCheck.Warning(CheckNames.Version, $"PostgreSQL {facts.Version} works; 15 or later is recommended.",
            "Plan an upgrade to PostgreSQL 15 or 16."),
        _ => PreflightCheck.Ok(CheckNames.Version, $"PostgreSQL {facts.Version}."),
    };

    public static PreflightCheck Primary(ServerFacts facts)
    {
        if (facts.InRecovery)
        {
            return PreflightCheck.Error(CheckNames.Primary, "The server is a standby (in recovery): it cannot create databases or roles.",
                "Point the server's host at the primary (the writer endpoint of a managed service).");
        }
        return facts.DefaultReadOnly
            ? PreflightCheck.Error(CheckNames.Primary, "default_transaction_read_only is on: every write of the deployment would fail.",
                "Turn default_transaction_read_only off for the server or for the admin role (ALTER ROLE ... SET default_transaction_read_only = off).")
            : PreflightCheck.Ok(CheckNames.Primary, "Writable primary.");
    }

    public static PreflightCheck Connections(ServerFacts facts)
    {
        var usable = facts.MaxConnections - facts.SuperuserReserved - facts.Reserved;
        var free = usable - facts.InUse;
        var detail = $"{free} of {facts.MaxConnections} connections free (max_connections {facts.MaxConnections}, " +
                     $"{facts.SuperuserReserved + facts.Reserved} reserved, {facts.InUse} in use including this check).";
        const string fix = "Close idle sessions or put a pooler in front; raise max_connections if the server has the memory; lower --parallel/--per-server of migrate.";
        if (free <= 0)
        {
            return PreflightCheck.Error(CheckNames.Connections, "No connection left for the deployment: " + detail, fix);
        }
        return free < Math.Max(5, usable / 10)
            ? PreflightCheck.Warning(CheckNames.Connections, "Few connections left: " + detail, fix)
            : PreflightCheck.Ok(CheckNames.Connections, detail);
    }
}
