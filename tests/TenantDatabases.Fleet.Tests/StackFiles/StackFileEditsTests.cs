using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Fleet.Tests.StackFiles;

public sealed class PasswordVersionWriterTests
{
    private const string Stack = """
        encryptionsalt: v1:c2FsdA==:v1:AAAA:BBBB
        config:
          tenant-databases:servers:
            eu-primary:
              host: pg-eu-1.internal   # primary
          tenant-databases:tenants:
            acme-coffee:
              server: eu-primary   # the first customer
            bobs-books:
                server: eu-primary
                passwordVersion: "2"   # rotated once
            corner-bakery: {server: eu-primary}

        """;

    [Fact]
    public void AVersionIsAddedAsOneLineBelowTheTenantsLastKeyInItsIndentation()
    {
        var edit = PasswordVersionWriter.Set(Stack, "acme-coffee", 2);

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Equal(Stack.Replace("      server: eu-primary   # the first customer\n",
            "      server: eu-primary   # the first customer\n      passwordVersion: 2\n"), edit.Value);
    }

    [Fact]
    public void AnExistingVersionIsReplacedWhereItIsWrittenKeepingItsComment()
    {
        var edit = PasswordVersionWriter.Set(Stack, "bobs-books", 3);

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Equal(Stack.Replace("passwordVersion: \"2\"   # rotated once", "passwordVersion: 3   # rotated once"), edit.Value);
    }

    [Fact]
    public void CrLfFilesGetACrLfLine()
    {
        var crlf = Stack.Replace("\n", "\r\n");

        var edit = PasswordVersionWriter.Set(crlf, "acme-coffee", 2);

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Contains("# the first customer\r\n      passwordVersion: 2\r\n    bobs-books:", edit.Value);
    }

    [Theory]
    [InlineData("corner-bakery", "block mapping")]
    [InlineData("nobody", "not in the stack file")]
    public void AnUnknownOrFlowTenantIsRefused(string tenant, string problem)
    {
        var edit = PasswordVersionWriter.Set(Stack, tenant, 2);

        Assert.False(edit.Succeeded);
        Assert.Contains(problem, edit.Problem);
    }
}

public sealed class ServerPasswordWriterTests
{
    private const string Stack = """
        encryptionsalt: v1:c2FsdA==:v1:AAAA:BBBB
        config:
          tenant-databases:servers:
            eu-primary:
              host: pg-eu-1.internal
              password:
                secure: v1:AAAAAAAAAAAAAAAA:OLDPRIMARY   # set by pulumi
            eu-secondary:
              password: {secure: "v1:CCCCCCCCCCCCCCCC:OLDSECONDARY"}
            eu-plain:
              password: not-encrypted
        """;

    [Fact]
    public void OnlyTheServersCiphertextChanges()
    {
        var edit = ServerPasswordWriter.ReplaceSecure(Stack, "eu-primary", "v1:NEWNONCE:NEWCIPHER");

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Equal(Stack.Replace("v1:AAAAAAAAAAAAAAAA:OLDPRIMARY", "v1:NEWNONCE:NEWCIPHER"), edit.Value);
    }

    [Fact]
    public void AQuotedFlowValueKeepsItsQuotes()
    {
        var edit = ServerPasswordWriter.ReplaceSecure(Stack, "eu-secondary", "v1:NEW:VALUE==");

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Equal(Stack.Replace("\"v1:CCCCCCCCCCCCCCCC:OLDSECONDARY\"", "\"v1:NEW:VALUE==\""), edit.Value);
    }

    [Theory]
    [InlineData("eu-plain")]
    [InlineData("nowhere")]
    public void AServerWithoutASecureValueIsRefusedWithTheCommandThatSetsOne(string server)
    {
        var edit = ServerPasswordWriter.ReplaceSecure(Stack, server, "v1:NEW:VALUE");

        Assert.False(edit.Succeeded);
        Assert.Contains($"pulumi config set --secret --path 'servers.{server}.password'", edit.Problem);
    }
}
