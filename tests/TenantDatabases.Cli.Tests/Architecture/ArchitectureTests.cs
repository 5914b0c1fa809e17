using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantDatabases.Cli.Tests.Architecture;

/// <summary>
/// What docs/architecture.md claims about src/ that a machine can check, checked on every source file parsed as C#:
/// no namespace depends on another that depends back on it, no null-forgiving <c>!</c>, every type name once, every
/// folder's main file says in its first line what the folder owns, and no file grows past the size a reader follows.
/// </summary>
public sealed class ArchitectureTests
{
    private const int MostLinesInAFile = 330;

    private static readonly IReadOnlyList<SourceFile> Sources = Directory
        .EnumerateFiles(RepositoryFolder.Path("src"), "*.cs", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(path => new SourceFile(Path.GetRelativePath(RepositoryFolder.Root, path), CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetCompilationUnitRoot()))
        .ToList();

    private sealed record SourceFile(string Path, CompilationUnitSyntax Root)
    {
        public string? Namespace => Root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        public int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
    }

    [Fact]
    public void TheSourcesAreFound() => Assert.True(Sources.Count > 50, $"only {Sources.Count} files under src/");

    [Fact]
    public void NoNullForgivingOperatorInSrc()
    {
        var found = Sources.SelectMany(file => file.Root.DescendantNodes()
                .Where(node => node.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                .Select(node => $"{file.Path}:{file.Line(node)}: {node}"))
            .ToList();

        Assert.True(found.Count == 0, "A `!` after a check means the type should say it ([MemberNotNullWhen]):\n" + string.Join("\n", found));
    }

    [Fact]
    public void NoTwoNamespacesDependOnEachOther()
    {
        var graph = NamespaceGraph();

        var cycles = StronglyConnected(graph.Keys.ToList(), graph).Where(component => component.Count > 1).ToList();

        Assert.True(cycles.Count == 0, "Namespaces that depend on each other, with the files that make each edge:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(", ", cycle) + ": " + string.Join("; ", cycle.SelectMany(from => graph[from].Where(edge => cycle.Contains(edge.Key))
                .Select(edge => $"{from} -> {edge.Key} ({string.Join(", ", edge.Value)})"))))));
    }

    [Fact]
    public void TheNamespaceCheckFindsACycleWhenThereIsOne()
    {
        var graph = new Dictionary<string, Dictionary<string, HashSet<string>>>
        {
            ["A"] = new() { ["B"] = ["a.cs"] },
            ["B"] = new() { ["A"] = ["b.cs"] },
            ["C"] = new() { ["A"] = ["c.cs"] },
        };

        Assert.Equal(["A", "B"], Assert.Single(StronglyConnected(["A", "B", "C"], graph), component => component.Count > 1).Order());
    }

    [Fact]
    public void EveryTypeNameIsUsedOnce()
    {
        var twice = Sources.SelectMany(file => file.Root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
                .Where(type => type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
                .Select(type => (type.Identifier.Text, file.Path)))
            .GroupBy(type => type.Text)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(type => type.Path))}")
            .ToList();

        Assert.True(twice.Count == 0, "Type names declared more than once:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void EveryFolderSaysInItsMainFileWhatItOwns()
    {
        var silent = Sources
            .GroupBy(file => Path.GetDirectoryName(file.Path) ?? "")
            .Where(folder => folder.Key.Count(character => character == Path.DirectorySeparatorChar) >= 2)
            .Where(folder => !folder.Any(file => File.ReadLines(RepositoryFolder.Path(file.Path)).FirstOrDefault() is { } first
                && first.StartsWith($"// {Path.GetFileName(folder.Key)}: ", StringComparison.Ordinal)))
            .Select(folder => folder.Key)
            .ToList();

        Assert.True(silent.Count == 0, "Folders whose main file does not start with `// <Folder>: <what it owns>`:\n" + string.Join("\n", silent));
    }

    [Fact]
    public void NoFileGrowsPastWhatAReaderFollows()
    {
        var long_ = Sources.Select(file => (file.Path, Lines: File.ReadLines(RepositoryFolder.Path(file.Path)).Count()))
            .Where(file => file.Lines > MostLinesInAFile)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.True(long_.Count == 0, $"Files over {MostLinesInAFile} lines (split them by concept):\n" + string.Join("\n", long_));
    }

    // From each namespace to the project namespaces its files name, with those files: usings and qualified names.
    private static Dictionary<string, Dictionary<string, HashSet<string>>> NamespaceGraph()
    {
        var known = Sources.Select(file => file.Namespace).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var graph = known.ToDictionary(name => name, _ => new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));
        foreach (var file in Sources)
        {
            if (file.Namespace is not { } from)
            {
                continue;
            }
            // Usings, and the qualified names of the code itself (not the parts of a using or of the namespace's own name).
            var named = file.Root.Usings.Select(@using => @using.Name?.ToString() ?? "")
                .Concat(file.Root.DescendantNodes()
                    .Where(node => node is QualifiedNameSyntax or MemberAccessExpressionSyntax)
                    .Where(node => !node.Ancestors().Any(ancestor => ancestor is UsingDirectiveSyntax
                        || (ancestor is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(node.Span))))
                    .Select(node => node.ToString()));
            foreach (var name in named)
            {
                if (Resolve(name, from, known) is { } to && to != from)
                {
                    (graph[from].TryGetValue(to, out var files) ? files : graph[from][to] = []).Add(Path.GetFileName(file.Path));
                }
            }
        }
        return graph;
    }

    // The longest project namespace that a name starts with, the name read as C# reads it: as written, then relative
    // to each namespace that encloses the file's (Fleet.Secrets.SecretMask in TenantDatabases.Cli is TenantDatabases.Fleet…).
    private static string? Resolve(string name, string from, HashSet<string> known)
    {
        var enclosing = from.Split('.');
        // Innermost enclosing namespace first, as C# looks names up; the name itself last (TenantDatabases.…).
        var scopes = Enumerable.Range(1, enclosing.Length).Reverse().Select(length => string.Join('.', enclosing[..length])).Append("");
        foreach (var scope in scopes)
        {
            var parts = (scope.Length == 0 ? name : scope + "." + name).Split('.');
            var scopeParts = scope.Length == 0 ? 1 : scope.Split('.').Length;
            // Only a prefix that takes at least the name's first part: the scope alone is no dependency.
            for (var length = parts.Length; length > scopeParts; length--)
            {
                var prefix = string.Join('.', parts[..length]);
                if (known.Contains(prefix))
                {
                    return prefix;
                }
            }
        }
        return null;
    }

    // Tarjan's algorithm: each strongly connected component of the graph.
    private static List<List<string>> StronglyConnected(IReadOnlyList<string> nodes, Dictionary<string, Dictionary<string, HashSet<string>>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }
        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }
        return components;
    }
}
