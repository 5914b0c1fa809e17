using TenantDatabases.Fleet.Outputs;
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
            var result = StackOutputsReader.Read(File.ReadAllText(path), shown);
            return result.Deployment is { } deployment ? new PreviousOutputsResult(deployment, null) : PreviousOutputsResult.Refused(result.Problems[0]);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return PreviousOutputsResult.Refused($"{shown}: cannot be read: {error.Message}");
        }
    }
}
