namespace TenantDatabases.Operations.StackOutputs;

/// <summary>
/// One tenant database as the stack outputs describe it, without its password (safe to print and report).
/// <see cref="Username"/> is the tenant's owner role: migrations and checks connect as it, with the
/// <see cref="SslMode"/> of the tenant's server (Prefer for outputs of a deploy from before the key existed).
/// </summary>
public sealed record TenantTarget(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username,
    Fleet.Model.SslMode SslMode = Fleet.Model.SslMode.Prefer);
