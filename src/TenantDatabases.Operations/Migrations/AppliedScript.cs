namespace TenantDatabases.Operations.Migrations;

/// <summary>A script applied to a tenant in this run, and how long it took.</summary>
public sealed record AppliedScript(string Name, TimeSpan Duration);
