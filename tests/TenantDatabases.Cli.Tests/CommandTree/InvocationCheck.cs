using Spectre.Console.Cli.Help;


namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>Checks an invocation against the command tree: its command (and subcommand) and every option must exist.</summary>
public static class InvocationCheck
{
    /// <summary>What is wrong with <paramref name="invocation"/>; empty when every word is known.</summary>
    public static IReadOnlyList<string> Problems(ICommandModel model, TenantDbInvocation invocation)
    {
        var words = invocation.Words;
        if (words[0].StartsWith('<'))
        {
            return []; // a placeholder in a document: `tenantdb <command> --help`
        }
        if (words[0].StartsWith('-'))
        {
            return words[0] is "--help" or "-h" ? [] : [$"{invocation}: `tenantdb` itself has no option {words[0]}"];
        }
        var commandName = words[0].TrimEnd(',', '.', ':', ';');
        var command = model.Commands.FirstOrDefault(c => c.Name == commandName && !c.IsHidden);
        if (command is null)
        {
            return [$"{invocation}: unknown command '{words[0]}' (known: {string.Join(", ", model.Commands.Where(c => !c.IsHidden).Select(c => c.Name))})"];
        }
        var next = 1;
        while (command.IsBranch)
        {
            if (next == words.Count)
            {
                return []; // the branch alone prints its help
            }
            var sub = command.Commands.FirstOrDefault(c => c.Name == words[next]);
            if (sub is null)
            {
                return [$"{invocation}: '{command.Name}' needs one of {string.Join(", ", command.Commands.Select(c => c.Name))}"];
            }
            command = sub;
            next++;
        }
        var options = CommandTreeModel.Options(command).ToList();
        var longNames = options.SelectMany(o => o.LongNames).Append("help").ToHashSet();
        var shortNames = options.SelectMany(o => o.ShortNames).Append("h").ToHashSet();
        var problems = new List<string>();
        foreach (var word in words.Skip(next).Where(w => w.StartsWith('-') && w is not "-" and not "--"))
        {
            var name = word.Split('=')[0];
            var known = name.StartsWith("--", StringComparison.Ordinal)
                ? longNames.Contains(name[2..])
                : shortNames.Contains(name[1..]);
            if (!known)
            {
                problems.Add($"{invocation}: `tenantdb {command.Name}` has no option {name}");
            }
        }
        return problems;
    }
}
