// Git: the scripts of another commit, read from git's objects through its gateway.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Git;

/// <summary>
/// One script as it is at the base commit: its name, the checksum the journal would store for it, and whether it runs
/// in a transaction (a failed no-transaction script can leave statements applied that no journal records).
/// </summary>
public sealed record BaseScript(string Name, long Number, string Sha256, bool RunsInTransaction = true);

/// <summary>
/// The scripts of a folder as they are at another commit (<c>--base</c>), read from git's objects. Names and sizes
/// come from a tree that a pull request may have written: they are checked before use, and only regular files with
/// valid names and a bounded size are read (by object id, so no name reaches git's input).
/// </summary>
public static partial class BaseScripts
{
    /// <summary>The scripts of <paramref name="folder"/> (a full path inside a git work tree) at <paramref name="baseRef"/>.</summary>
    public static async Task<BaseScriptsResult> ReadAsync(string folder, string baseRef, CancellationToken cancellationToken)
    {
        if (!RefPattern().IsMatch(baseRef) || baseRef.StartsWith('-') || baseRef.Contains("..", StringComparison.Ordinal))
        {
            return BaseScriptsResult.Refused($"--base {ScriptName.Display(baseRef)}: not a git revision; give a branch, tag or commit such as origin/main.");
        }
        var prefix = await GitCli.RunAsync(folder, ["rev-parse", "--show-prefix"], 64 * 1024, cancellationToken);
        if (!prefix.Succeeded)
        {
            return BaseScriptsResult.Refused(prefix.Problem ??
                $"--base needs the scripts folder in a git repository; git says of {folder}: {FirstLine(prefix.StandardError)}");
        }
        var commit = await GitCli.RunAsync(folder, ["rev-parse", "--verify", "--quiet", "--end-of-options", baseRef + "^{commit}"], 1024, cancellationToken);
        if (!commit.Succeeded)
        {
            return BaseScriptsResult.Refused(commit.Problem ??
                $"--base {baseRef}: no such commit in this repository. Fetch it first (actions/checkout with fetch-depth: 0, or `git fetch origin <branch>`), or name another.");
        }
        var sha = commit.StandardOutput.Trim();
        var tree = prefix.StandardOutput.Trim().TrimEnd('/');
        var treeName = tree.Length == 0 ? sha + "^{tree}" : $"{sha}:{tree}";
        var kind = await GitCli.RunAsync(folder, ["cat-file", "-t", "--end-of-options", treeName], 1024, cancellationToken);
        if (kind.Problem is { } problem)
        {
            return BaseScriptsResult.Refused(problem);
        }
        if (!kind.Succeeded || kind.StandardOutput.Trim() != "tree")
        {
            return new BaseScriptsResult(sha, [], null); // the folder is new since the base
        }
        var listing = await GitCli.RunAsync(folder, ["ls-tree", "--full-tree", "-z", "-l", "--end-of-options", treeName], 16 * 1024 * 1024, cancellationToken);
        if (!listing.Succeeded)
        {
            return BaseScriptsResult.Refused(listing.Problem ?? $"git ls-tree failed: {listing.StandardError.Trim()}");
        }
        var entries = Entries(listing.StandardOutput);
        if (entries.Count > MigrationScripts.MaxScripts)
        {
            return BaseScriptsResult.Refused($"the scripts folder at {baseRef} holds more than {MigrationScripts.MaxScripts} scripts.");
        }
        return await ReadBlobsAsync(folder, sha, entries, cancellationToken);
    }

    private sealed record Entry(string Name, long Number, string ObjectId, long Size);

    // `ls-tree -z -l`: "<mode> <type> <object> <size>\t<name>\0". Only regular files with valid names and sizes count.
    private static List<Entry> Entries(string listing)
    {
        var entries = new List<Entry>();
        foreach (var line in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var fields = tab < 0 ? [] : line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || fields[0] is not ("100644" or "100755") || fields[1] != "blob" || !ObjectIdPattern().IsMatch(fields[2])
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > MigrationScripts.MaxScriptBytes)
            {
                continue;
            }
            var name = line[(tab + 1)..];
            if (ScriptName.NumberOf(name) is { } number)
            {
                entries.Add(new Entry(name, number, fields[2], size));
            }
        }
        return entries;
    }

    // One `git cat-file --batch` for every blob: "<object> blob <size>\n<bytes>\n" each, in the order asked.
    private static async Task<BaseScriptsResult> ReadBlobsAsync(string folder, string commit, List<Entry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return new BaseScriptsResult(commit, [], null);
        }
        var limit = entries.Sum(entry => entry.Size + 128);
        var input = new StringBuilder();
        entries.ForEach(entry => input.Append(entry.ObjectId).Append('\n'));
        var batch = await GitCli.RunAsync(folder, ["cat-file", "--batch"], limit, cancellationToken, input.ToString());
        if (!batch.Succeeded)
        {
            return BaseScriptsResult.Refused(batch.Problem ?? $"git cat-file failed: {batch.StandardError.Trim()}");
        }
        var scripts = new List<BaseScript>();
        var bytes = batch.Output;
        var position = 0;
        foreach (var entry in entries)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', position);
            var header = end < 0 ? "" : Encoding.ASCII.GetString(bytes, position, end - position);
            if (header != $"{entry.ObjectId} blob {entry.Size}" || end + 1 + entry.Size > bytes.Length)
            {
                return BaseScriptsResult.Refused($"git cat-file answered '{ScriptName.Display(header)}' for {entry.Name}.");
            }
            var contents = MigrationScripts.Decode(bytes[(end + 1)..(end + 1 + (int)entry.Size)]);
            var script = new MigrationScript(entry.Name, entry.Number, contents);
            scripts.Add(new BaseScript(entry.Name, entry.Number, script.Sha256, script.RunsInTransaction));
            position = end + 1 + (int)entry.Size + 1;
        }
        return new BaseScriptsResult(commit, [.. scripts.OrderBy(script => script.Number).ThenBy(script => script.Name, StringComparer.Ordinal)], null);
    }

    private static string FirstLine(string text) =>
        ScriptName.Display(text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "(nothing)");

    [GeneratedRegex(@"^[A-Za-z0-9._/@{}~^-]{1,200}\z")]
    private static partial Regex RefPattern();

    [GeneratedRegex(@"^([0-9a-f]{40}|[0-9a-f]{64})\z")]
    private static partial Regex ObjectIdPattern();
}

/// <summary>The scripts at the base commit, or why they could not be read (a usage problem: a missing commit, no git).</summary>
public sealed record BaseScriptsResult(string? Commit, IReadOnlyList<BaseScript> Scripts, string? Problem)
{
    /// <summary>True when the base was read (it may hold no scripts: the folder is new since then).</summary>
    [MemberNotNullWhen(true, nameof(Commit))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Commit is not null && Problem is null;

    internal static BaseScriptsResult Refused(string problem) => new(null, [], problem);
}
