using System.Text;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.StackFiles;

/// <summary>
/// A stack file from a pull request is hostile: anchors and aliases are refused before anything is
/// expanded (a billion laughs would take minutes and gigabytes), and a file past the size bound is not parsed.
/// </summary>
public sealed class AnchorAndSizeRefusalTests
{
    /// <summary>Ten levels, each repeating the one below ten times: 10^10 scalars if expanded.</summary>
    public static string BillionLaughs()
    {
        var text = new StringBuilder("config:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"  a{level}: &a{level} [{string.Join(",", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        return text.Append("  tenant-databases:tenants:\n    acme:\n      server: eu\n      extra: *a9\n").ToString();
    }

    [Fact]
    public void BillionLaughsIsRefusedAtTheFirstAnchor()
    {
        var problem = SingleProblem(BillionLaughs());

        Assert.Equal(new SourceLocation(2, 7), problem.Location);
        Assert.Contains("anchor", problem.Message);
        Assert.Contains("Write the value out in full", problem.Fix);
    }

    [Theory]
    [InlineData("single harmless alias", "config:\n  a: &x 1\n  b: *x\n", 2, 6)]
    [InlineData("anchor on a mapping", "config:\n  base: &base\n    port: 5432\n", 2, 9)]
    [InlineData("anchor on a sequence item", "config:\n  list:\n    - &item eu-west\n", 3, 7)]
    [InlineData("alias without its anchor", "config:\n  b: *nowhere\n", 2, 6)]
    [InlineData("alias as a key", "config:\n  ? *k\n  : value\n", 2, 5)]
    [InlineData("alias in a flow sequence", "config:\n  list: [eu-west, *r]\n", 2, 19)]
    [InlineData("alias in a block sequence", "config:\n  list:\n    - eu-west\n    - *r\n", 4, 7)]
    [InlineData("merge key", "config:\n  server:\n    <<: *defaults\n    host: pg\n", 3, 9)]
    [InlineData("anchor in secrets settings", "secretsprovider: &p passphrase\nconfig: {}\n", 1, 18)]
    public void EveryAnchorOrAliasIsAProblemWithItsPosition(string variant, string yaml, int line, int column)
    {
        var problem = SingleProblem(yaml);

        Assert.True(new SourceLocation(line, column) == problem.Location, $"{variant}: at {problem.Location}");
        Assert.Matches("anchor|alias", problem.Message);
        Assert.Equal(StackFileReader.FileProblemPath, problem.Path);
    }

    [Fact]
    public void TheProblemLineNamesFileLineColumnAndFix()
    {
        var line = SingleProblem("config:\n  a: &x 1\n  b: *x\n").Format("Pulumi.dev.yaml");

        Assert.StartsWith("Pulumi.dev.yaml:2:6: error yaml: The file uses a YAML anchor", line);
        Assert.Contains(" Fix: Write the value out in full", line);
    }

    [Fact]
    public void AddTenantRefusesAnAliasWithItsPosition()
    {
        var edit = TenantEntryWriter.AddTenant("config:\n  a: &x 1\n  b: *x\n", "acme", "eu");

        Assert.False(edit.Succeeded);
        Assert.StartsWith("Line 2, column 6: The file uses a YAML anchor", edit.Problem);
    }

    [Fact]
    public void TextPastTheSizeBoundIsNotParsed()
    {
        var yaml = "config:\n  filler: \"" + new string('x', (int)StackFileReader.MaxFileBytes) + "\"\n";

        var problem = SingleProblem(yaml);

        Assert.Null(problem.Location);
        Assert.Contains("more than the 4,194,304 bytes (4 MiB) a stack file may hold", problem.Message);
        Assert.False(TenantEntryWriter.AddTenant(yaml, "acme", "eu").Succeeded);
    }

    [Fact]
    public void TheBoundCountsBytesNotCharacters()
    {
        // Three bytes per character in UTF-8: under the bound in characters, over it in bytes.
        var yaml = "config:\n  filler: \"" + new string('€', (int)(StackFileReader.MaxFileBytes / 2)) + "\"\n";

        Assert.Contains("a stack file may hold", SingleProblem(yaml).Message);
    }

    [Fact]
    public void AFileAtTheSizeBoundIsRead()
    {
        var header = "config:\n  filler: \"";
        var yaml = header + new string('x', (int)StackFileReader.MaxFileBytes - header.Length - 2) + "\"\n";

        var result = StackFileReader.Parse("Pulumi.edge.yaml", yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(problem => problem.Message)));
    }

    private static ConfigProblem SingleProblem(string yaml)
    {
        var result = StackFileReader.Parse("Pulumi.hostile.yaml", yaml);
        Assert.Null(result.File);
        return Assert.Single(result.Problems);
    }
}
