using TenantDatabases.Fleet.Placement;
using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// The add-tenant use-case: Fleet places the new tenant (explicit server, else the default with room, else the
/// least-loaded server of its region), and its entry is pinned to that server in the stack file through
/// <see cref="StackFileEdit"/>, which validates the file before and after and writes nothing on any refusal.
/// </summary>
public static class TenantAddition
{
    /// <summary>Adds the tenant; never throws for bad input.</summary>
    public static StackEditResult<PlacementResult> Add(TenantAdditionRequest request) =>
        StackFileEdit.Apply<PlacementResult>(
            new StackEditRequest(request.Stack, request.WorkingDirectory, "adding a tenant"),
            (configuration, text) =>
            {
                var decision = TenantPlacement.Place(configuration, request.TenantId, request.Server, request.Region);
                return decision.Succeeded
                    ? StackEditStep<PlacementResult>.From(TenantEntryWriter.AddTenant(text, request.TenantId, decision.Server, request.Region),
                        decision, $"adding '{request.TenantId}'")
                    : StackEditStep<PlacementResult>.Refused($"cannot add tenant '{request.TenantId}': {decision.Explanation}");
            },
            (edited, decision) => edited.Tenants.FirstOrDefault(tenant => tenant.Id == request.TenantId)?.Server == decision.Server);
}

/// <summary>A new tenant to place and pin in a stack file.</summary>
/// <param name="Stack">The stack whose file is edited.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="TenantId">The new tenant's id.</param>
/// <param name="Server">The server asked for, or null to let placement choose.</param>
/// <param name="Region">The region the tenant's data must stay in, recorded with it; or null.</param>
public sealed record TenantAdditionRequest(string Stack, string? WorkingDirectory, string TenantId, string? Server, string? Region);
