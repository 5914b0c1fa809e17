namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>Where two stack files differ, for files that differ in one <c>secure:</c> value.</summary>
public static class SecureValues
{
    /// <summary>The one differing value (from the space before it to its line's end); fails when the rest differs.</summary>
    public static (string Before, string After) OnlyDifference(string before, string after)
    {
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start])
        {
            start++;
        }
        while (start > 0 && before[start - 1] != ' ')
        {
            start--;
        }
        Assert.EndsWith("secure: ", before[..start]);
        var beforeEnd = before.IndexOf('\n', start);
        var afterEnd = after.IndexOf('\n', start);
        Assert.Equal(before[beforeEnd..], after[afterEnd..]);
        return (before[start..beforeEnd], after[start..afterEnd]);
    }
}
