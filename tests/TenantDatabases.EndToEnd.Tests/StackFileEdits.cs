using System.Text.RegularExpressions;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>
/// The edits a pull request makes to a stack file, as line edits that tolerate the Pulumi CLI rewriting
/// the file's layout (it may, on its first use of a stack).
/// </summary>
internal sealed class StackFileEdits(string path)
{
    public string Path => path;

    public void SetProtect(bool protect) =>
        Replace(@"^(\s*tenant-databases:protect:\s*)\S+\s*$", $"${{1}}{(protect ? "true" : "false")}");

    /// <summary>Sets <c>tenants.&lt;id&gt;.&lt;key&gt;</c> (adding the line when the tenant has no such key).</summary>
    public void SetTenantKey(string tenantId, string key, string value)
    {
        var lines = Lines();
        var (start, end, indent) = TenantBlock(lines, tenantId);
        var existing = lines.FindIndex(start + 1, end - start - 1, line => Regex.IsMatch(line, $@"^\s+{Regex.Escape(key)}:"));
        var entry = $"{indent}  {key}: {value}";
        if (existing >= 0)
        {
            lines[existing] = entry;
        }
        else
        {
            lines.Insert(start + 1, entry);
        }
        Save(lines);
    }

    /// <summary>Adds tenants pinned to <paramref name="server"/>, at the top of <c>tenant-databases:tenants</c>.</summary>
    public void AddTenants(IEnumerable<string> tenantIds, string server)
    {
        var lines = Lines();
        var key = lines.FindIndex(line => Regex.IsMatch(line, @"^\s*tenant-databases:tenants:\s*$"));
        Assert.True(key >= 0, $"{path} has no tenant-databases:tenants");
        var indent = lines[key][..(lines[key].Length - lines[key].TrimStart().Length)] + "  ";
        lines.InsertRange(key + 1, tenantIds.SelectMany(id => new[] { $"{indent}{id}:", $"{indent}  server: {server}" }));
        Save(lines);
    }

    public void RemoveTenant(string tenantId)
    {
        var lines = Lines();
        var (start, end, _) = TenantBlock(lines, tenantId);
        lines.RemoveRange(start, end - start);
        Save(lines);
    }

    public string Text => File.ReadAllText(path);

    private static (int Start, int End, string Indent) TenantBlock(List<string> lines, string tenantId)
    {
        var start = lines.FindIndex(line => Regex.IsMatch(line, $@"^\s+{Regex.Escape(tenantId)}:\s*$"));
        Assert.True(start >= 0, $"the stack file has no tenant {tenantId}");
        var indent = lines[start][..(lines[start].Length - lines[start].TrimStart().Length)];
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith(indent + " ", StringComparison.Ordinal))
        {
            end++;
        }
        return (start, end, indent);
    }

    private void Replace(string pattern, string replacement)
    {
        var lines = Lines();
        var index = lines.FindIndex(line => Regex.IsMatch(line, pattern));
        Assert.True(index >= 0, $"no line of {path} matches {pattern}");
        lines[index] = Regex.Replace(lines[index], pattern, replacement);
        Save(lines);
    }

    private List<string> Lines() => [.. File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n').Split('\n')];

    private void Save(List<string> lines) => File.WriteAllText(path, string.Join('\n', lines) + "\n");
}
