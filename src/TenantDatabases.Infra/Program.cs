using Pulumi;
using TenantDatabases.Infra;

// The stack body lives in TenantDatabasesStack so that the tests run exactly what `pulumi up` runs.
return await Deployment.RunAsync(TenantDatabasesStack.DeclareAsync);
