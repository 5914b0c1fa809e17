using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Testing;

/// <summary>
/// A server as the product's admin page left it, prepared by SQL as the server's admin (<see cref="TestPostgresServer.AdminUser"/>):
/// three databases it owns (one of them in LATIN1 with the C locale and a connection limit), one owned by a login role
/// of its own whose application keeps its password, one whose name cannot be a tenant id, and a template; each with
/// <see cref="Rows"/> rows in <see cref="Table"/>. A stack declares one more (<see cref="DeclaredId"/>), created as the
/// program creates tenants. The same SQL serves the Operations tests (through Npgsql) and the end-to-end test (through psql).
/// </summary>
public sealed class LegacyFleet
{
    /// <summary>The table every legacy database holds rows in.</summary>
    public const string Table = "legacy_rows";

    /// <summary>How many rows each legacy database holds.</summary>
    public const int Rows = 3;

    /// <summary>The login role of its own that owns <see cref="AppDatabase"/>.</summary>
    public const string AppRole = "legacy_app";

    /// <summary>The databases the admin owns and adopt writes: name → tenant id.</summary>
    public static IReadOnlyDictionary<string, string> AdminDatabases { get; } = new Dictionary<string, string>
    {
        ["tenant_north_shop"] = "north-shop",
        ["south_shop"] = "south-shop",
        ["east_shop"] = "east-shop",
    };

    /// <summary>The database <see cref="AppRole"/> owns, and its tenant id.</summary>
    public const string AppDatabase = "app_shop", AppId = "app-shop";

    /// <summary>A database whose name cannot be a tenant id (upper case and a space).</summary>
    public const string UnnamableDatabase = "Legacy Shop";

    /// <summary>A template database, never adopted.</summary>
    public const string TemplateDatabase = "legacy_template";

    /// <summary>The tenant the stack declares already, and its database (created as the program creates them).</summary>
    public const string DeclaredId = "declared-shop";

    /// <summary>The password <see cref="AppRole"/>'s application logs in with: adoption must never change it.</summary>
    public string AppPassword { get; } = "app-pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();

    /// <summary>Every database adopt writes, name → tenant id.</summary>
    public static IReadOnlyDictionary<string, string> Adoptable { get; } =
        AdminDatabases.Append(KeyValuePair.Create(AppDatabase, AppId)).ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>Every legacy database that holds rows.</summary>
    public static IReadOnlyList<string> WithRows { get; } = [.. Adoptable.Keys, UnnamableDatabase];

    /// <summary>
    /// The statements the admin page's user runs, in order, each on its own (CREATE DATABASE cannot run in a transaction):
    /// the role, the databases, then in each database its rows (as the owner: <c>SET ROLE</c> for the role's database).
    /// Each statement is (database to run it in, SQL).
    /// </summary>
    public IReadOnlyList<(string Database, string Sql)> Statements()
    {
        var statements = new List<(string, string)>
        {
            ("postgres", $"CREATE ROLE {AppRole} LOGIN PASSWORD '{AppPassword}'"),
            // PostgreSQL 16+: CREATE DATABASE ... OWNER needs the admin to be able to SET ROLE to the owner.
            ("postgres", $"GRANT {AppRole} TO {TestPostgresServer.AdminUser}"),
            ("postgres", "CREATE DATABASE tenant_north_shop"),
            ("postgres", "CREATE DATABASE south_shop CONNECTION LIMIT 20"),
            ("postgres", "CREATE DATABASE east_shop TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' CONNECTION LIMIT 7"),
            ("postgres", $"CREATE DATABASE {AppDatabase} OWNER {AppRole}"),
            ("postgres", $"CREATE DATABASE {SqlIdentifier.Quote(UnnamableDatabase)}"),
            ("postgres", $"CREATE DATABASE {TemplateDatabase} IS_TEMPLATE true"),
        };
        foreach (var database in WithRows)
        {
            var actAs = database == AppDatabase ? $"SET ROLE {AppRole}; " : "";
            statements.Add((database, $"{actAs}CREATE TABLE {Table} (n int); INSERT INTO {Table} SELECT generate_series(1, {Rows})"));
        }
        return statements;
    }

    /// <summary>Prepares <paramref name="server"/> as the admin, over TCP, as <see cref="Statements"/> says.</summary>
    public async Task PrepareAsync(TestPostgresServer server)
    {
        foreach (var (database, sql) in Statements())
        {
            await using var connection = new NpgsqlConnection(server.AdminConnectionString(database));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The rows of <see cref="Table"/> in every legacy database, read as the superuser.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(TestPostgresServer server)
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in WithRows)
        {
            counts[database] = await server.ScalarAsSuperuserAsync<long>(database, $"SELECT count(*) FROM {Table}");
        }
        return counts;
    }
}
