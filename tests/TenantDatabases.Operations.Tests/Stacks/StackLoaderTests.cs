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
}
