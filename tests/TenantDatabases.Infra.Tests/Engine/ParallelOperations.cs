using System.Collections;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// How many operations on one server the engine could run at once, from the dependencies alone (whatever
/// <c>--parallel</c> allows): while creating and updating, the largest set of the server's resources with no
/// dependency path between any two of them (a maximum antichain: by Dilworth's theorem, the resources less a
/// maximum matching of "comes before"); while deleting, the largest round of Pulumi's own delete schedule.
/// </summary>
public static class ParallelOperations
{
    /// <summary>The largest number of <paramref name="operations"/> that no dependency path orders.</summary>
    public static int MostAtOnce(ResourceGraph graph, IReadOnlyList<DeclaredResource> operations)
    {
        var index = operations.Select((operation, i) => (operation, i)).ToDictionary(pair => pair.operation, pair => pair.i);
        // For every resource, which of the operations it comes after (through any resource), in dependency order.
        var after = new Dictionary<DeclaredResource, BitArray>();
        foreach (var resource in DependencyOrder(graph))
        {
            var reached = new BitArray(operations.Count);
            foreach (var dependency in graph.DependenciesOf(resource))
            {
                reached.Or(after[dependency]);
                if (index.TryGetValue(dependency, out var i))
                {
                    reached[i] = true;
                }
            }
            after[resource] = reached;
        }
        var later = operations.Select(operation => Members(after[operation]).ToArray()).ToArray();
        return operations.Count - MaximumMatching(later, operations.Count);
    }

    /// <summary>
    /// The largest number of <paramref name="operations"/> that one round of deletes runs at once when the resources
    /// of <paramref name="removedTenants"/> leave the program. As pulumi/pulumi's <c>stepGenerator.ScheduleDeletes</c>
    /// does it: a resource is deleted in a round after every condemned resource that directly depends on it, rounds
    /// one after another, everything in a round at once.
    /// </summary>
    public static int MostDeletedAtOnce(ResourceGraph graph, IReadOnlyList<DeclaredResource> operations, IReadOnlySet<string> removedTenants)
    {
        var condemned = graph.Resources.Where(resource => graph.TenantOf(resource) is { } tenant && removedTenants.Contains(tenant)).ToHashSet();
        // Pulumi's rounds, computed in one pass: a round's resources are those whose longest chain of condemned
        // dependencies has the same length; the rounds run from the longest chain down.
        var round = new Dictionary<DeclaredResource, int>();
        foreach (var resource in DependencyOrder(graph).Where(condemned.Contains))
        {
            round[resource] = graph.DependenciesOf(resource).Where(condemned.Contains).Select(dependency => round[dependency] + 1).DefaultIfEmpty(0).Max();
        }
        var counted = operations.ToHashSet();
        return round.Where(entry => counted.Contains(entry.Key)).GroupBy(entry => entry.Value).Select(group => group.Count()).DefaultIfEmpty(0).Max();
    }

    // Dependencies before dependents (the program's graph has no cycle: the engine would refuse one).
    private static List<DeclaredResource> DependencyOrder(ResourceGraph graph)
    {
        var order = new List<DeclaredResource>();
        var state = new Dictionary<DeclaredResource, bool>();
        foreach (var root in graph.Resources)
        {
            var stack = new Stack<(DeclaredResource Resource, bool Expanded)>([(root, false)]);
            while (stack.Count > 0)
            {
                var (resource, expanded) = stack.Pop();
                if (expanded)
                {
                    state[resource] = true;
                    order.Add(resource);
                    continue;
                }
                if (state.TryGetValue(resource, out var done))
                {
                    Assert.True(done, $"{resource.Name} depends on itself");
                    continue;
                }
                state[resource] = false;
                stack.Push((resource, true));
                foreach (var dependency in graph.DependenciesOf(resource).Where(dependency => !state.GetValueOrDefault(dependency)))
                {
                    stack.Push((dependency, false));
                }
            }
        }
        return order;
    }

    private static IEnumerable<int> Members(BitArray bits)
    {
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                yield return i;
            }
        }
    }

    // Hopcroft-Karp on the bipartite graph "left i comes after right j".
    private static int MaximumMatching(int[][] edges, int count)
    {
        var matchLeft = Enumerable.Repeat(-1, count).ToArray();
        var matchRight = Enumerable.Repeat(-1, count).ToArray();
        var distance = new int[count];
        var matched = 0;
        while (Layers(edges, matchLeft, matchRight, distance))
        {
            for (var left = 0; left < count; left++)
            {
                if (matchLeft[left] == -1 && Augment(left, edges, matchLeft, matchRight, distance))
                {
                    matched++;
                }
            }
        }
        return matched;
    }

    private static bool Layers(int[][] edges, int[] matchLeft, int[] matchRight, int[] distance)
    {
        var queue = new Queue<int>();
        for (var left = 0; left < edges.Length; left++)
        {
            distance[left] = matchLeft[left] == -1 ? 0 : int.MaxValue;
            if (matchLeft[left] == -1)
            {
                queue.Enqueue(left);
            }
        }
        var found = false;
        while (queue.Count > 0)
        {
            var left = queue.Dequeue();
            foreach (var right in edges[left])
            {
                var next = matchRight[right];
                if (next == -1)
                {
                    found = true;
                }
                else if (distance[next] == int.MaxValue)
                {
                    distance[next] = distance[left] + 1;
                    queue.Enqueue(next);
                }
            }
        }
        return found;
    }

    private static bool Augment(int left, int[][] edges, int[] matchLeft, int[] matchRight, int[] distance)
    {
        foreach (var right in edges[left])
        {
            var next = matchRight[right];
            if (next == -1 || (distance[next] == distance[left] + 1 && Augment(next, edges, matchLeft, matchRight, distance)))
            {
                matchLeft[left] = right;
                matchRight[right] = left;
                return true;
            }
        }
        distance[left] = int.MaxValue;
        return false;
    }
}
