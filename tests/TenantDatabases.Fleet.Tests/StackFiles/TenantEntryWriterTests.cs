using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Fleet.Tests.StackFiles;

public sealed class TenantEntryWriterTests
{
    private static string Added(string yaml, string id = "new-shop", string server = "eu-primary")
    {
        var edit = TenantEntryWriter.AddTenant(yaml, id, server);
        Assert.True(edit.Succeeded, edit.Problem);
        return edit.Value;
    }

    private static string ServerOf(string yaml, string id)
    {
        var result = StackYaml.Read(yaml);
        return result.Configuration!.Tenants.Single(tenant => tenant.Id == id).Server!;
    }

    [Fact]
    public void ATenantIsAppendedAfterTheLastOneAndNothingElseChanges()
    {
        var yaml = StackYaml.Valid.Replace("      connectionLimit: 5", "      connectionLimit: 5   # agreed with ops\n    # retired: old-shop\n  aws:region: eu-west-1 # other project") + "\n";
        var edited = Added(yaml);
        var inserted = "    new-shop:\n      server: eu-primary\n";
        Assert.Equal(yaml.Length + inserted.Length, edited.Length);
        var index = edited.IndexOf(inserted, StringComparison.Ordinal);
        Assert.Equal(yaml, edited.Remove(index, inserted.Length));
        Assert.Equal("eu-primary", ServerOf(edited, "new-shop"));
        Assert.True(StackYaml.Read(edited).IsValid);
    }

    [Fact]
    public void TheEntryFollowsTheFilesIndentation()
    {
        const string yaml = "config:\n    tenant-databases:tenants:\n        acme:\n            server: a\n";
        Assert.Equal(yaml + "        new-shop:\n            server: eu-primary\n", Added(yaml));
    }

    [Fact]
    public void AFileWithoutAFinalNewlineGetsOne()
    {
        const string yaml = "config:\n  tenant-databases:tenants:\n    acme:\n      server: a";
        Assert.Equal(yaml + "\n    new-shop:\n      server: eu-primary\n", Added(yaml));
    }

    [Fact]
    public void WindowsLineEndingsAreKept()
    {
        const string yaml = "config:\r\n  tenant-databases:tenants:\r\n    acme:\r\n      server: a\r\n";
        Assert.Equal(yaml + "    new-shop:\r\n      server: eu-primary\r\n", Added(yaml));
    }

    [Theory]
    [InlineData("config:\n  tenant-databases:tenants:\n  aws:region: x\n", "config:\n  tenant-databases:tenants:\n    new-shop:\n      server: eu-primary\n  aws:region: x\n")]
    [InlineData("config:\n  tenant-databases:tenants: {} # none yet\n", "config:\n  tenant-databases:tenants:  # none yet\n    new-shop:\n      server: eu-primary\n")]
    [InlineData("config:\n  tenant-databases:tenants: ~\n", "config:\n  tenant-databases:tenants: \n    new-shop:\n      server: eu-primary\n")]
    [InlineData("config:\n  tenant-databases:protect: false\n", "config:\n  tenant-databases:protect: false\n  tenant-databases:tenants:\n    new-shop:\n      server: eu-primary\n")]
    [InlineData("config:\n", "config:\n  tenant-databases:tenants:\n    new-shop:\n      server: eu-primary\n")]
    [InlineData("secretsprovider: passphrase\n", "secretsprovider: passphrase\nconfig:\n  tenant-databases:tenants:\n    new-shop:\n      server: eu-primary\n")]
    [InlineData("", "config:\n  tenant-databases:tenants:\n    new-shop:\n      server: eu-primary\n")]
    public void EmptyOrMissingTenantsAreCreated(string yaml, string expected) => Assert.Equal(expected, Added(yaml));

    [Fact]
    public void TenantsWithoutTheNamespaceAreFound()
    {
        const string yaml = "config:\n  tenants:\n    acme:\n      server: a\n  servers: {}\n";
        Assert.Equal("config:\n  tenants:\n    acme:\n      server: a\n    new-shop:\n      server: eu-primary\n  servers: {}\n", Added(yaml));
    }

    [Fact]
    public void AFlowStyleLastTenantIsHandled()
    {
        const string yaml = "config:\n  tenant-databases:tenants:\n    acme: {server: a}\n";
        Assert.Equal(yaml + "    new-shop:\n      server: eu-primary\n", Added(yaml));
    }

    [Fact]
    public void AMultiLineScalarInTheLastTenantIsNotSplit()
    {
        const string yaml = "config:\n  tenant-databases:tenants:\n    acme:\n      server: >-\n        a\n\n";
        var edited = Added(yaml);
        Assert.Equal(yaml + "    new-shop:\n      server: eu-primary\n", edited);
    }

    [Theory]
    [InlineData("7-eleven", "\"7-eleven\":")]
    [InlineData("yes", "\"yes\":")]
    [InlineData("null", "\"null\":")]
    public void IdsYamlWouldMisreadAreQuoted(string id, string expectedKey)
    {
        var edited = Added("config:\n  tenant-databases:tenants: {}\n", id);
        Assert.Contains($"    {expectedKey}\n", edited);
        var file = StackFileReader.Parse("f.yaml", edited);
        var tenants = (ConfigMap)file.File!.Config["tenant-databases:tenants"]!;
        Assert.Equal(id, Assert.Single(tenants.Entries).Key);
    }

    [Theory]
    [InlineData("config:\n  tenant-databases:tenants: {acme: {server: a}}\n", "block mapping")]
    [InlineData("config: [a]\n", "'config:'")]
    [InlineData("config:\n  tenant-databases:tenants:\n    new-shop:\n      server: a\n", "already")]
    [InlineData("config:\n  a: [\n", "not valid YAML")]
    public void UneditableFilesAreRefused(string yaml, string expected)
    {
        var edit = TenantEntryWriter.AddTenant(yaml, "new-shop", "eu-primary");
        Assert.False(edit.Succeeded);
        Assert.Contains(expected, edit.Problem);
    }

    [Fact]
    public void ARequiredRegionIsWrittenWithTheServer()
    {
        const string yaml = "config:\n  tenant-databases:tenants:\n    acme:\n       server: a\n";
        var edit = TenantEntryWriter.AddTenant(yaml, "new-shop", "eu-primary", "eu-west");
        Assert.Equal(yaml + "    new-shop:\n       server: eu-primary\n       region: eu-west\n", edit.Value);
    }
}

public sealed class TenantEntriesWriterTests
{
    [Fact]
    public void ManyEntriesAreAddedInOneInsertionAfterTheLastTenantAndNothingElseChanges()
    {
        var yaml = StackYaml.Valid + "\n";
        var entries = Enumerable.Range(1, 300).Select(i => new TenantEntry($"shop-{i:000}",
            [("server", "eu-primary"), ("database", $"shop_{i:000}"), ("owner", "provisioner"), ("connectionLimit", -1)])).ToList();

        var edit = TenantEntryWriter.AddTenants(yaml, entries);

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.StartsWith(yaml, edit.Value);
        Assert.StartsWith("    shop-001:\n      server: eu-primary\n      database: shop_001\n      owner: provisioner\n      connectionLimit: -1\n", edit.Value[yaml.Length..]);
        var read = StackYaml.Read(edit.Value);
        Assert.Equal(302, read.Configuration!.Tenants.Count);
        Assert.Equal(-1, read.Configuration.Tenants.Single(tenant => tenant.Id == "shop-300").ConnectionLimit);
    }

    [Theory]
    [InlineData("o'brien \"app\" rôle")]
    [InlineData("with space")]
    [InlineData("back\\slash")]
    [InlineData("true")]
    [InlineData("Ünïcødé ∂b 数据库")]
    [InlineData("right\u202eleft")]
    [InlineData("tab\there")]
    [InlineData("next\u0085line")]
    [InlineData("line\u2028separator")]
    [InlineData("# not a comment")]
    [InlineData("*alias")]
    public void AnyNameIsWrittenSoThatYamlReadsItBackExactlyAndOnOneLine(string name)
    {
        var edit = TenantEntryWriter.AddTenants(StackYaml.Valid + "\n", [new TenantEntry("odd", [("server", "eu-primary"), ("database", "odd"), ("owner", name)])]);

        Assert.True(edit.Succeeded, edit.Problem);
        var ownerLine = edit.Value.Split('\n').Single(line => line.Contains("owner:", StringComparison.Ordinal));
        Assert.DoesNotContain(ownerLine, character => char.IsControl(character) || char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.Format);
        var file = StackFileReader.Parse("Pulumi.test.yaml", edit.Value).File!;
        var tenants = (ConfigMap)file.Config.Entries.Single(entry => entry.Key == "tenant-databases:tenants").Value;
        var odd = (ConfigMap)tenants.Entries.Single(entry => entry.Key == "odd").Value;
        Assert.Equal(name, ((ConfigScalar)odd.Entries.Single(entry => entry.Key == "owner").Value).Text);
    }

    [Fact]
    public void AnEntryAlreadyInTheFileOrGivenTwiceIsRefused()
    {
        Assert.Contains("already in the stack file", TenantEntryWriter.AddTenants(StackYaml.Valid, [new TenantEntry("acme-coffee", [("server", "eu-primary")])]).Problem);
        Assert.Contains("added twice", TenantEntryWriter.AddTenants(StackYaml.Valid,
            [new TenantEntry("x", [("server", "eu-primary")]), new TenantEntry("x", [("server", "eu-primary")])]).Problem);
    }
}
