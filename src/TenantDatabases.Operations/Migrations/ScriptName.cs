using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The rule for a script's file name, <c>NNNN_description.sql</c>. Names come from a folder or a git tree that a
/// pull request wrote, so they are bounded and checked before they are used, and shown only through <see cref="Display"/>.
/// </summary>
public static partial class ScriptName
{
    /// <summary>The longest name accepted (the journal keys tenants' scripts by it).</summary>
    public const int MaxLength = 100;

    /// <summary>What a valid name looks like, for messages.</summary>
    public const string Rule = "a script's name is a number, '_' and a description of letters, digits, '_', '.' or '-', ending in .sql, " +
        "at most 100 characters (e.g. 0007_loyalty_cards.sql)";

    /// <summary>The number of a valid name, or null when <paramref name="name"/> breaks the rule.</summary>
    public static long? NumberOf(string name)
    {
        if (name.Length > MaxLength)
        {
            return null;
        }
        var match = Pattern().Match(name);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The digits a valid name starts with, as written (e.g. "0007").</summary>
    public static string Digits(string name) => name[..name.IndexOf('_', StringComparison.Ordinal)];

    /// <summary><paramref name="name"/> safe to print: control characters escaped, cut after <see cref="MaxLength"/> characters.</summary>
    public static string Display(string name)
    {
        var shown = new StringBuilder();
        foreach (var character in name.Length > MaxLength ? name[..MaxLength] : name)
        {
            shown.Append(char.IsControl(character) || char.IsSurrogate(character) ? $"\\u{(int)character:x4}" : character);
        }
        return name.Length > MaxLength ? shown.Append('…').ToString() : shown.ToString();
    }

    // [0-9], not \d: \d matches every Unicode digit, which long.Parse refuses.
    [GeneratedRegex(@"^([0-9]{1,9})_[A-Za-z0-9_.-]+\.sql\z")]
    private static partial Regex Pattern();
}
