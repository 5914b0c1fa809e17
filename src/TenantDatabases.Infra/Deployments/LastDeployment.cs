// Deployments: the stack's own last deployment, read through a stack reference to itself.
using System.Text.Json;
using Pulumi;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Deployments;

/// <summary>
/// The stack's own last deployment, read through a stack reference to itself: the placements and servers it
/// left, which Fleet compares with the plan before anything is declared. The backend answers it in preview and
/// up alike, whatever the backend; a stack that was never deployed has no outputs, which is the first deploy.
/// </summary>
internal static class LastDeployment
{
    /// <summary>The resource name of the reference; a read, which changes nothing and counts as no change.</summary>
    public const string ReferenceName = "last-deployment";

    /// <summary>Pulumi's command that moves a file or bucket backend's stacks to the layout with projects.</summary>
    public const string UpgradeCommand = "pulumi state upgrade";

    public static async Task<PreviousDeployment> ReadAsync()
    {
        var instance = Deployment.Instance;
        var name = $"{instance.OrganizationName}/{instance.ProjectName}/{instance.StackName}";
        var self = new StackReference(ReferenceName, new StackReferenceArgs { Name = name });
        var outputs = new Dictionary<string, object?>();
        try
        {
            outputs[StackOutputsSchema.PlacementsKey] = await ValueAsync(self, StackOutputsSchema.PlacementsKey);
            outputs[StackOutputsSchema.ServersKey] = await ValueAsync(self, StackOutputsSchema.ServersKey);
            if (outputs[StackOutputsSchema.PlacementsKey] is null)
            {
                // A deploy from before placements existed: its secret tenants output says where each tenant is.
                // Only server and database are read from it; nothing of it is logged or kept.
                outputs[StackOutputsSchema.TenantsKey] = await ValueAsync(self, StackOutputsSchema.TenantsKey);
            }
        }
        catch (Exception error) when (error is not RunException)
        {
            throw Unreadable(name, error);
        }
        var present = outputs.Where(output => output.Value is not null).ToDictionary();
        if (present.Count == 0)
        {
            return PreviousDeployment.None;
        }
        var read = StackOutputsReader.Read(JsonSerializer.Serialize(present), "the stack's last outputs");
        return read.Deployment ?? throw new RunException(
            $"The stack's last outputs cannot be read ({string.Join(" ", read.Problems)}), so a moved tenant could not be detected; " +
            "nothing was declared. Check them with `pulumi stack output --json`.");
    }

    // The engine reports why the reference failed and hands the program only "resource monitor shut down": the program
    // names the one cause with a fix of its own. A file or bucket backend in the legacy layout (no .pulumi/meta.yaml)
    // parses a reference as a bare stack name and refuses the '/' (pulumi/pulumi pkg/backend/diy, ParseStackName).
    private static RunException Unreadable(string name, Exception error) => new(
        $"The stack's last deployment could not be read through a stack reference to itself ('{name}'), so a moved tenant " +
        $"could not be detected; nothing was declared. Pulumi's error for '{ReferenceName}' says why. If it says that a stack name " +
        "may only contain alphanumeric, hyphens, underscores, or periods, the backend (a file:// folder or an s3://, gs:// or " +
        "azblob:// bucket) keeps its stacks in Pulumi's legacy layout, without projects: upgrade it once with " +
        $"`{UpgradeCommand}` (every stack in it moves to organization/<project>/<stack>), then run again. ({error.Message})");

    // Plain and secret outputs alike: placements and servers are plain, a tenants output of an old deploy is secret.
    private static async Task<object?> ValueAsync(StackReference self, string name)
    {
        var details = await self.GetOutputDetailsAsync(name);
        return details.Value ?? details.SecretValue;
    }
}
