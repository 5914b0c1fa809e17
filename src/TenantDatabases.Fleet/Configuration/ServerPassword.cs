using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads a server's password into a <see cref="PasswordSetting"/>; its text never leaves this method.</summary>
internal static class ServerPassword
{
    public static PasswordSetting Read(ConfigValue value, string path, string serverName, ConfigOrigin origin,
        ConfigValueReader values, SourceLocation? fallback)
    {
        var setCommand = ServerPasswordCommand.For(serverName);
        switch (value)
        {
            case ConfigSecureValue secure:
                return PasswordSetting.Secure(secure.Ciphertext);
            case ConfigScalar { Text: null or "" }:
                return PasswordSetting.Missing;
            case ConfigScalar when origin == ConfigOrigin.PulumiConfig:
                return PasswordSetting.Provided;
            case ConfigScalar:
                // The value is not echoed: it is a password in plain text.
                values.Problems.Error(path, "The password is plain text in the stack file; it must be an encrypted 'secure:' value.",
                    $"Remove it and run: {setCommand} (then change the password on the server: it has been exposed).",
                    value.Location ?? fallback);
                return PasswordSetting.PlainText;
            default:
                values.Problems.Error(path, "The password must be a 'secure:' value, not a mapping or a list.",
                    $"Run: {setCommand}.", value.Location ?? fallback);
                return PasswordSetting.Missing;
        }
    }
}
