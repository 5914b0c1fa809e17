using TenantDatabases.Testing;
using System.Text.RegularExpressions;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>The repository's built programs and pinned versions, found from the test's output folder.</summary>
internal static partial class RepositoryFiles
{
    public static string Root => RepositoryFolder.Root;

    /// <summary>The Pulumi program as scripts/test.sh builds it (Release).</summary>
    public static string InfraAssembly => Built("TenantDatabases.Infra", "TenantDatabases.Infra.dll");

    /// <summary><c>tenantdb</c> as scripts/test.sh builds it (Release).</summary>
    public static string TenantDbAssembly => Built("TenantDatabases.Cli", "tenantdb.dll");

    /// <summary>The project file whose configuration declarations the test stack uses.</summary>
    public static string ProjectFile => Path.Combine(Root, "Pulumi.yaml");

    /// <summary>The version Directory.Packages.props pins for <paramref name="package"/>: the provider plugin has the same.</summary>
    public static string PinnedVersion(string package)
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"));
        var match = Regex.Match(props, $"Include=\"{Regex.Escape(package)}\" Version=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"Directory.Packages.props pins no {package}.");
    }

    private static string Built(string project, string file)
    {
        var path = Path.Combine(Root, "src", project, "bin", "Release", "net10.0", file);
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"{path} is not built; run scripts/test.sh, which builds it before this test.");
    }
}
