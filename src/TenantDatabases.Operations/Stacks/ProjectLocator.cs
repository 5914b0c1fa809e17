namespace TenantDatabases.Operations.Stacks;

/// <summary>Finds Pulumi.yaml by walking up from the current folder (or <c>--cwd</c>), as the Pulumi CLI does.</summary>
public static class ProjectLocator
{
    /// <summary>The project file's name.</summary>
    public const string ProjectFileName = "Pulumi.yaml";

    /// <summary>The project and stack file for <paramref name="stack"/>, or why none was found.</summary>
    public static ProjectLocationResult Locate(string? cwd, string stack)
    {
        var start = Path.GetFullPath(cwd ?? Environment.CurrentDirectory);
        if (!Directory.Exists(start))
        {
            return new ProjectLocationResult(null, $"The folder '{start}' does not exist (check --cwd).");
        }
        return FindProjectDirectory(start) is { } project
            ? new ProjectLocationResult(new ProjectLocation(project, Path.Combine(project, $"Pulumi.{stack}.yaml")), null)
            : new ProjectLocationResult(null, $"No {ProjectFileName} in '{start}' or any folder above it. Run from the repository, or pass --cwd <dir>.");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> (a full path) that holds Pulumi.yaml, or null.</summary>
    public static string? FindProjectDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFileName)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
