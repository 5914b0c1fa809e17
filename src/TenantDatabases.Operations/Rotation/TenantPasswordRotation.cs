using System.Diagnostics.CodeAnalysis;
using System.Text;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The rotate-tenant-password use-case: raises <c>tenants.&lt;id&gt;.passwordVersion</c> by one for each chosen
/// tenant, so that the next deploy generates new owner passwords. The file is validated before and after the
/// edit and replaced in one rename; every other byte stays as it was.
/// </summary>
public static class TenantPasswordRotation
{
    /// <summary>Raises the versions; never throws for bad input.</summary>
    public static TenantPasswordResult Raise(TenantPasswordRequest request)
    {
        var located = ProjectLocator.Locate(request.WorkingDirectory, request.Stack);
        if (!located.Succeeded)
        {
            return TenantPasswordResult.Refused(null, located.Problem, isUsageProblem: true);
        }
        var location = located.Location;
        var file = location.DisplayStackFile;
        StackFileText original;
        try
        {
            original = StackFileText.Read(location.StackFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return TenantPasswordResult.Refused(file, $"{file} cannot be read: {error.Message}", isUsageProblem: true);
        }
        var before = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, original.Text));
        if (before.IsUsageProblem)
        {
            return TenantPasswordResult.Refused(file, before.Problem, isUsageProblem: true);
        }
        if (!before.IsValid)
        {
            return TenantPasswordResult.Refused(file, $"{file} is invalid; fix it before rotating a password. Nothing was written.", problems: before.Problems);
        }
        var chosen = Choose(before.Configuration, request);
        if (chosen.Problem is { } choice)
        {
            return TenantPasswordResult.Refused(file, choice + " Nothing was written.");
        }
        var text = original.Text;
        var raised = new List<RaisedPasswordVersion>();
        foreach (var tenant in chosen.Tenants)
        {
            var version = tenant.PasswordVersion + 1;
            var edit = PasswordVersionWriter.Set(text, tenant.Id, version);
            if (!edit.Succeeded)
            {
                return TenantPasswordResult.Refused(file, $"{file}: {edit.Problem} Nothing was written.");
            }
            text = edit.Text;
            raised.Add(new RaisedPasswordVersion(tenant.Id, tenant.Server ?? "", tenant.PasswordVersion, version));
        }
        var after = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, text));
        if (!after.IsValid || raised.Any(tenant => after.Configuration.Tenants.SingleOrDefault(t => t.Id == tenant.TenantId)?.PasswordVersion != tenant.ToVersion))
        {
            return TenantPasswordResult.Refused(file, $"raising the password version would leave {file} invalid. Nothing was written.", problems: after.Problems);
        }
        try
        {
            original.WriteReplacing(location.StackFile, text);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return TenantPasswordResult.Refused(file, $"{file} cannot be written: {error.Message} Nothing was changed.", isUsageProblem: true);
        }
        return new TenantPasswordResult(file, raised, null, false, after.Problems);
    }

    private sealed record Choice(IReadOnlyList<TenantDefinition> Tenants, string? Problem);

    private static Choice Choose(FleetConfiguration configuration, TenantPasswordRequest request)
    {
        if (request.TenantId is { } id)
        {
            return configuration.Tenants.FirstOrDefault(tenant => tenant.Id == id) is { } tenant
                ? new Choice([tenant], null)
                : new Choice([], $"Tenant '{id}' is not in the stack." +
                    (NearestName.Find(id, configuration.Tenants.Select(t => t.Id)) is { } nearest ? $" Did you mean '{nearest}'?" : ""));
        }
        var server = request.Server ?? "";
        if (configuration.FindServer(server) is null)
        {
            return new Choice([], $"The server '{server}' is not in the stack. Use one of: {string.Join(", ", configuration.Servers.Select(s => s.Name))}.");
        }
        var tenants = configuration.TenantsOn(server).ToList();
        return tenants.Count > 0 ? new Choice(tenants, null) : new Choice([], $"The server '{server}' has no tenants.");
    }
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
