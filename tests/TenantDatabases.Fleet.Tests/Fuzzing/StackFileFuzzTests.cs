using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Testing.Fuzzing;

namespace TenantDatabases.Fleet.Tests.Fuzzing;

/// <summary>
/// Mutated stack files through everything that reads them (the reader, validation, the planner and
/// add-tenant's editor): a value or problems, never an exception, never a planted password echoed.
/// </summary>
public sealed class StackFileFuzzTests
{
    private const string Secret = "Planted-Pa55word-9d1e";

    // A plain-text password is a mistake the validator names without echoing it.
    private static readonly string WithPlainPassword = StackYaml.Valid.Replace(
        "secure: v1:CCCCCCCCCCCCCCCC:DDDDDDDDDDDDDDDDDDDDDDDD", "").Replace("      password:\n        \n", $"      password: {Secret}\n");

    private const string FlowStyle = """
        secretsprovider: passphrase
        encryptionsalt: v1:c2FsdA==:v1:AAAA:BBBB
        config:
          tenant-databases:servers: {eu: {host: pg.internal, username: u, password: {secure: "v1:AA:BB"}, region: eu-west, default: true}}
          tenant-databases:tenants: {acme: {server: eu}, bob: {server: eu, connectionLimit: 3}}
          tenant-databases:residency: [eu-west]
        """;

    private static readonly FuzzCases Cases = new(Seed: 1201, Count: 3000, TextDialect.Yaml,
        [StackYaml.Valid, WithPlainPassword, FlowStyle], [Secret]);

    [Fact]
    public void TheSeedsAreWhatTheyClaim()
    {
        Assert.True(StackYaml.Read(StackYaml.Valid).IsValid);
        Assert.True(StackYaml.Read(FlowStyle).IsValid);
        Assert.Contains(StackYaml.Read(WithPlainPassword).Errors, problem => problem.Message.Contains("plain text"));
        Assert.Contains($"password: {Secret}\n", WithPlainPassword);
    }

    [Fact]
    public Task MutatedStackFilesGiveAValueOrProblems() => Cases.CheckAsync(yaml =>
    {
        var read = StackFileReader.Parse("Pulumi.fuzz.yaml", yaml);
        CheckProblems(read.Problems);
        if (read.File is null)
        {
            Assert.NotEmpty(read.Problems);
            return;
        }
        var validation = FleetConfigurationReader.Read(read.File.Config, ConfigOrigin.StackFile);
        CheckProblems(validation.Problems);
        if (validation is { IsValid: true, Configuration: { } configuration })
        {
            Assert.NotNull(FleetPlanner.Plan(configuration));
        }
    });

    [Fact]
    public Task AddTenantOnMutatedStackFilesEditsOrRefuses() => Cases.CheckAsync(yaml =>
    {
        var edit = TenantEntryWriter.AddTenant(yaml, "fuzz-tenant", "eu-primary", "eu-west");
        if (edit.Value is not { } text)
        {
            Assert.False(string.IsNullOrWhiteSpace(edit.Problem));
            Cases.AssertNoSecretIn(edit.Problem, "add-tenant's refusal");
            return;
        }
        CheckProblems(StackFileReader.Parse("Pulumi.fuzz.yaml", text).Problems);
    });

    [Fact]
    public Task RotationEditsOnMutatedStackFilesEditOrRefuse() => Cases.CheckAsync(yaml =>
    {
        foreach (var edit in new[] { PasswordVersionWriter.Set(yaml, "acme-coffee", 2), ServerPasswordWriter.ReplaceSecure(yaml, "eu-primary", "v1:AAAA:BBBB") })
        {
            if (edit.Value is not { } text)
            {
                Assert.False(string.IsNullOrWhiteSpace(edit.Problem));
                Cases.AssertNoSecretIn(edit.Problem, "a rotation edit's refusal");
                continue;
            }
            CheckProblems(StackFileReader.Parse("Pulumi.fuzz.yaml", text).Problems);
        }
    });

    private static void CheckProblems(IReadOnlyList<ConfigProblem> problems)
    {
        foreach (var problem in problems)
        {
            var line = problem.Format("Pulumi.fuzz.yaml");
            FuzzCases.AssertIsAMessage(problem.Message, "a problem's message");
            Assert.False(string.IsNullOrWhiteSpace(problem.Fix), $"no fix: {line}");
            Assert.True(problem.Location is null or { Line: >= 1, Column: >= 1 }, $"bad location: {line}");
            Cases.AssertNoSecretIn(line, "a problem");
        }
    }
}
