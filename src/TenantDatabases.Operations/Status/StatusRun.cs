// Status: the status use-case: every server of every stack at once, its load and capacity, and each tenant's schema level.
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Placement;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Fleet.Regions;

namespace TenantDatabases.Operations.Status;

/// <summary>What <c>tenantdb status</c> was asked.</summary>
/// <param name="Stack">The stack, or null for every stack beside Pulumi.yaml.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>).</param>
/// <param name="Timeout">Preflight's bound of each server's connection steps, and of each tenant database's login.</param>
/// <param name="Sample">The window between the two reads of pg_stat_database; zero skips it.</param>
/// <param name="SchemaLevels">Read every tenant's journal: one login per tenant database.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c> for <paramref name="Stack"/>, or null.</param>
public sealed record StatusRequest(string? Stack, string? WorkingDirectory, TimeSpan Timeout, TimeSpan Sample, bool SchemaLevels, string? ConfigJson = null)
{
    /// <summary>The default sample window: PostgreSQL 15+ publishes a busy session's statistics about once a second.</summary>
    public static readonly TimeSpan DefaultSample = TimeSpan.FromSeconds(3);
}

/// <summary>
/// The status use-case: the stack files (<see cref="StatusStacks"/>), each stack's passwords where they can be had here,
/// every server's session at once through preflight's steps and timeouts (then its load over the sample window), the
/// capacity verdicts with the next server of a region, and, when asked, every tenant's schema level.
/// </summary>
public static class StatusRun
{
    /// <summary>The whole status; never throws for bad input or a bad server. Cancelling stops new work; every server still has a row.</summary>
    public static async Task<StatusResult> RunAsync(
        StatusRequest request, Func<string, string?> environment, ILoggerFactory? logs, RunCancellation cancellation)
    {
        var clock = Stopwatch.StartNew();
        var stacks = StatusStacks.Read(request.Stack, request.WorkingDirectory);
        if (stacks.Problem is { } problem)
        {
            return new StatusResult([], [], [], [], null, null, request, clock.Elapsed, false, problem, SecretMask.PatternsOnly);
        }
        var loaded = new List<(StackRead Read, StackStatus Status, ConnectableStackResult? Stack)>();
        foreach (var read in stacks.Stacks)
        {
            var (status, stack) = await ConnectAsync(read, request, environment, cancellation.Abort);
            loaded.Add((read, status, stack));
        }

        // Every server of every connected stack at once, through preflight's session and its timeouts.
        var sessions = loaded
            .SelectMany(entry => entry.Stack is { Configuration: { } configuration, Passwords: { } passwords }
                ? PreflightTarget.ForStack(configuration, passwords).Select(target => new Session(entry.Read.Stack, target))
                : [])
            .ToList();
        var reports = await FleetPreflight.EveryServerAsync(sessions, session => session.Target, (session, abort) =>
            new AdminSession(session.Target, request.Timeout, logs, session.Stack, "status").RunAsync(
                async (open, token) => session.Readings = await ServerStatusSteps.ReadAsync(open, session.Target, request.Sample, token),
                request.Sample, abort), cancellation);
        for (var index = 0; index < sessions.Count; index++)
        {
            sessions[index].Report = reports[index];
        }
        var byServer = sessions.ToDictionary(session => (session.Stack, session.Target.Server.Name));
        var servers = loaded.Select(entry => entry.Read.Source).OfType<StackSource>().SelectMany(source => Servers(source, byServer)).ToList();

        var scripts = MigrationsFolder.Read(null, stacks.ProjectDirectory);
        IReadOnlyDictionary<(string Stack, string Id), SchemaLevel>? levels = null;
        if (request.SchemaLevels && !cancellation.IsStopRequested)
        {
            var configurations = loaded.Where(entry => entry.Stack?.Configuration is not null)
                .ToDictionary(entry => entry.Read.Stack, entry => entry.Stack?.Configuration ?? entry.Read.Source?.Configuration);
            levels = await new SchemaLevels(scripts, request.Timeout).ReadAsync(SchemaReads(configurations, sessions), cancellation);
        }
        var tenants = loaded.Select(entry => entry.Read.Source).OfType<StackSource>()
            .SelectMany(source => Tenants(source, servers, request.SchemaLevels ? levels ?? new Dictionary<(string, string), SchemaLevel>() : null, scripts))
            .ToList();
        var mask = new SecretMask(loaded.SelectMany(entry => entry.Stack?.Passwords?.Values ?? []));
        return new StatusResult(loaded.Select(entry => entry.Status).ToList(), servers, tenants, stacks.FleetProblems,
            scripts.Scripts?.Latest?.Name, scripts.IsValid ? null : string.Join("; ", scripts.Problems),
            request, clock.Elapsed, cancellation.IsStopRequested, null, mask);
    }

    /// <summary>One server's session: its target, and what the session read (set by the steps, which may finish after a timeout).</summary>
    private sealed class Session(string stack, PreflightTarget target)
    {
        public string Stack { get; } = stack;
        public PreflightTarget Target { get; } = target;
        public ServerReport? Report { get; set; }
        public ServerReadings? Readings { get; set; }
    }

    private static async Task<(StackStatus Status, ConnectableStackResult? Stack)> ConnectAsync(
        StackRead read, StatusRequest request, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var load = read.Load;
        var file = load.DisplayFile;
        if (load.IsUsageProblem)
        {
            return (new StackStatus(read.Stack, file, null, load.Problem, "", [], Unreadable: true), null);
        }
        if (!load.IsValid)
        {
            return (new StackStatus(read.Stack, file, null,
                $"its file has {load.Errors.Count()} error(s), so its servers were not connected to (tenantdb validate --stack {read.Stack} lists them).", "", load.Problems), null);
        }
        var stack = request.ConfigJson is { } configJson
            ? await ConnectableStackLoader.LoadAsync(request.WorkingDirectory, read.Stack, configJson, needsPasswords: true, environment, cancellationToken)
            : await ConnectableStackLoader.ConnectAsync(load, read.Stack, needsPasswords: true, environment, cancellationToken);
        if (stack.Succeeded)
        {
            return (new StackStatus(read.Stack, file, stack.SecretSource, null, stack.SecretSource, load.Problems), stack);
        }
        var why = stack.Problem ?? string.Join(" ", stack.Problems.Select(item => item.Format(stack.ProblemFile)));
        return (new StackStatus(read.Stack, file, null, $"its secrets cannot be read here, so it is shown from its file alone: {why}", stack.SecretSource,
            load.Problems), null);
    }

    private static IEnumerable<ServerStatus> Servers(StackSource source, IReadOnlyDictionary<(string, string), Session> sessions)
    {
        var configuration = source.Configuration;
        var prefix = configuration.Settings.DatabasePrefix;
        Session? SessionOf(ServerDefinition server) => sessions.GetValueOrDefault((source.Stack, server.Name));
        var capacities = configuration.Servers.ToDictionary(server => server.Name, server =>
        {
            var declared = configuration.TenantCountOn(server.Name);
            return SessionOf(server)?.Readings is { } readings
                ? new CapacityAssessment(new ServerCapacity(declared + readings.Databases.Count(database => !database.Declared), server.MaxTenants),
                    new MeasuredLoad(readings.Connections, readings.Databases.Count, readings.TenantSessions))
                : new CapacityAssessment(new ServerCapacity(declared, server.MaxTenants), null);
        });
        // A server that did not answer takes no tenants: it is never named as the next one.
        var answering = configuration with
        {
            Servers = configuration.Servers.Where(server => SessionOf(server)?.Report is not { } report || report.Status != CheckStatus.Error).ToList(),
        };
        foreach (var server in configuration.Servers)
        {
            var session = SessionOf(server);
            var capacity = capacities[server.Name];
            var next = capacity.Verdict == CapacityVerdict.Room ? null : TenantPlacement.NextServer(answering, server, candidate => capacities[candidate.Name]);
            var target = session?.Target ?? new PreflightTarget(server, "", prefix,
                configuration.TenantsOn(server.Name).Select(tenant => TenantNaming.DatabaseOf(prefix, tenant)).ToList());
            yield return new ServerStatus(source.Stack, server, session?.Report, session?.Readings, target.DeclaredDatabases.Count, capacity,
                ServerFindings.Of(source.Stack, server, session?.Readings, target, capacity, next is null ? null : (next, capacities[next.Name])));
        }
    }

    private static List<SchemaLevels.Read> SchemaReads(IReadOnlyDictionary<string, FleetConfiguration?> configurations, IEnumerable<Session> sessions)
    {
        var reads = new List<SchemaLevels.Read>();
        foreach (var session in sessions.Where(session => session is { Readings: not null, Report.Status: not CheckStatus.Error }))
        {
            var prefix = session.Target.DatabasePrefix;
            var present = session.Readings?.Databases.Select(database => database.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var tenant in configurations.GetValueOrDefault(session.Stack)?.TenantsOn(session.Target.Server.Name) ?? [])
            {
                var database = TenantNaming.DatabaseOf(prefix, tenant);
                if (present.Contains(database))
                {
                    reads.Add(new SchemaLevels.Read(session.Stack, tenant.Id, database, TenantNaming.OwnerOf(prefix, tenant), session.Target));
                }
            }
        }
        return reads;
    }

    private static IEnumerable<TenantStatus> Tenants(
        StackSource source, IReadOnlyList<ServerStatus> servers, IReadOnlyDictionary<(string Stack, string Id), SchemaLevel>? levels, MigrationScriptsResult scripts)
    {
        var prefix = source.Configuration.Settings.DatabasePrefix;
        var byName = servers.Where(server => server.Stack == source.Stack).ToDictionary(server => server.Server.Name);
        foreach (var tenant in source.Configuration.Tenants)
        {
            var database = TenantNaming.DatabaseOf(prefix, tenant);
            var server = tenant.Server is { } name ? byName.GetValueOrDefault(name) : null;
            var reading = server?.Readings?.Databases.FirstOrDefault(candidate => candidate.Name == database);
            bool? exists = server?.Readings is null ? null : reading is not null;
            var level = levels is null ? null
                : levels.GetValueOrDefault((source.Stack, tenant.Id))
                  ?? SchemaLevel.Unknown(exists == false ? "the tenant has no database on the server"
                      : server?.Connection is null ? "its server was not connected to (see its stack)"
                      : "its server did not answer", scripts.Scripts?.Latest?.Name);
            yield return new TenantStatus(source.Stack, tenant.Id, tenant.Server, database, exists, reading?.SizeBytes, level);
        }
    }
}

/// <summary>The status of every stack, server and tenant shown; or the <see cref="Problem"/> that stopped it (a usage problem).</summary>
/// <param name="Stacks">Each stack: connected, or shown from its file alone and why.</param>
/// <param name="Servers">Every server of every stack shown, in the stacks' order.</param>
/// <param name="Tenants">Every declared tenant: its server, database, size and, when read, schema level.</param>
/// <param name="FleetProblems">The problems across stacks.</param>
/// <param name="LatestScript">The newest script of <c>migrations/</c>, when the folder could be read.</param>
/// <param name="ScriptsProblem">Why the scripts could not be read, when they could not.</param>
/// <param name="Request">What was asked.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Cancelled">True when SIGINT/SIGTERM stopped the run.</param>
/// <param name="Problem">Why nothing could be shown.</param>
/// <param name="Mask">Masks every password the run read, the last line of defence of every output.</param>
public sealed record StatusResult(
    IReadOnlyList<StackStatus> Stacks, IReadOnlyList<ServerStatus> Servers, IReadOnlyList<TenantStatus> Tenants,
    IReadOnlyList<FleetProblem> FleetProblems, string? LatestScript, string? ScriptsProblem, StatusRequest Request,
    TimeSpan Elapsed, bool Cancelled, string? Problem, SecretMask Mask)
{
    /// <summary>True when a stack file could not be read at all.</summary>
    public bool IsUsageProblem => Problem is not null || Stacks.Any(stack => stack.Unreadable);

    /// <summary>True when a rule across stacks fails, a stack file is invalid, or a server is unreachable or fails a check.</summary>
    public bool HasErrors =>
        FleetProblems.Any(problem => problem.Problem.Severity == ProblemSeverity.Error)
        || Stacks.Any(stack => stack.HasErrors)
        || Servers.Any(server => server.HasError);

    /// <summary>True when something deserves a look: a warning of a stack, a server or a schema level.</summary>
    public bool HasWarnings =>
        Stacks.Any(stack => stack.Connected is null || stack.Problems.Count > 0)
        || Servers.Any(server => server.Status == CheckStatus.Warning)
        || Tenants.Any(tenant => tenant.Schema is { State: not SchemaState.Latest });
}

/// <summary>One stack as status shows it.</summary>
/// <param name="Stack">Its name.</param>
/// <param name="File">Its file as messages show it.</param>
/// <param name="Connected">Where its passwords came from, when its servers were connected to; null when it is shown from its file alone.</param>
/// <param name="NotConnected">Why it is shown from its file alone.</param>
/// <param name="SecretSource">The secret source tried.</param>
/// <param name="Problems">Its configuration's problems (errors, when invalid, and warnings).</param>
/// <param name="Unreadable">True when its file could not be read at all.</param>
public sealed record StackStatus(
    string Stack, string? File, string? Connected, string? NotConnected, string SecretSource, IReadOnlyList<ConfigProblem> Problems, bool Unreadable = false)
{
    /// <summary>True when its file is unreadable or its configuration has an error.</summary>
    public bool HasErrors => Unreadable || Problems.Any(problem => problem.Severity == ProblemSeverity.Error);
}

/// <summary>One declared tenant as status shows it.</summary>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="Id">Its id.</param>
/// <param name="Server">The server it is pinned to.</param>
/// <param name="Database">Its database's name.</param>
/// <param name="Exists">Whether the server has the database; null when the server was not read.</param>
/// <param name="SizeBytes">The database's size, when read.</param>
/// <param name="Schema">Its schema level, when asked for.</param>
public sealed record TenantStatus(string Stack, string Id, string? Server, string Database, bool? Exists, long? SizeBytes, SchemaLevel? Schema);
