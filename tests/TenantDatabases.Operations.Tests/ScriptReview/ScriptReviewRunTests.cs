using TenantDatabases.Operations.ScriptReview;

namespace TenantDatabases.Operations.Tests.ScriptReview;

/// <summary><c>tenantdb migrations check --base</c> against real git repositories made here.</summary>
public sealed class ScriptReviewRunTests
{
    private static readonly (string, string)[] Applied =
    [
        ("0001_outlets.sql", "CREATE TABLE outlets (id int);\n"),
        ("0002_staff.sql", "CREATE TABLE staff (id int);\n"),
        ("0003_sales.sql", "CREATE TABLE sales (id int);\n"),
    ];

    private static Task<ScriptReviewResult> CheckAsync(GitRepository repository, string? baseRef = GitRepository.Base) =>
        ScriptReviewRun.RunAsync(new ScriptReviewRequest(null, repository.Root, baseRef), CancellationToken.None);

    [Fact]
    public async Task ACleanAdditionPasses()
    {
        var repository = GitRepository.Create(Applied);
        repository.Write("0004_customers.sql", "CREATE TABLE customers (id int);\n");
        repository.Commit("a new script");

        var review = await CheckAsync(repository);

        Assert.True(review.IsValid, string.Join("\n", review.Findings.Select(f => f.Describe())));
        Assert.Equal(4, review.ScriptCount);
        Assert.Equal(repository.Git("rev-parse", "base^{commit}").Trim(), review.BaseCommit);
    }

    [Fact]
    public async Task AnEditedARenamedADeletedAndAnOutOfOrderScriptAreEachReportedAtOnce()
    {
        var repository = GitRepository.Create([.. Applied, ("0004_customers.sql", "CREATE TABLE customers (id int);\n"), ("0006_stock.sql", "CREATE TABLE stock (id int);\n")]);
        repository.Write("0001_outlets.sql", "CREATE TABLE outlets (id bigint);\n");
        File.Move(Path.Combine(repository.Migrations, "0002_staff.sql"), Path.Combine(repository.Migrations, "0002_people.sql"));
        File.Delete(Path.Combine(repository.Migrations, "0003_sales.sql"));
        repository.Write("0005_late.sql", "CREATE TABLE late (id int);\n");

        var review = await CheckAsync(repository);

        Assert.False(review.IsValid);
        Assert.False(review.IsUsageProblem);
        var problems = review.Problems.Select(f => f.Describe()).ToList();
        Assert.All(review.Problems, finding => Assert.StartsWith(repository.Migrations + "/", finding.File, StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("/migrations/0001_outlets.sql: edited since base", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/migrations/0002_people.sql: is 0002_staff.sql of base renamed", StringComparison.Ordinal) && p.EndsWith("rename it back to 0002_staff.sql.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/migrations/0003_sales.sql: deleted since base", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/migrations/0005_late.sql: is new but numbered 0005, not after 0006_stock.sql", StringComparison.Ordinal) && p.EndsWith("give it a number after 0006.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFolderIsReadAsItIsNowAgainstTheBaseCommitNotTheLastCommit()
    {
        var repository = GitRepository.Create(Applied);
        repository.Write("0002_staff.sql", "CREATE TABLE staff (id bigint);\n");
        repository.Commit("an edit, committed");

        var review = await CheckAsync(repository);

        Assert.Contains("0002_staff.sql: edited since base", Assert.Single(review.Problems).Describe());
    }

    [Fact]
    public async Task ABaseThatDoesNotExistIsAUsageProblemThatSaysHowToFetchIt()
    {
        var repository = GitRepository.Create(Applied);

        var missing = await CheckAsync(repository, "origin/no-such-branch");
        var option = await CheckAsync(repository, "--output=/tmp/x");

        Assert.True(missing.IsUsageProblem);
        Assert.Contains("--base origin/no-such-branch: no such commit", Assert.Single(missing.Findings).Describe());
        Assert.Contains("fetch-depth: 0", missing.Findings[0].Describe());
        Assert.True(option.IsUsageProblem);
        Assert.Contains("not a git revision", Assert.Single(option.Findings).Describe());
    }

    [Fact]
    public async Task HostileNamesAtTheBaseAreNeverUsed()
    {
        var repository = GitRepository.Create(Applied);
        File.WriteAllText(Path.Combine(repository.Migrations, "0009_$(touch pwned).sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(repository.Migrations, "0010_new\nline.sql"), "SELECT 1;");
        repository.Commit("hostile names");
        repository.Git("tag", "hostile");
        File.Delete(Path.Combine(repository.Migrations, "0009_$(touch pwned).sql"));
        File.Delete(Path.Combine(repository.Migrations, "0010_new\nline.sql"));

        var review = await CheckAsync(repository, "hostile");

        Assert.True(review.IsValid, string.Join("\n", review.Findings.Select(f => f.Describe())));
        Assert.False(File.Exists(Path.Combine(repository.Root, "pwned")));
    }

    [Fact]
    public async Task AFolderThatIsNewSinceTheBaseHasNothingToCompare()
    {
        var repository = GitRepository.Create(Applied);
        Directory.Move(repository.Migrations, Path.Combine(repository.Root, "elsewhere"));
        repository.Commit("the folder moves");
        Directory.Move(Path.Combine(repository.Root, "elsewhere"), repository.Migrations);

        var review = await ScriptReviewRun.RunAsync(new ScriptReviewRequest(null, repository.Root, "HEAD"), CancellationToken.None);

        Assert.True(review.IsValid);
        Assert.NotNull(review.BaseCommit);
    }
}
