using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// The resources a run declared, each with the direct dependencies the SDK hands the engine, and the engine stores
/// in the state: its <c>DependsOn</c>, the resources its inputs' outputs came from (a component stands for the custom
/// resources beneath it, as the SDK expands it), its parent and its provider. The engine starts a resource once
/// these have finished, and deletes it before them; the mocked engine does not see them, so they are read here
/// from what the program declared.
/// </summary>
public sealed class ResourceGraph
{
    // A resource is itself, whatever it compares equal to.
    private static readonly IEqualityComparer<Resource> Same = ReferenceEqualityComparer.Instance;

    private readonly Dictionary<Resource, DeclaredResource> byResource;
    private readonly Dictionary<DeclaredResource, IReadOnlySet<DeclaredResource>> dependencies;

    private ResourceGraph(IReadOnlyList<DeclaredResource> resources, Dictionary<DeclaredResource, IReadOnlySet<DeclaredResource>> dependencies)
    {
        Resources = resources;
        byResource = resources.ToDictionary(resource => resource.Resource, Same);
        this.dependencies = dependencies;
    }

    /// <summary>Every declared resource, in the order the program declared them.</summary>
    public IReadOnlyList<DeclaredResource> Resources { get; }

    /// <summary>The graph of <paramref name="declared"/>; call it after the run, when every output is resolved.</summary>
    public static async Task<ResourceGraph> OfAsync(IReadOnlyList<DeclaredResource> declared)
    {
        var byResource = declared.ToDictionary(resource => resource.Resource, Same);
        var children = declared.Where(resource => resource.Options.Parent is not null)
            .ToLookup(resource => resource.Options.Parent!, Same);
        var dependencies = new Dictionary<DeclaredResource, IReadOnlySet<DeclaredResource>>();
        foreach (var resource in declared)
        {
            var direct = new List<Resource>();
            direct.AddRange(await OutputUtilities.GetValueAsync(resource.Options.DependsOn.ToOutput()));
            direct.AddRange(await InputDependenciesAsync(resource.Args));
            var found = new HashSet<DeclaredResource>(direct.SelectMany(dependency => CustomResourcesOf(dependency, children, byResource)));
            if (resource.Options.Parent is { } parent && byResource.TryGetValue(parent, out var declaredParent))
            {
                found.Add(declaredParent);
            }
            if ((resource.Options as CustomResourceOptions)?.Provider is { } provider && byResource.TryGetValue(provider, out var declaredProvider))
            {
                found.Add(declaredProvider);
            }
            dependencies[resource] = found;
        }
        return new ResourceGraph(declared, dependencies);
    }

    /// <summary>The direct dependencies of <paramref name="resource"/>.</summary>
    public IReadOnlySet<DeclaredResource> DependenciesOf(DeclaredResource resource) => dependencies[resource];

    /// <summary>The declared resource of <paramref name="resource"/>.</summary>
    public DeclaredResource Declared(Resource resource) => byResource[resource];

    /// <summary>The same resources without the dependencies for which <paramref name="drop"/> holds (to show what a dependency is for).</summary>
    public ResourceGraph Without(Func<DeclaredResource, DeclaredResource, bool> drop) =>
        new(Resources, dependencies.ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlySet<DeclaredResource>)entry.Value.Where(dependency => !drop(entry.Key, dependency)).ToHashSet()));

    /// <summary>The resource name of the provider <paramref name="resource"/> is declared with, if any.</summary>
    public static string? ProviderName(DeclaredResource resource) =>
        (resource.Options as CustomResourceOptions)?.Provider?.GetResourceName();

    /// <summary>The tenant a resource belongs to: the name of the <c>TenantDatabase</c> it is, or is beneath.</summary>
    public string? TenantOf(DeclaredResource resource)
    {
        for (DeclaredResource? current = resource; current is not null;
             current = current.Options.Parent is { } parent && byResource.TryGetValue(parent, out var up) ? up : null)
        {
            if (current.Type == Infra.Tenants.TenantDatabase.TypeToken)
            {
                return current.Name;
            }
        }
        return null;
    }

    // A component stands for the custom resources beneath it, as the SDK sends them (GetAllTransitivelyReferencedResourceUrnsAsync).
    private static IEnumerable<DeclaredResource> CustomResourcesOf(
        Resource dependency, ILookup<Resource, DeclaredResource> children, Dictionary<Resource, DeclaredResource> byResource)
    {
        if (dependency is CustomResource)
        {
            return byResource.TryGetValue(dependency, out var declared) ? [declared] : [];
        }
        return children[dependency].SelectMany(child => CustomResourcesOf(child.Resource, children, byResource));
    }

    // Every [Input] field or property holds an Input<T> (InputList and InputMap are ones too) whose output carries
    // the resources it came from: what the SDK sends as the resource's property dependencies.
    private static async Task<IEnumerable<Resource>> InputDependenciesAsync(ResourceArgs args)
    {
        var found = new List<Resource>();
        for (var type = args.GetType(); type is not null && type != typeof(ResourceArgs); type = type.BaseType)
        {
            const BindingFlags members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetFields(members).Cast<MemberInfo>().Concat(type.GetProperties(members)))
            {
                if (member.GetCustomAttribute<InputAttribute>() is null)
                {
                    continue;
                }
                var value = member is FieldInfo field ? field.GetValue(args) : ((PropertyInfo)member).GetValue(args);
                if (value is not null && InputType(value.GetType()) is { } inputType)
                {
                    var dependencies = typeof(ResourceGraph).GetMethod(nameof(DependenciesOfInputAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(inputType.GetGenericArguments()[0]).Invoke(null, [value]);
                    found.AddRange(await (Task<ImmutableHashSet<Resource>>)dependencies!);
                }
            }
        }
        return found;
    }

    private static Task<ImmutableHashSet<Resource>> DependenciesOfInputAsync<T>(Input<T> input) =>
        OutputUtilities.GetDependenciesAsync(input.ToOutput());

    private static Type? InputType(Type? type) =>
        type is null ? null
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>) ? type
        : InputType(type.BaseType);
}
