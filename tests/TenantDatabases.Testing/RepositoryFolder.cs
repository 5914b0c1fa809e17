namespace TenantDatabases.Testing;

/// <summary>The repository's files, found from the test's output folder.</summary>
public static class RepositoryFolder
{
    /// <summary>The folder holding TenantDatabases.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "TenantDatabases.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new DirectoryNotFoundException("No TenantDatabases.sln above " + AppContext.BaseDirectory);
    }
}
