using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Testing;

/// <summary>The repository's own migrations/ folder (the starting point-of-sale schema), found above the running assembly.</summary>
public static class RepositoryMigrations
{
    /// <summary>The full path of migrations/ beside Pulumi.yaml at the repository root.</summary>
    public static string Folder { get; } = RepositoryFolder.Path(MigrationsFolder.Name);

    /// <summary>The repository's scripts; fails when they are not a valid set.</summary>
    public static MigrationScripts Read()
    {
        var read = MigrationScripts.FromFolder(Folder);
        return read.IsValid ? read.Scripts : throw new InvalidOperationException(string.Join(Environment.NewLine, read.Problems));
    }

    /// <summary>Copies the scripts into <paramref name="projectDirectory"/>/migrations, as a repository holds them.</summary>
    public static void CopyTo(string projectDirectory)
    {
        var target = Directory.CreateDirectory(Path.Combine(projectDirectory, MigrationsFolder.Name)).FullName;
        foreach (var script in Directory.GetFiles(Folder, "*.sql"))
        {
            File.Copy(script, Path.Combine(target, Path.GetFileName(script)), overwrite: true);
        }
    }
}
