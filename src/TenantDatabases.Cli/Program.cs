using TenantDatabases.Cli;
using TenantDatabases.Cli.Cancellation;

using var signals = CancelSignals.Register();
return await TenantDbApp.RunAsync(args, signals: signals);
