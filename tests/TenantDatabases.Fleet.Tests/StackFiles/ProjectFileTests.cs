using TenantDatabases.Fleet.Model;
using YamlDotNet.RepresentationModel;
using TenantDatabases.Testing;

namespace TenantDatabases.Fleet.Tests.StackFiles;

/// <summary>Pulumi.yaml declares the keys Fleet reads, with Fleet's defaults.</summary>
public sealed class ProjectFileTests
{
    private static readonly YamlMappingNode Project = LoadProject();

    [Fact]
    public void ThePulumiProjectRunsTheInfraProgram()
    {
        Assert.Equal(ConfigDefaults.Namespace, Scalar(Project, "name"));
        Assert.Equal("dotnet", Scalar(Project, "runtime"));
        Assert.Equal("src/TenantDatabases.Infra/", Scalar(Project, "main"));
    }

    [Fact]
    public void EveryTopLevelKeyButTheOptionalLocaleIsDeclared()
    {
        var declared = Config().Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value!).Order();

        // A declared key without a default is required by the Pulumi CLI; locale has no default.
        Assert.Equal(ConfigKeys.TopLevel.Where(key => key != ConfigKeys.Locale).Order(), declared);
    }

    [Fact]
    public void DeclaredDefaultsAreFleetsDefaults()
    {
        Assert.Equal(StackSettings.Defaults.Protect ? "true" : "false", Scalar(Declaration(ConfigKeys.Protect), "default"));
        Assert.Equal(ConfigDefaults.DatabasePrefix, Scalar(Declaration(ConfigKeys.DatabasePrefix), "default"));
        Assert.Empty(Assert.IsType<YamlSequenceNode>(Declaration(ConfigKeys.Residency)[new YamlScalarNode("default")]));
        Assert.False(Declaration(ConfigKeys.Servers).Children.ContainsKey(new YamlScalarNode("default")), "servers are required");
    }

    [Fact]
    public void EveryDeclaredKeyIsDescribed()
    {
        Assert.All(Config().Children.Values.Cast<YamlMappingNode>(), declaration =>
            Assert.False(string.IsNullOrWhiteSpace(Scalar(declaration, "description"))));
    }

    private static YamlMappingNode Config() => (YamlMappingNode)Project[new YamlScalarNode("config")];

    private static YamlMappingNode Declaration(string key) => (YamlMappingNode)Config()[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[new YamlScalarNode(key)]).Value;

    private static YamlMappingNode LoadProject()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(RepositoryFolder.Path("Pulumi.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
