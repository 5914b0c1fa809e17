namespace TenantDatabases.Operations.DevServers;

/// <summary>What <c>tenantdb dev-servers</c> does to the stack's local servers.</summary>
public enum DevServerAction
{
    /// <summary>Create what is missing and start every server, with the stack's admin and password.</summary>
    Start,

    /// <summary>Stop every server; the data stays.</summary>
    Stop,

    /// <summary>Only report whether each server exists and runs.</summary>
    Status,
}
