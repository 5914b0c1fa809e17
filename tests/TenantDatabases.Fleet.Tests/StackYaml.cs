using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests;

/// <summary>Stack file text for tests: a valid two-server stack, and reading text through the real reader.</summary>
internal static class StackYaml
{
    public const string Valid = """
        config:
          tenant-databases:protect: true
          tenant-databases:residency: [eu-west]
          tenant-databases:servers:
            eu-primary:
              host: pg-eu-1.internal
              port: 5432
              username: provisioner
              password:
                secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB
              region: eu-west
              default: true
              sslMode: require
              maxTenants: 100
            eu-secondary:
              host: pg-eu-2.internal
              username: provisioner
              password:
                secure: v1:CCCCCCCCCCCCCCCC:DDDDDDDDDDDDDDDDDDDDDDDD
              region: eu-west
          tenant-databases:tenants:
            acme-coffee:
              server: eu-primary
            bobs-books:
              server: eu-secondary
              connectionLimit: 5
        """;

    /// <summary>
    /// The valid stack with three adopted tenants on eu-primary, as <c>tenantdb adopt</c> writes them: one owned by the
    /// admin (with settings the server holds), one by a role of its own with an odd name, one by its role whose password
    /// the stack manages (passwordVersion 2).
    /// </summary>
    public const string Adopted = Valid + """

            legacy-shop:
              server: eu-primary
              database: legacy_shop
              owner: provisioner
              connectionLimit: -1
              encoding: LATIN1
              lcCollate: C
              lcCtype: C
            app-shop:
              server: eu-primary
              database: "App Shop"
              owner: "o'brien \"app\" rôle"
              connectionLimit: -1
              ownerConnectionLimit: 5
            rotated-shop:
              server: eu-primary
              database: tenant_rotated_shop
              owner: rotated_app
              passwordVersion: 2
        """;

    public static ValidationResult Read(string yaml, ConfigOrigin origin = ConfigOrigin.StackFile)
    {
        var file = StackFileReader.Parse("Pulumi.test.yaml", yaml);
        Assert.True(file.File is not null, string.Join("\n", file.Problems.Select(problem => problem.Format("Pulumi.test.yaml"))));
        return FleetConfigurationReader.Read(file.File!.Config, origin);
    }

    /// <summary>The valid stack with one line replaced (the first line containing <paramref name="line"/>).</summary>
    public static string ValidWith(string line, string replacement)
    {
        var lines = Valid.Split('\n').ToList();
        var index = lines.FindIndex(candidate => candidate.Contains(line, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line contains '{line}'");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    public static ConfigProblem SingleError(ValidationResult result, string path)
    {
        var errors = result.Errors.Where(problem => problem.Path == path).ToList();
        Assert.True(errors.Count == 1, $"expected one error at {path}, got:\n" + string.Join("\n", result.Problems.Select(problem => problem.Format(null))));
        return errors[0];
    }
}
