using Pulumi.Testing;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>A run of the stack body that failed: the problem it raised, and what reached the engine before it.</summary>
public sealed record RejectedDeployment(Exception Problem, IReadOnlyList<MockResourceArgs> Registered);
