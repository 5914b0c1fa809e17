using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>Two real servers shared by the tests of the runbook scripts: started once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class RunbookServers : ICollectionFixture<TwoServersFixture>
{
    public const string Name = "runbook servers";
}
