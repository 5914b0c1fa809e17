using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Fleet.Tests.StackFiles;

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
        Assert.Equal(Stack.Replace("v1:AAAAAAAAAAAAAAAA:OLDPRIMARY", "v1:NEWNONCE:NEWCIPHER"), edit.Text);
    }

    [Fact]
    public void AQuotedFlowValueKeepsItsQuotes()
    {
        var edit = ServerPasswordWriter.ReplaceSecure(Stack, "eu-secondary", "v1:NEW:VALUE==");

        Assert.True(edit.Succeeded, edit.Problem);
        Assert.Equal(Stack.Replace("\"v1:CCCCCCCCCCCCCCCC:OLDSECONDARY\"", "\"v1:NEW:VALUE==\""), edit.Text);
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
