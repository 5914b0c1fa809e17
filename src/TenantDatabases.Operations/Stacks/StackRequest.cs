namespace TenantDatabases.Operations.Stacks;

/// <summary>What a command asks to load: which stack, from where, and whether it needs the servers' passwords.</summary>
/// <param name="Stack">The stack name.</param>
/// <param name="WorkingDirectory">Where to start looking for Pulumi.yaml (the --cwd option or the current folder).</param>
/// <param name="ConfigJsonFile">A file with the output of <c>pulumi config --json --show-secrets</c>, when given.</param>
/// <param name="NeedsPasswords">False for commands that never connect (status, stop).</param>
/// <param name="Environment">Reads an environment variable (a seam, so tests need not change the process environment).</param>
public sealed record StackRequest(string Stack, string WorkingDirectory, string? ConfigJsonFile, bool NeedsPasswords, Func<string, string?> Environment);
