using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// What reading <c>pulumi stack output --json [--show-secrets]</c> gave: the previous deployment whenever the
/// text is a JSON object, and the tenants' connections when every <c>tenants</c> entry is sound.
/// </summary>
/// <param name="Deployment">What the last deploy left (a plan needs no more); null when the text is not a JSON object.</param>
/// <param name="Connections">Every tenant's connection and password; null when <paramref name="Problems"/> has any.</param>
/// <param name="Problems">
/// Why the connections cannot be had, every one at once, each naming the source and the path; never a value.
/// When <paramref name="Deployment"/> is null they say why the outputs cannot be read at all.
/// </param>
/// <param name="IsUsageProblem">True when the outputs could not be read at all (no such file, not JSON, no Pulumi CLI).</param>
public sealed record StackOutputsResult(
    PreviousDeployment? Deployment, TenantConnections? Connections, IReadOnlyList<string> Problems, bool IsUsageProblem = false)
{
    /// <summary>True when the connections were read.</summary>
    [MemberNotNullWhen(true, nameof(Connections), nameof(Deployment))]
    public bool IsValid => Connections is not null && Deployment is not null;

    /// <summary>Outputs that could not be read at all, for <paramref name="problem"/>.</summary>
    public static StackOutputsResult Unreadable(string problem) => new(null, null, [problem], IsUsageProblem: true);
}
