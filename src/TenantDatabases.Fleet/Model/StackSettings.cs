namespace TenantDatabases.Fleet.Model;

/// <summary>Stack-wide settings (<c>tenant-databases:protect</c>, <c>residency</c>, <c>databasePrefix</c>, <c>locale</c>).</summary>
/// <param name="Protect">Protect and retain tenant databases and roles; on by default.</param>
/// <param name="Residency">Regions this stack may hold data in; empty means unrestricted.</param>
/// <param name="DatabasePrefix">Prefix of every tenant database and role name.</param>
/// <param name="Locale">LC_COLLATE and LC_CTYPE of new tenant databases; null keeps the server's.</param>
public sealed record StackSettings(
    bool Protect,
    IReadOnlyList<string> Residency,
    string DatabasePrefix,
    string? Locale)
{
    /// <summary>The settings of a stack that sets none of its keys.</summary>
    public static StackSettings Defaults { get; } = new(
        Protect: true,
        Residency: [],
        DatabasePrefix: ConfigDefaults.DatabasePrefix,
        Locale: null);
}
