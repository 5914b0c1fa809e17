using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>The deployment a <c>--previous</c> file describes, or the problem with the file (a usage problem).</summary>
internal sealed record PreviousOutputsResult(PreviousDeployment? Deployment, string? Problem)
{
    [MemberNotNullWhen(true, nameof(Deployment))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Deployment is not null && Problem is null;

    public static PreviousOutputsResult Refused(string problem) => new(null, problem);
}
