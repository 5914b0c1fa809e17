// Stacks: locating, loading and editing a stack file (validate, add-tenant, the passphrase record).
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Inputs;

namespace TenantDatabases.Operations.Stacks;

/// <summary>The validate use-case: locates Pulumi.&lt;stack&gt;.yaml, reads it and validates its configuration; needs no secret and no network.</summary>
public static class StackLoader
{
    /// <summary>Loads the stack named by <paramref name="stack"/>, starting the search at <paramref name="cwd"/>.</summary>
    public static StackLoadResult Load(string? cwd, string stack)
    {
        var located = ProjectLocator.Locate(cwd, stack);
        if (!located.Succeeded)
        {
            return new StackLoadResult(null, null, null, [], located.Problem);
        }
        var location = located.Value;
        if (!System.IO.File.Exists(location.StackFile))
        {
            return new StackLoadResult(location, null, null, [],
                $"{location.DisplayStackFile} does not exist. Check --stack, or create the stack with 'pulumi stack init {stack}'.");
        }
        return FromResult(location, ReadFile(location.StackFile));
    }

    /// <summary>Reads and parses the stack file at <paramref name="path"/>: its size first, so a file past the bound is never read.</summary>
    public static StackFileResult ReadFile(string path)
    {
        string text;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > StackFileReader.MaxFileBytes)
            {
                return new StackFileResult(null, [StackFileReader.TooLarge(size)]);
            }
            // A symbolic link to /dev/zero has no size to check: the read itself stops at the bound.
            if (BoundedFile.ReadText(path, StackFileReader.MaxFileBytes) is not { } read)
            {
                return new StackFileResult(null, [StackFileReader.TooLarge(null)]);
            }
            text = read;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new StackFileResult(null, [new ConfigProblem(ProblemSeverity.Error, StackFileReader.FileProblemPath,
                $"The stack file cannot be read: {error.Message}",
                "Check that the file exists, is readable, and that --stack names the right stack.")]);
        }
        return StackFileReader.Parse(path, text);
    }

    /// <summary>Validates an already parsed stack file (add-tenant checks its edit this way before writing).</summary>
    public static StackLoadResult FromResult(ProjectLocation location, StackFileResult read)
    {
        if (read.File is null)
        {
            // A problem without a position means the file could not be read at all; with one, it is malformed YAML.
            var unreadable = read.Problems.FirstOrDefault(problem => problem.Location is null);
            return unreadable is not null
                ? new StackLoadResult(location, null, null, read.Problems, $"{location.DisplayStackFile}: {unreadable.Message}")
                : new StackLoadResult(location, null, null, read.Problems, null);
        }
        var validation = FleetConfigurationReader.Read(read.File.Config, ConfigOrigin.StackFile);
        return new StackLoadResult(location, read.File, validation, [.. read.Problems, .. validation.Problems], null);
    }
}

/// <summary>
/// A stack file located, read and validated (what <c>tenantdb validate</c> reports); or the <see cref="Problem"/>
/// that stopped it before its configuration could be read (no Pulumi.yaml, an unreadable file), which is a usage
/// problem. <see cref="Problems"/> holds every problem of the file and of its configuration.
/// </summary>
public sealed record StackLoadResult(
    ProjectLocation? Location,
    StackFile? File,
    ValidationResult? Validation,
    IReadOnlyList<ConfigProblem> Problems,
    string? Problem)
{
    /// <summary>The stack file as shown in messages.</summary>
    public string? DisplayFile => Location?.DisplayStackFile;

    /// <summary>The configuration, when it could be read.</summary>
    public FleetConfiguration? Configuration => Validation?.Configuration;

    /// <summary>True when the stack could not even be read: a missing or unreadable input.</summary>
    [MemberNotNullWhen(true, nameof(Problem))]
    public bool IsUsageProblem => Problem is not null;

    /// <summary>True when the configuration was read and has no error.</summary>
    [MemberNotNullWhen(true, nameof(Location), nameof(File), nameof(Configuration))]
    public bool IsValid =>
        Problem is null && Location is not null && File is not null && Configuration is not null
        && Validation is { IsValid: true } && Problems.All(problem => problem.Severity != ProblemSeverity.Error);

    /// <summary>The errors.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ProblemSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(problem => problem.Severity == ProblemSeverity.Warning);
}
