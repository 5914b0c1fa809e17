using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.StackFiles;

public sealed class StackFileReaderTests
{
    [Fact]
    public void SecureLeavesStayCiphertextWithTheirPosition()
    {
        var result = StackFileReader.Parse("Pulumi.test.yaml", StackYaml.Valid);
        var servers = (ConfigMap)result.File!.Config["tenant-databases:servers"]!;
        var password = ((ConfigMap)servers["eu-primary"]!)["password"];
        var secure = Assert.IsType<ConfigSecureValue>(password);
        Assert.Equal("v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB", secure.Ciphertext);
        Assert.Equal(new SourceLocation(10, 17), secure.Location);
    }

    [Fact]
    public void SecretsProviderAndSaltAreRead()
    {
        var result = StackFileReader.Parse("Pulumi.dev.yaml", "secretsprovider: passphrase\nencryptionsalt: v1:abc=:v1:def:ghi\nconfig: {}\n");
        Assert.Empty(result.Problems);
        Assert.Equal("passphrase", result.File!.SecretsProvider);
        Assert.Equal("v1:abc=:v1:def:ghi", result.File.EncryptionSalt);
        Assert.Empty(result.File.Config.Entries);
    }

    [Theory]
    [InlineData("config:\n  a: [1, 2\n", 3)]
    [InlineData("config:\n  a: 1\n   b: 2\n", 3)]
    [InlineData("config:\n  a: 1\n  a: 2\n", 3)]
    [InlineData("config:\n  servers:\n\tkey: 1\n", 3)]
    public void MalformedYamlIsAProblemWithLineAndColumn(string yaml, int line)
    {
        var result = StackFileReader.Parse("Pulumi.bad.yaml", yaml);
        Assert.Null(result.File);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(line, problem.Location!.Line);
        Assert.True(problem.Location.Column >= 1);
        Assert.StartsWith($"Pulumi.bad.yaml:{line}:", problem.Format("Pulumi.bad.yaml"));
    }

    [Fact]
    public void AnEmptyFileHasAnEmptyConfig()
    {
        var result = StackFileReader.Parse("Pulumi.empty.yaml", "");
        Assert.Empty(result.Problems);
        Assert.Empty(result.File!.Config.Entries);
    }

    [Fact]
    public void ATopLevelListIsAProblem()
    {
        var result = StackFileReader.Parse("Pulumi.list.yaml", "- a\n- b\n");
        Assert.Null(result.File);
        Assert.Equal(1, Assert.Single(result.Problems).Location!.Line);
    }

    [Fact]
    public void HostileNestingIsAProblemNotACrash()
    {
        var result = StackFileReader.Parse("Pulumi.deep.yaml", "config: " + new string('[', 1_000) + new string(']', 1_000) + "\n");
        Assert.Null(result.File);
        Assert.Contains("nests deeper", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void AScannerFailureOfYamlDotNetIsAProblemNotACrash()
    {
        // Found by fuzzing: YamlDotNet 18.1's scanner throws InvalidOperationException on this input.
        var result = StackFileReader.Parse("Pulumi.open.yaml", "config: {\nservers\n");

        Assert.Null(result.File);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("cannot be read past this point", problem.Message);
        Assert.NotNull(problem.Location);
    }

    [Theory]
    [InlineData("Pulumi.prod.yaml", "prod")]
    [InlineData("Pulumi.eu.west.yaml", "eu.west")]
    [InlineData("Pulumi.yaml", null)]
    [InlineData("Pulumi..yaml", null)]
    [InlineData("Pulumi.prod.yml", null)]
    [InlineData("notes.prod.yaml", null)]
    public void AStackFilesNameGivesItsStack(string fileName, string? stack)
    {
        Assert.Equal(stack, StackFile.StackName(fileName));
        if (stack is not null)
        {
            Assert.Equal(fileName, StackFile.FileName(stack));
        }
    }
}
