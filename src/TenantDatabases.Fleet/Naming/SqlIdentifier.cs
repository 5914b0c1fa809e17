namespace TenantDatabases.Fleet.Naming;

/// <summary>Quoting of identifiers for SQL text (double quotes, inner quotes doubled).</summary>
public static class SqlIdentifier
{
    /// <summary>PostgreSQL's NAMEDATALEN - 1.</summary>
    public const int MaxBytes = 63;

    /// <summary>Quotes <paramref name="name"/> for use as an identifier in SQL text.</summary>
    public static string Quote(string name)
    {
        if (name.Contains('\0'))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }
        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
