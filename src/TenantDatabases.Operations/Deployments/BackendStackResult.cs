namespace TenantDatabases.Operations.Deployments;

/// <summary>What the backend said of a stack.</summary>
public enum BackendStackState
{
    /// <summary>The stack exists; its outputs were read (empty before its first deploy).</summary>
    Found,

    /// <summary>The backend has no stack of that name.</summary>
    Missing,

    /// <summary>The CLI is logged in to no backend (and PULUMI_BACKEND_URL is not set).</summary>
    NotLoggedIn,

    /// <summary>Any other failure: nothing can be concluded from it.</summary>
    Failed,
}

/// <summary>The backend's answer: the outputs' JSON when <see cref="State"/> is <see cref="BackendStackState.Found"/>, else the problem.</summary>
public sealed record BackendStackResult(BackendStackState State, string? OutputsJson, string? Problem)
{
    internal static BackendStackResult Failed(string problem) => new(BackendStackState.Failed, null, problem);
}
