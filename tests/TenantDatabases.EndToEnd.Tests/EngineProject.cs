using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>
/// A throwaway copy of the project for the real engine: the repository's Pulumi.yaml (its configuration
/// declarations) running the already built program, its migrations/ beside it, and a stack file for two test servers.
/// </summary>
internal static partial class EngineProject
{
    /// <summary>Writes Pulumi.yaml into <paramref name="directory"/> (the repository's, running the built program) and copies migrations/ beside it.</summary>
    public static void WriteProjectFile(string directory)
    {
        RepositoryMigrations.CopyTo(directory);
        var runtime = $"runtime:\n  name: dotnet\n  options:\n    binary: {RepositoryFiles.InfraAssembly}\n";
        var text = MainLine().Replace(RuntimeLine().Replace(File.ReadAllText(RepositoryFiles.ProjectFile), runtime), "");
        File.WriteAllText(Path.Combine(directory, "Pulumi.yaml"), text);
    }

    /// <summary>Drops <c>secretsprovider: passphrase</c>: the salt alone selects the provider, and the CLI would rewrite the file.</summary>
    public static void UseSaltOnly(string stackFile) =>
        File.WriteAllText(stackFile, SecretsProviderLine().Replace(File.ReadAllText(stackFile), ""));

    /// <summary>Saves outputs for migrate and verify, readable by their owner only (they hold passwords).</summary>
    public static string SaveOutputs(string directory, JsonElement outputs)
    {
        var path = Path.Combine(directory, "outputs.json");
        File.WriteAllText(path, outputs.GetRawText());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    /// <summary>A connection as the tenant's owner, exactly as the outputs describe it.</summary>
    public static NpgsqlConnection TenantConnection(JsonElement outputs, string tenantId)
    {
        var tenant = outputs.GetProperty("tenants").GetProperty(tenantId);
        return new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = tenant.GetProperty("host").GetString(),
            Port = tenant.GetProperty("port").GetInt32(),
            Database = tenant.GetProperty("database").GetString(),
            Username = tenant.GetProperty("username").GetString(),
            Password = tenant.GetProperty("password").GetString(),
            SslMode = SslMode.Disable,
            Pooling = false,
        }.ConnectionString);
    }

    // Room for the many-tenants step on one server.
    public static TestStackServer StackServer(string name, TestPostgresServer server) => new(name, server.Port, server.AdminPassword, MaxTenants: 100);

    [GeneratedRegex(@"^runtime:.*\n", RegexOptions.Multiline)]
    private static partial Regex RuntimeLine();

    [GeneratedRegex(@"^main:.*\n", RegexOptions.Multiline)]
    private static partial Regex MainLine();

    [GeneratedRegex(@"^secretsprovider:.*\n", RegexOptions.Multiline)]
    private static partial Regex SecretsProviderLine();
}
