using Pulumi;
using Pulumi.Testing;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>A run of the stack body that failed: the problem it raised, and what reached the engine before it.</summary>
public sealed record RejectedDeployment(Exception Problem, IReadOnlyList<MockResourceArgs> Registered)
{
    /// <summary>
    /// The one message the engine reported. The SDK may see the body's failure through more than one of its tasks (the
    /// stack's outputs, their registration) and report each; every report must be the same <see cref="RunException"/>,
    /// the kind Pulumi prints without a stack trace.
    /// </summary>
    public string RunErrorMessage
    {
        get
        {
            var reported = Problem is AggregateException all ? all.InnerExceptions.ToList() : [Problem];
            Assert.All(reported, error => Assert.IsType<RunException>(error));
            return Assert.Single(reported.Select(error => error.Message).Distinct());
        }
    }
}
