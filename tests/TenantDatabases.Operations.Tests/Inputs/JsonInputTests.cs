using TenantDatabases.Operations.Inputs;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Operations.Tests.Inputs;

public sealed class JsonInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tenantdb-json-input-").FullName;

    private string Oversized()
    {
        // Sparse: the bound is checked on the size, before a byte is read.
        var path = Path.Combine(folder, "huge.json");
        using var file = File.Create(path);
        file.SetLength(JsonInput.MaxBytes + 1L);
        return path;
    }

    [Fact]
    public async Task AnOversizedOutputsFileIsAUsageProblemThatSaysTheBound()
    {
        var result = await StackOutputsSource.ReadFileAsync(Oversized(), TextReader.Null);

        Assert.True(result.IsUsageProblem);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("16,777,217 bytes", problem);
        Assert.Contains("at most 16,777,216 bytes (16 MiB)", problem);
    }

    [Fact]
    public async Task OversizedStandardInputIsRefusedWithoutReadingItAll()
    {
        var endless = new StringReader(new string(' ', JsonInput.MaxBytes + 100_000));

        var result = await StackOutputsSource.ReadFileAsync("-", endless);

        Assert.True(result.IsUsageProblem);
        Assert.Contains("standard input: more than that", Assert.Single(result.Problems));
        Assert.NotEqual(-1, endless.Peek()); // it stopped at the bound, leaving the rest unread
    }

    [Fact]
    public void AnOversizedConfigJsonFileIsRefusedTheSameWay()
    {
        var result = ConfigJsonFile.Read(Oversized());

        Assert.False(result.IsReadable);
        Assert.True(result.Secrets.IsUsageProblem);
        Assert.Contains("16 MiB", result.Secrets.Problem);
    }

    [Fact]
    public async Task AFileWithinTheBoundIsReadWhole()
    {
        var path = Path.Combine(folder, "small.json");
        await File.WriteAllTextAsync(path, "{\"tenants\": {}}");

        var result = await JsonInput.ReadFileAsync(path, "a test file");

        Assert.True(result.Succeeded);
        Assert.Equal("{\"tenants\": {}}", result.Value);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
