using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The rotate-tenant-password use-case: raises <c>tenants.&lt;id&gt;.passwordVersion</c> by one for each chosen
/// tenant, so that the next deploy generates new owner passwords, through <see cref="StackFileEdit"/>: the file is
/// validated before and after the edit and replaced in one rename; every other byte stays as it was.
/// </summary>
public static class TenantPasswordRotation
{
    /// <summary>Raises the versions; never throws for bad input.</summary>
    public static TenantPasswordResult Raise(TenantPasswordRequest request)
    {
        var edit = StackFileEdit.Apply<IReadOnlyList<RaisedPasswordVersion>>(
            new StackEditRequest(request.Stack, request.WorkingDirectory, "rotating a password"),
            (configuration, text) =>
            {
                var chosen = Choose(configuration, request);
                if (chosen.Problem is { } choice)
                {
                    return StackEditStep<IReadOnlyList<RaisedPasswordVersion>>.Refused(choice);
                }
                var raised = new List<RaisedPasswordVersion>();
                foreach (var tenant in chosen.Tenants)
                {
                    var version = tenant.PasswordVersion + 1;
                    var set = PasswordVersionWriter.Set(text, tenant.Id, version);
                    if (!set.Succeeded)
                    {
                        return StackEditStep<IReadOnlyList<RaisedPasswordVersion>>.From(set, raised, "raising the password version");
                    }
                    text = set.Value;
                    raised.Add(new RaisedPasswordVersion(tenant.Id, tenant.Server ?? "", tenant.PasswordVersion, version));
                }
                return StackEditStep<IReadOnlyList<RaisedPasswordVersion>>.Edited(text, raised, "raising the password version");
            },
            (edited, raised) => raised.All(tenant => edited.Tenants.SingleOrDefault(t => t.Id == tenant.TenantId)?.PasswordVersion == tenant.ToVersion));
        return edit.Succeeded
            ? new TenantPasswordResult(edit.StackFile, edit.Value, null, false, edit.Problems)
            : new TenantPasswordResult(edit.StackFile, [], edit.Problem, edit.IsUsageProblem, edit.Problems);
    }

    private sealed record Choice(IReadOnlyList<TenantDefinition> Tenants, string? Problem);

    private static Choice Choose(FleetConfiguration configuration, TenantPasswordRequest request)
    {
        if (request.TenantId is { } id)
        {
            if (configuration.Tenants.FirstOrDefault(tenant => tenant.Id == id) is not { } tenant)
            {
                return new Choice([], $"Tenant '{id}' is not in the stack." +
                    (NearestName.Find(id, configuration.Tenants.Select(t => t.Id)) is { } nearest ? $" Did you mean '{nearest}'?" : ""));
            }
            return OwnedByAdmin(configuration, tenant)
                ? new Choice([], $"Tenant '{id}' is an adopted database owned by the server's admin '{tenant.Existing?.Owner}': it has no owner password of " +
                    $"its own (the admin's is rotated with 'tenantdb rotate-password'). To give it a role of its own with a generated password, follow {Fleet.Adoption.AdoptionDecision.Runbook}.")
                : new Choice([tenant], null);
        }
        var server = request.Server ?? "";
        if (configuration.FindServer(server) is null)
        {
            return new Choice([], $"The server '{server}' is not in the stack. Use one of: {string.Join(", ", configuration.Servers.Select(s => s.Name))}.");
        }
        // Tenants owned by the admin have no owner password of their own: --all passes them by.
        var tenants = configuration.TenantsOn(server).Where(tenant => !OwnedByAdmin(configuration, tenant)).ToList();
        return tenants.Count > 0 ? new Choice(tenants, null) : new Choice([], $"The server '{server}' has no tenants with an owner password of their own.");
    }

    private static bool OwnedByAdmin(FleetConfiguration configuration, TenantDefinition tenant) =>
        tenant.Existing?.Owner is { } owner && tenant.Server is { } server && configuration.FindServer(server)?.Username == owner;
}

/// <summary>Which tenants' owner passwords to rotate: one tenant, or every tenant of a server.</summary>
/// <param name="Stack">The stack whose file is edited.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="TenantId">The tenant, or null with <paramref name="Server"/>.</param>
/// <param name="Server">Every tenant of this server, when <paramref name="TenantId"/> is null.</param>
public sealed record TenantPasswordRequest(string Stack, string? WorkingDirectory, string? TenantId, string? Server);

/// <summary>The tenants whose password version was raised in the stack file, or why nothing was written.</summary>
/// <param name="StackFile">The stack file, as shown in messages, once located.</param>
/// <param name="Raised">The tenants raised; empty when nothing was written.</param>
/// <param name="Problem">Why nothing was written.</param>
/// <param name="IsUsageProblem">True when <see cref="Problem"/> is a missing or unreadable input rather than a refusal.</param>
/// <param name="Problems">The stack file's configuration problems (errors that refused it, or warnings).</param>
public sealed record TenantPasswordResult(
    string? StackFile, IReadOnlyList<RaisedPasswordVersion> Raised, string? Problem, bool IsUsageProblem, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the stack file was written.</summary>
    [MemberNotNullWhen(true, nameof(StackFile))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && StackFile is not null;

    internal static TenantPasswordResult Refused(string? file, string problem, bool isUsageProblem = false, IReadOnlyList<ConfigProblem>? problems = null) =>
        new(file, [], problem, isUsageProblem, problems ?? []);
}

/// <summary>A tenant whose <c>passwordVersion</c> was raised from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>.</summary>
public sealed record RaisedPasswordVersion(string TenantId, string Server, int FromVersion, int ToVersion);
