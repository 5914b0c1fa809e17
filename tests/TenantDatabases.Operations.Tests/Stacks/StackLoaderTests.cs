using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Tests.Stacks;

/// <summary>Reading a stack file from disk: a missing file and an oversized one are problems, never exceptions or a read.</summary>
public sealed class StackLoaderTests
{
    [Fact]
    public void AMissingFileIsAProblemNotAnException()
    {
        var result = StackLoader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "Pulumi.none.yaml"));
        Assert.Null(result.File);
        Assert.Contains("cannot be read", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void AFilePastTheSizeBoundIsNotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"Pulumi.big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(StackFileReader.MaxFileBytes + 1);
            }

            var result = StackLoader.ReadFile(path);

            Assert.Null(result.File);
            Assert.Contains("4,194,305 bytes, more than the 4,194,304 bytes", Assert.Single(result.Problems).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AStackFileLinkedToAnEndlessDeviceIsRefusedAtTheBoundByValidateAndByAnEdit()
    {
        // A pull request can commit Pulumi.x.yaml as a symbolic link to /dev/zero, which has no size to check first.
        var folder = Directory.CreateTempSubdirectory("tenantdb-endless-stack-").FullName;
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: x\nruntime: dotnet\n");
        File.CreateSymbolicLink(Path.Combine(folder, "Pulumi.zero.yaml"), "/dev/zero");

        var loaded = StackLoader.ReadFile(Path.Combine(folder, "Pulumi.zero.yaml"));
        var edited = await Task.Run(() => TenantAddition.Add(new TenantAdditionRequest("zero", folder, "acme", null, null))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(loaded.File);
        Assert.Contains("more than the 4,194,304 bytes (4 MiB) a stack file may hold, so it was not read", Assert.Single(loaded.Problems).Message);
        Assert.False(edited.Succeeded);
        Assert.Contains("more than the 4,194,304 bytes (4 MiB) a stack file may hold", edited.Problem);
    }
}
