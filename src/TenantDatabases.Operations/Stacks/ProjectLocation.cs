namespace TenantDatabases.Operations.Stacks;

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
