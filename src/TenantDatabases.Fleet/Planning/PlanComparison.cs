using TenantDatabases.Fleet.Validation;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// The plan against the last deploy: every tenant's change, and the problems those changes cause. The Pulumi
/// program refuses to declare anything while a problem here is an error, and so do <c>tenantdb plan --previous</c>
/// and <c>tenantdb deploy</c>: the rule lives here once.
/// </summary>
public sealed record PlanComparison(IReadOnlyList<TenantChange> Changes, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>The runbook every refused move points to.</summary>
    public const string MoveRunbook = "docs/runbooks/move-a-tenant.md";

    /// <summary>The errors: each one alone stops a deploy before anything changes.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ProblemSeverity.Error);

    /// <summary>
    /// Compares <paramref name="plan"/> with <paramref name="previous"/>. A tenant whose server or database name
    /// changed is an error in every stack: since Pulumi 3.151 the engine re-points a resource whose explicit
    /// provider changed without replacing it (the PostgreSQL provider asks for no replacement), so the state would
    /// track a database on a server where it does not exist while the data stays, untracked, where it was.
    /// A server renamed on the same host and port is no move: only the provider's name changes.
    /// </summary>
    public static PlanComparison Compare(FleetPlan plan, PreviousDeployment previous)
    {
        var changes = new List<TenantChange>(plan.Tenants.Count);
        var problems = new List<ConfigProblem>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in plan.Tenants)
        {
            planned.Add(tenant.Id);
            if (!previous.TenantsKnown)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unknown, null, tenant.Server));
            }
            else if (!previous.Tenants.TryGetValue(tenant.Id, out var deployed))
            {
                // New to the stack, but its database is on the server already: the program imports it, and creates nothing of it.
                changes.Add(new TenantChange(tenant.Id, tenant.Adoption is null ? TenantChangeKind.Added : TenantChangeKind.Adopted, null, tenant.Server));
            }
            else if (deployed.Server is null)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unknown, null, tenant.Server));
            }
            else if (deployed.Database is not null && deployed.Database != tenant.DatabaseName)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Moved, deployed.Server, tenant.Server));
                problems.Add(RenamedDatabaseProblem(tenant, deployed.Database));
            }
            else if (deployed.Role is { } role && role != tenant.RoleName && OwnerChangeProblem(plan, tenant, role) is { } ownerProblem)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.OwnerChanged, deployed.Server, tenant.Server));
                problems.Add(ownerProblem);
            }
            else if (deployed.Role is { } handedOverFrom && handedOverFrom != tenant.RoleName && deployed.Server == tenant.Server)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.HandedOver, deployed.Server, tenant.Server, Rotation(deployed, tenant)));
            }
            else if (deployed.Server == tenant.Server)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unchanged, deployed.Server, tenant.Server, Rotation(deployed, tenant)));
            }
            else if (IsServerRename(plan, previous, deployed.Server, tenant.Server))
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.ServerRenamed, deployed.Server, tenant.Server, Rotation(deployed, tenant)));
            }
            else
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Moved, deployed.Server, tenant.Server));
                problems.Add(MoveProblem(plan, previous, tenant, deployed.Server));
            }
        }
        foreach (var deployed in previous.Tenants.Values.Where(deployed => !planned.Contains(deployed.Id)).OrderBy(deployed => deployed.Id, StringComparer.Ordinal))
        {
            changes.Add(new TenantChange(deployed.Id, TenantChangeKind.Removed, deployed.Server, null));
            if (RemovalProblem(plan, deployed) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return new PlanComparison(changes, problems);
    }

    /// <summary>
    /// True when the program declares <paramref name="tenant"/>'s existing database (and its existing owner role) with
    /// Pulumi's <c>import</c>: an adopted tenant the last deploy does not list, or may not (outputs that hide it). Once a
    /// deploy lists it, it is in the state and is diffed as any tenant. Importing what the state already holds under the
    /// same ID would be a no-op for the engine, so a tenant of unknown state is imported rather than created.
    /// </summary>
    public bool ImportsExisting(TenantPlan tenant) =>
        tenant.Adoption is not null
        && Changes.FirstOrDefault(change => change.TenantId == tenant.Id)?.Kind is TenantChangeKind.Adopted or TenantChangeKind.Unknown;

    // Any other version changes the password's keepers, and Pulumi generates a new password.
    private static PasswordRotation? Rotation(DeployedTenant deployed, TenantPlan tenant) =>
        deployed.PasswordVersion != tenant.PasswordVersion ? new PasswordRotation(deployed.PasswordVersion, tenant.PasswordVersion) : null;

    // Renamed, not moved: the old name is gone from the plan and the new one has the old one's address.
    private static bool IsServerRename(FleetPlan plan, PreviousDeployment previous, string deployedServer, string plannedServer) =>
        plan.Servers.All(server => server.Name != deployedServer)
        && previous.Server(deployedServer) is { } before
        && plan.Server(plannedServer) is var after
        && string.Equals(before.Host, after.Host, StringComparison.OrdinalIgnoreCase)
        && before.Port == after.Port;

    private static ConfigProblem MoveProblem(FleetPlan plan, PreviousDeployment previous, TenantPlan tenant, string deployedServer)
    {
        var renamed = plan.Servers.All(server => server.Name != deployedServer) && previous.Server(deployedServer) is { } before
            ? $" If server '{deployedServer}' was renamed to '{tenant.Server}', keep its host and port as they were ({before.Host}:{before.Port})."
            : "";
        return new ConfigProblem(ProblemSeverity.Error, ConfigPath.Tenant(tenant.Id, ConfigKeys.Server),
            $"Tenant '{tenant.Id}' moves from server '{deployedServer}' to '{tenant.Server}'. Pulumi would not move its data: it would " +
            $"re-point the tenant's database to the provider of '{tenant.Server}' without touching either server, so the stack would " +
            $"track a database that does not exist there, and a later refresh and up would create an empty one while the data stays on '{deployedServer}'.",
            $"Set tenants.{tenant.Id}.server back to '{deployedServer}'; to move a tenant, follow {MoveRunbook}.{renamed}");
    }

    private static ConfigProblem RenamedDatabaseProblem(TenantPlan tenant, string deployedDatabase) =>
        new(ProblemSeverity.Error, ConfigPath.Tenant(tenant.Id, ConfigKeys.Server),
            $"Tenant '{tenant.Id}' changes its database name from '{deployedDatabase}' to '{tenant.DatabaseName}'. Pulumi would replace the " +
            "database: the provider terminates its sessions and runs DROP DATABASE ... WITH (FORCE), then creates an empty one, so every row " +
            "of the tenant would be lost.",
            "Restore the previous databasePrefix; a deployed tenant's database name must never change.");

    // The one owner change the program carries out is the handover: a database the server's admin owned gets a role of
    // its own, which the program creates (and the database's owner is altered in place). Any other change of the owner
    // role would rename a role an application logs in with (the same resource, another name), or stop declaring it,
    // which deletes it (DROP OWNED and DROP ROLE in an unprotected stack).
    private static ConfigProblem? OwnerChangeProblem(FleetPlan plan, TenantPlan tenant, string deployedRole) =>
        deployedRole == plan.ServerOf(tenant).Username && tenant.OwnerKind == TenantOwnerKind.Generated
            ? null
            : new ConfigProblem(ProblemSeverity.Error, ConfigPath.Tenant(tenant.Id, ConfigKeys.Owner),
                $"Tenant '{tenant.Id}' changes its owner role from '{deployedRole}' to '{tenant.RoleName}'. Pulumi would rename or drop the " +
                $"role '{deployedRole}', and an application that logs in as it would be locked out.",
                $"Restore tenants.{tenant.Id}.owner to '{deployedRole}'. The only owner change the program makes is the handover of a database " +
                $"the server's admin owns to a role of its own: {Validation.TenantRules.AdoptionRunbook}.");

    private static ConfigProblem? RemovalProblem(FleetPlan plan, DeployedTenant deployed) => deployed.Protection switch
    {
        { Protect: true } => new ConfigProblem(ProblemSeverity.Error, ConfigPath.Tenant(deployed.Id),
            $"Tenant '{deployed.Id}' is removed, but the last deploy protected its database and owner role, so pulumi up would fail on them.",
            $"Keep tenants.{deployed.Id} and set 'retire: true' on it; deploy that, then remove the tenant (docs/runbooks/retire-a-tenant.md)."),
        { RetainOnDelete: true } => null,
        { RetainOnDelete: false } => DropWarning(deployed.Id),
        // Outputs from before protection was recorded: the plan's own setting is the best guess.
        null => plan.Protect ? null : DropWarning(deployed.Id),
    };

    private static ConfigProblem DropWarning(string tenantId) =>
        new(ProblemSeverity.Warning, ConfigPath.Tenant(tenantId),
            $"Tenant '{tenantId}' is removed from an unprotected stack: its database will be dropped with all its data.",
            $"Keep the tenant, or set 'retire: true' on it and deploy that first, which keeps its database on the server when it is removed.");
}

/// <summary>How one tenant differs between the last deploy and the plan.</summary>
/// <param name="TenantId">Tenant id.</param>
/// <param name="Kind">What changes.</param>
/// <param name="PreviousServer">Server of the last deploy, when known.</param>
/// <param name="PlannedServer">Server in the plan; null when removed.</param>
/// <param name="PasswordRotation">Set when the deploy generates a new owner password (its version changed).</param>
public sealed record TenantChange(string TenantId, TenantChangeKind Kind, string? PreviousServer, string? PlannedServer,
    PasswordRotation? PasswordRotation = null);

/// <summary>A tenant's owner password changes: its version went from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>.</summary>
public sealed record PasswordRotation(int FromVersion, int ToVersion);

/// <summary>The kinds of <see cref="TenantChange"/>.</summary>
public enum TenantChangeKind
{
    /// <summary>Same server, same database.</summary>
    Unchanged,
    /// <summary>New in the plan.</summary>
    Added,
    /// <summary>New in the plan, with a database that exists already: imported, not created.</summary>
    Adopted,
    /// <summary>Its database passes from the server's admin to a role of its own, which the program creates.</summary>
    HandedOver,
    /// <summary>Its owner role changes in a way the program refuses: the role would be renamed or dropped.</summary>
    OwnerChanged,
    /// <summary>Deployed, no longer in the plan.</summary>
    Removed,
    /// <summary>On another server or under another database name: refused, the data would not follow.</summary>
    Moved,
    /// <summary>Its server was renamed, on the same host and port: only the provider's name changes.</summary>
    ServerRenamed,
    /// <summary>The outputs hide where it was deployed.</summary>
    Unknown,
}

/// <summary>A tenant as the last deploy left it, read from the stack's outputs.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Server">Its server, or null when the outputs hide it (a secret printed as <c>[secret]</c>).</param>
/// <param name="Database">Its database name, when the outputs show it.</param>
/// <param name="Protection">The protection the deploy applied; null in outputs of a deploy from before it was recorded.</param>
/// <param name="RecordedPasswordVersion">The owner password's version the deploy applied; null in outputs from before it was recorded.</param>
/// <param name="Role">Its owner role, when the outputs show it.</param>
public sealed record DeployedTenant(string Id, string? Server, string? Database, TenantProtection? Protection = null, int? RecordedPasswordVersion = null,
    string? Role = null)
{
    /// <summary>The password version deployed: outputs from before it was recorded had version 1 (no keepers).</summary>
    public int PasswordVersion => RecordedPasswordVersion ?? Model.ConfigDefaults.PasswordVersion;
}

/// <summary>What the last deploy left, from <c>pulumi stack output --json</c>.</summary>
/// <param name="Tenants">Deployed tenants by id.</param>
/// <param name="TenantsKnown">False when the outputs hide which tenants exist (the whole <c>tenants</c> output is secret and there are no <c>placements</c>).</param>
/// <param name="Servers">The servers of the last deploy by name, where the outputs list them (a renamed server is recognised by its address).</param>
public sealed record PreviousDeployment(
    IReadOnlyDictionary<string, DeployedTenant> Tenants, bool TenantsKnown, IReadOnlyDictionary<string, DeployedServer>? Servers = null)
{
    /// <summary>A stack that was never deployed.</summary>
    public static PreviousDeployment None { get; } = new(new Dictionary<string, DeployedTenant>(), true);

    /// <summary>The server of the last deploy named <paramref name="name"/>, when the outputs list it.</summary>
    public DeployedServer? Server(string name) => Servers is not null && Servers.TryGetValue(name, out var server) ? server : null;
}

/// <summary>A server as the last deploy's <c>servers</c> output describes it.</summary>
/// <param name="Name">Its configuration name (which names its Pulumi provider).</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
public sealed record DeployedServer(string Name, string Host, int Port);
