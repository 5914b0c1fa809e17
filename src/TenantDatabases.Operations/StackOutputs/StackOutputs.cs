namespace TenantDatabases.Operations.StackOutputs;

/// <summary>The tenants of a stack's outputs: secret-free targets, and their passwords apart.</summary>
public sealed record StackOutputs(IReadOnlyList<TenantTarget> Tenants, TenantPasswords Passwords);

/// <summary>What reading stack outputs produced: the outputs, or every problem found (never both).</summary>
public sealed record StackOutputsResult(StackOutputs? Outputs, IReadOnlyList<string> Problems, bool Unreadable = false)
{
    public static StackOutputsResult Failed(string problem, bool unreadable) => new(null, [problem], unreadable);
}
