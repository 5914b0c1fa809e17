using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Provisioning;

public sealed class TenantProvisioningTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task ProvisionedTenantIsOwnedByItsRoleWithoutPublicConnectAndReachableAsTheOwner()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "provisioned-shop", connectionLimit: 7);

        Assert.Equal("tenant_provisioned_shop", tenant.Database);
        Assert.Equal("tenant_provisioned_shop_owner", tenant.Username);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = tenant.Host, Port = tenant.Port, Database = tenant.Database, Username = tenant.Username,
            Password = tenant.Password, Pooling = false, SslMode = SslMode.Disable,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_get_userbyid(d.datdba) = current_user,
                   has_database_privilege('public', d.oid, 'CONNECT'),
                   d.datconnlimit, r.rolconnlimit, pg_encoding_to_char(d.encoding)
            FROM pg_database d JOIN pg_roles r ON r.rolname = current_user
            WHERE d.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(7, reader.GetInt32(2));
        Assert.Equal(7, reader.GetInt32(3));
        Assert.Equal("UTF8", reader.GetString(4));
    }

    [Fact]
    public async Task StackOutputsJsonCarriesEveryTenantEntryField()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "outputs-shop");

        var json = System.Text.Json.JsonDocument.Parse(ProvisionedTenant.StackOutputsJson([tenant]));

        var entry = json.RootElement.GetProperty("tenants").GetProperty("outputs-shop");
        Assert.Equal(servers.Second.Port, entry.GetProperty("port").GetInt32());
        Assert.Equal(tenant.Password, entry.GetProperty("password").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("servers").GetProperty("beta").GetProperty("tenantCount").GetInt32());
        Assert.Equal("tenant_outputs_shop_owner", json.RootElement.GetProperty("placements").GetProperty("outputs-shop").GetProperty("role").GetString());
    }
}
