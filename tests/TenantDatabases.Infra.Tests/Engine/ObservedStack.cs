using Pulumi;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// Runs the real stack body under a stack-wide resource transformation that records what every
/// resource is declared with. The mocked engine does not see resource options (protect,
/// retainOnDelete, deleteBeforeReplace), so the tests read them here, as the SDK passes them on.
/// </summary>
public sealed class ObservedStack : Stack
{
    private readonly Task<IDictionary<string, object?>> declaring;

    public ObservedStack() : this([])
    {
    }

    private ObservedStack(List<DeclaredResource> declared)
        : base(new StackOptions { ResourceTransformations = { args => Remember(declared, args) } })
    {
        Declared = declared;
        declaring = TenantDatabasesStack.DeclareAsync();
        // The engine waits for a stack's outputs, so this one keeps the run going until the whole body has declared.
        Declaring = Output.Create(DoneAsync(declaring));
    }

    /// <summary>Every resource, with the arguments and options it was declared with.</summary>
    public IReadOnlyList<DeclaredResource> Declared { get; }

    /// <summary>True once the stack body returned; the run fails with its exception when it threw.</summary>
    [Output("declaring")]
    public Output<bool> Declaring { get; }

    /// <summary>What the stack body returned as the stack's outputs (read after the run).</summary>
    public IDictionary<string, object?> DeclaredOutputs => declaring.Result;

    private static async Task<bool> DoneAsync(Task<IDictionary<string, object?>> body)
    {
        await body;
        return true;
    }

    private static ResourceTransformationResult? Remember(List<DeclaredResource> declared, ResourceTransformationArgs args)
    {
        lock (declared)
        {
            declared.Add(new DeclaredResource(args.Resource.GetResourceType(), args.Resource.GetResourceName(), args.Args, args.Options, args.Resource));
        }
        return null;
    }
}

/// <summary>A resource as the program declared it, and the resource object itself (what other resources' options and inputs refer to).</summary>
public sealed record DeclaredResource(string Type, string Name, ResourceArgs Args, ResourceOptions Options, Resource Resource);
