namespace TenantDatabases.Operations.Migrations;

/// <summary>One applied script as the tenant's journal records it.</summary>
public sealed record JournalEntry(string ScriptName, string Sha256, DateTimeOffset AppliedAt);
