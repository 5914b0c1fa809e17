using System.Diagnostics.CodeAnalysis;
using System.Text;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Inputs;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// The one way a stack file is edited, by add-tenant, rotate-tenant-password, rotate-password's passphrase record
/// and adopt alike: read its bytes, validate it, let the caller edit the text, validate the edited text and let the
/// caller confirm it shows the change, then replace the file in one rename. Nothing is ever half-applied: every
/// refusal leaves the file as it was, and every other byte of an edited file stays as it was.
/// </summary>
public static class StackFileEdit
{
    /// <summary>
    /// Edits <paramref name="request"/>'s stack file with <paramref name="edit"/>, which gets the valid configuration and
    /// the file's text and returns the edited text (or why not); <paramref name="confirms"/> checks that the edited
    /// configuration, valid too, shows the change.
    /// With <see cref="StackEditRequest.DryRun"/> nothing is written. Never throws for bad input.
    /// </summary>
    public static StackEditResult<T> Apply<T>(
        StackEditRequest request, Func<FleetConfiguration, string, StackEditStep<T>> edit, Func<FleetConfiguration, T, bool> confirms)
    {
        var located = ProjectLocator.Locate(request.WorkingDirectory, request.Stack);
        if (!located.Succeeded)
        {
            return StackEditResult<T>.Refused(null, located.Problem, isUsageProblem: true);
        }
        var location = located.Value;
        var file = location.DisplayStackFile;
        StackFileText original;
        try
        {
            original = StackFileText.Read(location.StackFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return StackEditResult<T>.Refused(file, $"{file} cannot be read: {error.Message}", isUsageProblem: true);
        }
        var before = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, original.Text));
        if (before.IsUsageProblem)
        {
            return StackEditResult<T>.Refused(file, before.Problem, isUsageProblem: true);
        }
        if (!before.IsValid)
        {
            return StackEditResult<T>.Refused(file, $"{file} is invalid; fix it before {request.Purpose}. Nothing was written.", problems: before.Problems);
        }
        var step = edit(before.Configuration, original.Text);
        if (!step.Succeeded)
        {
            return StackEditResult<T>.Refused(file, (step.NamesFile ? $"{file}: " : "") + step.Refusal + " Nothing was written.");
        }
        var after = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, step.Text));
        if (!after.IsValid || !confirms(after.Configuration, step.Value))
        {
            return StackEditResult<T>.Refused(file, $"{step.Change} would leave {file} invalid. Nothing was written.", problems: after.Problems);
        }
        if (!request.DryRun)
        {
            try
            {
                original.WriteReplacing(location.StackFile, step.Text);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return StackEditResult<T>.Refused(file, $"{file} cannot be written: {error.Message} Nothing was changed.", isUsageProblem: true);
            }
        }
        return new StackEditResult<T>(file, step.Value, after.Configuration, original, null, false, after.Problems);
    }

    /// <summary>
    /// Puts <paramref name="original"/> back as it was, byte for byte (a rotation's rollback); null when written, else why not.
    /// </summary>
    public static string? Restore(string stackFile, StackFileText original)
    {
        try
        {
            original.WriteReplacing(stackFile, original.Text);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return error.Message;
        }
    }
}

/// <summary>Which stack file to edit, and why (for the messages).</summary>
/// <param name="Stack">The stack whose <c>Pulumi.&lt;stack&gt;.yaml</c> is edited.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="Purpose">What the edit is for, as in "fix it before <i>adding a tenant</i>".</param>
/// <param name="DryRun">Check everything, write nothing.</param>
public sealed record StackEditRequest(string Stack, string? WorkingDirectory, string Purpose, bool DryRun = false);

/// <summary>What an edit made of the text: the edited text and what it did, or why it cannot be made.</summary>
/// <param name="Text">The edited text; null when refused.</param>
/// <param name="Value">What the edit did (the tenant added, the versions raised), for the result.</param>
/// <param name="Change">The change in words, as in "<i>adding 'acme'</i> would leave the file invalid".</param>
/// <param name="Refusal">Why the edit cannot be made; null when made.</param>
/// <param name="NamesFile">True when the refusal is about the file's text (an editor's), so the message names the file.</param>
public sealed record StackEditStep<T>(string? Text, T? Value, string Change, string? Refusal, bool NamesFile = false)
{
    /// <summary>True when the text was edited.</summary>
    [MemberNotNullWhen(true, nameof(Text), nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Text is not null && Value is not null && Refusal is null;

    /// <summary>The text <paramref name="text"/>, edited to do <paramref name="value"/>.</summary>
    public static StackEditStep<T> Edited(string text, T value, string change) => new(text, value, change, null);

    /// <summary>No edit, because of <paramref name="refusal"/>.</summary>
    public static StackEditStep<T> Refused(string refusal) => new(null, default, "", refusal);

    /// <summary>An editor's answer: its text, or its refusal, which names the file.</summary>
    public static StackEditStep<T> From(Result<string> edit, T value, string change) =>
        edit.Succeeded ? Edited(edit.Value, value, change) : new(null, default, change, edit.Problem, NamesFile: true);
}

/// <summary>The stack file after an edit, or why nothing was written.</summary>
/// <param name="StackFile">The stack file as shown in messages, once located.</param>
/// <param name="Value">What the edit did; default when refused.</param>
/// <param name="Configuration">The edited configuration, validated (read from the edited text, which a dry run did not write).</param>
/// <param name="Original">The file as it was before the edit, to put back when a later step fails.</param>
/// <param name="Problem">Why nothing was written.</param>
/// <param name="IsUsageProblem">True when <paramref name="Problem"/> is a missing, unreadable or unwritable file rather than a refusal.</param>
/// <param name="Problems">The configuration problems: the errors that refused the file, or the edited file's warnings.</param>
public sealed record StackEditResult<T>(
    string? StackFile, T? Value, FleetConfiguration? Configuration, StackFileText? Original, string? Problem, bool IsUsageProblem, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the edit was made (and written, unless a dry run).</summary>
    [MemberNotNullWhen(true, nameof(StackFile), nameof(Value), nameof(Configuration), nameof(Original))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && StackFile is not null && Value is not null && Configuration is not null && Original is not null;

    internal static StackEditResult<T> Refused(string? file, string problem, bool isUsageProblem = false, IReadOnlyList<ConfigProblem>? problems = null) =>
        new(file, default, null, null, problem, isUsageProblem, problems ?? []);
}

/// <summary>
/// A stack file's text with its byte-order mark, read and written so that an edit changes only the
/// edited bytes. Writing goes to a temporary file beside it that then replaces it, so a failure never
/// leaves a half-written stack file.
/// </summary>
public sealed record StackFileText(string Text, bool HasByteOrderMark)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="IOException"/>-family or <see cref="DecoderFallbackException"/>.</summary>
    public static StackFileText Read(string path)
    {
        var bytes = BoundedFile.ReadAsync(path, StackFileReader.MaxFileBytes).GetAwaiter().GetResult()
            ?? throw new IOException(StackFileReader.TooLarge(null).Message);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return new StackFileText(StrictUtf8.GetString(bom ? bytes[Encoding.UTF8.Preamble.Length..] : bytes), bom);
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> in one rename, keeping its mark and permissions.</summary>
    public void WriteReplacing(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var bytes = StrictUtf8.GetBytes(text);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (HasByteOrderMark)
                {
                    stream.Write(Encoding.UTF8.Preamble);
                }
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
