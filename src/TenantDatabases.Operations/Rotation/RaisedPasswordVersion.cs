namespace TenantDatabases.Operations.Rotation;

/// <summary>A tenant whose <c>passwordVersion</c> was raised from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>.</summary>
public sealed record RaisedPasswordVersion(string TenantId, string Server, int FromVersion, int ToVersion);
