namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// The owner passwords of the tenants, kept apart from <see cref="TenantTarget"/> so that no record that is
/// printed, logged or serialised can carry one. <see cref="ToString"/> never shows a value.
/// </summary>
public sealed class TenantPasswords
{
    private readonly Dictionary<string, string> byTenant;

    /// <summary>Keeps a copy of <paramref name="byTenant"/>: tenant id to password.</summary>
    public TenantPasswords(IReadOnlyDictionary<string, string> byTenant) =>
        this.byTenant = new Dictionary<string, string>(byTenant, StringComparer.Ordinal);

    /// <summary>The password of <paramref name="tenantId"/>.</summary>
    public string For(string tenantId) => byTenant[tenantId];

    /// <summary>Every password, for masking foreign text (exception messages) before it is shown.</summary>
    public IEnumerable<string> All => byTenant.Values;

    /// <summary>Masks every known password in <paramref name="text"/> (as <see cref="Secrets.SecretMask"/> does everywhere).</summary>
    public string Mask(string text) => new Secrets.SecretMask(byTenant.Values).Apply(text);

    /// <summary>How many passwords are held, never a value.</summary>
    public override string ToString() => $"{byTenant.Count} tenant password(s) (hidden)";
}
