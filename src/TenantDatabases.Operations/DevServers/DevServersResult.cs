using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.DevServers;

/// <summary>
/// What became of every local server of a stack; or what stopped the run before any server was touched: the stack
/// (<see cref="Stack"/>), or <see cref="Problems"/> (a host outside loopback, PostgreSQL not installed).
/// </summary>
public sealed record DevServersResult(ConnectableStackResult Stack, DevServerFolder? Folder, IReadOnlyList<string> Problems, IReadOnlyList<DevServerState> States)
{
    /// <summary>True when every server did what was asked.</summary>
    public bool Succeeded => Stack.Succeeded && Problems.Count == 0 && !States.Any(state => state.Failed);
}
