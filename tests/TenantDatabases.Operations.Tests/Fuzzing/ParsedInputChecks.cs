using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Operations.Tests.Fuzzing;

/// <summary>What every parser owes any input: a value or problems, each a message, no planted secret.</summary>
internal static class ParsedInputChecks
{
    public static void IsAValueOrProblems(this FuzzCases cases, ParsedInput parsed)
    {
        Assert.True(parsed.IsValid || parsed.Problems.Count > 0, "neither a value nor a problem");
        foreach (var problem in parsed.Problems)
        {
            FuzzCases.AssertIsAMessage(problem, "a problem");
            cases.AssertNoSecretIn(problem, "a problem");
        }
        cases.AssertNoSecretIn(parsed.Shown, "the parsed value");
    }
}
