using Moq;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.Rotation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Tests.Rotation;

/// <summary>The way back of a rotation, with the stack's record replaced at its seam so that a step can fail or a signal can come at a chosen point.</summary>
public sealed class ServerPasswordRotationTests(RotationServerFixture fixture) : IClassFixture<RotationServerFixture>
{
    private const string NewPassword = "the-new-admin-password-0123456789";

    private static string? Environment(string name) => name == PassphraseSource.Variable ? RotationServerFixture.Passphrase : null;

    private static ServerPasswordRequest Request(string directory, bool dryRun = false) =>
        new("test", directory, null, "main", dryRun, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task ASignalAfterTheStacksRecordChangedPutsTheOldPasswordBackInBoth()
    {
        var (stack, role, old) = await fixture.AdminAsync();
        using var _ = stack;
        using var interrupt = new CancellationTokenSource();
        var record = new Mock<IServerPasswordRecord>();
        record.SetupGet(r => r.Description).Returns("the stack");
        record.Setup(r => r.WriteAsync(NewPassword, It.IsAny<CancellationToken>()))
            .Callback(() => interrupt.Cancel())
            .ReturnsAsync(StackRecordResult.Done);
        record.Setup(r => r.RestoreAsync(old, It.IsAny<CancellationToken>())).ReturnsAsync(StackRecordResult.Done);

        var result = await ServerPasswordRotation.RunAsync(Request(stack.Directory), NewPassword, Environment, interrupt.Token, record.Object);

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Contains("Interrupted by a signal after the stack's record changed", result.Problem);
        record.Verify(r => r.RestoreAsync(old, It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(await fixture.LogsInAsync(role, old), "the old password must work again");
        Assert.False(await fixture.LogsInAsync(role, NewPassword), "the new password must be refused");
        Assert.Equal(["login", "server", "stack", "test", "restore-stack", "restore-server"], result.Steps.Select(step => step.Name));
    }

    [Fact]
    public async Task AFailedRecordPutsTheOldPasswordBackOnTheServer()
    {
        var (stack, role, old) = await fixture.AdminAsync();
        using var _ = stack;
        var record = new Mock<IServerPasswordRecord>();
        record.SetupGet(r => r.Description).Returns("the stack");
        record.Setup(r => r.WriteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(StackRecordResult.Failed("the disk is full"));

        var result = await ServerPasswordRotation.RunAsync(Request(stack.Directory), NewPassword, Environment, CancellationToken.None, record.Object);

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Equal("the disk is full", result.Problem);
        record.Verify(r => r.RestoreAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.True(await fixture.LogsInAsync(role, old));
        Assert.False(await fixture.LogsInAsync(role, NewPassword));
    }

    [Fact]
    public async Task ASignalBeforeTheServerChangedChangesNothing()
    {
        var (stack, role, old) = await fixture.AdminAsync();
        using var _ = stack;
        var record = new Mock<IServerPasswordRecord>(MockBehavior.Strict);
        record.SetupGet(r => r.Description).Returns("the stack");

        var result = await ServerPasswordRotation.RunAsync(Request(stack.Directory), NewPassword, Environment, new CancellationToken(canceled: true), record.Object);

        Assert.Equal(RotationOutcome.Unchanged, result.Outcome);
        Assert.True(await fixture.LogsInAsync(role, old));
    }

    [Fact]
    public async Task APassphraseStackIsRotatedInTheFileAndTheServer()
    {
        var (stack, role, old) = await fixture.AdminAsync();
        using var _ = stack;
        var file = Path.Combine(stack.Directory, "Pulumi.test.yaml");
        var before = await File.ReadAllTextAsync(file);

        var result = await ServerPasswordRotation.RunAsync(Request(stack.Directory), NewPassword, Environment, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(RotationOutcome.Rotated, result.Outcome);
        Assert.False(await fixture.LogsInAsync(role, old));
        Assert.True(await fixture.LogsInAsync(role, NewPassword));
        var after = await File.ReadAllTextAsync(file);
        var (oldValue, newValue) = OnlyDifference(before, after);
        var crypter = PassphraseCrypter.Unlock(after.Split('\n')[0]["encryptionsalt: ".Length..], RotationServerFixture.Passphrase);
        Assert.Equal(old, crypter.Decrypt(oldValue));
        Assert.Equal(NewPassword, crypter.Decrypt(newValue));
    }

    // The one differing span of two texts that differ in one secure value (base64 and ':' only).
    private static (string Before, string After) OnlyDifference(string before, string after)
    {
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start])
        {
            start++;
        }
        while (start > 0 && before[start - 1] != ' ')
        {
            start--;
        }
        var beforeEnd = before.IndexOf('\n', start);
        var afterEnd = after.IndexOf('\n', start);
        Assert.Equal(before[beforeEnd..], after[afterEnd..]);
        return (before[start..beforeEnd], after[start..afterEnd]);
    }
}
