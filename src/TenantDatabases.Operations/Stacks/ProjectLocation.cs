namespace TenantDatabases.Operations.Stacks;

/// <summary>Finds the Pulumi project (the folder holding Pulumi.yaml) by walking up, as the Pulumi CLI does.</summary>
public static class ProjectLocation
{
    /// <summary>The project folder at or above <paramref name="start"/>, or null.</summary>
    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml")))
            {
                return folder.FullName;
            }
        }
        return null;
    }

    /// <summary>The stack file of <paramref name="stack"/> in <paramref name="projectDirectory"/>.</summary>
    public static string StackFile(string projectDirectory, string stack) => Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml");
}
