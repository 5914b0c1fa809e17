using System.Text.Json;
using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.Tests.Configuration;

public sealed class JsonConfigValuesTests
{
    [Fact]
    public void EveryJsonShapeBecomesAConfigValue()
    {
        using var document = JsonDocument.Parse("""{"s": "text", "n": 5432, "t": true, "f": false, "z": null, "l": ["a", 1]}""");
        var map = Assert.IsType<ConfigMap>(JsonConfigValues.FromJson(document.RootElement));
        Assert.Equal(["s", "n", "t", "f", "z", "l"], map.Entries.Select(entry => entry.Key));
        Assert.Equal(new ConfigScalar("text"), map["s"]);
        Assert.Equal(new ConfigScalar("5432"), map["n"]);
        Assert.Equal(new ConfigScalar("true"), map["t"]);
        Assert.Equal(new ConfigScalar("false"), map["f"]);
        Assert.Equal(new ConfigScalar(null), map["z"]);
        var list = Assert.IsType<ConfigList>(map["l"]);
        Assert.Equal([new ConfigScalar("a"), new ConfigScalar("1")], list.Items);
    }

    [Fact]
    public void AWronglyTypedJsonValueIsAProblemWithItsPath()
    {
        using var servers = JsonDocument.Parse("""{"main": {"host": ["a"], "username": "u", "password": "p", "port": "x"}}""");
        var result = FleetConfigurationReader.Read(
            new ConfigMap([new("tenant-databases:servers", JsonConfigValues.FromJson(servers.RootElement))]), ConfigOrigin.PulumiConfig);
        Assert.Equal(["tenant-databases:servers.main.host", "tenant-databases:servers.main.port"],
            result.Errors.Select(problem => problem.Path).Order());
        Assert.All(result.Problems, problem => Assert.Null(problem.Location));
    }
}
