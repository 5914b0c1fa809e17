// Tenants: the TenantDatabase component: owner role, password, database, membership, PUBLIC revoke.
using Pulumi;
using Pulumi.PostgreSql;
using Pulumi.Random;

namespace TenantDatabases.Infra.Tenants;

/// <summary>
/// One tenant's database on its server: an owner role with a generated password, the admin's
/// membership in that role, the database it owns, and PUBLIC's privileges on it revoked. Every
/// PostgreSQL resource goes through the provider of the tenant's server.
/// </summary>
public sealed class TenantDatabase : ComponentResource
{
    public const string TypeToken = "tenant-databases:index:TenantDatabase";

    // Letters and digits only: nothing to escape in a connection string or a URL.
    public const int PasswordLength = 32;

    public TenantDatabase(string name, TenantDatabaseArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var passwordArgs = new RandomPasswordArgs
        {
            Length = PasswordLength,
            Special = false,
        };
        // A changed keeper makes Pulumi generate a new password; the role is then updated in place.
        if (args.Tenant.PasswordKeepers() is { } keepers)
        {
            passwordArgs.Keepers = new InputMap<string>();
            foreach (var (key, value) in keepers)
            {
                passwordArgs.Keepers.Add(key, value);
            }
        }
        var password = new RandomPassword($"{name}-password", passwordArgs, new CustomResourceOptions { Parent = this });

        // The tenant's first operation on its server waits for its lane: the bound on the provider's pool.
        var ownerOptions = HoldingData(args);
        foreach (var earlier in args.After)
        {
            ownerOptions.DependsOn.Add(earlier);
        }
        var owner = new Role($"{name}-owner", new RoleArgs
        {
            Name = args.Tenant.RoleName,
            Login = true,
            Password = password.Result,
            ConnectionLimit = args.Tenant.ConnectionLimit,
        }, ownerOptions);

        // PostgreSQL 16+: CREATE DATABASE ... OWNER needs the creating admin to be a member of the owner role.
        var adminMembership = new GrantRole($"{name}-admin-membership", new GrantRoleArgs
        {
            Role = args.AdminUsername,
            GrantRoleName = owner.Name,
        }, OnServer(args));

        var databaseOptions = HoldingData(args);
        databaseOptions.DependsOn.Add(adminMembership);
        var database = new Database($"{name}-database", new DatabaseArgs
        {
            Name = args.Tenant.DatabaseName,
            Owner = owner.Name,
            Template = "template0",
            Encoding = "UTF8",
            LcCollate = Optional(args.Locale),
            LcCtype = Optional(args.Locale),
            ConnectionLimit = args.Tenant.ConnectionLimit,
        }, databaseOptions);

        // An empty privilege list revokes everything, CONNECT included. Deleted before it is replaced, as the
        // provider marks every Grant (docs/pulumi-behaviour.md): a Grant's delete runs REVOKE ALL, which after a
        // replacement's create would take back what the new grant gave.
        var publicRevokeOptions = OnServer(args);
        publicRevokeOptions.DeleteBeforeReplace = true;
        LastServerOperation = new Grant($"{name}-public-revoked", new GrantArgs
        {
            Database = database.Name,
            Role = "public",
            ObjectType = "database",
            Privileges = new InputList<string>(),
        }, publicRevokeOptions);

        DatabaseName = database.Name;
        RoleName = owner.Name;
        Password = Output.CreateSecret(password.Result);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["databaseName"] = DatabaseName,
            ["roleName"] = RoleName,
            ["password"] = Password,
        });
    }

    /// <summary>The tenant's database.</summary>
    public Output<string> DatabaseName { get; }

    /// <summary>The tenant's owner role, which the application logs in as.</summary>
    public Output<string> RoleName { get; }

    /// <summary>The owner role's password; a secret.</summary>
    public Output<string> Password { get; }

    /// <summary>
    /// The last of the tenant's operations on its server (each one waits for the one before): a later tenant of the
    /// same lane starts after it, and is deleted before it.
    /// </summary>
    public Resource LastServerOperation { get; }

    private CustomResourceOptions OnServer(TenantDatabaseArgs args) =>
        new() { Parent = this, Provider = args.Provider };

    // Protected, a replacement or a removal fails instead of dropping data; retained, a removed tenant keeps it.
    private CustomResourceOptions HoldingData(TenantDatabaseArgs args) => new()
    {
        Parent = this,
        Provider = args.Provider,
        Protect = args.Tenant.Protection.Protect,
        RetainOnDelete = args.Tenant.Protection.RetainOnDelete,
    };

    private static Input<string>? Optional(string? value) => value is null ? null : (Input<string>)value;
}
