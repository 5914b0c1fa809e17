using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Inputs;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>Reads the file given to <c>--previous</c>; a problem with it is a usage problem.</summary>
internal static class PreviousOutputsFile
{
    public static PreviousOutputsResult Read(string path)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(path));
        // plan is synchronous; the file is local and its size is checked before it is read.
        var input = JsonInput.ReadFileAsync(path, "the last deploy's outputs").GetAwaiter().GetResult();
        if (!input.Succeeded)
        {
            return PreviousOutputsResult.Refused(input.Problem.Replace(path, shown, StringComparison.Ordinal));
        }
        var result = StackOutputsReader.Read(input.Text, shown);
        return result.Deployment is { } deployment ? new PreviousOutputsResult(deployment, null) : PreviousOutputsResult.Refused(result.Problems[0]);
    }
}
