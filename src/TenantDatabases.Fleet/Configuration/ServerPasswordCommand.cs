namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// The command that sets a server's admin password in a stack, as every fix that needs it shows it: always with
/// <c>--stack</c> (without it the CLI writes to whichever stack is selected, perhaps another region's), and never
/// with the password as an argument (the CLI asks for it without echoing, so it stays out of shell history and ps).
/// </summary>
public static class ServerPasswordCommand
{
    /// <summary>The command for <paramref name="server"/>; <paramref name="stack"/> null shows a placeholder to fill in.</summary>
    public static string For(string server, string? stack = null) =>
        $"pulumi config set --secret --path '{Key(server)}' --stack {stack ?? "<stack>"}";

    /// <summary>The config path of the password.</summary>
    public static string Key(string server) => $"{ConfigKeys.Servers}.{server}.{ConfigKeys.Password}";
}
