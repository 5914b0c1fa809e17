using TenantDatabases.Cli.Project;
using TenantDatabases.Fleet.Outputs;
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
            var result = StackOutputsReader.Read(File.ReadAllText(path), shown);
            return result.Deployment is { } deployment ? (deployment, null) : (null, result.Problems[0]);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, $"{shown}: cannot be read: {error.Message}");
        }
    }
}
