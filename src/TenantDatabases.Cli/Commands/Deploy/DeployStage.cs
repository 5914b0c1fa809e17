namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>The stages of <c>tenantdb deploy</c>, in the order they run.</summary>
internal enum DeployStage
{
    /// <summary><c>tenantdb validate</c>: the stack file, no secrets, no network.</summary>
    Validate,

    /// <summary><c>tenantdb preflight</c>: every server reachable, credentials and privileges right.</summary>
    Preflight,

    /// <summary>The stack in the backend: it exists (created only with --create-stack), and no deployed tenant moves.</summary>
    Stack,

    /// <summary><c>pulumi up</c>: the Pulumi CLI creates the tenant databases and roles.</summary>
    PulumiUp,

    /// <summary><c>tenantdb migrate</c>: every tenant database to the latest schema.</summary>
    Migrate,

    /// <summary><c>tenantdb verify</c>: ownership, isolation and journal of every tenant database.</summary>
    Verify,
}

/// <summary>Order and display names of <see cref="DeployStage"/>.</summary>
internal static class DeployStages
{
    /// <summary>Every stage in the order a deployment runs them.</summary>
    public static IReadOnlyList<DeployStage> InOrder { get; } =
        [DeployStage.Validate, DeployStage.Preflight, DeployStage.Stack, DeployStage.PulumiUp, DeployStage.Migrate, DeployStage.Verify];

    /// <summary>The name an operator knows the stage by (the command it runs).</summary>
    public static string Name(DeployStage stage) => stage switch
    {
        DeployStage.Validate => "validate",
        DeployStage.Preflight => "preflight",
        DeployStage.Stack => "stack",
        DeployStage.PulumiUp => "pulumi up",
        DeployStage.Migrate => "migrate",
        DeployStage.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
