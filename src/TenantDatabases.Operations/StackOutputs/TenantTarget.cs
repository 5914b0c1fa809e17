namespace TenantDatabases.Operations.StackOutputs;

/// <summary>
/// One tenant database as the stack outputs describe it, without its password (safe to print and report).
/// <see cref="Username"/> is the tenant's owner role: migrations and checks connect as it.
/// </summary>
public sealed record TenantTarget(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username);
