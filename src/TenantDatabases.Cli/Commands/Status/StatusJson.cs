using System.Text.Json.Nodes;
using TenantDatabases.Cli.Commands.Preflight;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Status;

namespace TenantDatabases.Cli.Commands.Status;

/// <summary>
/// The JSON document of status (docs/status.md holds its schema). A value that was not read is <c>null</c>, never 0, and
/// every key is always present, so a reader never mistakes a missing reading for an idle or empty server.
/// </summary>
internal static class StatusJson
{
    /// <summary>The version of the document's shape; raised when a key changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    public static string Write(StatusResult result, int exitCode) => new JsonObject
    {
        ["schemaVersion"] = SchemaVersion,
        ["status"] = exitCode == ExitCodes.Success ? result.HasWarnings ? "warning" : "ok" : "error",
        ["exitCode"] = exitCode,
        ["cancelled"] = result.Cancelled,
        ["elapsedMs"] = (long)result.Elapsed.TotalMilliseconds,
        ["timeoutSeconds"] = result.Request.Timeout.TotalSeconds,
        ["sampleSeconds"] = result.Request.Sample.TotalSeconds,
        ["migrations"] = new JsonObject { ["latest"] = result.LatestScript, ["problem"] = result.ScriptsProblem },
        ["stacks"] = Array(result.Stacks, stack => new JsonObject
        {
            ["name"] = stack.Stack,
            ["file"] = stack.File,
            ["connected"] = stack.Connected is not null,
            ["secretSource"] = stack.SecretSource.Length == 0 ? null : stack.SecretSource,
            ["notConnected"] = stack.NotConnected,
            ["problems"] = Array(ProblemOutput.InFileOrder(stack.Problems), problem => Problem(problem, stack.File)),
        }),
        ["servers"] = Array(result.Servers, Server),
        ["tenants"] = Array(result.Tenants, tenant => new JsonObject
        {
            ["stack"] = tenant.Stack,
            ["id"] = tenant.Id,
            ["server"] = tenant.Server,
            ["database"] = tenant.Database,
            ["exists"] = tenant.Exists,
            ["sizeBytes"] = tenant.SizeBytes,
            ["schema"] = tenant.Schema is not { } schema ? null : new JsonObject
            {
                ["state"] = Camel(schema.State.ToString()),
                ["last"] = schema.Last,
                ["latest"] = schema.Latest,
                ["pending"] = schema.State == SchemaState.Unknown ? null : schema.Pending,
                ["reason"] = schema.Reason,
            },
        }),
        ["problems"] = Array(result.FleetProblems, problem =>
        {
            var node = Problem(problem.Problem, problem.File);
            node["rule"] = problem.Rule;
            node["otherFile"] = problem.OtherFile;
            node["otherLine"] = problem.OtherLocation?.Line;
            node["otherColumn"] = problem.OtherLocation?.Column;
            return node;
        }),
    }.ToJsonString(ReportJson.Options);

    /// <summary>The answer of <c>status --find</c>.</summary>
    public static string WriteFind(FindResult found) => new JsonObject
    {
        ["schemaVersion"] = SchemaVersion,
        ["tenant"] = found.TenantId,
        ["found"] = found.Found,
        ["locations"] = Array(found.Locations, location => new JsonObject
        {
            ["id"] = location.TenantId,
            ["stack"] = location.Stack,
            ["file"] = location.File,
            ["line"] = location.Location?.Line,
            ["column"] = location.Location?.Column,
            ["server"] = location.Server,
            ["host"] = location.Host,
            ["port"] = location.Port,
            ["region"] = location.Region,
            ["database"] = location.Database,
        }),
        ["problems"] = Array(found.Problems, problem =>
        {
            var node = Problem(problem.Problem, problem.File);
            node["rule"] = problem.Rule;
            node["otherFile"] = problem.OtherFile;
            node["otherLine"] = problem.OtherLocation?.Line;
            return node;
        }),
    }.ToJsonString(ReportJson.Options);

    private static JsonObject Server(ServerStatus server)
    {
        var readings = server.Readings;
        var capacity = server.Capacity;
        var next = server.Findings.FirstOrDefault(finding => finding.Name == CheckNames.Capacity);
        return new JsonObject
        {
            ["stack"] = server.Stack,
            ["name"] = server.Server.Name,
            ["region"] = server.Server.Region,
            ["host"] = server.Server.Host,
            ["port"] = server.Server.Port,
            ["default"] = server.Server.IsDefault,
            ["status"] = server.Connection is null ? "notChecked" : PreflightJson.Name(server.Status),
            ["connection"] = new JsonObject
            {
                ["status"] = server.Connection is null ? "notChecked" : StatusOutput.Connection(server),
                ["elapsedMs"] = server.Connection is { } report ? (long)report.Elapsed.TotalMilliseconds : null,
                ["checks"] = Array(server.Connection?.Checks ?? [], Check),
            },
            ["version"] = readings?.Version,
            ["versionNum"] = readings?.VersionNumber,
            ["tenants"] = new JsonObject
            {
                ["declared"] = server.Declared,
                ["maxTenants"] = server.Server.MaxTenants,
                ["present"] = readings?.Databases.Count(database => database.Declared),
                ["orphans"] = readings is null ? null : Array(readings.Databases.Where(database => !database.Declared), database => JsonValue.Create(database.Name)),
            },
            ["load"] = new JsonObject
            {
                ["tenantBytes"] = readings?.TenantBytes,
                ["sizesUnknown"] = readings?.SizesUnknown,
                ["connectionsInUse"] = readings?.Connections.InUse,
                ["maxConnections"] = readings?.MaxConnections,
                ["usableConnections"] = readings?.Connections.Usable,
                ["tenantSessions"] = readings?.TenantSessions,
                ["transactionsPerSecond"] = readings?.TransactionsPerSecond is { } tps ? Math.Round(tps, 2) : null,
                ["sampleMs"] = readings?.Window is { } window ? (long)window.TotalMilliseconds : null,
            },
            ["capacity"] = new JsonObject
            {
                ["verdict"] = Camel(capacity.Verdict.ToString()),
                ["declaredOnly"] = capacity.IsDeclaredOnly,
                ["tenants"] = capacity.Tenants.Tenants,
                ["limit"] = capacity.Limit,
                ["limitedBy"] = Camel(capacity.LimitedBy.ToString()),
                ["percent"] = capacity.AgainstLimit.Percent,
                ["message"] = next?.Message,
                ["fix"] = next?.Fix,
            },
            ["findings"] = Array(server.Findings, Check),
        };
    }

    private static JsonObject Check(PreflightCheck check) => new()
    {
        ["name"] = check.Name,
        ["status"] = PreflightJson.Name(check.Status),
        ["message"] = check.Message,
        ["fix"] = check.Fix,
    };

    private static JsonObject Problem(ConfigProblem problem, string? file) => new()
    {
        ["severity"] = problem.Severity == ProblemSeverity.Error ? "error" : "warning",
        ["path"] = problem.Path,
        ["message"] = problem.Message,
        ["fix"] = problem.Fix,
        ["file"] = file,
        ["line"] = problem.Location?.Line,
        ["column"] = problem.Location?.Column,
    };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> node) => new(items.Select(node).ToArray());

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
