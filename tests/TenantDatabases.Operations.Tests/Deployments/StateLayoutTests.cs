using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Operations.Tests.Deployments;

/// <summary>Pulumi file backends as Pulumi lays them out (pkg/backend/diy): the legacy layout is found before any <c>pulumi up</c>.</summary>
public sealed class StateLayoutTests : IDisposable
{
    private readonly DirectoryInfo backend = Directory.CreateTempSubdirectory("tenantdb-state-layout-");

    private string Url => "file://" + backend.FullName;

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(backend.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void AStateWithLegacyStacksAndNoMetaFileIsRefusedWithTheUpgradeCommand()
    {
        Write(".pulumi/stacks/dev.json", "{}");

        var problem = StateLayout.LegacyLayoutProblem(Url, "/");

        Assert.NotNull(problem);
        Assert.Contains($"`{StateLayout.UpgradeCommand}`", problem);
        Assert.Contains(Url, problem);
        Assert.Contains("Nothing was changed.", problem);
    }

    [Theory]
    [InlineData("dev.json.gz")]
    [InlineData("prod.json.zst")]
    [InlineData("eu-west.yaml")]
    public void CompressedAndYamlLegacyStacksCountToo(string file)
    {
        Write($".pulumi/stacks/{file}", "");

        Assert.NotNull(StateLayout.LegacyLayoutProblem(Url, "/"));
    }

    [Fact]
    public void AMetaFileSayingVersionZeroIsLegacy()
    {
        Write(".pulumi/meta.yaml", "version: 0\n");

        Assert.NotNull(StateLayout.LegacyLayoutProblem(Url, "/"));
    }

    [Fact]
    public void TheProjectLayoutPasses()
    {
        Write(".pulumi/meta.yaml", "version: 1\n");
        Write(".pulumi/stacks/tenant-databases/dev.json", "{}");

        Assert.Null(StateLayout.LegacyLayoutProblem(Url, "/"));
    }

    [Fact]
    public void AnEmptyOrMissingStatePassesBecausePulumiStartsItInTheProjectLayout()
    {
        Assert.Null(StateLayout.LegacyLayoutProblem(Url, "/"));
        Assert.Null(StateLayout.LegacyLayoutProblem(Url + "/not-yet-created", "/"));
        Write(".pulumi/stacks/dev.json.bak", "{}");
        Assert.Null(StateLayout.LegacyLayoutProblem(Url, "/"));
    }

    [Fact]
    public void ARelativePathIsTheProjectsAndAQueryIsIgnored()
    {
        Write("state/.pulumi/stacks/dev.json", "{}");

        Assert.NotNull(StateLayout.LegacyLayoutProblem("file://state?no_tmp_dir=true", backend.FullName));
        Assert.NotNull(StateLayout.LegacyLayoutProblem("file://./state", backend.FullName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("s3://bucket/state")]
    [InlineData("https://api.pulumi.com")]
    public void OtherBackendsAreNotLookedInto(string? url)
    {
        Assert.Null(StateLayout.LegacyLayoutProblem(url, backend.FullName));
    }

    public void Dispose() => backend.Delete(recursive: true);
}
