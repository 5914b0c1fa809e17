namespace TenantDatabases.Operations.LocalServers;

/// <summary>A local server could not be created, started or stopped; the message says which and why.</summary>
public sealed class LocalServerException(string message) : Exception(message);
