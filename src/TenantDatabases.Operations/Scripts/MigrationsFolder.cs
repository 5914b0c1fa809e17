using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Scripts;

/// <summary>
/// Where the scripts are: <c>--scripts &lt;dir&gt;</c> when given, else the <c>migrations/</c> folder beside
/// Pulumi.yaml, which is found as the Pulumi CLI finds it (from <c>--cwd</c> or the current folder upwards).
/// migrate, verify, deploy and <c>tenantdb migrations</c> all read the scripts through here, so they read one set.
/// </summary>
public static class MigrationsFolder
{
    /// <summary>The folder's name beside Pulumi.yaml.</summary>
    public const string Name = "migrations";

    /// <summary>The full path of the scripts folder, or a usage finding saying what to pass.</summary>
    public static MigrationsFolderResult Locate(string? scripts, string? cwd)
    {
        if (scripts is not null)
        {
            return new MigrationsFolderResult(Path.GetFullPath(scripts), null);
        }
        var start = Path.GetFullPath(cwd ?? Environment.CurrentDirectory);
        if (!Directory.Exists(start) || ProjectLocator.FindProjectDirectory(start) is not { } project)
        {
            return new MigrationsFolderResult(null, new ScriptFinding(start,
                $"no {ProjectLocator.ProjectFileName} here or in any folder above, so no {Name}/ folder beside it",
                "pass --scripts <dir>: the folder of NNNN_name.sql scripts these tenants are migrated with (the repository's migrations/)."));
        }
        var folder = Path.Combine(project, Name);
        return Directory.Exists(folder)
            ? new MigrationsFolderResult(folder, null)
            : new MigrationsFolderResult(null, new ScriptFinding(ProjectLocation.DisplayPath(folder),
                $"no {Name}/ folder beside {ProjectLocation.DisplayPath(Path.Combine(project, ProjectLocator.ProjectFileName))}",
                $"create it with the tenants' NNNN_name.sql scripts, or pass --scripts <dir>."));
    }

    /// <summary>The scripts of the folder <see cref="Locate"/> finds: a valid set, or every problem.</summary>
    public static MigrationScriptsResult Read(string? scripts, string? cwd)
    {
        var located = Locate(scripts, cwd);
        return located.Succeeded
            ? MigrationScripts.FromFolder(located.Folder)
            : new MigrationScriptsResult(null, null, [located.Problem], IsUsageProblem: true);
    }
}

/// <summary>The full path of the scripts folder, or why there is none (a usage problem: say what to pass).</summary>
public sealed record MigrationsFolderResult(string? Folder, ScriptFinding? Problem)
{
    /// <summary>True when a folder was given or found.</summary>
    [MemberNotNullWhen(true, nameof(Folder))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Folder is not null && Problem is null;
}
