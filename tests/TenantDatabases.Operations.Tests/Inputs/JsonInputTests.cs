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
        Assert.Equal("standard input: more than 16,777,216 bytes (16 MiB), the most stack outputs may hold, so it was not read. Pass the file as the Pulumi CLI wrote it.",
            Assert.Single(result.Problems));
        Assert.NotEqual(-1, endless.Peek()); // it stopped at the bound, leaving the rest unread
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ADeviceWithoutEndIsRefusedAtTheBoundWhileItIsRead()
    {
        // /dev/zero has no size to check first: only the read itself can stop at the bound.
        var result = await StackOutputsSource.ReadFileAsync("/dev/zero", TextReader.Null).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.IsUsageProblem);
        Assert.Equal("/dev/zero: more than 16,777,216 bytes (16 MiB), the most the outputs file may hold, so it was not read. Pass the file as the Pulumi CLI wrote it.",
            Assert.Single(result.Problems));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task APipeBeyondTheBoundIsRefusedAndOneWithinItIsReadWhole()
    {
        // What a shell's process substitution, --outputs <(…), hands over: /dev/fd/N, the read end of a pipe.
        var refused = await ReadThroughPipeAsync(new string('{', JsonInput.MaxBytes + 1));
        var read = await ReadThroughPipeAsync("{\"tenants\": {}}");

        Assert.False(refused.Succeeded);
        Assert.Contains("more than 16,777,216 bytes", refused.Problem);
        Assert.True(read.Succeeded);
        Assert.Equal("{\"tenants\": {}}", read.Value);
    }

    private static async Task<Fleet.Result<string>> ReadThroughPipeAsync(string text)
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out, HandleInheritability.None);
        using var readEnd = pipe.ClientSafePipeHandle;
        var writing = Task.Run(async () =>
        {
            try
            {
                await pipe.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
            }
            catch (IOException)
            {
                // The reader stopped at the bound and the pipe closed under the writer.
            }
            finally
            {
                pipe.Dispose();
            }
        });
        var result = await JsonInput.ReadFileAsync($"/dev/fd/{readEnd.DangerousGetHandle()}", "the outputs file").WaitAsync(TimeSpan.FromMinutes(2));
        readEnd.Dispose();
        await writing.WaitAsync(TimeSpan.FromMinutes(2));
        return result;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void PermissionAdviceIsGivenForARegularFileOnlyNeverForADeviceOrAPipe()
    {
        var path = Path.Combine(folder, "outputs.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        Assert.Contains("chmod 600", OutputsFileExposure.Warning(path));
        Assert.Null(OutputsFileExposure.Warning("/dev/zero"));
        Assert.Null(OutputsFileExposure.Warning("/dev/null"));
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out, HandleInheritability.None);
        Assert.Null(OutputsFileExposure.Warning($"/dev/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}"));
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
