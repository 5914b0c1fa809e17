using System.Text;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Fleet.Validation;

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
