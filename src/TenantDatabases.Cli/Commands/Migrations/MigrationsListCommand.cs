using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>
/// <c>tenantdb migrations list</c>: the scripts in the order migrate applies them, with number, name, transaction
/// mode and the checksum the journal stores. Exit 0; 1 when the folder's scripts are not a valid set; 2 when there is no folder.
/// </summary>
internal sealed class MigrationsListCommand(IAnsiConsole console) : Command<MigrationsListSettings>
{
    public override int Execute(CommandContext context, MigrationsListSettings settings, CancellationToken cancellationToken)
    {
        var read = MigrationsFolder.Read(settings.Scripts, settings.Cwd);
        if (!read.IsValid)
        {
            var errors = settings.IsJson ? StandardErrorConsole.For(true, console) : console;
            read.Problems.ToList().ForEach(problem => ProblemOutput.WriteError(errors, problem));
            return read.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        }
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(new
            {
                folder = read.Folder,
                scripts = read.Scripts.All.Select(script => new
                {
                    number = script.Number,
                    name = script.Name,
                    transaction = script.RunsInTransaction,
                    sha256 = script.Sha256,
                }),
            }));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("number", "name", "transaction", "sha256");
        foreach (var script in read.Scripts.All)
        {
            table.AddRow($"{script.Number}", Markup.Escape(script.Name), script.RunsInTransaction ? "yes" : "[yellow]no[/]", script.Sha256);
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{read.Scripts.All.Count} script(s) in {read.Folder}; tenants end at {read.Scripts.Latest?.Name}.");
        return ExitCodes.Success;
    }
}
