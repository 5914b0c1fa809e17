using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class ConfigProblemTests
{
    // A pull request writes the keys and values that problems echo: its escape sequences must not reach the terminal.
    [Fact]
    public void AProblemLineShowsControlAndBidiCharactersOfHostileInputEscaped()
    {
        var yaml = StackYaml.Valid
            .Replace("host: pg-eu-2.internal", "host: \"\\e[31mbad\\nhost\"", StringComparison.Ordinal)
            .Replace("    bobs-books:", "    \"\\e]0;title\\a\\u202eevil\":\n      server: \"\\e[2Jeu-primary\"\n    bobs-books:", StringComparison.Ordinal);

        var lines = StackYaml.Read(yaml).Problems.Select(problem => problem.Format("Pulumi.test.yaml")).ToList();

        Assert.True(lines.Count >= 3, string.Join("\n", lines));
        foreach (var line in lines)
        {
            Assert.DoesNotContain(line, character => char.IsControl(character) || character == '\u202e');
        }
        Assert.Contains(lines, line => line.Contains("\\u001b[31mbad\\u000ahost", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\\u001b]0;title\\u0007\\u202eevil", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("'\\u001b[2Jeu-primary' is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOrdinaryProblemLineIsUnchanged()
    {
        var problem = new ConfigProblem(ProblemSeverity.Warning, "tenant-databases:tenants.café", "Ünïcode stays — as «is».", "Nothing.", new SourceLocation(3, 5));

        Assert.Equal("Pulumi.x.yaml:3:5: warning tenant-databases:tenants.café: Ünïcode stays — as «is». Fix: Nothing.", problem.Format("Pulumi.x.yaml"));
    }
}
