namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// Pulumi's engine allows one test deployment at a time, and its configuration comes from
/// process-wide environment variables: every engine test runs in this collection, one after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PulumiEngineCollection
{
    public const string Name = "Pulumi engine";
}
