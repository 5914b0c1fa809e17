namespace TenantDatabases.Operations.DevServers;

/// <summary>What became of one local server of the dev stack.</summary>
/// <param name="Name">The server's name in the stack.</param>
/// <param name="Address">host:port it listens on.</param>
/// <param name="State">running, stopped, not created, or failed.</param>
/// <param name="Folder">Its data folder.</param>
/// <param name="Message">What happened, or why it failed; never a password.</param>
public sealed record DevServerState(string Name, string Address, string State, string Folder, string Message)
{
    /// <summary>The server could not be started or stopped.</summary>
    public bool Failed => State == Failure;

    /// <summary>The <see cref="State"/> of a server that could not be started or stopped.</summary>
    public const string Failure = "failed";
}
