using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Adoption;

public sealed class AdoptionDecisionTests
{
    private static readonly FleetConfiguration Configuration = StackYaml.Read(StackYaml.Valid).Configuration!;
    private static readonly ServerDefinition Server = Configuration.FindServer("eu-primary")!;

    private static ServerDatabase Database(string name, string owner = "provisioner", int limit = -1, string encoding = "UTF8",
        string locale = "C.UTF-8", bool allowConnections = true, bool template = false) =>
        new(name, owner, encoding, locale, locale, limit, allowConnections, template);

    private static ServerRole Role(string name, int limit = -1, bool login = true, int owned = 1, bool adminCanJoin = true,
        IReadOnlyList<string>? memberOf = null, bool createDb = false) =>
        new(name, login, false, createDb, false, false, false, true, null, limit, memberOf ?? [], [], owned, adminCanJoin);

    private static AdoptionPlan Decide(IEnumerable<ServerDatabase> databases, IEnumerable<ServerRole>? roles = null, string? match = null) =>
        AdoptionDecision.Decide(Configuration, Server,
            new ServerCatalog(databases.ToList(), (roles ?? []).ToDictionary(role => role.Name)),
            match is null ? null : new Regex(match, RegexOptions.None, TimeSpan.FromSeconds(1)));

    [Fact]
    public void TemplatesTheAdminDatabasePostgresAndDeclaredDatabasesAreLeftOutWithTheirReason()
    {
        var plan = Decide([Database("template1", template: true), Database("postgres"), Database("tenant_acme_coffee", "tenant_acme_coffee_owner"),
            Database("shop_one")]);

        Assert.Equal("shop-one", Assert.Single(plan.Adopted).Id);
        Assert.Equal(
            [("postgres", SkipReason.AdminDatabase), ("template1", SkipReason.Template), ("tenant_acme_coffee", SkipReason.Declared)],
            plan.Skipped.Select(skip => (skip.Name, skip.Reason)).Order());
    }

    [Theory]
    [InlineData("tenant_acme_books", "acme-books")]
    [InlineData("acme_books", "acme-books")]
    [InlineData("shop-7", "shop-7")]
    [InlineData("7_eleven", "7-eleven")]
    [InlineData("tenant_", "tenant-")]
    public void TheIdIsTheNameWithoutThePrefixWithUnderscoresAsDashes(string name, string id) =>
        Assert.Equal(id, AdoptionDecision.DeriveId(name, "tenant_").Id);

    [Theory]
    [InlineData("Acme Shop", "lower-case letters")]
    [InlineData("o'brien", "lower-case letters")]
    [InlineData("x\"; DROP DATABASE y; --", "lower-case letters")]
    [InlineData("café", "lower-case letters")]
    [InlineData("_leading", "starting with a letter or digit")]
    [InlineData("line\nbreak", "lower-case letters")]
    [InlineData("tenant_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "too long")]
    public void ANameThatCannotBeAnIdIsListedWithTheReasonAndTheFixAndNeverGuessed(string name, string reason)
    {
        var plan = Decide([Database(name)]);

        Assert.Empty(plan.Adopted);
        var skipped = Assert.Single(plan.NotAdoptable);
        Assert.Contains(reason, skipped.Why);
        Assert.Contains("add it by hand under an id you choose", skipped.Fix);
        Assert.DoesNotContain(skipped.Fix!, character => char.IsControl(character));
    }

    [Fact]
    public void TwoNamesThatGiveOneIdAreBothRefusedAndAnIdTheStackHasIsNotTaken()
    {
        var plan = Decide([Database("acme_shop"), Database("acme-shop"), Database("bobs_books")]);

        Assert.Empty(plan.Adopted);
        Assert.Equal(3, plan.NotAdoptable.Count());
        Assert.Contains("taken by tenant 'bobs-books'", plan.Skipped.Single(skip => skip.Name == "bobs_books").Why);
        Assert.Contains("same tenant id 'acme-shop'", plan.Skipped.Single(skip => skip.Name == "acme_shop").Why);
    }

    [Fact]
    public void MatchLeavesOutWhatItDoesNotMatch()
    {
        var plan = Decide([Database("shop_one"), Database("internal_tool")], match: "^shop_");

        Assert.Equal("shop-one", Assert.Single(plan.Adopted).Id);
        Assert.Equal(SkipReason.NotMatching, plan.Skipped.Single(skip => skip.Name == "internal_tool").Reason);
    }

    [Fact]
    public void ACatastrophicPatternTimesOutAndLeavesTheNameOut()
    {
        var plan = AdoptionDecision.Decide(Configuration, Server,
            new ServerCatalog([Database(new string('a', 60) + "!")], new Dictionary<string, ServerRole>()),
            new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50)));

        Assert.Equal(SkipReason.NotMatching, Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void WhatTheServerHoldsIsRecordedWhereItDiffersFromWhatTheProgramDeclares()
    {
        var plan = Decide([Database("plain_shop", limit: 20, locale: "C"), Database("latin_shop", limit: 5, encoding: "LATIN1", locale: "de_DE"),
            Database("app_shop", "app_user", limit: 10)], [Role("app_user", limit: 3)]);

        var tenants = plan.Adopted.ToDictionary(tenant => tenant.Id);
        Assert.Equal(new AdoptedTenant("plain-shop", "plain_shop", "provisioner", TenantOwnerKind.ServerAdmin, null, null, "C", "C", null), tenants["plain-shop"]);
        Assert.Equal(new AdoptedTenant("latin-shop", "latin_shop", "provisioner", TenantOwnerKind.ServerAdmin, 5, "LATIN1", "de_DE", "de_DE", null), tenants["latin-shop"]);
        Assert.Equal(new AdoptedTenant("app-shop", "app_shop", "app_user", TenantOwnerKind.Existing, 10, null, "C.UTF-8", "C.UTF-8", 3), tenants["app-shop"]);
        Assert.Equal(
            [("server", (object)"eu-primary"), ("database", "latin_shop"), ("owner", "provisioner"), ("connectionLimit", 5), ("encoding", "LATIN1"), ("lcCollate", "de_DE"), ("lcCtype", "de_DE")],
            tenants["latin-shop"].Entry("eu-primary").Settings);
    }

    [Fact]
    public void AStacksLocaleIsNotRecordedAgain()
    {
        var configuration = StackYaml.Read(StackYaml.Valid.Replace("  tenant-databases:protect: true", "  tenant-databases:protect: true\n  tenant-databases:locale: C.UTF-8")).Configuration!;

        var plan = AdoptionDecision.Decide(configuration, Server, new ServerCatalog([Database("shop")], new Dictionary<string, ServerRole>()));

        Assert.Null(Assert.Single(plan.Adopted).LcCollate);
    }

    [Theory]
    [InlineData(-2, true, "invalid database")]
    [InlineData(0, true, "connection limit is 0")]
    [InlineData(-1, false, "does not allow connections")]
    public void ADatabaseTheImportWouldChangeIsNotAdopted(int limit, bool allowConnections, string reason)
    {
        var skipped = Assert.Single(Decide([Database("shop", limit: limit, allowConnections: allowConnections)]).NotAdoptable);

        Assert.Contains(reason, skipped.Why);
        Assert.Contains("\"shop\"", skipped.Fix);
    }

    [Fact]
    public void AnOwnerRoleThatIsNotAPlainLoginRoleOfThisDatabaseAloneIsNotAdopted()
    {
        var plan = Decide(
            [Database("nologin_shop", "group_role"), Database("shared_a", "shared"), Database("member_shop", "member"),
             Database("foreign_shop", "foreign"), Database("creator_shop", "creator"), Database("thief_shop", "tenant_acme_coffee_owner")],
            [Role("group_role", login: false), Role("shared", owned: 2), Role("member", memberOf: ["readers"]), Role("foreign", adminCanJoin: false),
             Role("creator", createDb: true), Role("tenant_acme_coffee_owner")]);

        Assert.Empty(plan.Adopted);
        var why = plan.NotAdoptable.ToDictionary(skip => skip.Name, skip => skip.Why);
        Assert.Contains("NOLOGIN", why["nologin_shop"]);
        Assert.Contains("owns 2 databases", why["shared_a"]);
        Assert.Contains("member of readers", why["member_shop"]);
        Assert.Contains("cannot join", why["foreign_shop"]);
        Assert.Contains("CREATEDB", why["creator_shop"]);
        Assert.Contains("already a tenant's owner role", why["thief_shop"]);
        Assert.Contains("WITH ADMIN OPTION", plan.NotAdoptable.Single(skip => skip.Name == "foreign_shop").Fix);
    }

    [Fact]
    public void EveryAdoptedEntryMakesAValidStackAndASecondDecisionAddsNothing()
    {
        var plan = Decide([Database("shop_one"), Database("app_shop", "App \"User\" ü", limit: 10), Database("latin", encoding: "LATIN1")],
            [Role("App \"User\" ü", limit: 3)]);
        var edit = Fleet.StackFiles.TenantEntryWriter.AddTenants(StackYaml.Valid + "\n", plan.Adopted.Select(tenant => tenant.Entry("eu-primary")).ToList());

        var read = StackYaml.Read(edit.Value!);

        Assert.True(read.IsValid, string.Join("\n", read.Problems.Select(problem => problem.Format(null))));
        var app = read.Configuration.Tenants.Single(tenant => tenant.Id == "app-shop");
        Assert.Equal(new ExistingDatabase("app_shop", "App \"User\" ü", LcCollate: "C.UTF-8", LcCtype: "C.UTF-8", OwnerConnectionLimit: 3), app.Existing);
        Assert.Equal(10, app.ConnectionLimit);
        var again = AdoptionDecision.Decide(read.Configuration, Server,
            new ServerCatalog([Database("shop_one"), Database("app_shop", "App \"User\" ü", limit: 10)], new Dictionary<string, ServerRole>()));
        Assert.Empty(again.Adopted);
        Assert.All(again.Skipped, skip => Assert.Equal(SkipReason.Declared, skip.Reason));
    }
}
