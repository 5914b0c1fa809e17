using TenantDatabases.Fleet.StackFiles;


namespace TenantDatabases.Operations.Stacks;

/// <summary>Finds Pulumi.yaml by walking up from the current folder (or <c>--cwd</c>), as the Pulumi CLI does.</summary>
public static class ProjectLocator
{
    /// <summary>The project file's name.</summary>
    public const string ProjectFileName = "Pulumi.yaml";

    /// <summary>The project and stack file for <paramref name="stack"/>, or why none was found.</summary>
    public static Result<ProjectLocation> Locate(string? cwd, string stack)
    {
        var start = Path.GetFullPath(cwd ?? Environment.CurrentDirectory);
        if (!Directory.Exists(start))
        {
            return new Result<ProjectLocation>(null, $"The folder '{start}' does not exist (check --cwd).");
        }
        return FindProjectDirectory(start) is { } project
            ? new Result<ProjectLocation>(new ProjectLocation(project, Path.Combine(project, StackFile.FileName(stack))), null)
            : new Result<ProjectLocation>(null, $"No {ProjectFileName} in '{start}' or any folder above it. Run from the repository, or pass --cwd <dir>.");
    }

    /// <summary>
    /// The stacks whose files lie beside Pulumi.yaml in <paramref name="projectDirectory"/> (every <c>Pulumi.&lt;stack&gt;.yaml</c>),
    /// in ordinal order of their names.
    /// </summary>
    public static IReadOnlyList<string> StackNames(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yaml", SearchOption.TopDirectoryOnly)
            .Select(path => StackFile.StackName(Path.GetFileName(path)))
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

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

/// <summary>The Pulumi project folder and the stack file a command works on.</summary>
/// <param name="ProjectDirectory">The folder holding Pulumi.yaml.</param>
/// <param name="StackFile">Full path of Pulumi.&lt;stack&gt;.yaml (it may not exist).</param>
public sealed record ProjectLocation(string ProjectDirectory, string StackFile)
{
    /// <summary>The stack file as people should see it: relative to the current folder when below it.</summary>
    public string DisplayStackFile => DisplayPath(StackFile);

    /// <summary><paramref name="path"/> relative to the current folder when it lies below it, else absolute.</summary>
    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
