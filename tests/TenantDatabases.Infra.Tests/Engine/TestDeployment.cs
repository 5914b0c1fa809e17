using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>One run of the stack body against the mocked engine, and what it declared.</summary>
public sealed record TestDeployment(
    IReadOnlyList<MockResourceArgs> Registered,
    IReadOnlyList<DeclaredResource> Declared,
    IDictionary<string, object?> Outputs)
{
    private const string ConfigVariable = "PULUMI_CONFIG";
    private const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>
    /// Runs the stack with <paramref name="config"/> as its configuration (as <c>pulumi up</c> would, not a preview);
    /// <paramref name="lastOutputs"/> are the outputs its last deployment left (none: the first deploy).
    /// </summary>
    public static async Task<TestDeployment> RunAsync(TestStackConfig config, string stackName = "dev", IReadOnlyDictionary<string, object>? lastOutputs = null)
    {
        var mocks = new Mocks(lastOutputs);
        var resources = await WithConfigAsync(config, () => Deployment.TestAsync<ObservedStack>(mocks, Options(stackName)));
        var stack = resources.OfType<ObservedStack>().Single();
        return new TestDeployment(mocks.Registered, stack.Declared, stack.DeclaredOutputs);
    }

    /// <summary>
    /// Runs a stack that must fail; returns the failure and what reached the engine. A <paramref name="referenceFailure"/>
    /// is what the backend answers the stack's reference to itself.
    /// </summary>
    public static async Task<RejectedDeployment> FailAsync(
        TestStackConfig config, IReadOnlyDictionary<string, object>? lastOutputs = null, string? referenceFailure = null)
    {
        var mocks = new Mocks(lastOutputs, referenceFailure);
        // The stack body as Program.cs runs it (no observing stack around it), so the failure is reported as `pulumi up` reports it.
        var error = await Record.ExceptionAsync(() =>
            WithConfigAsync(config, async () => (await Deployment.TestAsync(mocks, Options("dev"), TenantDatabasesStack.DeclareAsync)).Resources));
        Assert.NotNull(error);
        return new RejectedDeployment(error, mocks.Registered);
    }

    private static TestOptions Options(string stackName) =>
        new() { ProjectName = TestStackConfig.Project, StackName = stackName, IsPreview = false };

    // The deployment reads its configuration from the environment when it starts.
    private static async Task<ImmutableArray<Resource>> WithConfigAsync(TestStackConfig config, Func<Task<ImmutableArray<Resource>>> run)
    {
        Environment.SetEnvironmentVariable(ConfigVariable, config.PulumiConfigJson());
        Environment.SetEnvironmentVariable(SecretKeysVariable, TestStackConfig.SecretKeysJson());
        try
        {
            return await run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfigVariable, null);
            Environment.SetEnvironmentVariable(SecretKeysVariable, null);
        }
    }
}
