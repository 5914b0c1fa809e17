using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class TenantRulesTests
{
    private static string WithTenant(string yamlKey, string body = "      server: eu-primary") =>
        StackYaml.Valid + $"\n    {yamlKey}:\n{body}\n";

    [Theory]
    [InlineData("\"Acme\"", "tenant-databases:tenants.Acme")]
    [InlineData("\"acme coffee\"", "tenant-databases:tenants[\"acme coffee\"]")]
    [InlineData("\"o'brien\"", "tenant-databases:tenants[\"o'brien\"]")]
    [InlineData("'say \"hi\"'", "tenant-databases:tenants[\"say \\\"hi\\\"\"]")]
    [InlineData("café", "tenant-databases:tenants[\"café\"]")]
    [InlineData("\"-leading\"", "tenant-databases:tenants.-leading")]
    [InlineData("\"x; drop database y\"", "tenant-databases:tenants[\"x; drop database y\"]")]
    [InlineData("\"\"", "tenant-databases:tenants[\"\"]")]
    public void UnsafeTenantIdsAreErrorsWithAnEscapedPath(string yamlKey, string path)
    {
        var problem = StackYaml.SingleError(StackYaml.Read(WithTenant(yamlKey)), path);
        Assert.Contains("tenant id", problem.Message);
    }

    [Theory]
    [InlineData("select")]
    [InlineData("drop")]
    [InlineData("user")]
    [InlineData("7-eleven")]
    [InlineData("a")]
    public void SqlKeywordsAndDigitsAreSafeIdsBecauseNamesAreAlwaysQuoted(string id) =>
        Assert.DoesNotContain(StackYaml.Read(WithTenant(id)).Problems, problem => problem.Severity == ProblemSeverity.Error);

    [Fact]
    public void NamesOver63BytesWithThePrefixAreErrors()
    {
        var longest = new string('a', 63 - "tenant_".Length - "_owner".Length);
        Assert.DoesNotContain(StackYaml.Read(WithTenant(longest)).Errors, problem => problem.Path.Contains(longest));
        var tooLong = longest + "b";
        var problem = StackYaml.SingleError(StackYaml.Read(WithTenant(tooLong)), $"tenant-databases:tenants.{tooLong}");
        Assert.Contains("64 bytes", problem.Message);
        Assert.Contains($"at most {longest.Length} characters", problem.Fix);
        var huge = new string('x', 200);
        Assert.Contains("over PostgreSQL's 63", StackYaml.SingleError(StackYaml.Read(WithTenant(huge)), $"tenant-databases:tenants.{huge}").Message);
    }

    [Fact]
    public void IdsThatNormaliseToTheSameNameCollide()
    {
        var result = StackYaml.Read(WithTenant("acme_coffee"));
        var problem = StackYaml.SingleError(result, "tenant-databases:tenants.acme_coffee");
        Assert.Contains("'acme-coffee' and 'acme_coffee' would share the database 'tenant_acme_coffee'", problem.Message);
    }

    [Fact]
    public void ATenantOnAnUnknownServerGetsTheNearestName()
    {
        var result = StackYaml.Read(WithTenant("new-shop", "      server: eu-primery"));
        var problem = StackYaml.SingleError(result, "tenant-databases:tenants.new-shop.server");
        Assert.Contains("'eu-primery' is not defined", problem.Message);
        Assert.Contains("Did you mean 'eu-primary'?", problem.Fix);
    }

    [Theory]
    [InlineData("      region: eu-west")]
    [InlineData("      server: \"\"")]
    [InlineData("")]
    public void ATenantWithoutAServerIsAnError(string body)
    {
        var yaml = body.Length == 0 ? StackYaml.Valid + "\n    new-shop:\n" : WithTenant("new-shop", body);
        var problem = StackYaml.SingleError(StackYaml.Read(yaml), "tenant-databases:tenants.new-shop.server");
        Assert.Contains("tenantdb add-tenant new-shop", problem.Fix);
    }

    [Fact]
    public void ATenantWhoseRequiredRegionDiffersFromItsServersIsAnError()
    {
        var yaml = StackYaml.Valid.Replace("tenant-databases:residency: [eu-west]", "tenant-databases:residency: [eu-west, eu-north]");
        var result = StackYaml.Read(yaml + "\n    new-shop:\n      server: eu-primary\n      region: eu-north\n");
        var problem = StackYaml.SingleError(result, "tenant-databases:tenants.new-shop.server");
        Assert.Contains("requires region 'eu-north' but server 'eu-primary' is in 'eu-west'", problem.Message);
    }

    [Fact]
    public void ATenantRegionOutsideTheResidencyIsAnError()
    {
        var result = StackYaml.Read(WithTenant("new-shop", "      server: eu-primary\n      region: us-east"));
        Assert.Contains("outside this stack's residency", StackYaml.SingleError(result, "tenant-databases:tenants.new-shop.region").Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void AConnectionLimitMustBeMinusOneOrPositive(string limit)
    {
        var result = StackYaml.Read(WithTenant("new-shop", $"      server: eu-primary\n      connectionLimit: {limit}"));
        Assert.Contains("-1", StackYaml.SingleError(result, "tenant-databases:tenants.new-shop.connectionLimit").Fix);
    }

    [Fact]
    public void ATenantThatIsAListIsAnError()
    {
        var result = StackYaml.Read(WithTenant("new-shop", "      - eu-primary"));
        Assert.Contains("mapping", StackYaml.SingleError(result, "tenant-databases:tenants.new-shop").Message);
    }

    [Fact]
    public void ARetiringTenantIsAWarningThatNamesTheNextStep()
    {
        var result = StackYaml.Read(WithTenant("leaving-shop", "      server: eu-primary\n      retire: true"));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings, problem => problem.Path == "tenant-databases:tenants.leaving-shop.retire");
        Assert.Contains("removing the tenant keeps them on the server", warning.Message);
        Assert.Contains("retire-a-tenant.md", warning.Fix);
        Assert.True(Assert.Single(result.Configuration.Tenants, tenant => tenant.Id == "leaving-shop").Retire);
    }

    [Fact]
    public void RetireMustBeABoolean()
    {
        var result = StackYaml.Read(WithTenant("leaving-shop", "      server: eu-primary\n      retire: soon"));

        StackYaml.SingleError(result, "tenant-databases:tenants.leaving-shop.retire");
    }

    [Fact]
    public void APasswordVersionIsReadAndDefaultsToOne()
    {
        var result = StackYaml.Read(WithTenant("rotating-shop", "      server: eu-primary\n      passwordVersion: 3"));

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Configuration.Tenants.Single(tenant => tenant.Id == "rotating-shop").PasswordVersion);
        Assert.Equal(1, result.Configuration.Tenants.Single(tenant => tenant.Id == "acme-coffee").PasswordVersion);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void APasswordVersionIsAWholeNumberFromOneUp(string value)
    {
        var problem = StackYaml.SingleError(StackYaml.Read(WithTenant("rotating-shop", $"      server: eu-primary\n      passwordVersion: {value}")),
            "tenant-databases:tenants.rotating-shop.passwordVersion");

        Assert.Contains("rotate-tenant-password rotating-shop", problem.Fix);
    }
}

public sealed class AdoptedTenantRulesTests
{
    [Fact]
    public void AnAdoptedTenantRecordsItsExistingDatabaseItsOwnerAndWhatTheServerHolds()
    {
        var result = StackYaml.Read(StackYaml.Adopted);

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(problem => problem.Format(null))));
        var tenants = result.Configuration.Tenants.ToDictionary(tenant => tenant.Id);
        Assert.Equal(new ExistingDatabase("legacy_shop", "provisioner", "LATIN1", "C", "C"), tenants["legacy-shop"].Existing);
        Assert.Equal(-1, tenants["legacy-shop"].ConnectionLimit);
        Assert.Equal(new ExistingDatabase("App Shop", "o'brien \"app\" rôle", OwnerConnectionLimit: 5), tenants["app-shop"].Existing);
        Assert.True(tenants["rotated-shop"].IsAdopted);
        Assert.False(tenants["acme-coffee"].IsAdopted);
    }

    [Theory]
    [InlineData("owner: someone")]
    [InlineData("encoding: LATIN1")]
    [InlineData("lcCollate: C")]
    [InlineData("lcCtype: C")]
    [InlineData("ownerConnectionLimit: 3")]
    public void WhatTheServerHoldsIsRecordedOnlyForAnAdoptedTenant(string line)
    {
        var yaml = StackYaml.Valid.Replace("      server: eu-primary", "      server: eu-primary\n      " + line);
        var key = line[..line.IndexOf(':')];

        var problem = StackYaml.SingleError(StackYaml.Read(yaml), $"tenant-databases:tenants.acme-coffee.{key}");

        Assert.Contains("has no 'database'", problem.Message);
        Assert.Contains("tenantdb adopt", problem.Fix);
    }

    [Theory]
    [InlineData("\"\"", "not a PostgreSQL name")]
    [InlineData("\"line\\nbreak\"", "not a PostgreSQL name")]
    [InlineData("\"bell\\a\"", "not a PostgreSQL name")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "not a PostgreSQL name")]
    [InlineData("ééééééééééééééééééééééééééééééééé", "not a PostgreSQL name")]
    public void AnExistingNameIsOneTo63BytesWithoutControlCharacters(string name, string message)
    {
        var yaml = StackYaml.Valid.Replace("      server: eu-primary", $"      server: eu-primary\n      database: {name}");

        Assert.Contains(message, StackYaml.SingleError(StackYaml.Read(yaml), "tenant-databases:tenants.acme-coffee.database").Message);
    }

    [Theory]
    [InlineData("\"x\\\"; DROP DATABASE y; --\"")]
    [InlineData("\"Ünïcødé ∂b\"")]
    [InlineData("\"with space\"")]
    [InlineData("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
    public void AnExistingNameMayHoldQuotesSpacesAndAnyScriptUpTo63Bytes(string name)
    {
        var yaml = StackYaml.Valid.Replace("      server: eu-primary", $"      server: eu-primary\n      database: {name}\n      owner: {name}");

        var result = StackYaml.Read(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(problem => problem.Format(null))));
    }

    [Fact]
    public void ADatabaseTheServersAdminOwnsHasNoOwnerPasswordToRotateAndNoRoleLimit()
    {
        var yaml = StackYaml.Adopted.Replace("      lcCtype: C", "      lcCtype: C\n      passwordVersion: 2\n      ownerConnectionLimit: 4");

        var result = StackYaml.Read(yaml);

        Assert.Contains("owned by the server's admin 'provisioner'", StackYaml.SingleError(result, "tenant-databases:tenants.legacy-shop.passwordVersion").Message);
        Assert.Contains(TenantRules.AdoptionRunbook, StackYaml.SingleError(result, "tenant-databases:tenants.legacy-shop.passwordVersion").Fix);
        StackYaml.SingleError(result, "tenant-databases:tenants.legacy-shop.ownerConnectionLimit");
    }

    [Fact]
    public void AnOwnerConnectionLimitNeedsARecordedOwnerRole()
    {
        var yaml = StackYaml.Adopted.Replace("      owner: rotated_app\n", "");

        Assert.Contains("only for an existing owner role",
            StackYaml.SingleError(StackYaml.Read(yaml.Replace("      passwordVersion: 2", "      ownerConnectionLimit: 3")), "tenant-databases:tenants.rotated-shop.ownerConnectionLimit").Message);
    }

    [Fact]
    public void TwoTenantsOfAServerNeverShareADatabaseOrAnOwnerRoleButAllMayBeOwnedByTheAdmin()
    {
        var shared = StackYaml.Adopted + """

                copy-shop:
                  server: eu-primary
                  database: legacy_shop
                  owner: provisioner
                role-thief:
                  server: eu-primary
                  database: role_thief
                  owner: tenant_acme_coffee_owner
                other-server:
                  server: eu-secondary
                  database: legacy_shop
                  owner: provisioner
            """;

        var result = StackYaml.Read(shared);

        Assert.Contains("both name the database 'legacy_shop' on server 'eu-primary'", StackYaml.SingleError(result, "tenant-databases:tenants.copy-shop.database").Message);
        Assert.Contains("both name the owner role 'tenant_acme_coffee_owner'", StackYaml.SingleError(result, "tenant-databases:tenants.role-thief.owner").Message);
        Assert.DoesNotContain(result.Errors, problem => problem.Path.Contains("other-server", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, problem => problem.Message.Contains("owner role 'provisioner'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("encoding: LATIN1", "encoding: \"UTF 8\"", "encoding")]
    [InlineData("lcCollate: C", "lcCollate: \"\"", "lcCollate")]
    [InlineData("lcCtype: C", "lcCtype: \"a\\tb\"", "lcCtype")]
    public void ARecordedEncodingOrLocaleIsANameWithoutControlCharacters(string line, string replacement, string key)
    {
        var yaml = StackYaml.Adopted.Replace("      " + line, "      " + replacement);

        StackYaml.SingleError(StackYaml.Read(yaml), $"tenant-databases:tenants.legacy-shop.{key}");
    }
}
