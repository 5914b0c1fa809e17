using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.Scripts;

public sealed class MigrationsFolderTests
{
    private static string Project(bool withMigrations)
    {
        var project = Directory.CreateTempSubdirectory("tenantdb-project-").FullName;
        File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: tenant-databases\nruntime: dotnet\n");
        Directory.CreateDirectory(Path.Combine(project, "infra", "deep"));
        if (withMigrations)
        {
            Directory.CreateDirectory(Path.Combine(project, "migrations"));
            File.WriteAllText(Path.Combine(project, "migrations", "0001_a.sql"), "SELECT 1;");
        }
        return project;
    }

    [Fact]
    public void TheFolderBesidePulumiYamlIsFoundFromAnyFolderBelowIt()
    {
        var project = Project(withMigrations: true);

        var located = MigrationsFolder.Locate(null, Path.Combine(project, "infra", "deep"));

        Assert.True(located.Succeeded);
        Assert.Equal(Path.Combine(project, "migrations"), located.Folder);
        Assert.Equal(["0001_a.sql"], MigrationsFolder.Read(null, project).Scripts!.All.Select(s => s.Name));
    }

    [Fact]
    public void ScriptsGivenOverrideTheFolderBesidePulumiYaml()
    {
        var project = Project(withMigrations: true);
        var other = Directory.CreateTempSubdirectory("tenantdb-other-").FullName;

        Assert.Equal(other, MigrationsFolder.Locate(other, project).Folder);
    }

    [Fact]
    public void WithoutPulumiYamlAboveTheFolderItSaysToPassScripts()
    {
        var nowhere = Directory.CreateTempSubdirectory("tenantdb-nowhere-").FullName;
        Assert.Null(Operations.Stacks.ProjectLocator.FindProjectDirectory(nowhere)); // the temp folder lies in no Pulumi project

        var read = MigrationsFolder.Read(null, nowhere);

        Assert.True(read.IsUsageProblem);
        Assert.Contains("no Pulumi.yaml here or in any folder above", Assert.Single(read.Problems));
        Assert.Contains("pass --scripts <dir>", read.Problems[0]);
    }

    [Fact]
    public void APulumiProjectWithoutAMigrationsFolderSaysToCreateItOrPassScripts()
    {
        var read = MigrationsFolder.Read(null, Project(withMigrations: false));

        Assert.True(read.IsUsageProblem);
        Assert.Contains("no migrations/ folder beside", Assert.Single(read.Problems));
        Assert.Contains("or pass --scripts <dir>", read.Problems[0]);
    }
}
