namespace TenantDatabases.Fleet.Validation;

/// <summary>Collects problems while a configuration is read, so every problem is reported at once.</summary>
internal sealed class ProblemList
{
    private readonly List<ConfigProblem> problems = [];

    public IReadOnlyList<ConfigProblem> All => problems;

    public void Error(string path, string message, string fix, SourceLocation? location) =>
        problems.Add(new ConfigProblem(ProblemSeverity.Error, path, message, fix, location));

    public void Warning(string path, string message, string fix, SourceLocation? location) =>
        problems.Add(new ConfigProblem(ProblemSeverity.Warning, path, message, fix, location));

    public void Add(ConfigProblem problem) => problems.Add(problem);
}
