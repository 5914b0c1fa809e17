namespace TenantDatabases.Fleet.StackFiles;

/// <summary>The text of a stack file after an edit, or why the edit cannot be made (then nothing changes).</summary>
public sealed record StackFileEdit(string? Text, string? Problem)
{
    /// <summary>True when <see cref="Text"/> holds the edited file.</summary>
    public bool Succeeded => Text is not null;

    internal static StackFileEdit Refused(string why) => new(null, why);
}
