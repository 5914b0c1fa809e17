namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// The admin password of each server, by server name, as a secret source delivered them. Kept apart
/// from the configuration model, and never printed: <see cref="ToString"/> names the servers only.
/// </summary>
public sealed class ServerPasswords(IReadOnlyDictionary<string, string> byServer)
{
    /// <summary>No password: a stack loaded for a command that does not log in.</summary>
    public static ServerPasswords None { get; } = new(new Dictionary<string, string>());

    /// <summary>The password of <paramref name="server"/>, or null when the source had none.</summary>
    public string? For(string server) => byServer.TryGetValue(server, out var password) ? password : null;

    /// <summary>The servers that have a password.</summary>
    public IReadOnlyCollection<string> Servers => byServer.Keys.ToList();

    /// <summary>Every password, so output can be searched for them or scrubbed of them.</summary>
    public IEnumerable<string> Values => byServer.Values;

    /// <inheritdoc />
    public override string ToString() => $"ServerPasswords {{ {string.Join(", ", byServer.Keys)} }}";
}
