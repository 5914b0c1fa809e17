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
        problems.Error(path, $"Unknown key '{ProblemList.Shorten(key)}'.", fix, location);
    }

    /// <summary>A top-level key written both with and without the project's namespace.</summary>
    public static void SetTwice(string key, string path, ProblemList problems, SourceLocation? location) =>
        problems.Error(path, $"'{key}' is set twice, with and without the '{ConfigDefaults.Namespace}:' prefix.",
            $"Keep only '{path}'.", location);
}

/// <summary>Suggests the known name closest to a misspelt one (Levenshtein distance, case-insensitive).</summary>
public static class NearestName
{
    /// <summary>The closest of <paramref name="known"/>, or null when none is plausibly meant.</summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        // A third of the name may differ: "hots" finds "host", "colour" finds nothing.
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    /// <summary>Edit distance (insertions, deletions, substitutions) between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
