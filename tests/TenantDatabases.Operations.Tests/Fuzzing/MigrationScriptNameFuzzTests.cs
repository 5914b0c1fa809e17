using System.Text;
using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Operations.Tests.Fuzzing;

/// <summary>
/// Folders of scripts with mutated file names (each line of an input is one file): a set or problems,
/// never an exception, and never a script's contents echoed.
/// </summary>
public sealed class MigrationScriptNameFuzzTests
{
    private const string Secret = "Planted-Script-Pw-5e0a";

    private static readonly TextDialect Names = new(
        ["_", ".sql", ".SQL", "0", "9999999999", "-", ".", " ", "..", "~", "$", "\\", "*", "?", ".sql.sql", "000"],
        ["0007_loyalty_cards.sql", "1_a.sql", "_x.sql", "0001_.sql", "0001_create_tables.sql", ".sql", "1234567890_big.sql"]);

    [Fact]
    public async Task MutatedScriptNamesGiveAnOrderedSetOrProblems()
    {
        var cases = new FuzzCases(Seed: 1205, Count: 400, Names,
            ["0001_create_tables.sql\n0002_add_orders.sql\n0003_loyalty-cards.v2.sql", "0001_a.sql\n10_b.sql\n0002_c.sql"], [Secret]);
        var root = Directory.CreateTempSubdirectory("tenantdb-fuzz-scripts-");
        try
        {
            var index = 0;
            await cases.CheckAsync(names =>
            {
                var folder = root.CreateSubdirectory((index++).ToString(System.Globalization.CultureInfo.InvariantCulture)).FullName;
                foreach (var name in names.Split('\n').Where(CanBeAFileName))
                {
                    File.WriteAllText(Path.Combine(folder, name), $"-- ALTER ROLE app PASSWORD '{Secret}';\nSELECT 1;\n");
                }
                var parsed = OutsideInputParsers.MigrationScriptsIn(folder);
                cases.IsAValueOrProblems(parsed);
                if (parsed.IsValid)
                {
                    var numbers = parsed.Shown.Split('\n').Select(line => long.Parse(line.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                    Assert.Equal(numbers.Order(), numbers);
                    Assert.Equal(numbers.Distinct().Count(), numbers.Count);
                }
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("1\uFF110_fullwidth.sql")]
    [InlineData("\u0663_arabic_indic.sql")]
    public void ANameNumberedWithNonAsciiDigitsIsAProblemNotACrash(string name)
    {
        // Found by fuzzing: \d matched these digits and long.Parse then threw.
        var folder = Directory.CreateTempSubdirectory("tenantdb-fuzz-digits-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, name), "SELECT 1;");

            var parsed = OutsideInputParsers.MigrationScriptsIn(folder.FullName);

            Assert.False(parsed.IsValid);
            Assert.Contains("the name breaks the rule", Assert.Single(parsed.Problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // What a Linux file system takes as one name: no separator or NUL, not . or .., at most 255 bytes.
    private static bool CanBeAFileName(string name) =>
        name.Length > 0 && name is not "." and not ".." && !name.Contains('/') && !name.Contains('\0')
        && !name.Any(char.IsSurrogate) && Encoding.UTF8.GetByteCount(name) <= 255;
}
