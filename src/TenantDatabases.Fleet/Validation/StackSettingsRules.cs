using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of the stack-wide settings: a safe database prefix, a locale name, no empty residency region.</summary>
internal static partial class StackSettingsRules
{
    /// <summary>True when <paramref name="prefix"/> is safe at the front of every database and role name.</summary>
    public static bool CheckDatabasePrefix(string prefix, ProblemList problems, SourceLocation? location)
    {
        if (PrefixPattern().IsMatch(prefix))
        {
            return true;
        }
        problems.Error(ConfigPath.Of(ConfigKeys.DatabasePrefix), $"'{ProblemList.Shorten(prefix)}' is not a safe name prefix.",
            "Use 1-30 lower-case letters, digits or '_', starting with a letter or '_' (e.g. tenant_).", location);
        return false;
    }

    /// <summary>True when <paramref name="locale"/> looks like a locale name (it reaches CREATE DATABASE).</summary>
    public static bool CheckLocale(string locale, ProblemList problems, SourceLocation? location)
    {
        if (LocalePattern().IsMatch(locale))
        {
            return true;
        }
        problems.Error(ConfigPath.Of(ConfigKeys.Locale), $"'{ProblemList.Shorten(locale)}' is not a locale name.",
            "Use a name like en_US.UTF-8 or C, or remove the key to keep the server's locale.", location);
        return false;
    }

    /// <summary>True when the residency item at <paramref name="path"/> names a region.</summary>
    public static bool CheckResidencyRegion([NotNullWhen(true)] string? region, string path, ProblemList problems, SourceLocation? location)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return true;
        }
        problems.Error(path, "A residency region is empty.", "Remove the empty item or name a region.", location);
        return false;
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,29}\z")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.@-]{1,64}\z")]
    private static partial Regex LocalePattern();
}
