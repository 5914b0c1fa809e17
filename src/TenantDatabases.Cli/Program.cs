using TenantDatabases.Cli;

return await TenantDbApp.RunAsync(args);
