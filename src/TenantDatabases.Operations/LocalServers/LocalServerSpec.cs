namespace TenantDatabases.Operations.LocalServers;

/// <summary>A PostgreSQL server to run on this machine, on 127.0.0.1 only.</summary>
/// <param name="Name">Label used in messages and as the folder name under the root.</param>
/// <param name="Port">TCP port on 127.0.0.1.</param>
/// <param name="RootDirectory">Folder that holds the server's data, socket and log.</param>
/// <param name="Durable">False for test servers: fsync off, which is faster and loses data on a crash.</param>
/// <param name="ListenAddress">The loopback address to listen on (a dev stack may use any of 127.0.0.0/8).</param>
public sealed record LocalServerSpec(string Name, int Port, string RootDirectory, bool Durable = true, string ListenAddress = "127.0.0.1")
{
    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>Private folder of the Unix socket that the bootstrap superuser uses.</summary>
    public string SocketDirectory => Path.Combine(RootDirectory, "socket");

    /// <summary>The server log.</summary>
    public string LogFile => Path.Combine(RootDirectory, "server.log");
}
