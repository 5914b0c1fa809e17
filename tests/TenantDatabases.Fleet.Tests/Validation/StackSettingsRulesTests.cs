namespace TenantDatabases.Fleet.Tests.Validation;

public sealed class StackSettingsRulesTests
{
    [Fact]
    public void SettingsDefaultWhenAbsent()
    {
        var yaml = StackYaml.Valid.Replace("  tenant-databases:protect: true\n  tenant-databases:residency: [eu-west]\n", "");
        var settings = StackYaml.Read(yaml).Configuration!.Settings;
        Assert.True(settings.Protect);
        Assert.Empty(settings.Residency);
        Assert.Equal("tenant_", settings.DatabasePrefix);
        Assert.Null(settings.Locale);
    }

    [Fact]
    public void PrefixAndLocaleAreRead()
    {
        var yaml = StackYaml.Valid.Replace("config:\n", "config:\n  tenant-databases:databasePrefix: pos_\n  tenant-databases:locale: en_US.UTF-8\n");
        var result = StackYaml.Read(yaml);
        Assert.Empty(result.Problems);
        Assert.Equal("pos_", result.Configuration!.Settings.DatabasePrefix);
        Assert.Equal("en_US.UTF-8", result.Configuration.Settings.Locale);
    }

    [Theory]
    [InlineData("tenant-databases:protect", "tenant-databases:protect: maybe", "true or false")]
    [InlineData("tenant-databases:residency", "tenant-databases:residency: eu-west", "list")]
    [InlineData("tenant-databases:databasePrefix", "tenant-databases:databasePrefix: Tenant-", "safe name prefix")]
    [InlineData("tenant-databases:databasePrefix", "tenant-databases:databasePrefix: \"x\\\"; --\"", "safe name prefix")]
    [InlineData("tenant-databases:locale", "tenant-databases:locale: \"en_US'; DROP\"", "not a locale")]
    public void MalformedSettingsAreErrors(string path, string line, string expected)
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("  tenant-databases:protect: true\n  tenant-databases:residency: [eu-west]\n", $"  {line}\n"));
        var problem = StackYaml.SingleError(result, path);
        Assert.Contains(expected, problem.Message + problem.Fix);
    }

    [Fact]
    public void AKeyGivenWithAndWithoutTheNamespaceIsAnError()
    {
        var result = StackYaml.Read(StackYaml.Valid.Replace("config:\n", "config:\n  protect: false\n"));
        Assert.Contains("set twice", StackYaml.SingleError(result, "tenant-databases:protect").Message);
    }

    [Fact]
    public void ALongerPrefixShortensTheLongestTenantId()
    {
        var yaml = StackYaml.Valid.Replace("config:\n", "config:\n  tenant-databases:databasePrefix: point_of_sale_\n")
            + "\n    " + new string('a', 63 - 14 - 6) + ":\n      server: eu-primary\n";
        Assert.Empty(StackYaml.Read(yaml).Errors);
        var tooLong = yaml.Replace(new string('a', 43), new string('a', 44));
        Assert.Single(StackYaml.Read(tooLong).Errors);
    }
}
