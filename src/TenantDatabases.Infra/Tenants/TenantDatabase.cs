// Tenants: the TenantDatabase component: owner role, password, database, membership, PUBLIC revoke.
using Pulumi;
using Pulumi.PostgreSql;
using Pulumi.Random;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Tenants;

/// <summary>
/// One tenant's database on its server: an owner role with a generated password, the admin's
/// membership in that role, the database it owns, and PUBLIC's privileges on it revoked. Every
/// PostgreSQL resource goes through the provider of the tenant's server. An adopted tenant's database (and its owner
/// role of its own) existed before the stack: they are declared as the server holds them, imported on the first deploy
/// that knows the tenant, and the role's password is generated only once the stack manages it.
/// </summary>
public sealed class TenantDatabase : ComponentResource
{
    public const string TypeToken = "tenant-databases:index:TenantDatabase";

    // Letters and digits only: nothing to escape in a connection string or a URL.
    public const int PasswordLength = 32;

    /// <summary>
    /// The inputs of an adopted database that no Read can set, so an import would report a change for them: <c>template</c>
    /// (the provider's Read answers template0 whatever the database was copied from) and <c>alterObjectOwnership</c>
    /// (Read never sets it, and its default would show as an added input). Ignored on that database alone.
    /// </summary>
    public static IReadOnlyList<string> UnreadableDatabaseInputs { get; } = ["template", "alterObjectOwnership"];

    public TenantDatabase(string name, TenantDatabaseArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var tenant = args.Tenant;
        var password = tenant.PasswordManaged ? GeneratedPassword(name, tenant) : null;

        // The tenant's first operation on its server waits for its lane: the bound on the provider's pool.
        var firstOptions = HoldingData(args);
        foreach (var earlier in args.After)
        {
            firstOptions.DependsOn.Add(earlier);
        }

        // An adopted database the server's admin owns has no role of its own: it is owned by the provider's own login.
        var owner = Output.Create(tenant.RoleName);
        var databaseOptions = firstOptions;
        if (tenant.OwnerKind != TenantOwnerKind.ServerAdmin)
        {
            var ownerOptions = firstOptions;
            // An existing role is imported as it is: no password input until the stack manages one, so the one its
            // application logs in with is never changed (the provider cannot read a password back, nor compare one).
            ownerOptions.ImportId = args.ImportExisting && tenant.OwnerKind == TenantOwnerKind.Existing ? tenant.RoleName : null;
            var roleArgs = new RoleArgs
            {
                Name = tenant.RoleName,
                Login = true,
                ConnectionLimit = tenant.OwnerConnectionLimit,
            };
            if (password is not null)
            {
                roleArgs.Password = password.Result;
            }
            var role = new Role($"{name}-owner", roleArgs, ownerOptions);
            owner = role.Name;

            // PostgreSQL 16+: CREATE DATABASE ... OWNER needs the creating admin to be a member of the owner role; migrate
            // joins it too, to act as an adopted role whose password the stack does not hold.
            var adminMembership = new GrantRole($"{name}-admin-membership", new GrantRoleArgs
            {
                Role = args.AdminUsername,
                GrantRoleName = role.Name,
            }, OnServer(args));
            databaseOptions = HoldingData(args);
            databaseOptions.DependsOn.Add(adminMembership);
        }

        // A database that exists is imported with the inputs the server holds, and what no Read can see is ignored.
        databaseOptions.ImportId = args.ImportExisting ? tenant.DatabaseName : null;
        databaseOptions.IgnoreChanges = tenant.Template is null ? [.. UnreadableDatabaseInputs] : [];
        var database = new Database($"{name}-database", new DatabaseArgs
        {
            Name = tenant.DatabaseName,
            Owner = owner,
            Template = Optional(tenant.Template),
            Encoding = tenant.Encoding,
            LcCollate = Optional(args.LcCollate),
            LcCtype = Optional(args.LcCtype),
            ConnectionLimit = tenant.ConnectionLimit,
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
        RoleName = owner;
        // Empty, and secret like every password, where the stack does not hold the owner's password.
        Password = Output.CreateSecret(password?.Result ?? Output.Create(""));
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

    /// <summary>The owner role's password; a secret, empty where the stack does not manage it.</summary>
    public Output<string> Password { get; }

    /// <summary>
    /// The last of the tenant's operations on its server (each one waits for the one before): a later tenant of the
    /// same lane starts after it, and is deleted before it.
    /// </summary>
    public Resource LastServerOperation { get; }

    private RandomPassword GeneratedPassword(string name, TenantPlan tenant)
    {
        var passwordArgs = new RandomPasswordArgs
        {
            Length = PasswordLength,
            Special = false,
        };
        // A changed keeper makes Pulumi generate a new password; the role is then updated in place.
        if (tenant.PasswordKeepers() is { } keepers)
        {
            passwordArgs.Keepers = new InputMap<string>();
            foreach (var (key, value) in keepers)
            {
                passwordArgs.Keepers.Add(key, value);
            }
        }
        return new RandomPassword($"{name}-password", passwordArgs, new CustomResourceOptions { Parent = this });
    }

    private CustomResourceOptions OnServer(TenantDatabaseArgs args) =>
        new() { Parent = this, Provider = args.Provider };

    // Protected, a replacement or a removal fails instead of dropping data; retained, a removed tenant keeps it. An
    // adopted tenant gets the stack's protection from its first import.
    private CustomResourceOptions HoldingData(TenantDatabaseArgs args) => new()
    {
        Parent = this,
        Provider = args.Provider,
        Protect = args.Tenant.Protection.Protect,
        RetainOnDelete = args.Tenant.Protection.RetainOnDelete,
    };

    private static Input<string>? Optional(string? value) => value is null ? null : (Input<string>)value;
}
