// Regions: the fleet across its region stacks: the rules between stack files, and where a tenant lives.
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Regions;

/// <summary>One stack of a project as its file gives it: what the rules across stacks and the search for a tenant read.</summary>
/// <param name="Stack">Its name, the &lt;stack&gt; of <c>Pulumi.&lt;stack&gt;.yaml</c>.</param>
/// <param name="File">The file as messages show it.</param>
/// <param name="Source">The parsed file, for positions.</param>
/// <param name="Configuration">Its configuration, read even when it has errors (each stack's own rules report them).</param>
public sealed record StackSource(string Stack, string File, StackFile Source, FleetConfiguration Configuration)
{
    /// <summary>
    /// The regions the stack holds: its <c>residency</c>, or, when it sets none, the regions of its servers.
    /// </summary>
    public IReadOnlyList<string> Regions =>
        Configuration.Settings.Residency.Count > 0
            ? Configuration.Settings.Residency
            : Configuration.Servers.Select(server => server.Region).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Where the tenant stands in the file (its key), or null.</summary>
    public SourceLocation? TenantLocation(string tenantId) => Source.ValueAt(ConfigKeys.Tenants, tenantId)?.Location;

    /// <summary>Where the server's host stands in the file (else its key), or null.</summary>
    public SourceLocation? ServerLocation(string serverName) =>
        Source.ValueAt(ConfigKeys.Servers, serverName, ConfigKeys.Host)?.Location ?? Source.ValueAt(ConfigKeys.Servers, serverName)?.Location;

    /// <summary>Where the stack's regions are written: its residency, else the first server of <paramref name="region"/>.</summary>
    public SourceLocation? RegionLocation(string region) =>
        Source.ValueAt(ConfigKeys.Residency)?.Location
        ?? Configuration.Servers.Where(server => server.Region == region)
            .Select(server => Source.ValueAt(ConfigKeys.Servers, server.Name, ConfigKeys.Region)?.Location).FirstOrDefault();
}

/// <summary>
/// A problem that two stack files make together: it stands in <see cref="File"/> (its <see cref="ConfigProblem.Location"/>)
/// and its message names the other file and line, so the line printed names both.
/// </summary>
/// <param name="Rule">Which rule (<see cref="FleetRules.SameTenant"/>, <see cref="FleetRules.SameServer"/>, <see cref="FleetRules.Residency"/>).</param>
/// <param name="File">The file the problem stands in.</param>
/// <param name="Problem">The problem, positioned in <see cref="File"/>.</param>
/// <param name="OtherFile">The other stack's file.</param>
/// <param name="OtherLocation">The position in the other file.</param>
public sealed record FleetProblem(string Rule, string File, ConfigProblem Problem, string OtherFile, SourceLocation? OtherLocation)
{
    /// <summary><c>file:line:col: error path: message Fix: fix</c>, as <c>tenantdb validate</c> prints a problem.</summary>
    public string Format() => Problem.Format(File);

    /// <summary>True when the problem stands in, or names, <paramref name="file"/>.</summary>
    public bool Involves(string file) => File == file || OtherFile == file;
}

/// <summary>
/// The rules no single stack can check, across every stack file beside Pulumi.yaml: a tenant id names one tenant of
/// the fleet; a server (host and port) belongs to one region stack; a tenant that requires a region another stack
/// holds belongs in that stack. Pure: no secret, no network.
/// </summary>
public static class FleetRules
{
    /// <summary>The same tenant id (or one with the same database name) in two stacks.</summary>
    public const string SameTenant = "same-tenant";

    /// <summary>The same host and port in two stacks.</summary>
    public const string SameServer = "same-server";

    /// <summary>A tenant that requires a region its stack does not hold and another stack does.</summary>
    public const string Residency = "residency";

    /// <summary>Every problem across <paramref name="stacks"/>, each once, in the order of the stacks given.</summary>
    public static IReadOnlyList<FleetProblem> Check(IReadOnlyList<StackSource> stacks) =>
        [.. SameTenants(stacks), .. SameServers(stacks), .. ForeignRegions(stacks)];

    private static IEnumerable<FleetProblem> SameTenants(IReadOnlyList<StackSource> stacks)
    {
        var first = new Dictionary<string, (StackSource Stack, TenantDefinition Tenant)>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            foreach (var tenant in stack.Configuration.Tenants)
            {
                var key = TenantNaming.Normalise(tenant.Id);
                if (!first.TryAdd(key, (stack, tenant)))
                {
                    var (other, otherTenant) = first[key];
                    if (other == stack)
                    {
                        continue; // within one stack, the stack's own rules report it
                    }
                    var same = otherTenant.Id == tenant.Id ? $"Tenant '{tenant.Id}'" : $"Tenant '{tenant.Id}' (database name of '{otherTenant.Id}')";
                    var otherAt = At(other.File, other.TenantLocation(otherTenant.Id));
                    yield return new FleetProblem(SameTenant, stack.File, new ConfigProblem(ProblemSeverity.Error, ConfigPath.Tenant(tenant.Id),
                        $"{same} is also declared in {otherAt} (server {otherTenant.Server ?? "none"}): a tenant id names one tenant of the fleet, " +
                        "and two stacks would give it two databases, on two servers.",
                        $"Keep the tenant in the stack of its region and remove it from the other ({stack.File} or {other.File}); " +
                        "a deployed tenant is retired first (docs/runbooks/retire-a-tenant.md).",
                        stack.TenantLocation(tenant.Id)), other.File, other.TenantLocation(otherTenant.Id));
                }
            }
        }
    }

    private static IEnumerable<FleetProblem> SameServers(IReadOnlyList<StackSource> stacks)
    {
        var first = new Dictionary<string, (StackSource Stack, ServerDefinition Server)>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            foreach (var server in stack.Configuration.Servers.Where(server => server.Host.Length > 0))
            {
                if (!first.TryAdd(Address(server), (stack, server)))
                {
                    var (other, otherServer) = first[Address(server)];
                    if (other == stack)
                    {
                        continue;
                    }
                    var otherAt = At(other.File, other.ServerLocation(otherServer.Name));
                    yield return new FleetProblem(SameServer, stack.File, new ConfigProblem(ProblemSeverity.Error, ConfigPath.Server(server.Name, ConfigKeys.Host),
                        $"Server '{server.Name}' ({server.Host}:{server.Port}) is also server '{otherServer.Name}' of {otherAt}: a server belongs to one " +
                        "region stack; two stacks on it count its tenants twice against maxTenants and mix two regions' data on it.",
                        $"Keep the server in the stack of its region only; give the other stack a server of its own (docs/runbooks/add-a-server.md).",
                        stack.ServerLocation(server.Name)), other.File, other.ServerLocation(otherServer.Name));
                }
            }
        }
    }

    private static IEnumerable<FleetProblem> ForeignRegions(IReadOnlyList<StackSource> stacks)
    {
        foreach (var stack in stacks)
        {
            var regions = stack.Regions;
            foreach (var tenant in stack.Configuration.Tenants.Where(tenant => tenant.Region is not null && !regions.Contains(tenant.Region)))
            {
                var region = tenant.Region ?? "";
                if (stacks.FirstOrDefault(other => other != stack && other.Regions.Contains(region)) is not { } home)
                {
                    continue; // no stack holds the region: the stack's own rules say what is wrong
                }
                var homeAt = At(home.File, home.RegionLocation(region));
                yield return new FleetProblem(Residency, stack.File, new ConfigProblem(ProblemSeverity.Error, ConfigPath.Tenant(tenant.Id, ConfigKeys.Region),
                    $"Tenant '{tenant.Id}' requires region '{region}', which stack {stack.Stack} does not hold " +
                    $"({(regions.Count == 0 ? "no region" : string.Join(", ", regions))}) and stack {home.Stack} does ({homeAt}).",
                    $"Register the tenant in {home.File}, the stack of its region (a deployed tenant cannot move: docs/runbooks/move-a-tenant.md).",
                    stack.Source.ValueAt(ConfigKeys.Tenants, tenant.Id, ConfigKeys.Region)?.Location ?? stack.TenantLocation(tenant.Id)),
                    home.File, home.RegionLocation(region));
            }
        }
    }

    // DNS names are case-insensitive and may end in the root's dot.
    private static string Address(ServerDefinition server) => $"{server.Host.TrimEnd('.').ToLowerInvariant()}:{server.Port}";

    private static string At(string file, SourceLocation? location) => location is null ? file : $"{file}:{location.Line}:{location.Column}";
}
