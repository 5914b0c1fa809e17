namespace TenantDatabases.Fleet.Planning;

/// <summary>A server as the last deploy's <c>servers</c> output describes it.</summary>
/// <param name="Name">Its configuration name (which names its Pulumi provider).</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
public sealed record DeployedServer(string Name, string Host, int Port);
