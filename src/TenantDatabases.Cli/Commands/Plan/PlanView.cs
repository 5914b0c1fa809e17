using System.Globalization;
using Spectre.Console;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>The text form of a plan: the placement table per server, then every tenant with its names.</summary>
internal static class PlanTables
{
    public static void Write(IAnsiConsole console, FleetPlan plan, PlanComparison? comparison)
    {
        var servers = new TextTable("SERVER", "REGION", "DEFAULT", "TENANTS", "USED");
        foreach (var server in plan.Servers)
        {
            servers.Add(server.Name, server.Region ?? "-", server.IsDefault ? "yes" : "",
                $"{server.TenantCount} / {server.MaxTenants}", Percent(server.Utilisation));
        }
        servers.Write(console);
        ConsoleLines.WriteLine(console);
        var changes = comparison?.Changes.ToDictionary(change => change.TenantId, StringComparer.Ordinal);
        var tenants = changes is null
            ? new TextTable("TENANT", "SERVER", "DATABASE", "ROLE")
            : new TextTable("TENANT", "SERVER", "DATABASE", "ROLE", "CHANGE");
        foreach (var tenant in plan.Tenants)
        {
            tenants.Add(tenant.Id, tenant.Server, tenant.DatabaseName, tenant.RoleName,
                changes is null ? "" : Describe(changes[tenant.Id]));
        }
        foreach (var removed in comparison?.Changes.Where(change => change.Kind == TenantChangeKind.Removed) ?? [])
        {
            tenants.Add(removed.TenantId, removed.PreviousServer ?? "?", "", "", Describe(removed));
        }
        tenants.Write(console);
        ConsoleLines.WriteLine(console);
        if (comparison is null && plan.Tenants.Where(tenant => tenant.PasswordVersion > 1).ToList() is { Count: > 0 } rotated)
        {
            ConsoleLines.WriteLine(console, "Owner password versions above 1: " +
                string.Join(", ", rotated.Select(tenant => $"{tenant.Id} {tenant.PasswordVersion}")) +
                ". A deploy generates a new password where the version changed since the last one (--previous shows which).");
            ConsoleLines.WriteLine(console);
        }
    }

    public static void WriteSummary(IAnsiConsole console, FleetPlan plan, PlanComparison? comparison, int exitCode)
    {
        var summary = $"{plan.Tenants.Count} tenants on {plan.Servers.Count} servers{(plan.Protect ? " (protected)" : " (NOT protected)")}";
        if (comparison is not null)
        {
            int Count(TenantChangeKind kind) => comparison.Changes.Count(change => change.Kind == kind);
            summary += $"; since the last deploy: {Count(TenantChangeKind.Added)} added, {Count(TenantChangeKind.Removed)} removed, {Count(TenantChangeKind.Moved)} moved";
            var adopted = Count(TenantChangeKind.Adopted);
            summary += adopted > 0 ? $", {adopted} adopted (imported, not created)" : "";
            var unknown = Count(TenantChangeKind.Unknown);
            summary += unknown > 0 ? $", {unknown} unknown (the outputs hide their servers)" : "";
            var rotations = comparison.Changes.Count(change => change.PasswordRotation is not null);
            summary += rotations > 0 ? $"; {rotations} owner password{(rotations == 1 ? "" : "s")} will change" : "";
        }
        ConsoleLines.WriteLine(console, summary + (exitCode == ExitCodes.Success ? "." : "; the plan is refused."));
    }

    public static string Describe(TenantChange change) => change.PasswordRotation is { } rotation
        ? $"{Kind(change)}{(change.Kind == TenantChangeKind.Unchanged ? "" : "; ")}new password (version {rotation.FromVersion} -> {rotation.ToVersion})"
        : Kind(change);

    private static string Kind(TenantChange change) => change.Kind switch
    {
        TenantChangeKind.Added => "added",
        TenantChangeKind.Adopted => "adopted (imported)",
        TenantChangeKind.HandedOver => "handed over to a role of its own",
        TenantChangeKind.OwnerChanged => "OWNER CHANGED",
        TenantChangeKind.Removed => "removed",
        TenantChangeKind.Moved when change.PreviousServer != change.PlannedServer => $"MOVED from {change.PreviousServer}",
        TenantChangeKind.Moved => "RENAMED",
        TenantChangeKind.ServerRenamed => $"server renamed from {change.PreviousServer}",
        TenantChangeKind.Unknown => "unknown",
        _ => "",
    };

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The JSON of <c>tenantdb plan --format json</c>.</summary>
internal sealed record PlanReport(
    string Stack, string? File, bool Valid, bool? Protect,
    IReadOnlyList<ServerPlan>? Servers, IReadOnlyList<TenantPlan>? Tenants, IReadOnlyList<TenantChange>? Changes,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static PlanReport From(string stack, StackLoadResult load, FleetPlan? plan, PlanComparison? comparison, IEnumerable<ConfigProblem> problems, string? usageProblem)
    {
        var records = ProblemOutput.ToRecords(problems, load.DisplayFile);
        return new PlanReport(stack, load.DisplayFile, plan is not null && records.All(problem => problem.Severity != "error"),
            plan?.Protect, plan?.Servers, plan?.Tenants, comparison?.Changes, records, usageProblem);
    }
}
