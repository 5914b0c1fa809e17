using System.Text.Json;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>Reads the file given to <c>--previous</c>; a problem with it is a usage problem.</summary>
internal static class PreviousOutputsFile
{
    public static PreviousOutputsResult Read(string path)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(path));
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var (deployment, problem) = StackOutputsReader.Read(document.RootElement);
            return problem is null && deployment is not null ? new PreviousOutputsResult(deployment, null) : PreviousOutputsResult.Refused($"{shown}: {problem}");
        }
        catch (JsonException error)
        {
            return PreviousOutputsResult.Refused($"{shown}:{(error.LineNumber ?? 0) + 1}:{(error.BytePositionInLine ?? 0) + 1}: not JSON. Write it with 'pulumi stack output --json --stack <stack> > {shown}'.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return PreviousOutputsResult.Refused($"{shown}: cannot be read: {error.Message}");
        }
    }
}
