using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Secrets;

public sealed class PassphraseSourceTests
{
    private static Func<string, string?> Environment(Dictionary<string, string> variables) =>
        name => variables.GetValueOrDefault(name);

    [Fact]
    public void VariableWinsOverFile()
    {
        var (passphrase, failure) = PassphraseSource.Read(Environment(new() { ["PULUMI_CONFIG_PASSPHRASE"] = "p1", ["PULUMI_CONFIG_PASSPHRASE_FILE"] = "/nonexistent" }), "s");

        Assert.Equal("p1", passphrase);
        Assert.Null(failure);
    }

    [Fact]
    public void FileIsReadWithoutItsFinalNewline()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-file\n");
        try
        {
            Assert.Equal("from-file", PassphraseSource.Read(Environment(new() { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file }), "s").Value);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FileIsTrimmedAtBothEndsAsThePulumiCliTrimsIt()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, " \tfrom file \r\n\n");
        try
        {
            Assert.Equal("from file", PassphraseSource.Read(Environment(new() { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file }), "s").Value);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NothingSetSaysWhatToSetAndGivesTheDevPassphraseForTheDevStackOnly()
    {
        var dev = PassphraseSource.Read(Environment([]), "dev").Problem;
        var prod = PassphraseSource.Read(Environment([]), "prod").Problem;

        Assert.Contains("PULUMI_CONFIG_PASSPHRASE_FILE", prod);
        Assert.Contains(PassphraseSource.DevPassphrase, dev);
        Assert.DoesNotContain(PassphraseSource.DevPassphrase, prod);
    }

    [Fact]
    public void UnreadableFileNamesTheFile()
    {
        var failure = PassphraseSource.Read(Environment(new() { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = "/nonexistent/passphrase" }), "s").Problem;

        Assert.Contains("/nonexistent/passphrase", failure);
    }
}
