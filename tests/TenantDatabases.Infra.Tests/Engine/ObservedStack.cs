using Pulumi;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// Runs the real stack body under a stack-wide resource transformation that records what every
/// resource is declared with. The mocked engine does not see resource options (protect,
/// retainOnDelete, deleteBeforeReplace), so the tests read them here, as the SDK passes them on.
/// </summary>
public sealed class ObservedStack : Stack
{
    public ObservedStack() : this([])
    {
    }

    private ObservedStack(List<DeclaredResource> declared)
        : base(new StackOptions { ResourceTransformations = { args => Remember(declared, args) } })
    {
        Declared = declared;
        DeclaredOutputs = TenantDatabasesStack.Declare();
    }

    /// <summary>Every resource, with the arguments and options it was declared with.</summary>
    public IReadOnlyList<DeclaredResource> Declared { get; }

    /// <summary>What the stack body returned as the stack's outputs.</summary>
    public IDictionary<string, object?> DeclaredOutputs { get; }

    private static ResourceTransformationResult? Remember(List<DeclaredResource> declared, ResourceTransformationArgs args)
    {
        lock (declared)
        {
            declared.Add(new DeclaredResource(args.Resource.GetResourceType(), args.Resource.GetResourceName(), args.Args, args.Options));
        }
        return null;
    }
}

/// <summary>A resource as the program declared it.</summary>
public sealed record DeclaredResource(string Type, string Name, ResourceArgs Args, ResourceOptions Options);
