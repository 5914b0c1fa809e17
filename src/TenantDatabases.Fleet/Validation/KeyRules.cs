using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of configuration keys: only known keys (a slip gets the nearest one suggested), each set once.</summary>
internal static class KeyRules
{
    /// <summary>An unknown key: an error that suggests the nearest of <paramref name="known"/>.</summary>
    public static void Unknown(string key, string path, IReadOnlyList<string> known, ProblemList problems, SourceLocation? location)
    {
        var nearest = NearestName.Find(key, known);
        var fix = nearest is null
            ? $"Remove it; the known keys here are: {string.Join(", ", known)}."
            : $"Did you mean '{nearest}'? Rename the key (known keys: {string.Join(", ", known)}).";
        problems.Error(path, $"Unknown key '{ConfigValueReader.Shorten(key)}'.", fix, location);
    }

    /// <summary>A top-level key written both with and without the project's namespace.</summary>
    public static void SetTwice(string key, string path, ProblemList problems, SourceLocation? location) =>
        problems.Error(path, $"'{key}' is set twice, with and without the '{ConfigDefaults.Namespace}:' prefix.",
            $"Keep only '{path}'.", location);
}
