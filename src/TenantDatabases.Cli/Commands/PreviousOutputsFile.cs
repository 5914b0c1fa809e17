using System.Text.Json;
using TenantDatabases.Cli.Project;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Cli.Commands;

/// <summary>Reads the file given to <c>--previous</c>; a problem with it is a usage error.</summary>
internal static class PreviousOutputsFile
{
    public static (PreviousDeployment? Deployment, string? Error) Read(string path)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(path));
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var (deployment, problem) = StackOutputsReader.Read(document.RootElement);
            return problem is null ? (deployment, null) : (null, $"{shown}: {problem}");
        }
        catch (JsonException error)
        {
            return (null, $"{shown}:{(error.LineNumber ?? 0) + 1}:{(error.BytePositionInLine ?? 0) + 1}: not JSON. Write it with 'pulumi stack output --json --stack <stack> > {shown}'.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, $"{shown}: cannot be read: {error.Message}");
        }
    }
}
