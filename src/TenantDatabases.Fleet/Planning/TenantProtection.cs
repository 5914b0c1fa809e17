namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// What Pulumi does with a tenant's database and owner role when asked to delete them.
/// </summary>
/// <param name="Protect">Pulumi refuses to delete them (and to replace them).</param>
/// <param name="RetainOnDelete">A delete only forgets them in Pulumi's state; they stay on the server with their data.</param>
public sealed record TenantProtection(bool Protect, bool RetainOnDelete)
{
    /// <summary>
    /// A protected stack protects and retains every tenant. Retiring lifts the protection, so the tenant can be
    /// removed without a hand-made <c>pulumi state unprotect</c> that the next deploy would undo, and retains it in
    /// every stack, so removing a retired tenant never drops its data, even where the stack is not protected.
    /// </summary>
    public static TenantProtection For(bool stackProtected, bool retiring) =>
        new(Protect: stackProtected && !retiring, RetainOnDelete: stackProtected || retiring);
}
