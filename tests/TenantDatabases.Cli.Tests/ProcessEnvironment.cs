namespace TenantDatabases.Cli.Tests;

/// <summary>
/// Tests that set environment variables (the passphrase variables the commands read) run in this
/// collection, alone: the environment is shared by the whole test process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";

    /// <summary>Sets <paramref name="variables"/> until disposed, then restores what was there.</summary>
    public static IDisposable Set(params (string Name, string? Value)[] variables)
    {
        var previous = variables.Select(variable => (variable.Name, Environment.GetEnvironmentVariable(variable.Name))).ToList();
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        return new Restore(previous);
    }

    private sealed class Restore(List<(string Name, string? Value)> previous) : IDisposable
    {
        public void Dispose() => previous.ForEach(variable => Environment.SetEnvironmentVariable(variable.Name, variable.Value));
    }
}
