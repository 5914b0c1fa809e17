using System.Text.Json;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// Whether every string and property name of a JSON document can be read. JSON may escape a lone UTF-16
/// surrogate (<c>"\uD800"</c>), which <see cref="JsonDocument"/> accepts but cannot return as a string:
/// reading it throws. Readers of outside JSON check once, up front, and report a problem instead.
/// </summary>
public static class JsonStringCheck
{
    /// <summary>True when no string or property name under <paramref name="element"/> holds an escaped lone surrogate.</summary>
    public static bool AllReadable(JsonElement element)
    {
        try
        {
            Visit(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // JsonDocument refuses nesting past 64 levels, so the recursion is bounded.
    private static void Visit(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item);
                }
                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
