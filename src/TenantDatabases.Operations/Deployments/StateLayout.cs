using System.Text.RegularExpressions;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// The layout of a Pulumi file backend's state (<c>file://</c>), read from its folder before <c>pulumi up</c>. The
/// legacy layout, from before projects, keeps stacks as <c>.pulumi/stacks/&lt;stack&gt;.json</c> and can only parse
/// a bare stack name, so the program's reference to its own stack, <c>organization/&lt;project&gt;/&lt;stack&gt;</c>,
/// fails every preview with Pulumi's "a stack name may only contain alphanumeric, hyphens, underscores, or periods".
/// Pulumi's own rule (pkg/backend/diy/meta.go): <c>.pulumi/meta.yaml</c> holds the layout's version, 1 for projects;
/// a state without it is legacy when it already holds stacks (or PULUMI_DIY_BACKEND_LEGACY_LAYOUT asks for it), and
/// new otherwise. Other backends (s3://, gs://, azblob://) cannot be looked into from here: the program says the same
/// when its reference fails there.
/// </summary>
public static partial class StateLayout
{
    /// <summary>Pulumi's command that moves every stack of a backend to the project layout, once.</summary>
    public const string UpgradeCommand = "pulumi state upgrade";

    /// <summary>
    /// Why a deploy cannot go on with the backend at <paramref name="backendUrl"/>, or null when it can (or when it
    /// is not a file backend). A relative path is relative to <paramref name="projectDirectory"/>, where Pulumi runs.
    /// </summary>
    public static string? LegacyLayoutProblem(string? backendUrl, string projectDirectory)
    {
        if (backendUrl is null || !backendUrl.StartsWith("file://", StringComparison.Ordinal))
        {
            return null;
        }
        var state = Path.Combine(StateFolder(backendUrl, projectDirectory), ".pulumi");
        var meta = Path.Combine(state, "meta.yaml");
        var legacy = File.Exists(meta)
            ? MetaVersion().Match(File.ReadAllText(meta)) is { Success: true } version && version.Groups[1].Value == "0"
            : HoldsLegacyStacks(Path.Combine(state, "stacks"))
              || (!Directory.Exists(Path.Combine(state, "stacks"))
                  && Environment.GetEnvironmentVariable("PULUMI_DIY_BACKEND_LEGACY_LAYOUT") is { } flag
                  && (flag == "1" || flag.Equals("true", StringComparison.OrdinalIgnoreCase)));
        return legacy
            ? $"The file backend {backendUrl} keeps its stacks in Pulumi's legacy layout (no projects: {meta} is missing or says " +
              "version 0), where a stack reference cannot name organization/<project>/<stack>, and the program reads its own last " +
              $"deployment through one: every preview would fail. Upgrade the backend once with `{UpgradeCommand}` (with " +
              "PULUMI_BACKEND_URL set to it; every stack in it moves to organization/<project>/<stack>, nothing else changes), " +
              "then deploy again. Nothing was changed."
            : null;
    }

    // file://~/x, file:///abs, file://relative, with or without ?query, as Pulumi reads them (massageBlobPath).
    private static string StateFolder(string backendUrl, string projectDirectory)
    {
        var path = backendUrl["file://".Length..].Split('?')[0];
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~', '/'));
        }
        return Path.GetFullPath(path, projectDirectory);
    }

    // Legacy stacks are files right under .pulumi/stacks; the project layout keeps them in a folder per project.
    private static bool HoldsLegacyStacks(string stacks) =>
        Directory.Exists(stacks)
        && Directory.EnumerateFiles(stacks).Any(file => StackFile().IsMatch(Path.GetFileName(file)));

    [GeneratedRegex(@"^\s*version:\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MetaVersion();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\.(json|yaml)(\.gz|\.zst)?$")]
    private static partial Regex StackFile();
}
