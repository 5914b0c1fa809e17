using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.Fuzzing;

/// <summary>What a parser made of an input, in one shape for every fuzz test.</summary>
/// <param name="IsValid">True when it produced a value.</param>
/// <param name="Problems">Every problem it reported.</param>
/// <param name="Shown">The text a command would print of the value (never a password).</param>
internal sealed record ParsedInput(bool IsValid, IReadOnlyList<string> Problems, string Shown);

/// <summary>
/// Each parser of outside input that Operations owns, called from here only: a renamed parser or a
/// changed result type changes one line here, not every fuzz test.
/// </summary>
internal static class OutsideInputParsers
{
    /// <summary><c>pulumi stack output --json --show-secrets</c>, from a file, standard input or the CLI.</summary>
    public static ParsedInput StackOutputs(string json)
    {
        var result = StackOutputsReader.Read(json, "outputs.json");
        return new(result.IsValid, result.Problems, string.Join("\n", result.Connections?.Tenants.Select(target => target.ToString()) ?? []));
    }

    /// <summary><c>pulumi config --json --show-secrets</c> as the CLI prints it, and the passwords taken from it.</summary>
    public static ParsedInput PulumiConfig(string json)
    {
        var parsed = PulumiConfigJson.Parse(json, "pulumi config --json");
        if (!parsed.Succeeded)
        {
            return new(false, [parsed.Problem], "");
        }
        var secrets = parsed.Value.Passwords("pulumi config --json");
        return new(secrets.Succeeded, secrets.Problem is null ? [] : [secrets.Problem], string.Join(",", parsed.Value.Values.Select(pair => pair.Key)));
    }

    /// <summary>A <c>--config-json</c> file, then the validation of the configuration it holds.</summary>
    public static ParsedInput ConfigJsonFile(string path)
    {
        var (config, secrets) = Operations.Secrets.ConfigJsonFile.Read(path);
        var problems = new List<string>();
        if (secrets.Problem is not null)
        {
            problems.Add(secrets.Problem);
        }
        if (config is null)
        {
            return new(false, problems, "");
        }
        var validation = FleetConfigurationReader.Read(config, ConfigOrigin.PulumiConfig);
        problems.AddRange(validation.Problems.Select(problem => problem.Format(path)));
        return new(secrets.Passwords is not null && validation.IsValid, problems, validation.Configuration?.ToString() ?? "");
    }

    /// <summary>The migration scripts of a <c>--scripts</c> folder, judged by their file names.</summary>
    public static ParsedInput MigrationScriptsIn(string folder)
    {
        var read = MigrationScripts.FromFolder(folder);
        return new(read.IsValid, read.Problems, string.Join("\n", read.Scripts?.All.Select(script => $"{script.Number} {script.Name}") ?? []));
    }
}
