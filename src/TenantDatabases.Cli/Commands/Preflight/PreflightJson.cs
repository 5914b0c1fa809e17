using System.Text.Json.Nodes;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>The JSON report of a preflight: every server with every check (name, status, message, fix).</summary>
internal static class PreflightJson
{
    /// <summary>The report as indented JSON.</summary>
    public static string Write(PreflightReport report, string secretSource) => new JsonObject
    {
        ["stack"] = report.Stack,
        ["status"] = Name(report.Status),
        ["cancelled"] = report.Cancelled,
        ["elapsedMs"] = (long)report.Elapsed.TotalMilliseconds,
        ["secretSource"] = secretSource,
        ["servers"] = new JsonArray(report.Servers.Select(server => (JsonNode)new JsonObject
        {
            ["name"] = server.Server,
            ["host"] = server.Host,
            ["port"] = server.Port,
            ["status"] = Name(server.Status),
            ["elapsedMs"] = (long)server.Elapsed.TotalMilliseconds,
            ["checks"] = new JsonArray(server.Checks.Select(check => (JsonNode)new JsonObject
            {
                ["name"] = check.Name,
                ["status"] = Name(check.Status),
                ["message"] = check.Message,
                ["fix"] = check.Fix,
            }).ToArray()),
        }).ToArray()),
    }.ToJsonString(ReportJson.Options);

    /// <summary>ok, warning or error.</summary>
    public static string Name(CheckStatus status) => status.ToString().ToLowerInvariant();
}
