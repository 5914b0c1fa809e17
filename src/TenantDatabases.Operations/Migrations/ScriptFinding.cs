namespace TenantDatabases.Operations.Migrations;

/// <summary>One problem (or, when <see cref="IsWarning"/>, a warning) with a script or the scripts folder: where, what, and the fix.</summary>
/// <param name="File">The script's path as people see it, or the folder's.</param>
/// <param name="Problem">What is wrong, in a sentence.</param>
/// <param name="Fix">What to do about it, in a sentence.</param>
/// <param name="IsWarning">True for a warning, which does not fail a check.</param>
public sealed record ScriptFinding(string File, string Problem, string Fix, bool IsWarning = false)
{
    /// <summary>The finding as one line: file, problem and fix.</summary>
    public string Describe() => Fix.Length == 0 ? $"{File}: {Problem}" : $"{File}: {Problem}; {Fix}";
}
