namespace TenantDatabases.Fleet.Model;

/// <summary>A PostgreSQL server registered in <c>tenant-databases:servers</c>.</summary>
/// <param name="Name">The key under <c>servers</c>; permanent, because it names the server's provider.</param>
/// <param name="Host">DNS name or IP address, without scheme or port.</param>
/// <param name="Port">TCP port, 5432 unless set.</param>
/// <param name="Username">The admin role that creates tenant roles and databases.</param>
/// <param name="Password">Where the admin password stands in the configuration; never its value.</param>
/// <param name="Region">The region the server's data lives in.</param>
/// <param name="IsDefault">Whether new tenants go here when nothing else decides.</param>
/// <param name="SslMode">libpq sslmode.</param>
/// <param name="MaxTenants">How many tenant databases the server may hold.</param>
/// <param name="AdminDatabase">The database the admin connects to.</param>
public sealed record ServerDefinition(
    string Name,
    string Host,
    int Port,
    string Username,
    PasswordSetting Password,
    string? Region,
    bool IsDefault,
    SslMode SslMode,
    int MaxTenants,
    string AdminDatabase);
