using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Placement;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Fleet.Regions;

namespace TenantDatabases.Operations.Status;

/// <summary>
/// The stack files status shows (one, or every <c>Pulumi.&lt;stack&gt;.yaml</c> beside Pulumi.yaml) and the problems
/// across every stack file of the project; or the <see cref="Problem"/> that stopped them (no Pulumi.yaml, no such
/// stack), a usage problem. Read from the files alone: no secret, no network.
/// </summary>
/// <param name="ProjectDirectory">The folder of Pulumi.yaml.</param>
/// <param name="Stacks">The stacks shown, in ordinal order of their names.</param>
/// <param name="FleetProblems">The problems across stacks that involve a stack shown (<see cref="FleetRules"/>).</param>
/// <param name="Problem">Why nothing could be read.</param>
public sealed record StatusStacks(string? ProjectDirectory, IReadOnlyList<StackRead> Stacks, IReadOnlyList<FleetProblem> FleetProblems, string? Problem)
{
    /// <summary>The stacks whose configuration could be read.</summary>
    public IReadOnlyList<StackSource> Sources => Stacks.Select(read => read.Source).OfType<StackSource>().ToList();

    /// <summary>
    /// Reads <paramref name="stack"/>'s file, checked against every other stack file, or (null) every stack file;
    /// <paramref name="cwd"/> is where the search for Pulumi.yaml starts.
    /// </summary>
    public static StatusStacks Read(string? stack, string? cwd)
    {
        var start = Path.GetFullPath(cwd ?? Environment.CurrentDirectory);
        if (!Directory.Exists(start) || ProjectLocator.FindProjectDirectory(start) is not { } project)
        {
            return Refused(ProjectLocator.Locate(cwd, stack ?? "any").Problem ?? $"No {ProjectLocator.ProjectFileName} found.");
        }
        var names = ProjectLocator.StackNames(project);
        if (stack is not null && !names.Contains(stack))
        {
            return Refused(StackLoader.Load(project, stack).Problem ?? $"{StackFile.FileName(stack)} cannot be read.");
        }
        if (names.Count == 0)
        {
            return Refused($"No stack file (Pulumi.<stack>.yaml) beside {ProjectLocation.DisplayPath(Path.Combine(project, ProjectLocator.ProjectFileName))}.");
        }
        var reads = names.Select(name =>
        {
            var load = StackLoader.Load(project, name);
            var source = load is { File: { } file, Configuration: { } configuration, DisplayFile: { } display }
                ? new StackSource(name, display, file, configuration)
                : null;
            return new StackRead(name, load, source);
        }).ToList();
        var problems = FleetRules.Check(reads.Select(read => read.Source).OfType<StackSource>().ToList());
        if (stack is null)
        {
            return new StatusStacks(project, reads, problems, null);
        }
        var shown = reads.Single(read => read.Stack == stack);
        return new StatusStacks(project, [shown], problems.Where(problem => problem.Involves(shown.Load.DisplayFile ?? "")).ToList(), null);
    }

    /// <summary>Where <paramref name="tenantId"/> lives, and the problems across stacks about those declarations.</summary>
    public FindResult Find(string tenantId)
    {
        var locations = TenantFinder.Find(Sources, tenantId);
        var paths = locations.Select(location => (location.File, ConfigPath.Tenant(location.TenantId))).ToHashSet();
        return new FindResult(tenantId, locations, FleetProblems.Where(problem => paths.Contains((problem.File, problem.Problem.Path))).ToList());
    }

    private static StatusStacks Refused(string problem) => new(null, [], [], problem);
}

/// <summary>One stack file as read: the load (problems included) and, when its configuration could be read, its source for the rules across stacks.</summary>
public sealed record StackRead(string Stack, StackLoadResult Load, StackSource? Source);

/// <summary>The answer of <c>status --find</c>: every stack that declares the tenant, and the problems across stacks about it.</summary>
public sealed record FindResult(string TenantId, IReadOnlyList<TenantLocation> Locations, IReadOnlyList<FleetProblem> Problems)
{
    /// <summary>True when exactly one stack declares the tenant.</summary>
    public bool Found => Locations.Count == 1;
}
